/**
 * The demo profile: what `npm run demo` puts in the throwaway VS Code's user settings and environment,
 * so every vendor shows real (sandbox) spaces without a single secret in settings.
 */
export interface DemoProfile {
  /** `spaces.accounts`, each with `credentialsFromEnv`. */
  readonly accounts: readonly Record<string, unknown>[];
  /** The environment variables those accounts read their secrets from. */
  readonly env: Readonly<Record<string, string>>;
}

export function demoProfile(sandboxUrl: string): DemoProfile {
  void sandboxUrl; // the vendors' sandbox accounts are added here as they land
  return { accounts: [], env: {} };
}
