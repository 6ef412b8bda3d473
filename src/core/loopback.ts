/**
 * Which hosts are this machine. Plain `http:` is allowed to them without `allowInsecureHttp`, and requests to
 * them never go through a proxy, because what is sent there never crosses a network. A name counts only if
 * it is this machine without asking any resolver: `localhost` (which the client resolves itself), the
 * 127.0.0.0/8 block and `[::1]`. Not `*.localhost`: Node asks the system's resolver for those, and whoever
 * answers would get the credentials in clear.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** Whether `origin` (`scheme://host:port`) is on this machine; false for anything that is no URL. */
export function isLoopbackOrigin(origin: string | URL | undefined): boolean {
  if (origin === undefined) return false;
  try {
    return isLoopbackHost(new URL(origin).hostname);
  } catch {
    return false;
  }
}

/** The addresses `localhost` stands for, resolved here rather than by a resolver that could say otherwise. */
export const LOCALHOST_ADDRESSES = [
  { address: '127.0.0.1', family: 4 },
  { address: '::1', family: 6 },
] as const;
