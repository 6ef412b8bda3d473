import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';
import type { AccountSettings } from '../accounts/settings';
import type { SpacesService } from '../services/spaces';
import { AccountNode, BrokenAccountNode, type SpacesNode, type TreeContext } from './nodes';

export const VIEW_ID = 'spaces.explorer';

export class SpacesTreeProvider extends Disposable implements vscode.TreeDataProvider<SpacesNode>, TreeContext {
  private readonly didChange = this.register(new vscode.EventEmitter<SpacesNode | undefined>());
  readonly onDidChangeTreeData = this.didChange.event;
  /** Account nodes survive a redraw while their settings stay the same, and keep what they loaded. */
  private accounts = new Map<string, { key: string; node: AccountNode }>();

  constructor(
    private readonly settings: AccountSettings,
    readonly service: SpacesService,
    readonly extensionUri: vscode.Uri,
  ) {
    super();
    this.register(settings.onDidChange(() => this.didChange.fire(undefined)));
    // A space refreshed elsewhere (its panel) redraws its row with the newer copy.
    this.register(
      service.onDidFetchSpace((details) => {
        const node = this.accounts.get(details.accountId)?.node.spaceNode(details.id);
        if (node && node.details !== details) {
          node.details = details;
          node.error = undefined;
          this.changed(node);
        }
      }),
    );
  }

  changed(node: SpacesNode): void {
    this.didChange.fire(node);
  }

  progress<T>(work: Promise<T>): Promise<T> {
    void vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => work.catch(() => undefined));
    return work;
  }

  /** Forgets everything loaded and fetches it all anew. */
  refreshAll(): void {
    for (const { node } of this.accounts.values()) node.refresh();
    this.didChange.fire(undefined);
  }

  getTreeItem(node: SpacesNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  getParent(node: SpacesNode): SpacesNode | undefined {
    return node.parent;
  }

  getChildren(node?: SpacesNode): vscode.ProviderResult<SpacesNode[]> {
    if (node) return node.getChildren();
    const { accounts, broken } = this.settings.read();
    // Drives the welcome view: shown only when there is nothing at all to list.
    void vscode.commands.executeCommand('setContext', 'spaces.accountCount', accounts.length + broken.length);
    const next = new Map<string, { key: string; node: AccountNode }>();
    for (const account of accounts) {
      const key = JSON.stringify(account);
      const known = this.accounts.get(account.id);
      next.set(account.id, known?.key === key ? known : { key, node: new AccountNode(account, this) });
    }
    // Dropped or changed entries stop fetching for rows nobody will see.
    for (const [id, { node }] of this.accounts) if (next.get(id)?.node !== node) node.cancel();
    this.accounts = next;
    return [...[...next.values()].map((a) => a.node), ...broken.map((b) => new BrokenAccountNode(b))];
  }
}
