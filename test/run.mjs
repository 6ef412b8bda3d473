// `npm test`: builds, then runs the tiers and prints one line per tier and a closing sum.
//   node test/run.mjs [unit] [host] [e2e] [host-floor] [e2e-floor]      (default: all five)
// host and e2e run on the current code-server (VS Code 1.139); host-floor and e2e-floor on the oldest VS Code
// package.json's `engines.vscode` admits (code-server 4.96.4, VS Code 1.96.4): the whole host suite, and the e2e
// files in E2E_FLOOR_FILES.
// A tier that cannot run counts as failed and says why, and so does a tier that ran no test. No test here is
// meant to be skipped: a skipped, todo or pending test counts as failed too, and its tier's line says so.
// The exit code is non-zero on any failure; the last line is the sum, `N passed, N failed`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runHostTier } from './harness/hostTier.mjs';
import { failuresIn } from './harness/tapReport.mjs';
import { CODE_SERVER_VERSION, FLOOR_CODE_SERVER_VERSION, paths, provision } from './harness/provision.mjs';
import { ensureSystemPackages, missingPackages } from './harness/systemPackages.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUTPUT = path.join(ROOT, '.test-output');
const VSIX = path.join(ROOT, 'spaces-explorer.vsix');

function exec(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(signal ? 1 : code));
  });
}

/** The files under `dir` (its folders too) whose names end in `suffix`. */
const filesIn = (dir, suffix) => (existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => f.endsWith(suffix)).map((f) => path.join(dir, f)) : []);

/**
 * How long one test (or hook) of a node:test tier may run before it fails, so a hung one fails the run
 * instead of stalling it; `--test-force-exit` then ends its file even though the hung work holds a timer or
 * a socket open. Before Node 24, `--test-timeout` bounds each test FILE as a whole, not each test
 * (nodejs/node#57656, fixed in 24.0.0 by #57672), so there each file gets `file` instead, its process ends
 * with it, and `--test-force-exit` is left out: it cuts the TAP file short there (nodejs/node#54327).
 * unit: the slowest file takes about 8 s, the slowest test a few; every wait in them gives up within 20 s.
 * e2e: starting code-server and Chromium (a `before`) may take 60 s for /healthz and 60 s for the workbench,
 * and the panel's window-reload test alone allows its steps about 250 s: above that, their own waits fail
 * first and say what they waited for. A file starts one code-server and runs up to a dozen such tests.
 */
const TIMEOUTS = { unit: { test: 60_000, file: 120_000 }, e2e: { test: 300_000, file: 40 * 60_000 } };
const TIMEOUT_PER_TEST = Number(process.versions.node.split('.')[0]) >= 24;

/**
 * Runs node:test over `files` one file at a time, echoing the spec reporter and counting from a TAP copy
 * (`.test-output/<name>.tap`). `kind` names the timeouts.
 */
