import * as vscode from 'vscode';
import type { Account } from '../core/accounts';
import { isRecord } from '../core/json';
import { secretFields, VENDORS, type VendorId } from '../core/vendors/catalog';
import { Disposable } from '../util/disposable';

/**
 * An account's secrets: in SecretStorage under the account id (one JSON entry per account), or, where
 * the account says `credentialsFromEnv`, in the extension host's environment. Nowhere else.
 *
 * Stored secrets are bound to the server they were entered for (vendor and origin): should an entry with
 * the same id later point elsewhere (edited by hand, or an old id reused), they are not sent there, and
 * the account asks for its credentials again.
 *
 * They go when the account goes, however it goes (Remove Account, or its entry deleted from settings.json):
 * SecretStorage cannot list its keys, so the ids with stored secrets are kept in an index entry of their own.
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
    await this.queue; // after any store or deletion under way
    const stored = await this.storedFor(account.id, serverOf(account));
    const values: Record<string, string | undefined> = {};
    for (const field of secretFields(account.vendor, account.authMode)) {
      const envName = account.credentialsFromEnv[field];
      values[field] = envName !== undefined ? process.env[envName] || undefined : stored[field];
    }
    return values;
  }

  /** Stores `values` for the account's server, over the ones stored for that same server. */
  store(account: AccountServer & { readonly id: string }, values: Readonly<Record<string, string>>): Promise<void> {
    return this.serially(async () => {
      const server = serverOf(account);
      const entry: StoredEntry = { server, values: { ...(await this.storedFor(account.id, server)), ...values } };
      await this.storage.store(KEY_PREFIX + account.id, JSON.stringify(entry));
      const index = await this.index();
      if (!index.includes(account.id)) await this.writeIndex([...index, account.id]);
    });
  }

  delete(accountId: string): Promise<void> {
    return this.serially(async () => {
      await this.storage.delete(KEY_PREFIX + accountId);
      await this.writeIndex((await this.index()).filter((id) => id !== accountId));
    });
  }

  /**
   * Deletes the stored secrets of every account id not in `present` (the ids of the entries in the user's
   * settings, broken ones too, so a typo being fixed loses nothing). Returns the ids whose secrets went.
   */
  keepOnly(present: ReadonlySet<string>): Promise<string[]> {
    return this.serially(async () => {
      const index = await this.index(present);
      const gone = index.filter((id) => !present.has(id));
      for (const id of gone) await this.storage.delete(KEY_PREFIX + id);
      if (gone.length > 0) await this.writeIndex(index.filter((id) => present.has(id)));
      return gone;
    });
  }

  /**
   * The ids with stored secrets. Before there was an index, secrets could be stored for any configured
   * account: the first reading takes `seed` (the ids configured now) as the index.
   */
  private async index(seed: Iterable<string> = []): Promise<string[]> {
    const raw = await this.storage.get(INDEX_KEY);
    if (raw === undefined) {
      const seeded = [...seed];
      await this.writeIndex(seeded);
      return seeded;
    }
    try {
      const ids: unknown = JSON.parse(raw);
      return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
    } catch {
      return [];
    }
  }

  private async writeIndex(ids: readonly string[]): Promise<void> {
    await this.storage.store(INDEX_KEY, JSON.stringify(ids));
  }

  /** Index updates read, change and write: one at a time, so none is lost. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private queue: Promise<unknown> = Promise.resolve();

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
    if (!isRecord(entry)) return {};
    const { server: storedFor, values } = entry as Partial<StoredEntry>;
    if (storedFor === undefined && isStringMap(entry)) {
      await this.storage.store(KEY_PREFIX + accountId, JSON.stringify({ server, values: entry } satisfies StoredEntry));
      return entry;
    }
    return storedFor === server && isStringMap(values) ? values : {};
  }
}

function isStringMap(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((v) => typeof v === 'string');
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
/** Not an account key: account ids have no dots. */
const INDEX_KEY = 'spaces.accounts.index';
