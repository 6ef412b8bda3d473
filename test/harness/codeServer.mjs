// Starts a real VS Code (code-server, on the Node its version needs) on loopback with a throwaway profile, and
// stops it with its whole process group. Used by the host and e2e tiers and by the demo.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './ports.mjs';
import { CODE_SERVER_VERSION, provision } from './provision.mjs';
import { eventually } from './wait.mjs';

const run = promisify(execFile);

/** Settings that keep the Welcome page, Chat and update prompts out of the way. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'security.workspace.trust.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/**
 * The code-server version to start when the caller names none: SPACES_CODE_SERVER_VERSION, which the runner
 * sets for the e2e files of the floor tier (each file starts its own code-server), else the current one.
 */
export const defaultCodeServerVersion = () => process.env.SPACES_CODE_SERVER_VERSION || CODE_SERVER_VERSION;

/**
 * @param {{ settings?: object, vsix?: string, alsoInstall?: string[], extensionTests?: boolean, env?: Record<string,string>,
 *   dir?: string, port?: number, keepDir?: boolean, locale?: string, version?: string }} options `alsoInstall`: more
 *   VSIX files installed beside `vsix` (another extension, as a user has them); `locale`: the display language
 *   (`--locale`), which extensions read as `vscode.env.language` and load their translations for (see
 *   `registerEmptyLanguagePack`); `version`: code-server's (see `defaultCodeServerVersion`); `extensionTests`:
 *   the page may start extension tests (see provision.mjs).
 */
export async function startCodeServer(options = {}) {
  const tools = await provision({ version: options.version ?? defaultCodeServerVersion() });
  const dir = options.dir ?? mkdtempSync(path.join(os.tmpdir(), 'spaces-cs-'));
  const paths = {
    home: path.join(dir, 'home'),
    userData: path.join(dir, 'ud'),
    extensions: path.join(dir, 'exts'),
    workspace: path.join(dir, 'workspace'),
    config: path.join(dir, 'config.yaml'),
    log: path.join(dir, 'code-server.log'),
  };
  for (const d of [paths.home, path.join(paths.userData, 'User'), paths.extensions, paths.workspace]) mkdirSync(d, { recursive: true });
  writeFileSync(path.join(paths.userData, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2));
  writeFileSync(paths.config, 'auth: none\n');
  if (options.locale) registerEmptyLanguagePack(paths.userData, options.locale);

  const env = {
    ...process.env,
    ...options.env,
    HOME: paths.home,
    PATH: `${path.dirname(tools.node)}${path.delimiter}${process.env.PATH}`,
  };
  delete env.VSCODE_IPC_HOOK_CLI; // A VS Code terminal's hook would hand our commands to that VS Code.
  const profile = ['--user-data-dir', paths.userData, '--extensions-dir', paths.extensions];

  for (const vsix of [options.vsix ?? [], options.alsoInstall ?? []].flat()) {
    await run(tools.node, [tools.codeServer, ...profile, '--install-extension', vsix], { env });
  }

  const port = options.port ?? (await freePort());
  const args = [
    tools.codeServer,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--config', paths.config,
    ...profile,
    ...(options.extensionTests ? tools.extensionTestsArgs : []),
    ...(options.locale ? ['--locale', options.locale] : []),
    paths.workspace,
  ];
  const logStream = createWriteStream(paths.log);
  // Its own process group, so stop() can end code-server together with every helper it spawned.
  const child = spawn(tools.node, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(logStream);
  child.stderr.pipe(logStream);
  const exited = new Promise((resolve) => child.once('exit', resolve));

  const stop = async () => {
    unregister();
    await killGroup(child.pid, exited);
    logStream.end();
    if (!options.keepDir && !options.dir) rmSync(dir, { recursive: true, force: true });
  };
  const unregister = onProcessExit(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  });

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, exited);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, port, dir, paths, stop, workspaceUrl: `${url}/?folder=${encodeURIComponent(paths.workspace)}` };
}

/**
 * VS Code takes a display language only when a language pack for it is installed: without one, `--locale`
 * falls back to English, for the workbench and for every extension. None can be downloaded here, so this
 * registers a pack with no translations of its own (the user data's `languagepacks.json`, as installing one
 * writes it): the workbench then runs in `locale` with its own words in English, and extensions get
 * `vscode.env.language` = `locale` and load their own bundles for it.
 */
function registerEmptyLanguagePack(userData, locale) {
  const translations = path.join(userData, `empty-language-pack.${locale}.json`);
  writeFileSync(translations, JSON.stringify({ contents: {} }));
  // The workbench reads the pack's extension (as an installed pack names itself) while it starts.
  const extensions = [{ extensionIdentifier: { id: `spaces-test.empty-language-pack-${locale}` }, version: '0.0.0' }];
  const pack = { hash: `empty-${locale}`, extensions, translations: { vscode: translations }, label: locale };
  writeFileSync(path.join(userData, 'languagepacks.json'), JSON.stringify({ [locale]: pack }, null, 2));
}

async function waitForHealth(url, exited, timeoutMs = 60_000) {
  let gone = false;
  void exited.then(() => (gone = true));
  const healthy = () => fetch(`${url}/healthz`).then((res) => res.ok, () => false); // not listening yet
  await eventually(async () => gone || (await healthy()), Boolean, 'code-server to answer /healthz', timeoutMs);
  if (gone) throw new Error('code-server exited during start-up (see its log)');
}

/** TERM to the whole group, KILL after a grace period. */
export async function killGroup(pid, exited, graceMs = 5000) {
  const signal = (sig) => {
    try {
      process.kill(-pid, sig);
      return true;
    } catch {
      return false;
    }
  };
  if (!signal('SIGTERM')) return;
  const timer = new Promise((r) => setTimeout(r, graceMs, 'timeout'));
  await Promise.race([exited, timer]);
  signal('SIGKILL');
}

const exitHooks = new Set();
let hooked = false;
/** Runs `fn` if this process is ending (Ctrl+C, TERM, or normal exit); returns an unregister function. */
export function onProcessExit(fn) {
  exitHooks.add(fn);
  if (!hooked) {
    hooked = true;
    const runAll = () => {
      for (const hook of exitHooks) hook();
      exitHooks.clear();
    };
    process.once('exit', runAll);
    // A signal ends the process (and so runs the hooks) unless the program handles it itself.
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
      process.on(sig, () => {
        if (process.listenerCount(sig) === 1) process.exit(130);
      });
    }
  }
  return () => exitHooks.delete(fn);
}
