import * as vscode from 'vscode';
import { AccountNode } from '../tree/nodes/accountNode';
import { ErrorNode } from '../tree/nodes/errorNode';
import { LoadMoreNode } from '../tree/nodes/loadMoreNode';
import { registerCommand } from '../util/commands';
import type { CommandDeps } from './deps';
import { idsOf } from './targets';

/** The commands of the tree itself: refreshing, filtering, retrying, paging, settings and the log. */
export function registerTreeCommands({ context, tree, log, targets }: CommandDeps): vscode.Disposable[] {
  const command = (id: string, run: (...args: never[]) => unknown) => registerCommand(log, id, run);
  /** A row only the tree itself hands out (Retry, Load more): a crafted argument is ignored, not trusted. */
  const treeRow =
    <T>(kind: abstract new (...args: never[]) => T, run: (row: T) => void) =>
    (arg: unknown): void => {
      if (arg instanceof kind) run(arg);
      else log.warn(`ignored a ${kind.name} command whose argument is not a row of the tree`);
    };
  return [
    command('refresh', async (arg?: unknown) => {
      if (arg === undefined || arg === null) return tree.refreshAll();
      // An account or a space, named by its ids and found in the tree as the settings have it now.
      if (idsOf(arg).spaceId === undefined || arg instanceof AccountNode) {
        const account = targets.account(arg);
        if (account) tree.accountNode(account.id)?.refresh();
        return;
      }
      const node = (await targets.space(arg))?.node;
      if (node) void node.load({ refresh: true }).then(() => tree.changed(node));
    }),
    command('refreshAll', () => tree.refreshAll()),
    command('filter', async () => {
      const query = await vscode.window.showInputBox({
        title: vscode.l10n.t('Filter Spaces'),
        value: tree.filter?.query ?? '',
        prompt: vscode.l10n.t("Shows the spaces whose name, id or status holds every word, in every account. Empty shows everything."),
        placeHolder: vscode.l10n.t('e.g. production error'),
      });
      if (query !== undefined) tree.setFilter(query);
    }),
    command('clearFilter', () => tree.setFilter('')),
    command('retry', treeRow(ErrorNode, (node) => node.retry())),
    command('loadMore', treeRow(LoadMoreNode, (node) => node.parent.loadMore())),
    command('openSettings', () => vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${context.extension.id}`)),
    command('showLog', () => log.show()),
  ];
}
