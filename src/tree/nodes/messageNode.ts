import type * as vscode from 'vscode';
import { LeafNode, type TreeNode } from './treeNode';

/** A quiet informational row ("No spaces yet"). */
export class MessageNode extends LeafNode {
  constructor(
    parent: TreeNode,
    private readonly message: string,
  ) {
    super(parent, 'message');
  }

  getTreeItem(): vscode.TreeItem {
    const item = this.item(this.message);
    item.contextValue = 'message';
    return item;
  }
}
