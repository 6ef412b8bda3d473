/**
 * What a command runs on. A command's argument may come from the tree, a command link, another extension
 * or a keybinding, so it is never trusted: it names an account id and a space id, and both are resolved
 * from the user's settings (the account) and from what that account shows (its configured ids, the vendor's
 * listing, the subspaces its spaces list). No other field of the argument is read. A row's menu item run
 * while several rows are selected gets the selection too; only the view's own rows make one (`selection`).
 */
import * as vscode from 'vscode';
import type { Account } from '../core/accounts';
import type { Config } from '../config/config';
import { VENDORS } from '../core/vendors/catalog';
import { forPick } from '../util/text';
import { showError, showInfo } from '../util/workbench';
import type { SpaceNode } from '../tree/nodes/spaceNode';
import { TreeNode } from '../tree/nodes/treeNode';
import type { SpacesTreeProvider } from '../tree/provider';

/** The ids an argument names: `account.id` (tree rows) or `accountId`, and `spaceId`. Strings only. */
export function idsOf(arg: unknown): { accountId?: string; spaceId?: string } {
  if (typeof arg !== 'object' || arg === null) return {};
  const { account, accountId, spaceId } = arg as { account?: unknown; accountId?: unknown; spaceId?: unknown };
  const nested = typeof account === 'object' && account !== null ? (account as { id?: unknown }).id : undefined;
  const id = typeof accountId === 'string' ? accountId : typeof nested === 'string' ? nested : undefined;
  return { accountId: id, spaceId: typeof spaceId === 'string' ? spaceId : undefined };
}

/** A space a command may act on: the account as configured, the id, and the tree's row for it if it has one. */
export interface SpaceTarget {
  readonly account: Account;
  readonly spaceId: string;
  readonly node?: SpaceNode;
}

export class CommandTargets {
  constructor(
    private readonly config: Config,
    private readonly tree: SpacesTreeProvider,
  ) {}

  /**
   * Whether `arg` is a row of the Spaces view: the user's own click on it or its menu. Anything else (a
   * command link, another extension, a keybinding's arguments) did not come from the user's hands, so a
   * command that would change their settings or secrets for it asks first.
   */
  isOwnRow(arg: unknown): boolean {
    return arg instanceof TreeNode;
  }

  /**
   * What a command runs on, from the arguments VS Code hands a row's menu item: the row it was invoked on
   * and, with several rows selected, the selection. The selection counts when that row is one of the view's
   * own rows and part of it: then it is the selection's own rows, in the order VS Code gives them. Otherwise
   * (a row outside the selection, the palette, a link, another extension) it is the first argument alone,
   * resolved by its ids as ever: nothing another caller hands in counts as a selection.
   */
  selection(clicked: unknown, selected?: unknown): unknown[] {
    if (!this.isOwnRow(clicked) || !Array.isArray(selected) || !selected.includes(clicked)) return [clicked];
    return selected.filter((row) => this.isOwnRow(row));
  }

  /** The configured accounts `args` name, each once, after saying why for any that names none. */
  accounts(args: readonly unknown[]): Account[] {
    const accounts = args.flatMap((arg) => this.account(arg) ?? []);
    return accounts.filter((account, index) => accounts.findIndex((a) => a.id === account.id) === index);
  }

  /**
   * The spaces `args` name that their accounts show, each once (a pinned row and its account's row are the
   * same space), in their order, after saying why for any that is not.
   */
  async spaces(args: readonly unknown[]): Promise<SpaceTarget[]> {
    const targets: SpaceTarget[] = [];
    for (const arg of args) {
      const target = await this.space(arg);
      if (target && !targets.some((t) => t.account.id === target.account.id && t.spaceId === target.spaceId)) targets.push(target);
    }
    return targets;
  }

  /**
   * The configured account `arg` names, or undefined after saying why not. `arg` undefined (the palette)
   * is not refused: the caller asks the user instead.
   */
  account(arg: unknown): Account | undefined {
    const { accountId } = idsOf(arg);
    const account = accountId === undefined ? undefined : this.config.accounts().accounts.find((a) => a.id === accountId);
    if (!account) void showError(vscode.l10n.t('No account with the id "{0}" is configured, so nothing was done.', accountId ?? ''));
    return account;
  }

  /**
   * An account the user picks (no argument: the palette), or undefined when none is picked. With no
   * account configured yet, offers to add one instead.
   */
  async pickAccount(placeHolder: string): Promise<Account | undefined> {
    const { accounts } = this.config.accounts();
    if (accounts.length === 0) {
      const add = vscode.l10n.t('Add Account…');
      if ((await showInfo(vscode.l10n.t('There is no account yet.'), add)) === add) await vscode.commands.executeCommand('spaces.addAccount');
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      accounts.map((account) => ({ label: forPick(account.label), description: VENDORS[account.vendor].name, detail: account.id, account })),
      { placeHolder },
    );
    return picked?.account;
  }

  /**
   * The space `arg` names, if its account is configured and shows it (a row of the tree, a configured id,
   * or the vendor's listing, which the tree may not have loaded yet); else undefined, after saying why not.
   */
  async space(arg: unknown): Promise<SpaceTarget | undefined> {
    const { spaceId } = idsOf(arg);
    const account = this.account(arg);
    if (!account) return undefined;
    const node = spaceId === undefined ? undefined : (this.tree.spaceNode(account.id, spaceId, arg) ?? (await this.listedRow(account, spaceId)));
    if (spaceId !== undefined && (node || account.spaces.includes(spaceId))) return { account, spaceId, node };
    void showError(vscode.l10n.t('"{0}" is not a space that account "{1}" shows, so nothing was done.', spaceId ?? '', account.label));
    return undefined;
  }

  /**
   * The row of `spaceId` in the account's listing, which the view may not have asked for yet: the tree's
   * own listing, so it is fetched once for both (from the account's own server, with its own credentials).
   */
  private async listedRow(account: Account, spaceId: string): Promise<SpaceNode | undefined> {
    if (account.spaces.includes(spaceId)) return undefined;
    await this.tree.getChildren(); // the account rows, as the settings have them now
    await this.tree.accountNode(account.id)?.listing();
    return this.tree.spaceNode(account.id, spaceId);
  }
}
