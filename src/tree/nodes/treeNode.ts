import * as vscode from 'vscode';
import type { LastKnownTree } from '../../services/lastKnown';
import type { Pins } from '../../services/pins';
import type { StatusWatch } from '../../services/statusWatch';
import type { TreeFilter } from '../filter';
import type { SpacesService } from '../../services/spaces';
import type { SortBy } from '../../core/treeView';

/** What nodes need from their tree: the vendors, and a way to redraw themselves. */
export interface TreeContext {
  readonly service: SpacesService;
  readonly extensionUri: vscode.Uri;
  /** What the tree showed before the window reloaded, and what it shows now, for the next reload. */
  readonly lastKnown: LastKnownTree;
  /** The spaces the user pinned. */
  readonly pins: Pins;
  /** Spaces whose status changed since the user last looked. */
  readonly statuses: StatusWatch;
  /** The view's filter, while there is one: space rows that do not match it are not shown. */
  readonly filter: TreeFilter | undefined;
  /** The view's sort of space rows. */
  readonly sortBy: SortBy;
  /** The display language, for sorting names. */
  readonly locale: string;
  /** The details of a page of `list`'s rows have all come (fetched or failed): its rows may settle into the sort. */
  pageArrived(list: SortedList): void;
  /** Redraws `node` (and asks for its children again when expanded). */
  changed(node: TreeNode): void;
  /** Redraws `rows` together once `named` settles (each row's own redraws wait until then, for a bounded time). */
  drawTogether(rows: readonly TreeNode[], named: Promise<unknown>): void;
  /** Runs `work` with the view's progress indicator. */
  progress<T>(work: Promise<T>): Promise<T>;
}


/**
 * Every row of the Spaces tree. Its id is its parent's id and its own part (`account:a/space:s/group:g`):
 * stable across redraws, so VS Code keeps a row's expansion and selection, and unique where a space shows up
 * under more than one parent.
 */
export abstract class TreeNode {
  readonly id: string;

  constructor(
    readonly parent: TreeNode | undefined,
    ownId: string,
  ) {
    this.id = parent ? `${parent.id}/${ownId}` : ownId;
  }

  abstract getTreeItem(): vscode.TreeItem;
  abstract getChildren(): vscode.ProviderResult<TreeNode[]>;

  /** A row with this node's id. */
  protected item(label: string, state = vscode.TreeItemCollapsibleState.Collapsed): vscode.TreeItem {
    const item = new vscode.TreeItem(label, state);
    item.id = this.id;
    return item;
  }
}

/** A row with nothing under it. */
export abstract class LeafNode extends TreeNode {
  getChildren(): TreeNode[] {
    return [];
  }

  protected override item(label: string): vscode.TreeItem {
    return super.item(label, vscode.TreeItemCollapsibleState.None);
  }
}

/** A node whose space rows keep their places in the view's sort until told to settle anew. */
export interface SortedList extends TreeNode {
  /** Sorts the rows anew by what is known now; true when a row moved. */
  settleOrder(): boolean;
}

/** A node whose children come a page at a time, with a "Load more" row after the page. */
export interface PagedNode extends TreeNode {
  loadMore(): void;
}

/** A subspace's row, as the group that shows it sees it. */
export interface SubspaceRow extends TreeNode {
  /** The name the group's row gives it, shown until its details say otherwise. */
  learnName(name: string): void;
  cancel(): void;
  markStale(): void;
}

/** The space whose group shows subspace rows, and makes them. */
export interface SubspaceParent<Row extends SubspaceRow> extends TreeNode {
  subspaceRow(spaceId: string, group: TreeNode): Row;
}
