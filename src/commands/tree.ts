/** The commands of the tree itself: refreshing, filtering, retrying, paging, settings and the log. */
import * as vscode from 'vscode';
import { AccountNode } from '../tree/nodes/accountNode';
import { ErrorNode } from '../tree/nodes/errorNode';
import { LoadMoreNode } from '../tree/nodes/loadMoreNode';
import type { CommandDeps } from './deps';
import { idsOf } from './targets';

/** Everything (no argument), or the accounts and the spaces the argument names (with the selection it is part of). */
export async function refresh({ tree, targets }: CommandDeps, arg?: unknown, selected?: unknown): Promise<void> {
  if (arg === undefined || arg === null) return tree.refreshAll();
  const chosen = targets.selection(arg, selected);
  // Accounts and spaces, named by their ids and found in the tree as the settings have it now.
  const accounts = targets.accounts(chosen.filter(namesAccount));
  for (const account of accounts) tree.accountNode(account.id)?.refresh();
  const refreshed = new Set(accounts.map((account) => account.id));
  for (const { account, node } of await targets.spaces(chosen.filter((row) => !namesAccount(row)))) {
    // A space listed under an account refreshed here is fetched anew with that account's listing.
    if (!node || (node.parent instanceof AccountNode && refreshed.has(account.id))) continue;
    void node.load({ refresh: true }).then(() => tree.changed(node));
  }
}

/** Whether the argument names an account rather than one of its spaces. */
function namesAccount(arg: unknown): boolean {
  return idsOf(arg).spaceId === undefined || arg instanceof AccountNode;
}

export function refreshAll({ tree }: CommandDeps): void {
  tree.refreshAll();
}

export async function filter({ tree }: CommandDeps): Promise<void> {
  const query = await vscode.window.showInputBox({
    title: vscode.l10n.t('Filter Spaces'),
    value: tree.filter?.query ?? '',
    prompt: vscode.l10n.t("Shows the spaces whose name, id or status holds every word, in every account. Empty shows everything."),
    placeHolder: vscode.l10n.t('e.g. production error'),
  });
  if (query !== undefined) tree.setFilter(query);
}

export function clearFilter({ tree }: CommandDeps): void {
  tree.setFilter('');
}

/** Retry on an error row. */
export function retry({ log }: CommandDeps, arg: unknown): void {
  treeRow(log, ErrorNode, arg)?.retry();
}

/** Load more on a listing cut short. */
export function loadMore({ log }: CommandDeps, arg: unknown): void {
  treeRow(log, LoadMoreNode, arg)?.parent.loadMore();
}

export function openSettings({ context }: CommandDeps): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${context.extension.id}`);
}

export function showLog({ log }: CommandDeps): void {
  log.show();
}

/** A row only the tree itself hands out (Retry, Load more): a crafted argument is ignored, not trusted. */
function treeRow<T>(log: vscode.LogOutputChannel, kind: abstract new (...args: never[]) => T, arg: unknown): T | undefined {
  if (arg instanceof kind) return arg;
  log.warn(`ignored a ${kind.name} command whose argument is not a row of the tree`);
  return undefined;
}