async function nodeTests(name, kind, files, env = {}) {
  if (files.length === 0) throw new Error('no test files found');
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length) throw new Error(`test files missing: ${missing.map((f) => path.relative(ROOT, f)).join(', ')}`);
  const tap = path.join(OUTPUT, `${name}.tap`);
  rmSync(tap, { force: true });
  const timeout = TIMEOUT_PER_TEST ? [`--test-timeout=${TIMEOUTS[kind].test}`, '--test-force-exit'] : [`--test-timeout=${TIMEOUTS[kind].file}`];
  const code = await exec(
    process.execPath,
    ['--enable-source-maps', '--test', '--test-concurrency=1', ...timeout, '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files],
    env,
  );
  if (!existsSync(tap)) throw new Error(`node --test exited ${code} without a report`);
  const report = readFileSync(tap, 'utf8');
  if (!/^# tests \d+$/m.test(report)) throw new Error(`node --test exited ${code} with a report cut short (no summary in ${path.relative(ROOT, tap)})`);
  const count = (key) => Number(report.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
  const passed = count('pass');
  let failed = count('fail') + count('cancelled');
  // Named from the directives, not from `# skipped` and `# todo`: those leave out a skipped `describe` and its tests.
  const skipped = [...report.matchAll(/^\s*ok \d+ - (.*) # (SKIP|TODO)\b/gm)].map((m) => `${m[1]} (${m[2].toLowerCase()})`);
  if (failed === 0 && code !== 0) failed = 1; // a failing hook outside any test shows only in the exit code
  return { passed, failed, skipped, failures: failuresIn(report) };
}

/** The host suite's own output, without the workbench's console chatter around it. */
function hostLogFilter() {
  const lines = [];
  let inSuite = false;
  const noise = [/ENOTFOUND open-vsx\.org/, /OverlayWebview has been disposed/, /^\s+at /, /connection token/i, /Creating a socket/, /\[reconnection-grace-time\]/];
  return {
    lines,
    log(line) {
      lines.push(line);
      if (line.includes('--- spaces host suite ---')) inSuite = true;
      else if (inSuite && !noise.some((re) => re.test(line))) console.log(line);
    },
  };
}

/**
 * The e2e files the floor tier runs on VS Code 1.96.4 as well: the tree (the wizard, Open Space…, an error row,
 * a window reload, pins from the context menu) and the space panel (every vendor's, Refresh, Retry, a reload).
 */
const E2E_FLOOR_FILES = ['tree.test.mjs', 'panel-spaces.test.mjs'].map((f) => path.join(ROOT, 'test', 'e2e', f));

/**
 * The host suite in code-server `version` (none: the current one, or a desktop VS Code where one is given, see
 * hostTier.mjs); its output goes to `.test-output/<name>.log` as well.
 */
async function hostTier(name, version) {
  const filter = hostLogFilter();
  try {
    const grep = process.env.SPACES_HOST_GREP;
    const { passed, failed, pending = [], failures, vscode } = await runHostTier({ log: filter.log, env: grep ? { SPACES_HOST_GREP: grep } : {}, version });
    console.log(`${name} ran in VS Code ${vscode}`);
    // A floor tier that ran in another VS Code would prove nothing about the floor.
    if (version && vscode !== paths(version).vscodeVersion) throw new Error(`it ran in VS Code ${vscode}, not ${paths(version).vscodeVersion}`);
    return { passed, failed, failures, skipped: pending };
  } finally {
    writeFileSync(path.join(OUTPUT, `${name}.log`), filter.lines.join('\n'));
  }
}

let packaged;
/** Packages the VSIX the e2e tiers install, once per run however many of them run. */
function packageVsix() {
  packaged ??= (async () => {
    rmSync(VSIX, { force: true });
    const code = await exec('npm', ['run', '--silent', 'package']);
    if (code !== 0 || !existsSync(VSIX)) throw new Error('npm run package failed, so there is no VSIX to install');
  })();
  return packaged;
}

/** The e2e `files`, each starting its own code-server `version` (named to them in SPACES_CODE_SERVER_VERSION). */
async function e2eTier(name, files, version) {
  await packageVsix();
  // Installs code-server on first use (minutes), here rather than inside the first file's `before`.
  await provision({ version });
  return nodeTests(name, 'e2e', files, { SPACES_VSIX: VSIX, SPACES_CODE_SERVER_VERSION: version });
}

const TIERS = {
  unit: () => nodeTests('unit', 'unit', filesIn(path.join(ROOT, 'out', 'test', 'unit'), '.test.js')),
  host: () => hostTier('host'),
  e2e: () => e2eTier('e2e', filesIn(path.join(ROOT, 'test', 'e2e'), '.test.mjs'), CODE_SERVER_VERSION),
  'host-floor': () => hostTier('host-floor', FLOOR_CODE_SERVER_VERSION),
  'e2e-floor': () => e2eTier('e2e-floor', E2E_FLOOR_FILES, FLOOR_CODE_SERVER_VERSION),
};

/**
 * The Debian packages each tier needs: tinyproxy for the proxy tests, Chromium to drive the workbench, and for
 * the floor ripgrep (its VS Code's search binary); not those given elsewhere (SPACES_TINYPROXY, SPACES_CHROMIUM).
 */
const proxy = process.env.SPACES_TINYPROXY ? [] : ['tinyproxy'];
const browser = process.env.SPACES_CHROMIUM ? [] : ['chromium'];
const TIER_PACKAGES = {
  unit: proxy,
  host: [...browser, ...proxy],
  e2e: browser,
  'host-floor': [...browser, ...proxy, 'ripgrep'],
  'e2e-floor': [...browser, 'ripgrep'],
};

const args = process.argv.slice(2);
const unknown = args.filter((a) => !(a in TIERS));
if (unknown.length) {
  console.error(`unknown tier(s): ${unknown.join(', ')} (use ${Object.keys(TIERS).join(', ')})`);
  process.exit(2);
}
const tiers = args.length ? args : Object.keys(TIERS);

mkdirSync(OUTPUT, { recursive: true });
// The Debian packages the chosen tiers need, installed here when missing (as root or with password-less sudo,
// once); a tier whose packages are still missing fails, saying what to type.
const packagesNeeded = [...new Set(tiers.flatMap((tier) => TIER_PACKAGES[tier]))];
const packagesProblem = await ensureSystemPackages(packagesNeeded).then(
  () => undefined,
  (err) => err.message,
);
const built = (await exec(process.execPath, ['esbuild.mjs', '--tests'])) === 0;
const results = [];
for (const tier of tiers) {
  console.log(`\n=== ${tier} ===`);
  let result;
  try {
    if (!built) throw new Error('the build failed (see above)');
    if ((await missingPackages(TIER_PACKAGES[tier])).length > 0) throw new Error(packagesProblem ?? 'a Debian package it needs is missing');
    const { passed, failed, skipped = [], failures } = await TIERS[tier]();
    // Checked for every tier: the host tier's results file can hold 0 and 0 as well.
    if (passed + failed + skipped.length === 0) throw new Error('no test ran');
    result = { passed, failed: failed + skipped.length, failures, skipped };
  } catch (err) {
    result = { passed: 0, failed: 1, skipped: [], reason: err instanceof Error ? err.message : String(err) };
  }
  results.push({ tier, ...result });
}

// Every failure, above the sum, so that the last lines of a long log say what failed and why.
for (const { tier, failures = [], skipped, reason } of results) {
  for (const f of failures) console.log(`${tier} ✖ ${f.title}\n${f.error.replace(/^/gm, '      ')}`);
  for (const title of skipped) console.log(`${tier} ✖ skipped: ${title}`);
  if (reason) console.log(`${tier} could not run: ${reason}`);
}

/** A tier's line: its counts, the skipped tests among its failures. */
function line({ tier, passed, failed, skipped }) {
  const note = skipped.length ? ' (counted as failed: no test here is meant to be skipped)' : '';
  return `${tier}: ${passed} passed, ${failed} failed, ${skipped.length} skipped${note}`;
}

console.log('');
for (const r of results) console.log(line(r));
const sum = (key) => results.reduce((n, r) => n + r[key], 0);
console.log(`${sum('passed')} passed, ${sum('failed')} failed`);
process.exit(sum('failed') > 0 ? 1 : 0);
