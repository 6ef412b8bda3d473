// HTTP/2 against HTTP/1.1 keep-alive, for the 500-space Onedata fan-out (a listing, then 500 details) with
// 50 ms of latency per answer, over TLS, from one server that speaks both (node:http2 with allowHTTP1).
// The extension keeps at most 6 requests in flight per origin: over HTTP/1.1 that is 6 connections, over
// HTTP/2 6 streams on one connection. Also printed: HTTP/2 with the cap lifted, to see what it would give.
// Prints figures; asserts nothing.   node out/bench/http2.js [runs=3]
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import { sandboxCertificate } from '../sandbox/server';
import { Figures } from './figures';

const runs = Number(process.argv[2] ?? 3);
const figures = new Figures('http2');
const LATENCY_MS = 50;
const SPACES = 500;
const CAP = 6;
/** An answer about the size of a Onedata space's details. */
const BODY = JSON.stringify({ name: 'Bulk space', providers: Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`provider-${i}`, 1024 * i])), padding: 'x'.repeat(600) });

async function main(): Promise<void> {
  const { key, cert } = await sandboxCertificate();
  const protocols = { 'HTTP/1.1': 0, 'HTTP/2': 0 };
  let connections = 0;
  const server = http2.createSecureServer({ key, cert, allowHTTP1: true }, (req, res) => {
    protocols[req.httpVersion === '2.0' ? 'HTTP/2' : 'HTTP/1.1']++;
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(BODY);
    }, LATENCY_MS);
  });
  server.on('secureConnection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const ideal = LATENCY_MS * (1 + Math.ceil(SPACES / CAP));

  /** The fan-out through `agent`: one request, then `SPACES` with at most `inFlight` at a time. */
  async function fanOut(agent: Agent, inFlight: number): Promise<number> {
    const get = async (path: string) => {
      const { body } = await request(`${origin}${path}`, { dispatcher: agent });
      JSON.parse(await body.text());
    };
    const started = performance.now();
    await get('/user/effective_spaces');
    let next = 0;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < SPACES) await get(`/user/effective_spaces/${next++}`);
      }),
    );
    return performance.now() - started;
  }

  async function measure(label: string, makeAgent: () => Agent, inFlight: number): Promise<void> {
    const times: number[] = [];
    let opened = 0;
    for (let i = 0; i < runs; i++) {
      const agent = makeAgent();
      const before = connections;
      times.push(await fanOut(agent, inFlight));
      opened = connections - before;
      await agent.close();
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    figures.note(label, Math.round(median), 'ms', `${label}: median ${median.toFixed(0)} ms (min ${times[0]!.toFixed(0)}, max ${times.at(-1)!.toFixed(0)}), ${(median / ideal).toFixed(2)}× the ideal ${ideal} ms at ${CAP} in flight, ${opened} TLS connection(s)`);
  }

  try {
    console.log(`${SPACES + 1} requests at ${LATENCY_MS} ms each over TLS, ${runs} runs each:`);
    await measure(`HTTP/1.1 keep-alive, ${CAP} connections`, () => new Agent({ connect: { ca: cert }, connections: CAP }), CAP);
    // undici sends one request at a time per connection unless `pipelining` allows more, HTTP/2 streams included.
    await measure(`HTTP/2, undici's defaults (pipelining 1)`, () => new Agent({ connect: { ca: cert }, allowH2: true }), CAP);
    await measure(`HTTP/2, ${CAP} streams at a time`, () => new Agent({ connect: { ca: cert }, allowH2: true, connections: 1, pipelining: CAP }), CAP);
    await measure('HTTP/2, 50 streams at a time (the cap lifted)', () => new Agent({ connect: { ca: cert }, allowH2: true, connections: 1, pipelining: 50 }), 50);
    console.log(`answered: ${protocols['HTTP/1.1']} over HTTP/1.1, ${protocols['HTTP/2']} over HTTP/2`);
    figures.write();
  } finally {
    server.close();
  }
}

void main();
