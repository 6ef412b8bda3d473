import * as vscode from 'vscode';
import type { Account } from '../../core/accounts';
import { SpaceNode, type Confirmation } from './spaceNode';
import { TreeNode, type TreeContext } from './treeNode';

/** What the group needs of an account's row: its settings, what it knows of a space, and whether it shows it. */
export interface PinnedAccount {
  readonly account: Account;
  readonly awaitingListing: boolean;
  spaceNode(spaceId: string): SpaceNode | undefined;
  confirmation(spaceId: string): Confirmation;
  listing(): Promise<unknown>;
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
        const remembered = this.tree.lastKnown.spaces(owner.account)?.find((space) => space.id === spaceId);
        if (remembered) row.remember(remembered);
        row.learnName(listed?.knownName);
        if (listed?.details && !listed.stale) row.applyFetched(listed.details);
      }
      this.confirm(row, owner);
      next.set(key, row);
    }
    for (const [key, row] of this.rows) if (!next.has(key)) row.cancel();
    this.rows = next;
    const { filter } = this.tree;
    const rows = [...next.values()];
    return filter ? rows.filter((row) => filter.match(row) === 'match') : rows;
  }

  /**
   * A pin is saved state, not a target: its row is fetched once its account's settings or fresh listing
   * show the space, marked no longer listed once a listing leaves it out, and waits (the account listed
   * first, once) until then.
   */
  private confirm(row: SpaceNode, owner: PinnedAccount): void {
    const confirmation = owner.confirmation(row.spaceId);
    if (confirmation === 'confirmed') {
      row.confirm();
      void row.load();
    } else if (confirmation === 'unlisted') {
      row.markUnlisted();
    } else if (owner.awaitingListing) {
      void owner.listing().then(() => this.tree.changed(this));
    }
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
