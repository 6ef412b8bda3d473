/**
 * The loopback sandbox: one server that imitates the vendors' APIs for tests and the demo, over HTTP and
 * HTTPS (a self-signed certificate for 127.0.0.1 and localhost, made at start). It listens on 127.0.0.1
 * only, on free ports, counts requests, TCP connections and requests in flight, records what it received,
 * and fails on request (faults), programmatically or over HTTP from another process:
 *   POST /__sandbox/faults (a FaultSpec as JSON), DELETE /__sandbox/faults, POST /__sandbox/reset,
 *   GET /__sandbox/received, GET /__sandbox/stats, GET /__sandbox/health, POST /__sandbox/release, GET /__sandbox/held.
 * Requests under /__sandbox/ are neither recorded, counted nor faulted. Vendors register with `route()`.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import * as z from 'zod/mini';
import { VENDOR_ROUTES } from './vendors/index';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

export interface SandboxRequest extends RecordedRequest {
  readonly path: string;
  readonly query: URLSearchParams;
  readonly params: Readonly<Record<string, string>>;
}

export interface SandboxResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Objects are sent as JSON; strings and buffers as they are. */
  readonly body?: unknown;
}

/** Builds a vendor's error body for a status and message. */
export type ErrorShape = (status: number, message: string) => unknown;

export type Handler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

export const FAULT_KINDS = ['status', 'latency', 'slowHeaders', 'slowBody', 'trickle', 'hold', 'oversize', 'truncated', 'html', 'reset', 'redirect'] as const;

const faultSchema = z.object({
  /** Applies to requests whose pathname starts with this. */
  path: z.string().check(z.startsWith('/')),
  method: z.optional(z.string()),
  /** How many requests it applies to; until cleared when absent. */
  times: z.optional(z.number().check(z.int(), z.positive())),
  kind: z.enum(FAULT_KINDS),
  status: z.optional(z.number().check(z.int(), z.gte(100), z.lte(599))),
  headers: z.optional(z.record(z.string(), z.string())),
  body: z.optional(z.unknown()),
  ms: z.optional(z.number().check(z.nonnegative())),
  bytes: z.optional(z.number().check(z.int(), z.nonnegative())),
  location: z.optional(z.string()),
});

/**
 * What to break, per path prefix (and method):
 * - `status`: answers `status` with `body`, or the owning vendor's error body; `headers` e.g. Retry-After;
 * - `latency`, `slowHeaders`: wait `ms` before answering normally;
 * - `slowBody`: sends headers and half the body, then stalls for `ms` (forever without) before the rest;
 * - `trickle`: sends headers, then one byte of a JSON body every `ms` (400), never finishing;
 * - `hold`: keeps the request until the test calls `release()` (or POSTs /__sandbox/release), then answers
 *   normally, so a test sees the state in between without racing a clock (`held` says how many wait);
 * - `oversize`: streams `bytes` (default 11 MB) of JSON; `truncated`: JSON cut off in the middle;
 * - `html`: a 200 HTML login page; `reset`: destroys the socket; `redirect`: `status` (302) to `location`.
 */
export type FaultSpec = z.infer<typeof faultSchema>;

export interface SandboxStats {
  readonly requests: number;
  readonly connections: number;
  /** TCP connections open now. */
  readonly openSockets: number;
  readonly inFlight: number;
  readonly maxInFlight: number;
}

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly handler: Handler;
}

interface ActiveFault {
  readonly spec: FaultSpec;
  remaining: number;
}

/** How many received requests are kept (the most recent). */
const MAX_RECORDED = 1000;
const CONTROL_PREFIX = '/__sandbox/';
const SLOW_BODY = { sandbox: 'slow body', padding: 'x'.repeat(2048) };
const TRUNCATED_BODY = { items: Array.from({ length: 20 }, (_, i) => ({ id: `item-${i}`, name: `Item ${i}` })) };
const LOGIN_PAGE = '<!DOCTYPE html><html><head><title>Sign in</title></head><body><form method="post" action="/login"><input name="user"><input name="password" type="password"><button>Sign in</button></form></body></html>';

