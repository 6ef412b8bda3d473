/**
 * The accounts the user hid from the Spaces view (Select Accounts…, Hide Account), by id. A hidden account is
 * not listed, fetched, refreshed or searched; its settings, secrets, pins and last known rows stay. Kept in
 * the extension's global state and synced between machines (`extension.ts` names the key for sync), so it is
 * read as untrusted stored data: account-id-shaped strings only, at most `MAX_HIDDEN`. An id that no
 * configured account has hides nothing (another machine may have that account), and is kept. No `vscode`.
 */
import { ACCOUNT_ID } from '../core/accounts';
import { ChangeListeners, type StateStore } from './stateStore';

export const HIDDEN_ACCOUNTS_KEY = 'spaces.hiddenAccounts';
/** More than this are not kept (the newest stay): the synced state stays small. */
export const MAX_HIDDEN = 200;
const MAX_ID_LENGTH = 200;

const isAccountId = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_ID_LENGTH && ACCOUNT_ID.test(value);

export class HiddenAccounts {
  private ids: string[];
  private readonly listeners = new ChangeListeners();

  constructor(private readonly store: StateStore) {
    const saved = store.get<unknown>(HIDDEN_ACCOUNTS_KEY);
    this.ids = [...new Set((Array.isArray(saved) ? saved : []).filter(isAccountId))].slice(-MAX_HIDDEN);
  }

  has(accountId: string): boolean {
    return this.ids.includes(accountId);
  }

  /** Hides the account; false when it was hidden already. */
  async hide(accountId: string): Promise<boolean> {
    if (this.has(accountId) || !isAccountId(accountId)) return false;
    await this.save([...this.ids, accountId]);
    return true;
  }

  /**
   * Shows exactly `shown` of the `configured` accounts and hides the others (Select Accounts…); ids of
   * accounts not configured here are left as they were.
   */
  async showOnly(shown: readonly string[], configured: readonly string[]): Promise<void> {
    const elsewhere = this.ids.filter((id) => !configured.includes(id));
    const next = [...elsewhere, ...configured.filter((id) => !shown.includes(id) && isAccountId(id))];
    if (next.length === this.ids.length && next.every((id) => this.ids.includes(id))) return;
    await this.save(next);
  }

  /** Called after every change. */
  onDidChange(listener: () => void): { dispose(): void } {
    return this.listeners.add(listener);
  }

  private async save(ids: string[]): Promise<void> {
    this.ids = ids.slice(-MAX_HIDDEN);
    this.listeners.fire();
    await this.store.update(HIDDEN_ACCOUNTS_KEY, this.ids);
  }
}
