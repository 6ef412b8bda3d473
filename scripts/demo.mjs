// `npm run demo`: builds and packages the extension, starts the vendor sandbox, and opens a VS Code with
// the VSIX installed and a team's accounts (one per vendor, and one whose token has expired) pointing at
// the sandbox (test/sandbox/team). A desktop VS Code when `code`
// is on PATH, otherwise code-server on 127.0.0.1 (the URL is printed). Ctrl+C stops everything.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { startCodeServer, onProcessExit, killGroup, QUIET_SETTINGS } from '../test/harness/codeServer.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const VSIX = path.join(ROOT, 'spaces-explorer.vsix');
const say = (line) => console.log(`[demo] ${line}`);

function step(title, command, args) {
  say(title);
  execFileSync(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** Starts the sandbox in its own process group and reads the line it prints: its URL and the team's profile. */
async function startSandbox() {
  const child = spawn(process.execPath, [path.join(ROOT, 'out', 'sandbox', 'main.js')], { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  onProcessExit(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  });
  const first = await new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the sandbox exited (${code}) before it was ready`)));
  });
  return { ...JSON.parse(first), stop: () => killGroup(child.pid, exited) };
}

function hasDesktopCode() {
  return process.env.SPACES_DEMO_CODE_SERVER !== '1' && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function openDesktop(sandbox) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'spaces-demo-'));
  const profile = ['--user-data-dir', path.join(dir, 'ud'), '--extensions-dir', path.join(dir, 'exts')];
  mkdirSync(path.join(dir, 'ud', 'User'), { recursive: true });
  mkdirSync(path.join(dir, 'workspace'));
  writeFileSync(path.join(dir, 'ud', 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...sandbox.settings }, null, 2));
  execFileSync('code', [...profile, '--install-extension', VSIX], { stdio: 'inherit' });
  say('opening VS Code (close its window or press Ctrl+C here to stop)');
  // --wait keeps this process tied to the window; the accounts' secrets travel in the environment.
  spawnSync('code', [...profile, '--new-window', '--wait', path.join(dir, 'workspace')], { stdio: 'inherit', env: { ...process.env, ...sandbox.env } });
  rmSync(dir, { recursive: true, force: true });
}

async function openCodeServer(sandbox) {
  const port = process.env.SPACES_DEMO_PORT ? Number(process.env.SPACES_DEMO_PORT) : undefined;
  const server = await startCodeServer({ vsix: VSIX, port, env: sandbox.env, settings: sandbox.settings });
  say(`code-server is ready: open ${server.workspaceUrl}`);
  say('press Ctrl+C to stop');
  await new Promise((resolve) => {
    // `on`, not `once`: while this listener is attached the harness leaves the stopping to us.
    process.on('SIGINT', resolve);
    process.on('SIGTERM', resolve);
  });
  say('stopping');
  await server.stop();
}

step('packaging the extension', 'npm', ['run', '--silent', 'package']);
step('building the sandbox', process.execPath, ['esbuild.mjs', '--tests']);
const sandbox = await startSandbox();
say(`sandbox listening on ${sandbox.url} with ${sandbox.accounts.length} account(s)`);
try {
  await (hasDesktopCode() ? openDesktop(sandbox) : openCodeServer(sandbox));
} finally {
  await sandbox.stop();
}
say('stopped');
process.exit(0);
