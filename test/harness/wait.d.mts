// Types for the TypeScript tiers (unit, host, bench), which import the harness's one waiting loop.
export function eventually<T>(read: () => T | Promise<T>, ok: (value: T) => boolean, what?: string, timeoutMs?: number): Promise<T>;
export function escapeRegExp(text: string): string;
