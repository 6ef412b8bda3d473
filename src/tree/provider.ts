import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';
import type { AccountSettings } from '../accounts/settings';
import { AccountNode, BrokenAccountNode, type SpacesNode } from './nodes';

export const VIEW_ID = 'spaces.explorer';

export class SpacesTreeProvider extends Disposable implements vscode.TreeDataProvider<SpacesNode> {
  private readonly changed = this.register(new vscode.EventEmitter<SpacesNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly settings: AccountSettings) {
    super();
    this.register(settings.onDidChange(() => this.refresh()));
  }

  refresh(node?: SpacesNode): void {
    this.changed.fire(node);
  }

  getTreeItem(node: SpacesNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  getChildren(node?: SpacesNode): vscode.ProviderResult<SpacesNode[]> {
    if (node) return node.getChildren();
    const { accounts, broken } = this.settings.read();
    // Drives the welcome view: shown only when there is nothing at all to list.
    void vscode.commands.executeCommand('setContext', 'spaces.accountCount', accounts.length + broken.length);
    return [...accounts.map((a) => new AccountNode(a)), ...broken.map((b) => new BrokenAccountNode(b))];
  }
}
