/**
 * The `spaces.accounts` settings contract, validated entry by entry: one broken entry becomes one
 * problem naming it, and every other account keeps working. Pure (no `vscode`), so it is tested in Node.
 */
import * as z from 'zod/mini';
import { isRecord } from './json';
import { isLoopbackHost } from './loopback';
import { isVendorId, VENDORS, type AccountField, type VendorId } from './vendors/catalog';

export interface Account {
  readonly id: string;
  readonly vendor: VendorId;
  readonly label: string;
  /** Always set: the account's own or the vendor's default, without a trailing slash. */
  readonly baseUrl: string;
  readonly workspaceId?: string;
  readonly organizationId?: string;
  readonly clientId?: string;
  readonly onBehalfOf?: string;
  readonly authMode?: string;
  readonly includeSubspaces: boolean;
  readonly archivedState: 'all' | 'active' | 'archived';
  readonly publishedState: 'all' | 'published' | 'unpublished';
  readonly spaces: readonly string[];
  readonly credentialsFromEnv: Readonly<Record<string, string>>;
  /** The user accepts that credentials travel unencrypted to a plain `http:` base URL on another machine. */
  readonly allowInsecureHttp: boolean;
}

/** Why an entry was set aside; the UI words it. */
export type AccountProblem =
  | { readonly code: 'notAnObject' }
  | { readonly code: 'badId' }
  | { readonly code: 'duplicateId' }
  | { readonly code: 'unknownVendor'; readonly vendor: string }
  | { readonly code: 'missingField'; readonly field: AccountField }
  | { readonly code: 'badUrl'; readonly value: string }
  /** Plain `http:` to another machine, without `allowInsecureHttp`: the credentials would travel unencrypted. */
  | { readonly code: 'insecureHttp'; readonly value: string }
  | { readonly code: 'badAuthMode'; readonly value: string; readonly allowed: readonly string[] }
  | { readonly code: 'badValue'; readonly field: string };

export interface BrokenAccount {
  /** Position in the settings array, for "the 3rd entry" when the id itself is what is broken. */
  readonly index: number;
  readonly id?: string;
  readonly problem: AccountProblem;
}

export interface ParsedAccounts {
  readonly accounts: readonly Account[];
  readonly broken: readonly BrokenAccount[];
}

export const ACCOUNT_ID = /^[a-z0-9][a-z0-9-]*$/;

const text = z.optional(z.string().check(z.trim(), z.minLength(1)));
const entrySchema = z.looseObject({
  label: text,
  baseUrl: text,
  workspaceId: text,
  organizationId: text,
  clientId: text,
  onBehalfOf: text,
  authMode: text,
  includeSubspaces: z.optional(z.boolean()),
  archivedState: z.optional(z.enum(['all', 'active', 'archived'])),
  publishedState: z.optional(z.enum(['all', 'published', 'unpublished'])),
  spaces: z.optional(z.array(z.string().check(z.trim(), z.minLength(1)))),
  credentialsFromEnv: z.optional(z.record(z.string(), z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_]*$/)))),
  allowInsecureHttp: z.optional(z.boolean()),
});

export function parseAccounts(raw: unknown): ParsedAccounts {
  const accounts: Account[] = [];
  const broken: BrokenAccount[] = [];
  const seen = new Set<string>();
  const entries = Array.isArray(raw) ? raw : [];
  entries.forEach((entry: unknown, index) => {
    const result = parseAccount(entry);
    const id = 'account' in result ? result.account.id : result.id;
    if (id !== undefined && seen.has(id)) {
      broken.push({ index, id, problem: { code: 'duplicateId' } });
      return;
    }
    if (id !== undefined) seen.add(id);
    if ('account' in result) accounts.push(result.account);
    else broken.push({ index, ...result });
  });
  return { accounts, broken };
}

type EntryResult = { account: Account } | { id?: string; problem: AccountProblem };

function parseAccount(entry: unknown): EntryResult {
  if (!isRecord(entry)) return { problem: { code: 'notAnObject' } };
  const { id, vendor } = entry;
  if (typeof id !== 'string' || !ACCOUNT_ID.test(id)) return { problem: { code: 'badId' } };
  if (!isVendorId(vendor)) return { id, problem: { code: 'unknownVendor', vendor: typeof vendor === 'string' ? vendor : (JSON.stringify(vendor) ?? '') } };

  const parsed = entrySchema.safeParse(entry);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? '');
    return { id, problem: { code: 'badValue', field } };
  }
  const fields = parsed.data;
  const catalog = VENDORS[vendor];
  for (const field of catalog.requiredFields) {
    if (fields[field] === undefined) return { id, problem: { code: 'missingField', field } };
  }
  const baseUrl = fields.baseUrl ?? catalog.defaultBaseUrl;
  if (baseUrl === undefined) return { id, problem: { code: 'missingField', field: 'baseUrl' } };
  if (!isHttpUrl(baseUrl)) return { id, problem: { code: 'badUrl', value: baseUrl } };
  if (!travelsSafely(baseUrl) && fields.allowInsecureHttp !== true) return { id, problem: { code: 'insecureHttp', value: baseUrl } };
  if (fields.authMode !== undefined && !catalog.authModes.includes(fields.authMode)) {
    return { id, problem: { code: 'badAuthMode', value: fields.authMode, allowed: catalog.authModes } };
  }
  return {
    account: {
      id,
      vendor,
      label: fields.label ?? id,
      baseUrl: baseUrl.replace(/\/+$/, ''),
      workspaceId: fields.workspaceId,
      organizationId: fields.organizationId,
      clientId: fields.clientId,
      onBehalfOf: fields.onBehalfOf,
      authMode: fields.authMode ?? catalog.authModes[0],
      includeSubspaces: fields.includeSubspaces ?? true,
      archivedState: fields.archivedState ?? 'active',
      publishedState: fields.publishedState ?? 'all',
      spaces: [...new Set(fields.spaces ?? [])],
      credentialsFromEnv: fields.credentialsFromEnv ?? {},
      allowInsecureHttp: fields.allowInsecureHttp === true,
    },
  };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/**
 * Whether what is sent to `baseUrl` is safe from the network: encrypted (`https:`), or never leaving this
 * machine (plain `http:` to a loopback host, see `isLoopbackHost`; such requests never go through a proxy).
 */
export function travelsSafely(baseUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  if (url.protocol !== 'http:') return false;
  return isLoopbackHost(url.hostname);
}
