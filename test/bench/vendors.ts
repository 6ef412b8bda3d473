// Speed and memory of the heaviest vendor work, against the loopback sandbox over real HTTP:
// a Blueworks space with 5,000 artifacts and 200 subspaces, and a Onedata account of 500 spaces, the latter
// also at 50 ms of injected latency per request, against the ideal a network of that latency allows.
// Prints figures (median of runs, heap growth, each target met or missed); asserts nothing.
//   node out/bench/vendors.js [runs=5]
import { parseAccounts } from '../../src/core/accounts';
import { createHttpClient, type ClosableHttpClient } from '../../src/core/http';
import { PAGE_SIZE } from '../../src/core/limits';
import type { VendorClient } from '../../src/core/vendors/vendor';
import { VENDOR_REGISTRY } from '../../src/core/vendors/registry';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { Figures } from './figures';
import { BLUEWORKS_SANDBOX } from '../sandbox/vendors/blueworks';
import { ONEDATA_SANDBOX } from '../sandbox/vendors/onedata';

const runs = Number(process.argv[2] ?? 5);
const figures = new Figures('vendors');

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
  figures.note(label, Math.round(median), 'ms', `${label}: median ${median.toFixed(0)} ms (min ${times[0]!.toFixed(0)}, max ${times.at(-1)!.toFixed(0)}, ${runs} runs${heap})`);
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
    await measure('Onedata account of 500 spaces: the listing (ids, one request)', () => od.listSpaces!());
    await measure('Onedata account of 500 spaces: the listing + 500 detail calls (6 at a time)', () => allNames(od));
    console.log(`sandbox: ${sandbox.requests} requests over ${sandbox.connections} TCP connections`);
    await atLatency(sandbox, (http) => VENDOR_REGISTRY.onedata.createClient(onedata!, { http, secrets: { token: ONEDATA_SANDBOX.bulkToken } }));
    figures.write();
  } finally {
    await http.close();
    await sandbox.close();
  }
}

/** Every space's name: the listing, then each space's details (as many at once as the client allows). */
async function allNames(client: VendorClient, count = Infinity): Promise<number> {
  const refs = (await client.listSpaces!({ refresh: true })).slice(0, count);
  const named = await Promise.all(refs.map((ref) => client.getSpace(ref.id, { refresh: true }).then(() => 1, () => 0)));
  return named.reduce<number>((a, b) => a + b, 0);
}

const LATENCY_MS = 50;
const CONCURRENCY = 6;

/** A figure against its target: "x ms, ideal y ms, x/y = r (target ≤ t): meets". */
function against(label: string, ms: number, ideal: number, target: number): void {
  const ratio = ms / ideal;
  figures.atMost(`${label}: time ÷ ideal`, Number(ratio.toFixed(2)), 'ratio', target, `${label}: ${ms.toFixed(0)} ms, ideal ${ideal} ms, ratio ${ratio.toFixed(2)}`);
}

/**
 * The Onedata account of 500 spaces with every request taking 50 ms more: the tree's first screen (the
 * listing's rows, then the first page's names) and all 500 names, each against the ideal for that latency
 * at 6 requests at a time; the naive way (one request after another, a new connection each) beside it.
 */
async function atLatency(sandbox: Sandbox, clientOn: (http: ClosableHttpClient) => VendorClient): Promise<void> {
  console.log(`\nat ${LATENCY_MS} ms per request, ${CONCURRENCY} at a time (page ${PAGE_SIZE}):`);
  sandbox.addFault({ path: '/api/v3/onezone/', kind: 'latency', ms: LATENCY_MS });
  const round = (requests: number) => LATENCY_MS * Math.ceil(requests / CONCURRENCY);
  try {
    const http = createHttpClient({ cacheTtlSeconds: 0, maxConcurrentPerOrigin: CONCURRENCY });
    try {
      const client = clientOn(http);
      const before = sandbox.stats();
      const started = performance.now();
      const refs = await client.listSpaces!({ refresh: true });
      const rows = performance.now() - started;
      await Promise.all(refs.slice(0, PAGE_SIZE).map((ref) => client.getSpace(ref.id, { refresh: true }).catch(() => undefined)));
      const names = performance.now() - started;
      const firstScreen = sandbox.stats().requests - before.requests;
      against("first screen, the rows (the listing)", rows, LATENCY_MS, 1.2);
      against(`first screen, the first page's ${PAGE_SIZE} names`, names, LATENCY_MS + round(PAGE_SIZE), 1.2);
      figures.atMost("requests before the first page's names", firstScreen, 'requests', PAGE_SIZE + 1, `requests before the first page's names: ${firstScreen}`);

      const mark = sandbox.stats();
      const allStarted = performance.now();
      await allNames(client);
      const all = performance.now() - allStarted;
      const connections = sandbox.stats().connections - mark.connections;
      against(`all ${refs.length} names`, all, LATENCY_MS + round(refs.length), 1.2);
      figures.atMost('new TCP connections for all names', connections, 'connections', CONCURRENCY, `new TCP connections for them: ${connections}`);

      // The naive way, for the speed-up: one request after another, each on a new connection.
      const naiveStarted = performance.now();
      const naiveCount = 50;
      for (const ref of [{ id: '' }, ...refs.slice(0, naiveCount - 1)]) {
        const once = createHttpClient({ cacheTtlSeconds: 0, maxConcurrentPerOrigin: 1 });
        const naive = clientOn(once);
        await (ref.id ? naive.getSpace(ref.id, { refresh: true }).catch(() => undefined) : naive.listSpaces!({ refresh: true }));
        await once.close();
      }
      const naive = ((performance.now() - naiveStarted) / naiveCount) * (1 + refs.length);
      figures.note('naive ÷ capped, all names', Number((naive / all).toFixed(1)), '×', `naive (one at a time, a new connection each; ${naiveCount} requests timed, scaled to ${1 + refs.length}): ${naive.toFixed(0)} ms, so ${(naive / all).toFixed(1)}× slower than the ${all.toFixed(0)} ms above`);
    } finally {
      await http.close();
    }
  } finally {
    sandbox.clearFaults();
  }
}

void main();
