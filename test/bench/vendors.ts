// Speed and memory of the heaviest vendor work, against the loopback sandbox over real HTTP:
// a Blueworks space with 5,000 artifacts and 200 subspaces, and a Onedata account of 500 spaces.
// Prints figures (median of runs, heap growth); asserts nothing.   node out/bench/vendors.js [runs=5]
import { parseAccounts } from '../../src/core/accounts';
import { createHttpClient } from '../../src/core/http';
import { VENDOR_REGISTRY } from '../../src/core/vendors/registry';
import { startSandbox } from '../sandbox/server';
import { BLUEWORKS_SANDBOX } from '../sandbox/vendors/blueworks';
import { ONEDATA_SANDBOX } from '../sandbox/vendors/onedata';

const runs = Number(process.argv[2] ?? 5);

async function measure(label: string, work: () => Promise<unknown>): Promise<void> {
  const times: number[] = [];
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let kept: unknown;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    kept = await work();
    times.push(performance.now() - started);
  }
  global.gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const heap = global.gc ? `, heap +${((heapAfter - heapBefore) / 1024 / 1024).toFixed(1)} MB holding the result` : '';
  console.log(`${label}: median ${median.toFixed(0)} ms (min ${times[0]!.toFixed(0)}, max ${times.at(-1)!.toFixed(0)}, ${runs} runs${heap})`);
  void kept;
}

async function main(): Promise<void> {
  const sandbox = await startSandbox();
  // No cache: every run fetches and parses anew.
  const http = createHttpClient({ cacheTtlSeconds: 0, maxConcurrentPerOrigin: 6 });
  try {
    const [blueworks, onedata] = parseAccounts([
      { id: 'bw', vendor: 'blueworks', baseUrl: sandbox.url, clientId: BLUEWORKS_SANDBOX.clientId },
      { id: 'od', vendor: 'onedata', baseUrl: sandbox.url },
    ]).accounts;
    const bw = VENDOR_REGISTRY.blueworks.createClient(blueworks!, { http, secrets: { clientSecret: BLUEWORKS_SANDBOX.clientSecret } });
    const od = VENDOR_REGISTRY.onedata.createClient(onedata!, { http, secrets: { token: ONEDATA_SANDBOX.bulkToken } });

    await measure('Blueworks space, 5,000 artifacts + 200 subspaces: fetch + parse + normalise', () => bw.getSpace(BLUEWORKS_SANDBOX.spaces.large));
    await measure('Onedata account of 500 spaces: list + 500 detail calls (6 at a time)', () => od.listSpaces!());
    console.log(`sandbox: ${sandbox.requests} requests over ${sandbox.connections} TCP connections`);
  } finally {
    await http.close();
    await sandbox.close();
  }
}

void main();
