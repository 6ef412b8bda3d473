import * as vscode from 'vscode';
import type { BrokenAccount } from '../../core/accounts';
import { describeBrokenAccount } from '../../accounts/brokenAccount';
import { forLabel, forTooltip } from '../../util/text';
import { LeafNode } from './treeNode';

/** A settings entry that could not be used: says which and why, and offers to open the settings. */
export class BrokenAccountNode extends LeafNode {
  constructor(private readonly broken: BrokenAccount) {
    super(undefined, `broken:${broken.index}:${broken.id ?? ''}`);
  }

  getTreeItem(): vscode.TreeItem {
    const message = describeBrokenAccount(this.broken);
    const item = this.item(forLabel(`config: ${message}`));
    item.tooltip = forTooltip(message);
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    item.contextValue = 'brokenAccount';
    item.command = { command: 'spaces.openSettings', title: vscode.l10n.t('Open Settings') };
    return item;
  }
}
