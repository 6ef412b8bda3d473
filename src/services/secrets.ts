import * as vscode from 'vscode';
import type { Account } from '../core/accounts';
import { secretFields, VENDORS, type VendorId } from '../core/vendors/catalog';
import { Disposable } from '../util/disposable';

/**
 * An account's secrets: in SecretStorage under the account id (one JSON entry per account), or, where
 * the account says `credentialsFromEnv`, in the extension host's environment. Nowhere else.
 *
 * Stored secrets are bound to the server they were entered for (vendor and origin): should an entry with
 * the same id later point elsewhere (edited by hand, or an old id reused), they are not sent there, and
 * the account asks for its credentials again.
 */
export class AccountSecrets extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<string>());
  /** Fires with the account id whose stored secrets changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly storage: vscode.SecretStorage) {
    super();
    this.register(
      storage.onDidChange((e) => {
        if (e.key.startsWith(KEY_PREFIX)) this.changed.fire(e.key.slice(KEY_PREFIX.length));
      }),
    );
  }

  /** Every secret field the account needs, with its value where one is set. */
  async read(account: Account): Promise<Record<string, string | undefined>> {
    const stored = await this.storedFor(account.id, serverOf(account));
    const values: Record<string, string | undefined> = {};
    for (const field of secretFields(account.vendor, account.authMode)) {
      const envName = account.credentialsFromEnv[field];
      values[field] = envName !== undefined ? process.env[envName] || undefined : stored[field];
    }
    return values;
  }

  /** Stores `values` for the account's server, over the ones stored for that same server. */
  async store(account: AccountServer & { readonly id: string }, values: Readonly<Record<string, string>>): Promise<void> {
    const server = serverOf(account);
    const entry: StoredEntry = { server, values: { ...(await this.storedFor(account.id, server)), ...values } };
    await this.storage.store(KEY_PREFIX + account.id, JSON.stringify(entry));
  }

  async delete(accountId: string): Promise<void> {
    await this.storage.delete(KEY_PREFIX + accountId);
  }

  /**
   * The stored values, if they were stored for `server`. An entry from before secrets were bound (a plain
   * map) is bound now, to the server of the account it was kept for.
   */
  private async storedFor(accountId: string, server: string): Promise<Record<string, string>> {
    const raw = await this.storage.get(KEY_PREFIX + accountId);
    if (!raw) return {};
    let entry: unknown;
    try {
      entry = JSON.parse(raw);
    } catch {
      return {};
    }
    if (typeof entry !== 'object' || entry === null) return {};
    const { server: storedFor, values } = entry as Partial<StoredEntry>;
    if (storedFor === undefined && isStringMap(entry)) {
      await this.storage.store(KEY_PREFIX + accountId, JSON.stringify({ server, values: entry } satisfies StoredEntry));
      return entry;
    }
    return storedFor === server && isStringMap(values) ? values : {};
  }
}

function isStringMap(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');
}

/** What secrets are bound to: the vendor, and the origin of the base URL (its default where none is set). */
export interface AccountServer {
  readonly vendor: VendorId;
  readonly baseUrl?: string;
}

export function serverOf({ vendor, baseUrl }: AccountServer): string {
  const url = baseUrl ?? VENDORS[vendor].defaultBaseUrl ?? '';
  try {
    return `${vendor} ${new URL(url).origin}`;
  } catch {
    return `${vendor} ${url}`;
  }
}

interface StoredEntry {
  readonly server: string;
  readonly values: Record<string, string>;
}

const KEY_PREFIX = 'spaces.account.';
