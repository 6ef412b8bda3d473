/**
 * What a command runs on. A command's argument may come from the tree, a command link, another extension
 * or a keybinding, so it is never trusted: it names an account id and a space id, and both are resolved
 * from the user's settings (the account) and from what that account shows (its configured ids, the vendor's
 * listing, the subspaces its spaces list). No other field of the argument is read.
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
