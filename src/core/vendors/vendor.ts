/**
 * The Vendor seam: one file per vendor implements this; `registry.ts` lists them. Adding a sixth vendor
 * is one new file plus a registry line (and its facts in `catalog.ts`).
 */
import type { Account } from '../accounts';
import type { HttpClient } from '../http';
import type { SpaceDetails, SpaceRef } from '../model';
import type { VendorCatalogEntry, VendorId } from './catalog';

/** A settings field the add-account wizard asks for. */
export interface FieldSpec {
  readonly key: 'baseUrl' | 'workspaceId' | 'organizationId' | 'clientId' | 'onBehalfOf' | 'authMode';
  readonly label: string;
  readonly placeholder?: string;
  readonly required: boolean;
  /** Choices offered instead of free text (Blueworks regions, auth modes). `value` is what is stored. */
  readonly choices?: readonly { readonly value: string; readonly label: string }[];
}

/** A secret field: stored in SecretStorage under the account id, never in settings. */
export interface SecretSpec {
  readonly key: string;
  readonly label: string;
  /** Only asked for under this auth mode (Onedata `token` vs `basic`). */
  readonly authMode?: string;
}

export interface FetchOptions {
  readonly signal?: AbortSignal;
  /** Skip cached copies and fetch anew (Refresh). */
  readonly refresh?: boolean;
}

export interface FindQuery {
  readonly name?: string;
  readonly tag?: string;
}

/** What a vendor client needs from the outside: the one HTTP client and the account's secrets. */
export interface VendorContext {
  readonly http: HttpClient;
  /** Secret values by field key; missing ones are absent (the vendor reports `config`). */
  readonly secrets: Readonly<Record<string, string | undefined>>;
}

/** Talks to one account of one vendor. Holds that account's token state, if any. */
export interface VendorClient {
  getSpace(id: string, options?: FetchOptions): Promise<SpaceDetails>;
  /** Where the vendor can list spaces (Onedata, Openlayer's one workspace). */
  listSpaces?(options?: FetchOptions): Promise<readonly SpaceRef[]>;
  /** Where the vendor can search (Blueworks by exact name or tag). */
  findSpaces?(query: FindQuery, options?: FetchOptions): Promise<readonly SpaceRef[]>;
  /**
   * Where the vendor has a request that proves the credentials without naming a space (Sharely.ai's token
   * exchange, Blueworks' token request): the connection test of an account with no space to fetch.
   */
  checkAccess?(options?: FetchOptions): Promise<void>;
}

export interface Vendor {
  readonly id: VendorId;
  readonly catalog: VendorCatalogEntry;
  readonly fields: readonly FieldSpec[];
  readonly secretFields: readonly SecretSpec[];
  createClient(account: Account, context: VendorContext): VendorClient;
}
