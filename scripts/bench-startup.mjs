// Start-up cost: how long a fresh Node process takes to load what activation loads (dist/extension.js)
// against loading the network stack eagerly as well (dist/core.js: undici, the vendors, their schemas).
// Median of N fresh processes each; `vscode` is a stub, since only module loading is measured.
//   node scripts/bench-startup.mjs [runs=7]     (run `npm run build:production` or `npm run package` first)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 7);
const bundles = { extension: path.join(ROOT, 'dist', 'extension.js'), core: path.join(ROOT, 'dist', 'core.js') };
for (const file of Object.values(bundles)) if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);

/** Loads `files` in a fresh process with a stub `vscode` and prints the milliseconds it took. */
function timeLoad(files) {
  const script = `
    const Module = require('node:module');
    const resolve = Module._resolveFilename;
    Module._resolveFilename = function (request, ...rest) { return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest); };
    require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: new Proxy({}, { get: () => function () {} }) };
    const started = process.hrtime.bigint();
    for (const file of ${JSON.stringify(files)}) require(file);
    console.log(Number(process.hrtime.bigint() - started) / 1e6);
  `;
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim());
}

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (file) => `${Math.round(statSync(file).size / 1024)} KB`;

const lazy = median(Array.from({ length: runs }, () => timeLoad([bundles.extension])));
const eager = median(Array.from({ length: runs }, () => timeLoad([bundles.extension, bundles.core])));
console.log(`dist/extension.js ${kb(bundles.extension)}, dist/core.js ${kb(bundles.core)} (Node ${process.version}, median of ${runs} fresh processes)`);
console.log(`activation bundle only (lazy network stack): ${lazy.toFixed(1)} ms`);
console.log(`activation bundle + network stack (eager):   ${eager.toFixed(1)} ms`);
console.log(`saved at activation: ${(eager - lazy).toFixed(1)} ms`);
const ratio = lazy / eager;
console.log(`lazy ÷ eager: ${ratio.toFixed(2)} (target ≤ 0.5): ${ratio <= 0.5 ? 'meets' : 'MISSES'}`);

// Written beside the other benches' figures (.bench/, ignored by git), to compare runs by.
const figures = [
  { label: 'activation bundle only (lazy network stack)', value: Number(lazy.toFixed(1)), unit: 'ms' },
  { label: 'activation bundle + network stack (eager)', value: Number(eager.toFixed(1)), unit: 'ms' },
  { label: 'lazy ÷ eager', value: Number(ratio.toFixed(2)), unit: 'ratio', target: 0.5, meets: ratio <= 0.5 },
];
const machine = { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), platform: `${os.platform()} ${os.release()}`, node: process.version, load: os.loadavg()[0] };
mkdirSync(path.join(ROOT, '.bench'), { recursive: true });
writeFileSync(path.join(ROOT, '.bench', 'startup.json'), `${JSON.stringify({ bench: 'startup', date: new Date().toISOString(), machine, figures }, null, 2)}\n`);
