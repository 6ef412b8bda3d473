/**
 * The commands of the tree itself: refreshing, filtering, choosing the accounts shown, grouping and sorting,
 * retrying, paging, settings and the log.
 */
import * as vscode from 'vscode';
import { AccountNode } from '../tree/nodes/accountNode';
import { ErrorNode } from '../tree/nodes/errorNode';
import { LoadMoreNode } from '../tree/nodes/loadMoreNode';
import type { GroupBy, SortBy } from '../core/treeView';
import { VENDORS } from '../core/vendors/catalog';
import { forPick } from '../util/text';
import type { CommandDeps } from './deps';
import { pickFilter } from './filterPicker';
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

/** Filter…: what is typed, or one of the recent filters. */
export async function filter({ tree }: CommandDeps): Promise<void> {
  const query = await pickFilter(tree.filter?.query ?? '', { recent: tree.recentFilters, clear: () => tree.clearRecentFilters() });
  if (query !== undefined) tree.setFilter(query);
}

export function clearFilter({ tree }: CommandDeps): void {
  tree.setFilter('');
}

/**
 * Select Accounts…: every configured account, the shown ones checked. The unchecked ones are hidden: not
 * listed, fetched, refreshed or searched, their settings, secrets, pins and last known rows kept.
 */
export async function selectAccounts({ config, tree, targets }: CommandDeps): Promise<void> {
  const { accounts } = config.accounts();
  if (accounts.length === 0) return void (await targets.pickAccount(''));
  const items = accounts.map((account) => ({
    label: forPick(account.label),
    description: VENDORS[account.vendor].name,
    detail: account.id,
    picked: !tree.hidden.has(account.id),
    account,
  }));
  const shown = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: vscode.l10n.t('Select Accounts'),
    placeHolder: vscode.l10n.t('Checked accounts are shown, the others hidden'),
  });
  if (shown) await tree.hidden.showOnly(shown.map((item) => item.account.id), accounts.map((account) => account.id));
}

/** Hide Account (an account's menu): as unchecking it in Select Accounts…. */
export async function hideAccount({ targets, tree }: CommandDeps, arg: unknown, selected?: unknown): Promise<void> {
  for (const account of targets.accounts(targets.selection(arg, selected).filter(namesAccount))) await tree.hidden.hide(account.id);
}

/** Group By ▸ Account (the view's title): each account with its spaces, as configured. */
export function groupByAccount(deps: CommandDeps): Promise<void> {
  return arrange(deps, { groupBy: 'account' });
}

/** Group By ▸ Vendor: each vendor with its accounts. */
export function groupByVendor(deps: CommandDeps): Promise<void> {
  return arrange(deps, { groupBy: 'vendor' });
}

/** Group By ▸ Status: each status with the spaces of every account that have it. */
export function groupByStatus(deps: CommandDeps): Promise<void> {
  return arrange(deps, { groupBy: 'status' });
}

/** Sort By ▸ Configured Order: as the settings and the vendors' listings give them. */
export function sortByConfigured(deps: CommandDeps): Promise<void> {
  return arrange(deps, { sortBy: 'configured' });
}

export function sortByName(deps: CommandDeps): Promise<void> {
  return arrange(deps, { sortBy: 'name' });
}

/** Sort By ▸ Status: the worst first. */
export function sortByStatus(deps: CommandDeps): Promise<void> {
  return arrange(deps, { sortBy: 'status' });
}

/** Sort By ▸ Recently Changed: by the date the vendor says the space last changed, newest first. */
export function sortByChanged(deps: CommandDeps): Promise<void> {
  return arrange(deps, { sortBy: 'changed' });
}

/** Redraws the tree at once, and keeps the choice in user settings for every window and the next. */
async function arrange({ tree, config }: CommandDeps, change: { groupBy?: GroupBy; sortBy?: SortBy }): Promise<void> {
  tree.arrange(change);
  await config.arrange(change);
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
