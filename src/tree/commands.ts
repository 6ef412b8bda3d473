import * as vscode from 'vscode';
import type { AccountSettings } from '../accounts/settings';
import type { AccountSecrets } from '../services/secrets';
import type { SpacesService } from '../services/spaces';
import type { SpacePanels } from '../panel/manager';
import { AccountNode, type ErrorNode, type LoadMoreNode, SpaceNode, type SpacesNode } from './nodes';
import type { SpacesTreeProvider } from './provider';
import type { RawJsonDocuments } from './rawJson';

export interface CommandDeps {
  readonly context: vscode.ExtensionContext;
  readonly tree: SpacesTreeProvider;
  readonly settings: AccountSettings;
  readonly secrets: AccountSecrets;
  readonly service: SpacesService;
  readonly log: vscode.LogOutputChannel;
  readonly panels: SpacePanels;
  readonly raw: RawJsonDocuments;
}

/** The commands of the tree itself: refreshing, retrying, paging, settings and the log. */
export function registerTreeCommands({ context, tree, log }: CommandDeps): vscode.Disposable[] {
  const command = (id: string, run: (...args: never[]) => unknown) => vscode.commands.registerCommand(`spaces.${id}`, run);
  return [
    command('refresh', (node?: SpacesNode) => {
      if (node instanceof AccountNode) node.refresh();
      else if (node instanceof SpaceNode) void node.load({ refresh: true }).then(() => tree.changed(node));
      else tree.refreshAll();
    }),
    command('refreshAll', () => tree.refreshAll()),
    command('retry', (node: ErrorNode) => node.retry()),
    command('loadMore', (node: LoadMoreNode) => node.parent.loadMore()),
    command('openSettings', () => vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${context.extension.id}`)),
    command('showLog', () => log.show()),
  ];
}
