// How a client connects: one keep-alive dispatcher, direct or through a proxy, with the per-origin cap,
// the timeouts and the certificates it trusts.
import { readFileSync } from 'node:fs';
import * as tls from 'node:tls';
import { Agent, EnvHttpProxyAgent, Pool, type Dispatcher } from 'undici';

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
    connect: { ...trust, timeout: timeoutMs },
  };
  const routes = proxyRoutes(opts.proxy);
  if (!routes) return new Agent(agentOptions);
  // Through a proxy undici connects by itself: the TLS settings go to the proxy leg and the tunnelled one,
  // and the client that asks the proxy for a tunnel gets the timeouts too (its default wait is 5 minutes).
  const tunnelTls = { ...trust, timeout: timeoutMs, rejectUnauthorized: opts.proxy?.strictSSL !== false };
  return new EnvHttpProxyAgent({
    ...agentOptions,
    ...routes,
    token: opts.proxy?.authorization,
    requestTls: tunnelTls,
    proxyTls: tunnelTls,
    clientFactory: (origin, options) => new Pool(origin, { ...options, headersTimeout: timeoutMs, bodyTimeout: timeoutMs }),
  });
}

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