export class Sandbox {
  private readonly server = http.createServer((req, res) => this.serve(req, res));
  private secure?: https.Server;
  private certificate?: Certificate;
  private readonly routes: Route[] = [];
  private readonly errorShapes: { prefix: string; shape: ErrorShape }[] = [];
  private readonly faults: ActiveFault[] = [];
  private readonly sockets = new Set<Socket>();
  /** Ends the waits of latency faults when the sandbox closes, so no timer outlives it. */
  private readonly closing = new AbortController();
  /** The most recent requests, oldest first (control requests excluded). */
  readonly received: RecordedRequest[] = [];
  requests = 0;
  /** TCP connections accepted, over both listeners. */
  connections = 0;
  inFlight = 0;
  /** The most requests that were in flight at once. */
  maxInFlight = 0;

  constructor() {
    this.watch(this.server);
    this.route('GET', '/__sandbox/health', () => ({ status: 200, body: { ok: true } }));
    this.route('GET', '/__sandbox/stats', () => ({ status: 200, body: this.stats() }));
    this.route('GET', '/__sandbox/received', () => ({ status: 200, body: { requests: this.received } }));
    this.route('POST', '/__sandbox/faults', (req) => this.addFaultFromJson(req.body));
    this.route('DELETE', '/__sandbox/faults', () => (this.clearFaults(), { status: 200, body: { ok: true } }));
    this.route('POST', '/__sandbox/reset', () => (this.reset(), { status: 200, body: { ok: true } }));
    this.route('POST', '/__sandbox/release', () => ({ status: 200, body: { released: this.release() } }));
    this.route('GET', '/__sandbox/held', () => ({ status: 200, body: { held: this.held } }));
  }

  /** `pattern` is a path where `:name` matches one segment, e.g. `/api/v1/spaces/:id`. */
  route(method: string, pattern: string, handler: Handler): this {
    const names: string[] = [];
    const source = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    this.routes.push({ method, pattern: new RegExp(`^${source}$`), names, handler });
    return this;
  }

  /** How a vendor words its errors: used for error answers under `prefix` (the longest prefix wins). */
  errorShape(prefix: string, shape: ErrorShape): this {
    this.errorShapes.push({ prefix, shape });
    this.errorShapes.sort((a, b) => b.prefix.length - a.prefix.length);
    return this;
  }

  /** An error answer for `path` in the shape of the vendor that owns it. */
  errorBody(path: string, status: number, message: string): unknown {
    const owner = this.errorShapes.find((e) => path.startsWith(e.prefix));
    return owner ? owner.shape(status, message) : { error: http.STATUS_CODES[status] ?? 'Error', message };
  }

