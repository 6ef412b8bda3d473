import * as vscode from 'vscode';
import type { Group } from '../../core/model';
import { ItemNode } from './itemNode';
import { LoadMoreNode } from './loadMoreNode';
import { TreeNode, type PagedNode, type SubspaceParent, type SubspaceRow, type TreeContext } from './treeNode';
import { PAGE_SIZE } from '../../core/limits';

const GROUP_ICONS: Partial<Record<Group['kind'], string>> = {
  members: 'person',
  providers: 'server',
  subspaces: 'folder-library',
  goals: 'target',
  artifacts: 'file',
  conversations: 'comment-discussion',
  usage: 'graph',
  permissions: 'shield',
};

/** One group of a space's details (Members, Subspaces…), a page of rows at a time. */
export class GroupNode<Row extends SubspaceRow> extends TreeNode implements PagedNode {
  private shown = PAGE_SIZE;
  /** Subspace rows survive a redraw, with what they loaded. */
  private readonly subspaces = new Map<string, Row>();

  constructor(
    private current: Group,
    override readonly parent: SubspaceParent<Row>,
    private readonly tree: TreeContext,
  ) {
    super(parent, `group:${current.id}`);
  }

  get group(): Group {
    return this.current;
  }

  /** The newest copy: a refreshed space hands its group rows their new items; subspaces gone are dropped. */
  update(group: Group): void {
    this.current = group;
    const present = new Set(group.items.map((item) => item.spaceId));
    for (const [spaceId, node] of this.subspaces) {
      if (present.has(spaceId)) continue;
      node.cancel();
      this.subspaces.delete(spaceId);
    }
  }

  getTreeItem(): vscode.TreeItem {
    const item = this.item(this.group.label);
    const { items, unreadable } = this.group;
    item.description = unreadable ? vscode.l10n.t('{0} ({1} could not be read)', items.length, unreadable) : String(items.length);
    if (unreadable) item.tooltip = vscode.l10n.t('{0} rows of the answer could not be read and are left out: Show Log says why, Show Raw JSON shows them.', unreadable);
    item.iconPath = new vscode.ThemeIcon(GROUP_ICONS[this.group.kind] ?? 'list-unordered');
    item.contextValue = `group.${this.group.kind}`;
    return item;
  }

  getChildren(): TreeNode[] {
    const rows: TreeNode[] = this.group.items.slice(0, this.shown).map((entry) =>
      entry.spaceId !== undefined ? this.subspace(entry.spaceId, entry.label) : new ItemNode(entry, this, this.group),
    );
    const remaining = this.group.items.length - this.shown;
    if (remaining > 0) rows.push(new LoadMoreNode(this, remaining));
    return rows;
  }

  /** Shows the next page (the "Load more" row). */
  loadMore(): void {
    this.shown += PAGE_SIZE;
    this.tree.changed(this);
  }

  cancel(): void {
    for (const node of this.subspaces.values()) node.cancel();
  }

  subspaceRows(): Iterable<Row> {
    return this.subspaces.values();
  }

  markStale(): void {
    for (const node of this.subspaces.values()) node.markStale();
  }

  private subspace(spaceId: string, label: string): Row {
    let node = this.subspaces.get(spaceId);
    if (!node) this.subspaces.set(spaceId, (node = this.parent.subspaceRow(spaceId, this)));
    node.learnName(label);
    return node;
  }
}
