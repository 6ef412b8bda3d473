import * as vscode from 'vscode';
import type { Account } from '../../core/accounts';
import { ERROR_ACTIONS, type SpacesError } from '../../core/errors';
import { forLabel, forTooltip } from '../../util/text';
import { LeafNode, type TreeNode } from './treeNode';

/** A failure, as a row: "<kind>: <message>", with Retry (and the actions its kind calls for) inline. */
export class ErrorNode extends LeafNode {
  constructor(
    parent: TreeNode,
    readonly error: SpacesError,
    readonly retry: () => void,
    readonly account?: Account,
  ) {
    super(parent, 'error');
  }

  getTreeItem(): vscode.TreeItem {
    const item = this.item(forLabel(this.error.toString()));
    item.tooltip = new vscode.MarkdownString().appendText(forTooltip(this.error.toString()));
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    // The menus read the actions from the context value: `error.auth.credentials.settings`.
    item.contextValue = ['error', this.error.kind, ...ERROR_ACTIONS[this.error.kind]].join('.');
    return item;
  }
}
