import * as vscode from 'vscode';
import type { Account } from '../../core/accounts';
import { SpaceNode } from './spaceNode';
import { TreeNode, type TreeContext } from './treeNode';

/** What the group needs of an account's row: its settings, and what it knows of a space. */
export interface PinnedAccount {
  readonly account: Account;
  spaceNode(spaceId: string): SpaceNode | undefined;
}

/** "Pinned", first in the tree: the spaces the user pinned, across accounts, in the order pinned. */
export class PinnedNode extends TreeNode {
  /** Rows survive a redraw (by account and space), and keep what they loaded while the account stays the same. */
  private rows = new Map<string, SpaceNode>();

  constructor(
    private readonly tree: TreeContext,
    private readonly accountRow: (accountId: string) => PinnedAccount | undefined,
  ) {
    super(undefined, 'pinned');
  }

  getTreeItem(): vscode.TreeItem {
    const item = this.item(vscode.l10n.t('Pinned'), vscode.TreeItemCollapsibleState.Expanded);
    item.iconPath = new vscode.ThemeIcon('pinned');
    item.contextValue = 'pinned';
    return item;
  }

  /** Whether the group has a row to show: a pin of an account the tree shows (that the filter lets through). */
  get shown(): boolean {
    if (this.tree.filter) return this.getChildren().length > 0;
    return this.tree.pins.all().some((pin) => this.accountRow(pin.accountId) !== undefined);
  }

  getChildren(): SpaceNode[] {
    const next = new Map<string, SpaceNode>();
    for (const { accountId, spaceId } of this.tree.pins.all()) {
      const owner = this.accountRow(accountId);
      if (!owner) continue;
      const key = JSON.stringify([accountId, spaceId]);
      let row = this.rows.get(key);
      if (row?.account !== owner.account) {
        row?.cancel();
        row = new SpaceNode(owner.account, spaceId, this, this.tree, 'pinned');
        // Shown at once with what the account's row has, else what the tree showed before a window reload.
        const listed = owner.spaceNode(spaceId);
        if (listed?.details && !listed.stale) row.details = listed.details;
        else row.lastKnown = this.tree.lastKnown.spaces(owner.account)?.find((space) => space.id === spaceId);
        row.knownName = listed?.knownName ?? row.lastKnown?.name;
      }
      void row.load();
      next.set(key, row);
    }
    for (const [key, row] of this.rows) if (!next.has(key)) row.cancel();
    this.rows = next;
    const { filter } = this.tree;
    const rows = [...next.values()];
    return filter ? rows.filter((row) => filter.match(row) === 'match') : rows;
  }

  /** The pinned row of space `spaceId` of account `accountId`, if the group shows it. */
  row(accountId: string, spaceId: string): SpaceNode | undefined {
    return this.rows.get(JSON.stringify([accountId, spaceId]));
  }

  /** Refreshes every pinned row when next shown (Refresh All). */
  refresh(): void {
    for (const row of this.rows.values()) row.markStale();
  }
}
