import * as vscode from 'vscode';
import { VENDORS, type VendorId } from '../../core/vendors/catalog';
import { vendorIcon } from '../../util/icons';
import type { AccountNode } from './accountNode';
import { TreeNode, type TreeContext } from './treeNode';

/**
 * "Group By: Vendor": a vendor, with its shown accounts under it. They are the Account grouping's very rows,
 * ids and all (`account:a`), so a switch keeps what they loaded and which of them are expanded.
 */
export class VendorNode extends TreeNode {
  private accounts: readonly AccountNode[] = [];

  constructor(
    readonly vendor: VendorId,
    private readonly tree: TreeContext,
  ) {
    super(undefined, `vendor:${vendor}`);
  }

  /** The vendor's accounts as the tree shows them now (not hidden, let through by the filter), in order. */
  setAccounts(accounts: readonly AccountNode[]): void {
    this.accounts = accounts;
  }

  getTreeItem(): vscode.TreeItem {
    const item = this.item(VENDORS[this.vendor].name, vscode.TreeItemCollapsibleState.Expanded);
    item.description = String(this.accounts.length);
    item.iconPath = vendorIcon(this.tree.extensionUri, this.vendor);
    item.contextValue = 'vendor';
    return item;
  }

  getChildren(): TreeNode[] {
    return [...this.accounts];
  }
}
