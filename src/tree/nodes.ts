import * as vscode from 'vscode';
import { VENDORS } from '../core/vendors/catalog';
import type { Account, BrokenAccount } from '../core/accounts';
import { describeBrokenAccount } from '../accounts/settings';

/** Every row of the Spaces tree is one of these. */
export interface SpacesNode {
  getTreeItem(): vscode.TreeItem;
  getChildren(): vscode.ProviderResult<SpacesNode[]>;
}

export class AccountNode implements SpacesNode {
  constructor(readonly account: Account) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.account.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `account:${this.account.id}`;
    item.description = VENDORS[this.account.vendor].name;
    item.tooltip = new vscode.MarkdownString().appendText(`${this.account.label} (${VENDORS[this.account.vendor].name})\n${this.account.baseUrl}`);
    item.iconPath = new vscode.ThemeIcon('account');
    item.contextValue = `account.${this.account.vendor}`;
    return item;
  }

  getChildren(): SpacesNode[] {
    return [];
  }
}

/** A settings entry that could not be used: says which and why, and offers to open the settings. */
export class BrokenAccountNode implements SpacesNode {
  constructor(private readonly broken: BrokenAccount) {}

  getTreeItem(): vscode.TreeItem {
    const message = describeBrokenAccount(this.broken);
    const item = new vscode.TreeItem(`config: ${message}`, vscode.TreeItemCollapsibleState.None);
    item.id = `broken:${this.broken.index}:${this.broken.id ?? ''}`;
    item.tooltip = message;
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    item.contextValue = 'error.config';
    item.command = { command: 'spaces.openSettings', title: vscode.l10n.t('Open Settings') };
    return item;
  }

  getChildren(): SpacesNode[] {
    return [];
  }
}
