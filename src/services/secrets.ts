import * as vscode from 'vscode';
import type { Account } from '../core/accounts';
import { secretFields } from '../core/vendors/catalog';
import { Disposable } from '../util/disposable';

/**
 * An account's secrets: in SecretStorage under the account id (one JSON entry per account), or, where
 * the account says `credentialsFromEnv`, in the extension host's environment. Nowhere else.
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
    const stored = await this.stored(account.id);
    const values: Record<string, string | undefined> = {};
    for (const field of secretFields(account.vendor, account.authMode)) {
      const envName = account.credentialsFromEnv[field];
      values[field] = envName !== undefined ? process.env[envName] || undefined : stored[field];
    }
    return values;
  }

  async store(accountId: string, values: Readonly<Record<string, string>>): Promise<void> {
    await this.storage.store(KEY_PREFIX + accountId, JSON.stringify({ ...(await this.stored(accountId)), ...values }));
  }

  async delete(accountId: string): Promise<void> {
    await this.storage.delete(KEY_PREFIX + accountId);
  }

  private async stored(accountId: string): Promise<Record<string, string>> {
    const raw = await this.storage.get(KEY_PREFIX + accountId);
    if (!raw) return {};
    try {
      const parsed: unknown = JSON.parse(raw);
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  }
}

const KEY_PREFIX = 'spaces.account.';
