import * as vscode from 'vscode';
import { AccountSettings } from './accounts/settings';
import { SpacesTreeProvider, VIEW_ID } from './tree/provider';

/** What `activate` hands back: the tree, so the in-host tests can read exactly what the view shows. */
export interface SpacesExplorerApi {
  readonly tree: SpacesTreeProvider;
}

export function activate(context: vscode.ExtensionContext): SpacesExplorerApi {
  const log = vscode.window.createOutputChannel(vscode.l10n.t('Spaces Explorer'), { log: true });
  const settings = new AccountSettings();
  const tree = new SpacesTreeProvider(settings);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const openSettings = () => vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${context.extension.id}`);

  context.subscriptions.push(
    log,
    settings,
    tree,
    view,
    // Until the add-account wizard lands, adding an account means editing `spaces.accounts`.
    vscode.commands.registerCommand('spaces.addAccount', () => vscode.commands.executeCommand('workbench.action.openSettings', 'spaces.accounts')),
    vscode.commands.registerCommand('spaces.refreshAll', () => tree.refresh()),
    vscode.commands.registerCommand('spaces.openSettings', openSettings),
    vscode.commands.registerCommand('spaces.showLog', () => log.show()),
  );
  log.info(`Spaces Explorer ${context.extension.packageJSON.version} activated`);
  return { tree };
}

export function deactivate(): void {}
