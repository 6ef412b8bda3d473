/**
 * A small forward proxy for tests: absolute-URI HTTP requests and CONNECT tunnels, to loopback targets
 * only (anything else gets 403). Listens on 127.0.0.1 and counts what went through it.
 */
import http from 'node:http';
import net, { type AddressInfo, type Socket } from 'node:net';

/** This machine's names and addresses, 0.0.0.0 among them (the sandbox's `remoteUrl`). */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1', '0.0.0.0']);

export interface ProxyTraffic {
  /** Absolute-URI requests forwarded. */
  readonly forwarded: number;
  /** CONNECT tunnels opened. */
  readonly tunnels: number;
  /** Requests turned away (407 or 403). */
  readonly refused: number;
  /** `host:port` of every target, in order. */
  readonly targets: readonly string[];
}

export class TestProxy {
  private readonly server = http.createServer((req, res) => this.forward(req, res));
  private readonly sockets = new Set<Socket>();
  private readonly traffic = { forwarded: 0, tunnels: 0, refused: 0, targets: [] as string[] };

  /** With `authorization`, requests must carry exactly this Proxy-Authorization value (else 407). */
  constructor(private readonly authorization?: string) {
    this.server.on('connect', (req: http.IncomingMessage, socket: Socket, head: Buffer) => this.tunnel(req, socket, head));
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  get counts(): ProxyTraffic {
    return { ...this.traffic, targets: [...this.traffic.targets] };
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', resolve);
    });
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** 407 or 403 as the status to refuse with, or undefined to let the request through. */
  private refusal(req: http.IncomingMessage, hostname: string): number | undefined {
    const status = this.authorization !== undefined && req.headers['proxy-authorization'] !== this.authorization ? 407 : !LOOPBACK.has(hostname) ? 403 : undefined;
    if (status) this.traffic.refused++;
    return status;
  }

  private forward(req: http.IncomingMessage, res: http.ServerResponse): void {
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end();
      return;
    }
    const refused = this.refusal(req, target.hostname);
    if (refused) {
      res.writeHead(refused).end();
      return;
    }
    this.traffic.forwarded++;
    this.traffic.targets.push(target.host);
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const upstream = http.request(target, { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  }

  private tunnel(req: http.IncomingMessage, client: Socket, head: Buffer): void {
    const [hostname = '', port = '443'] = (req.url ?? '').split(/:(?=\d+$)/);
    const refused = this.refusal(req, hostname);
    if (refused) {
      client.end(`HTTP/1.1 ${refused} ${http.STATUS_CODES[refused]}\r\n\r\n`);
      return;
    }
    this.traffic.tunnels++;
    this.traffic.targets.push(req.url ?? '');
    const upstream = net.connect(Number(port), hostname.replace(/^\[|\]$/g, ''), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    this.sockets.add(upstream);
    upstream.on('close', () => this.sockets.delete(upstream));
  }
}
