import * as vscode from 'vscode';
import type { Account } from '../../core/accounts';
import { ERROR_ACTIONS, type SpacesError } from '../../core/errors';
import { forLabel, forTooltip } from '../../util/text';
import { LeafNode, type TreeNode } from './treeNode';

/** A row that can fail, and so try again. */
export interface Retryable extends TreeNode {
  retry(): void;
}

/**
 * A failure, as a row under the row that failed: "<kind>: <message>", with Retry (and the actions its kind
 * calls for) inline. Retry asks the row that failed to try again.
 */
export class ErrorNode extends LeafNode {
  constructor(
    private readonly failed: Retryable,
    readonly error: SpacesError,
    readonly account?: Account,
  ) {
    super(failed, 'error');
  }

  /** Retry: the row that failed tries again. */
  retry(): void {
    this.failed.retry();
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
