/**
 * The loopback sandbox: one HTTP server that imitates the vendors' APIs for tests and the demo.
 * It listens on 127.0.0.1 only, on a free port, counts requests and TCP connections, and records what
 * it received so tests can assert on it. Vendors register their routes with `route()`.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
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

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly handler: Handler;
}

export class Sandbox {
  private readonly server = http.createServer((req, res) => void this.handle(req, res));
  private readonly routes: Route[] = [];
  private readonly errorShapes: { prefix: string; shape: ErrorShape }[] = [];
  private readonly sockets = new Set<Socket>();
  readonly received: RecordedRequest[] = [];
  connections = 0;

  constructor() {
    this.server.on('connection', (socket) => {
      this.connections++;
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.route('GET', '/__sandbox/health', () => ({ status: 200, body: { ok: true } }));
    this.route('GET', '/__sandbox/stats', () => ({ status: 200, body: { requests: this.received.length, connections: this.connections } }));
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

  async listen(port = 0): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', resolve);
    });
    return this.url;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const recorded: RecordedRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
    this.received.push(recorded);

    const url = new URL(recorded.url, 'http://sandbox');
    let answer: SandboxResponse = { status: 404, body: this.errorBody(url.pathname, 404, `No sandbox route for ${recorded.method} ${url.pathname}`) };
    for (const route of this.routes) {
      const match = route.method === recorded.method ? route.pattern.exec(url.pathname) : null;
      if (!match) continue;
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? '')]));
      try {
        answer = await route.handler({ ...recorded, path: url.pathname, query: url.searchParams, params });
      } catch (err) {
        answer = { status: 500, body: { error: 'SandboxError', message: String(err) } };
      }
      break;
    }
    send(res, answer);
  }
}

function send(res: http.ServerResponse, { status, headers = {}, body }: SandboxResponse): void {
  const isJson = body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body);
  const payload = body === undefined ? '' : isJson ? JSON.stringify(body) : (body as string | Buffer);
  res.writeHead(status, { ...(isJson ? { 'content-type': 'application/json' } : {}), 'content-length': Buffer.byteLength(payload), ...headers });
  res.end(payload);
}

/** A sandbox that answers every vendor's routes. */
export async function startSandbox(port = 0): Promise<Sandbox> {
  const sandbox = new Sandbox();
  for (const register of VENDOR_ROUTES) register(sandbox);
  await sandbox.listen(port);
  return sandbox;
}
