import * as vscode from 'vscode';
import { registerAccountCommands } from './accounts/commands';
import { AccountSettings } from './accounts/settings';
import { AccountSecrets } from './services/secrets';
import { SpacesService } from './services/spaces';
import { registerTreeCommands } from './tree/commands';
import { registerSpaceCommands } from './tree/spaceCommands';
import { SpacesTreeProvider, VIEW_ID } from './tree/provider';

/** What `activate` hands back: the tree, so the in-host tests can read exactly what the view shows. */
export interface SpacesExplorerApi {
  readonly tree: SpacesTreeProvider;
  readonly secrets: AccountSecrets;
}

export function activate(context: vscode.ExtensionContext): SpacesExplorerApi {
  const log = vscode.window.createOutputChannel(vscode.l10n.t('Spaces Explorer'), { log: true });
  const settings = new AccountSettings();
  const secrets = new AccountSecrets(context.secrets);
  const service = new SpacesService(context.extensionPath, secrets, log);
  const tree = new SpacesTreeProvider(settings, service, context.extensionUri);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });

  const deps = { context, tree, settings, secrets, service, log };
  context.subscriptions.push(log, settings, secrets, service, tree, view, ...registerTreeCommands(deps), ...registerAccountCommands(deps), ...registerSpaceCommands(deps));
  log.info(`Spaces Explorer ${context.extension.packageJSON.version} activated`);
  return { tree, secrets };
}

export function deactivate(): void {}
