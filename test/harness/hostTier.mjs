// The `host` tier: the mocha suite in test/host runs inside a real VS Code extension host.
// Here that host is code-server driven through Chromium (the workbench reports the exit code to the page);
// where a desktop VS Code is given (SPACES_VSCODE_EXECUTABLE) or may be downloaded (SPACES_VSCODE_DOWNLOAD=1)
// the same suite runs through @vscode/test-electron. A run that names a code-server `version` (the floor
// tier's) always runs in that code-server.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { startCodeServer } from './codeServer.mjs';
import { launchBrowser } from './browser.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const TESTS = path.join(ROOT, 'out', 'test', 'host', 'index.js');
const TIMEOUT_MS = 5 * 60_000;

/**
 * Runs the host suite (or another module with a `run()`, named by `entry`: the workbench bench's) in a real
 * extension host, and returns what it wrote to SPACES_TEST_RESULTS (`pending`: the skipped tests' titles,
 * `vscode`: the version of the VS Code they ran in).
 * @param {{ env?: Record<string, string>, settings?: object, log?: (line: string) => void, entry?: string, version?: string }} [options]
 * @returns {Promise<{ passed: number, failed: number, pending?: string[], failures: {title: string, error: string}[], vscode?: string }>}
 */
export async function runHostTier({ env = {}, settings = {}, log = console.log, entry = TESTS, version } = {}) {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: build the tests first (node esbuild.mjs --tests)`);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'spaces-host-'));
  const resultsFile = path.join(scratch, 'results.json');
  const testEnv = { ...env, SPACES_TEST_RESULTS: resultsFile };
  try {
    const exitCode =
      !version && (process.env.SPACES_VSCODE_EXECUTABLE || process.env.SPACES_VSCODE_DOWNLOAD === '1')
        ? await runInDesktop(testEnv, scratch, entry)
        : await runInCodeServer(testEnv, settings, log, entry, version);
    if (!existsSync(resultsFile)) {
      throw new Error(`the extension host ended (exit ${exitCode}) without writing results: the suite did not load or run`);
    }
    const text = readFileSync(resultsFile, 'utf8');
    const results = JSON.parse(text);
    if (!Number.isInteger(results?.passed) || !Number.isInteger(results?.failed)) throw new Error(`the results hold no counts: ${text.slice(0, 200)}`);
    if (results.failed === 0 && exitCode !== 0) throw new Error(`the extension host reported exit ${exitCode} although no test failed`);
    return results;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function runInCodeServer(env, settings, log, entry, version) {
  // The suite's environment goes to code-server, whose extension host inherits it: VS Code 1.96's workbench
  // ignores the payload's `extensionEnvironment` (1.139 reads it), so that key would not reach the floor's.
  const server = await startCodeServer({ extensionTests: true, settings, version, env });
  let browser;
  try {
    browser = await launchBrowser();
    const { page } = browser;
    let settle;
    const exited = new Promise((resolve) => (settle = resolve));
    await page.exposeFunction('codeAutomationExit', (code) => settle(code));
    await page.exposeFunction('codeAutomationLog', (_type, args) => log(format(...(Array.isArray(args) ? args : [args]))));
    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(entry)],
      ['skipWelcome', 'true'],
    ];
    await page.goto(`${server.workspaceUrl}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const timeout = new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`the extension host did not finish within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS).unref(),
    );
    return await Promise.race([exited, timeout]);
  } finally {
    await browser?.close();
    await server.stop();
  }
}

async function runInDesktop(env, scratch, entry) {
  const { runTests } = await import('@vscode/test-electron');
  try {
    await runTests({
      vscodeExecutablePath: process.env.SPACES_VSCODE_EXECUTABLE || undefined,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: entry,
      extensionTestsEnv: env,
      launchArgs: ['--disable-extensions', '--user-data-dir', path.join(scratch, 'ud'), '--skip-welcome', '--skip-release-notes'],
    });
    return 0;
  } catch {
    return 1;
  }
}
