// What the tests of every tier build against the sandbox, in one place: an account's `spaces.accounts` entry.
// The TypeScript tiers import it from here; the e2e files and the demo through index.ts (out/sandbox/index.js).

/** The vendors the sandbox imitates, by their ids in `spaces.accounts`. */
export type SandboxVendor = 'alumio' | 'sharely' | 'openlayer' | 'onedata' | 'blueworks';

/** A `spaces.accounts` entry: its id, vendor and base URL, and whatever else the account sets. */
export type AccountEntry = { readonly id: string; readonly vendor: SandboxVendor; readonly baseUrl: string } & Readonly<Record<string, unknown>>;

/**
 * The `spaces.accounts` entry of the account `id` of `vendor` at `baseUrl` (the sandbox's URL, or another
 * origin of it), with `fields` after those three: label, spaces, credentialsFromEnv and the vendor's own.
 * The entry keeps the types of `fields`, so a test can read back what it set (its `spaces`, say).
 */
export function accountEntry<Fields extends Readonly<Record<string, unknown>> = Record<never, never>>(
  vendor: SandboxVendor,
  baseUrl: string,
  id: string,
  fields?: Fields,
): AccountEntry & Fields {
  // The spread is the intersection; TypeScript cannot show it for an optional generic `fields`.
  return { id, vendor, baseUrl, ...fields } as AccountEntry & Fields;
}