  /** Breaks matching requests until `times` have been broken or the faults are cleared. Throws on an invalid spec. */
  addFault(spec: FaultSpec): this {
    const valid = faultSchema.parse(spec);
    if (valid.kind === 'redirect' && !valid.location) throw new Error('A redirect fault needs a location.');
    this.faults.push({ spec: valid, remaining: valid.times ?? Infinity });
    return this;
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Clears the faults, the recorded requests and every counter. */
  reset(): void {
    this.clearFaults();
    this.received.length = 0;
    this.requests = 0;
    this.connections = 0;
    this.maxInFlight = this.inFlight;
  }

  stats(): SandboxStats {
    return { requests: this.requests, connections: this.connections, openSockets: this.sockets.size, inFlight: this.inFlight, maxInFlight: this.maxInFlight };
  }

  async listen(port = 0): Promise<string> {
    await listenOnLoopback(this.server, port);
    return this.url;
  }

  /** Serves the same routes over HTTPS with a certificate for 127.0.0.1 and localhost (see `caPem`). */
  async listenHttps(port = 0): Promise<string> {
    this.certificate = await sandboxCertificate();
    this.secure = https.createServer({ key: this.certificate.key, cert: this.certificate.cert }, (req, res) => this.serve(req, res));
    this.watch(this.secure);
    await listenOnLoopback(this.secure, port);
    return this.httpsUrl;
  }

  get url(): string {
    return `http://127.0.0.1:${portOf(this.server)}`;
  }

  get httpsUrl(): string {
    if (!this.secure) throw new Error('The sandbox is not listening on HTTPS.');
    return `https://127.0.0.1:${portOf(this.secure)}`;
  }

  /**
   * The sandbox as a vendor's server on another machine would be reached: by an address that is no loopback
   * name (0.0.0.0, which Linux connects to this machine), so proxies apply to it. Over plain http an account
   * needs `allowInsecureHttp` for it.
   */
  get remoteUrl(): string {
    return this.url.replace('127.0.0.1', REMOTE_LOOKING);
  }

  /** `remoteUrl` over HTTPS (the certificate names 0.0.0.0 too). */
  get remoteHttpsUrl(): string {
    return this.httpsUrl.replace('127.0.0.1', REMOTE_LOOKING);
  }

  /** The self-signed certificate of the HTTPS listener: trust it through `ca`. */
  get caPem(): string {
    if (!this.certificate) throw new Error('The sandbox is not listening on HTTPS.');
    return this.certificate.cert;
  }

  async close(): Promise<void> {
    this.closing.abort();
    for (const socket of this.sockets) socket.destroy();
    const listening = [this.server, this.secure].filter((server) => server?.listening);
    await Promise.all(listening.map((server) => new Promise<void>((resolve) => server!.close(() => resolve()))));
  }

  private watch(server: http.Server | https.Server): void {
    server.on('connection', (socket: Socket) => {
      this.connections++;
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  private addFaultFromJson(text: string): SandboxResponse {
    try {
      this.addFault(JSON.parse(text) as FaultSpec);
      return { status: 201, body: { ok: true, faults: this.faults.length } };
    } catch (err) {
      return { status: 400, body: { error: 'BadFault', message: err instanceof Error ? err.message : String(err) } };
    }
  }

  private serve(req: http.IncomingMessage, res: http.ServerResponse): void {
    // A client that goes away mid-request ends up here; the sandbox carries on.
    this.handle(req, res).catch(() => res.destroy());
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const recorded: RecordedRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
    const url = new URL(recorded.url, 'http://sandbox');
    if (!url.pathname.startsWith(CONTROL_PREFIX)) {
      this.track(recorded, res);
      const fault = this.takeFault(recorded.method, url.pathname);
      if (fault && (await this.breakRequest(fault, url.pathname, res))) return;
    }
    send(res, await this.answer(recorded, url));
  }

  private track(recorded: RecordedRequest, res: http.ServerResponse): void {
    this.requests++;
    this.received.push(recorded);
    if (this.received.length > MAX_RECORDED) this.received.shift();
    this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
    res.once('close', () => this.inFlight--);
  }

  private takeFault(method: string, pathname: string): FaultSpec | undefined {
    const index = this.faults.findIndex((f) => pathname.startsWith(f.spec.path) && (!f.spec.method || f.spec.method.toUpperCase() === method));
    const fault = this.faults[index];
    if (!fault) return undefined;
    if (--fault.remaining <= 0) this.faults.splice(index, 1);
    return fault.spec;
  }

  /** Applies a fault; false when the request should then be answered normally (after a delay). */
  private async breakRequest(fault: FaultSpec, pathname: string, res: http.ServerResponse): Promise<boolean> {
    const headers = fault.headers ?? {};
    switch (fault.kind) {
      case 'latency':
      case 'slowHeaders':
        return !(await this.wait(fault.ms ?? 1000));
      case 'status': {
        const status = fault.status ?? 500;
        send(res, { status, headers, body: fault.body ?? this.errorBody(pathname, status, `Sandbox fault: ${http.STATUS_CODES[status] ?? status}`) });
        return true;
      }
      case 'redirect':
        send(res, { status: fault.status ?? 302, headers: { location: fault.location ?? '/', ...headers } });
        return true;
      case 'html':
        send(res, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body: LOGIN_PAGE });
        return true;
      case 'truncated': {
        const text = JSON.stringify(fault.body ?? TRUNCATED_BODY);
        send(res, { status: 200, headers: { 'content-type': 'application/json', ...headers }, body: text.slice(0, Math.floor(text.length / 2)) });
        return true;
      }
      case 'oversize':
        await this.stream(res, fault.bytes ?? 11 * 1024 * 1024, headers);
        return true;
      case 'slowBody':
        await this.stall(res, JSON.stringify(fault.body ?? SLOW_BODY), fault.ms, headers);
        return true;
      case 'reset':
        res.socket?.destroy();
        return true;
      case 'trickle':
        await this.trickle(res, fault.ms ?? 400, headers);
        return true;
      case 'hold':
        await new Promise<void>((resolve) => {
          const hold = { pathname, resolve };
          this.holds.push(hold);
          this.closing.signal.addEventListener('abort', () => resolve(), { once: true });
        });
        return false;
    }
  }

  private readonly holds: { readonly pathname: string; readonly resolve: () => void }[] = [];

  /** How many requests a `hold` fault keeps waiting. */
  get held(): number {
    return this.holds.length;
  }

  /** Lets the held requests under `path` (all without) be answered; returns how many. */
  release(path = '/'): number {
    const released = this.holds.filter((h) => h.pathname.startsWith(path));
    for (const hold of released) {
      this.holds.splice(this.holds.indexOf(hold), 1);
      hold.resolve();
    }
    return released.length;
  }

  /** Headers, then one byte every `ms` until the client goes away or the sandbox closes. */
  private async trickle(res: http.ServerResponse, ms: number, headers: Readonly<Record<string, string>>): Promise<void> {
    res.writeHead(200, { 'content-type': 'application/json', ...headers });
    res.write('{"padding":"');
    while (!res.destroyed && (await this.wait(ms))) res.write('x');
    res.end();
  }

  /** Waits unless the sandbox closes first; true when the wait ran its course. */
  private async wait(ms: number): Promise<boolean> {
    try {
      await sleep(ms, undefined, { signal: this.closing.signal });
      return true;
    } catch {
      return false;
    }
  }

  /** Sends `bytes` of a JSON string value, chunked (no content-length), as fast as the client reads. */
  private async stream(res: http.ServerResponse, bytes: number, headers: Readonly<Record<string, string>>): Promise<void> {
    res.writeHead(200, { 'content-type': 'application/json', ...headers });
    const chunk = 'x'.repeat(64 * 1024);
    async function* parts(): AsyncGenerator<string> {
      yield '{"padding":"';
      for (let left = bytes; left > 0; left -= chunk.length) yield left >= chunk.length ? chunk : chunk.slice(0, left);
      yield '"}';
    }
    await pipeline(Readable.from(parts()), res).catch(() => undefined); // the client may stop reading at its cap
  }

  /** Sends the headers and half of `text`, then the rest after `ms` (never without). */
  private async stall(res: http.ServerResponse, text: string, ms: number | undefined, headers: Readonly<Record<string, string>>): Promise<void> {
    const half = Math.floor(text.length / 2);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
    res.write(text.slice(0, half));
    if (ms !== undefined && (await this.wait(ms))) res.end(text.slice(half));
  }

  private async answer(recorded: RecordedRequest, url: URL): Promise<SandboxResponse> {
    for (const route of this.routes) {
      const match = route.method === recorded.method ? route.pattern.exec(url.pathname) : null;
      if (!match) continue;
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? '')]));
      try {
        return await route.handler({ ...recorded, path: url.pathname, query: url.searchParams, params });
      } catch (err) {
        return { status: 500, body: { error: 'SandboxError', message: String(err) } };
      }
    }
    return { status: 404, body: this.errorBody(url.pathname, 404, `No sandbox route for ${recorded.method} ${url.pathname}`) };
  }
}

