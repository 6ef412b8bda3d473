import * as vscode from 'vscode';
import { LeafNode, type PagedNode } from './treeNode';

/** "Load more (N more)" after a page of rows. */
export class LoadMoreNode extends LeafNode {
  constructor(
    override readonly parent: PagedNode,
    private readonly remaining: number,
  ) {
    super(parent, 'more');
  }

  getTreeItem(): vscode.TreeItem {
    const item = this.item(vscode.l10n.t('Load more ({0} more)', this.remaining));
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.contextValue = 'loadMore';
    item.command = { command: 'spaces.loadMore', title: vscode.l10n.t('Load More'), arguments: [this] };
    return item;
  }
}
