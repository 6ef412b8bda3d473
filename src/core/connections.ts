// How a client connects: one keep-alive dispatcher, direct or through a proxy, with the per-origin cap,
// the timeouts and the certificates it trusts. This machine's own origins are always reached directly.
import { lookup as systemLookup, type LookupAddress, type LookupAllOptions, type LookupOneOptions } from 'node:dns';
import { readFileSync } from 'node:fs';
import type { LookupFunction } from 'node:net';
import * as tls from 'node:tls';
import { Agent, Dispatcher, EnvHttpProxyAgent, Pool } from 'undici';
import { isLoopbackOrigin, LOCALHOST_ADDRESSES } from './loopback';

/** Mirrors VS Code's `http.proxy`, `http.noProxy`, `http.proxyStrictSSL` and `http.proxyAuthorization`. */
export interface ProxyOptions {
  /** The proxy for both http and https URLs; wins over the environment. */
  readonly url?: string;
  /** Hosts (`example.com` also covers its subdomains, `host:port` one port) that are reached directly. */
  readonly noProxy?: readonly string[];
  /** `false` accepts any certificate on proxied connections (intercepting proxies). Default `true`. */
  readonly strictSSL?: boolean;
  /** The Proxy-Authorization header value. */
  readonly authorization?: string;
  /** Also read HTTP_PROXY, HTTPS_PROXY and NO_PROXY (any case) from the environment. */
  readonly fromEnvironment?: boolean;
}

/** What a dispatcher is made from: a part of the client's options. */
export interface ConnectionOptions {
  /** Connect, headers and body timeouts each. */
  readonly timeoutSeconds: number;
  readonly maxConcurrentPerOrigin: number;
  readonly proxy?: ProxyOptions;
  readonly ca?: readonly string[];
}

/** The one dispatcher of a client: undici's keep-alive Agent, or its proxy agent when a proxy applies. */
export function createDispatcher(opts: ConnectionOptions): Dispatcher {
  const timeoutMs = Math.round(opts.timeoutSeconds * 1000);
  const ca = trustedCertificates(opts.ca ?? []);
  const trust = ca ? { ca } : {};
  const agentOptions: Agent.Options = {
    connections: opts.maxConcurrentPerOrigin,
    connectTimeout: timeoutMs,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connect: { ...trust, timeout: timeoutMs, lookup: resolveLocalhostHere },
  };
  const direct = new Agent(agentOptions);
  const routes = proxyRoutes(opts.proxy);
  if (!routes) return direct;
  // Through a proxy undici connects by itself: the TLS settings go to the proxy leg and the tunnelled one,
  // and the client that asks the proxy for a tunnel gets the timeouts too (its default wait is 5 minutes).
  const tunnelTls = { ...trust, timeout: timeoutMs, rejectUnauthorized: opts.proxy?.strictSSL !== false };
  const proxied = new EnvHttpProxyAgent({
    ...agentOptions,
    ...routes,
    token: opts.proxy?.authorization,
    requestTls: tunnelTls,
    proxyTls: tunnelTls,
    clientFactory: (origin, options) => new Pool(origin, { ...options, headersTimeout: timeoutMs, bodyTimeout: timeoutMs }),
  });
  return new LoopbackDirect(direct, proxied);
}

/**
 * A proxy for every origin but this machine's own, as browsers do whatever the proxy settings say: a loopback
 * account may use plain http (its requests never cross a network), so through a proxy its credentials would
 * travel in clear.
 */
class LoopbackDirect extends Dispatcher {
  constructor(
    private readonly direct: Dispatcher,
    private readonly proxied: Dispatcher,
  ) {
    super();
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    return (isLoopbackOrigin(options.origin) ? this.direct : this.proxied).dispatch(options, handler);
  }

  override close(): Promise<void>;
  override close(callback: () => void): void;
  override close(callback?: () => void): Promise<void> | void {
    const closed = Promise.all([this.direct.close(), this.proxied.close()]).then(() => undefined);
    if (!callback) return closed;
    void closed.then(callback);
  }

  override destroy(): Promise<void>;
  override destroy(err: Error | null): Promise<void>;
  override destroy(callback: () => void): void;
  override destroy(err: Error | null, callback: () => void): void;
  override destroy(errOrCallback?: Error | null | (() => void), callback?: () => void): Promise<void> | void {
    const err = typeof errOrCallback === 'function' ? null : (errOrCallback ?? null);
    const done = typeof errOrCallback === 'function' ? errOrCallback : callback;
    const destroyed = Promise.all([this.direct.destroy(err), this.proxied.destroy(err)]).then(() => undefined);
    if (!done) return destroyed;
    void destroyed.then(done);
  }
}

/** Node's lookup, but `localhost` is resolved here to the loopback addresses: no resolver can point it elsewhere. */
const resolveLocalhostHere = ((hostname: string, options: LookupOneOptions | LookupAllOptions, callback: (...args: unknown[]) => void) => {
  if (hostname.toLowerCase() !== 'localhost') return systemLookup(hostname, options, callback as never);
  const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
  const addresses: LookupAddress[] = LOCALHOST_ADDRESSES.filter((a) => !family || a.family === family);
  if (options.all) callback(null, addresses);
  else callback(null, addresses[0]!.address, addresses[0]!.family);
}) as LookupFunction;

/** The proxy for each scheme and the hosts that go direct, from the options and maybe the environment. */
function proxyRoutes(proxy: ProxyOptions | undefined): { httpProxy: string; httpsProxy: string; noProxy: string } | undefined {
  if (!proxy) return undefined;
  const env = proxy.fromEnvironment ? process.env : {};
  // An empty string tells undici "no proxy" instead of falling back to the environment itself.
  const httpProxy = proxy.url || env.http_proxy || env.HTTP_PROXY || '';
  const httpsProxy = proxy.url || env.https_proxy || env.HTTPS_PROXY || '';
  if (!httpProxy && !httpsProxy) return undefined;
  const noProxy = [...(proxy.noProxy ?? []), ...(env.no_proxy ?? env.NO_PROXY ?? '').split(',')].map((h) => h.trim()).filter(Boolean);
  return { httpProxy, httpsProxy, noProxy: noProxy.join(',') };
}

/**
 * The certificates a TLS connection trusts, given extra ones: `ca` replaces Node's roots rather than adding
 * to them, so everything Node would trust goes along: its roots, the operating system's store where the
 * runtime can read it (`tls.getCACertificates`, Node 22.15+), and the file in `NODE_EXTRA_CA_CERTS`.
 * Without extra ones, Node's own choice stands.
 */
export function trustedCertificates(extra: readonly string[]): string[] | undefined {
  if (extra.length === 0) return undefined;
  const read = (tls as { getCACertificates?: (type: 'default' | 'system') => string[] }).getCACertificates;
  const attempt = (get: () => readonly string[]): readonly string[] => {
    try {
      return get();
    } catch {
      return [];
    }
  };
  const fromRuntime = read ? [...attempt(() => read('default')), ...attempt(() => read('system'))] : [...tls.rootCertificates];
  const envFile = process.env.NODE_EXTRA_CA_CERTS;
  const fromEnv = envFile ? attempt(() => pemBlocks(readFileSync(envFile, 'utf8'))) : [];
  return [...new Set([...fromRuntime, ...fromEnv, ...extra])];
}

function pemBlocks(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}