function send(res: http.ServerResponse, { status, headers = {}, body }: SandboxResponse): void {
  if (res.destroyed) return;
  const isJson = body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body);
  const payload = body === undefined ? '' : isJson ? JSON.stringify(body) : (body);
  res.writeHead(status, { ...(isJson ? { 'content-type': 'application/json' } : {}), 'content-length': Buffer.byteLength(payload), ...headers });
  res.end(payload);
}

async function listenOnLoopback(server: http.Server | https.Server, port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
}

function portOf(server: http.Server | https.Server): number {
  return (server.address() as AddressInfo).port;
}

interface Certificate {
  readonly key: string;
  readonly cert: string;
}

/** This machine, by an address that is not a loopback one: see `Sandbox.remoteUrl`. */
const REMOTE_LOOKING = '0.0.0.0';

let certificate: Promise<Certificate> | undefined;

/** One self-signed EC certificate per process (openssl makes it in a few ms), valid for 127.0.0.1, localhost and 0.0.0.0. */
export function sandboxCertificate(): Promise<Certificate> {
  certificate ??= makeCertificate();
  return certificate;
}

async function makeCertificate(): Promise<Certificate> {
  const dir = await mkdtemp(path.join(tmpdir(), 'spaces-sandbox-'));
  try {
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    await promisify(execFile)('/usr/bin/openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '7',
      '-keyout', key, '-out', cert, '-subj', '/CN=Spaces Explorer sandbox', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost,IP:0.0.0.0',
    ]);
    return { key: await readFile(key, 'utf8'), cert: await readFile(cert, 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A sandbox that answers every vendor's routes, over HTTP (on `port`, default free) and HTTPS (a free port). */
export async function startSandbox(port = 0): Promise<Sandbox> {
  const sandbox = new Sandbox();
  for (const register of VENDOR_ROUTES) register(sandbox);
  await Promise.all([sandbox.listen(port), sandbox.listenHttps()]);
  return sandbox;
}
