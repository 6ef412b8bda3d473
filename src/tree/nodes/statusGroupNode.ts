import * as vscode from 'vscode';
import { PAGE_SIZE } from '../../core/limits';
import type { Tone } from '../../core/model';
import { forLabel } from '../../util/text';
import { RowOrder } from '../order';
import { LoadMoreNode } from './loadMoreNode';
import { SpaceNode, statusIcon } from './spaceNode';
import { TreeNode, type PagedNode, type SortedList, type TreeContext } from './treeNode';

/** Which status group a space falls in: its status as its vendor words it, or none known yet. */
export interface StatusKey {
  /** The group's row id: `status:<the status, lower case>`, or `status-unknown`. */
  readonly id: string;
  /** The status as the vendor words it (as first met); undefined for "No status" and "Not yet known". */
  readonly label?: string;
  readonly tone?: Tone;
}

const NOT_YET_KNOWN: StatusKey = { id: 'status-unknown' };
/** Fetched, but the vendor gives it no status. */
export const NO_STATUS: StatusKey = { id: 'status-none' };
/** A status longer than this is told apart by its first characters only (the id stays short). */
const MAX_KEY = 100;

/** The group of the space `row` shows, by what is known of it now. */
export function statusKeyOf(row: SpaceNode): StatusKey {
  const { status, tone } = row.known;
  if (status === undefined || !status.trim()) return row.details ? NO_STATUS : NOT_YET_KNOWN;
  return { id: `status:${encodeURIComponent(status.trim().toLowerCase().slice(0, MAX_KEY))}`, label: status, tone };
}

/**
 * "Group By: Status": the spaces of every shown account with one status, a page at a time. Its rows show what
 * their account's rows know (`SpaceNode.follow`): the accounts fetch their pages' details, as they would
 * expanded, and a row here fetches only when it is expanded or opened. Its rows' ids name their account
 * (`status:active/account:a/space:s`).
 */
export class StatusGroupNode extends TreeNode implements PagedNode, SortedList {
  private shown = PAGE_SIZE;
  /** The accounts' rows in this group, in the accounts' order. */
  private members: readonly SpaceNode[] = [];
  /** This group's row of each member shown so far, kept across redraws with what it loaded itself. */
  private readonly rows = new Map<SpaceNode, SpaceNode>();
  private readonly order = new RowOrder<SpaceNode>();

  constructor(
    readonly key: StatusKey,
    private readonly tree: TreeContext,
  ) {
    super(undefined, key.id);
  }

  /** The accounts' rows now placed in this group; rows of spaces that left it go. */
  setMembers(members: readonly SpaceNode[]): void {
    this.members = members;
    const kept = new Set(members);
    for (const [member, row] of this.rows) {
      if (kept.has(member)) continue;
      row.cancel();
      this.rows.delete(member);
    }
  }

  /** The members the filter lets through, in the view's sort. */
  visible(): readonly SpaceNode[] {
    const arranged = this.order.arrange(this.members, this.tree.sortBy, this.tree.locale);
    const { filter } = this.tree;
    return filter ? arranged.filter((row) => filter.match(row) === 'match') : arranged;
  }

  getTreeItem(): vscode.TreeItem {
    const { id, label, tone } = this.key;
    const item = this.item(label === undefined ? this.unlabelled().label : forLabel(label), vscode.TreeItemCollapsibleState.Expanded);
    item.description = String(this.visible().length);
    item.iconPath = tone ? statusIcon(tone) : new vscode.ThemeIcon(id === NO_STATUS.id ? 'circle-large-outline' : 'question');
    if (label === undefined) item.tooltip = this.unlabelled().tooltip;
    item.contextValue = 'status';
    return item;
  }

  /** What the groups without a status of their own say. */
  private unlabelled(): { label: string; tooltip: string } {
    if (this.key.id === NO_STATUS.id) return { label: vscode.l10n.t('No status'), tooltip: vscode.l10n.t('Spaces whose vendor gives no status.') };
    return { label: vscode.l10n.t('Not yet known'), tooltip: vscode.l10n.t('Spaces whose details have not been fetched: expand or open one to fetch it.') };
  }

  getChildren(): TreeNode[] {
    const rows = this.visible();
    const page = rows.slice(0, this.shown).map((member) => this.rowOf(member));
    return rows.length > this.shown ? [...page, new LoadMoreNode(this, rows.length - this.shown)] : page;
  }

  /** This group's row of `member`, made on first use, showing what the account's row knows. */
  rowOf(member: SpaceNode): SpaceNode {
    let row = this.rows.get(member);
    if (!row) this.rows.set(member, (row = new SpaceNode(member.account, member.spaceId, this, this.tree, 'grouped', this.key.label)));
    row.follow(member);
    return row;
  }

  /** The row of `member` if this group has drawn one. */
  drawnRowOf(member: SpaceNode): SpaceNode | undefined {
    return this.rows.get(member);
  }

  /** Pages on until `member` is shown (when next drawn): its row, or undefined when the group does not show it. */
  showRow(member: SpaceNode): SpaceNode | undefined {
    const index = this.visible().indexOf(member);
    if (index < 0) return undefined;
    this.shown = Math.max(this.shown, Math.ceil((index + 1) / PAGE_SIZE) * PAGE_SIZE);
    return this.rowOf(member);
  }

  loadMore(): void {
    this.shown += PAGE_SIZE;
    this.tree.changed(this);
  }

  settleOrder(): boolean {
    return this.order.settle(this.members, this.tree.sortBy, this.tree.locale);
  }

  cancel(): void {
    for (const row of this.rows.values()) row.cancel();
  }
}
