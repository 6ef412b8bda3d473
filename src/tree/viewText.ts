/** What the Spaces view says around its rows: its message, its description and its badge. */
import * as vscode from 'vscode';
import type { GroupBy, SortBy } from '../core/treeView';
import { forMessage } from '../util/text';
import type { TreeFilter } from './filter';

/** What the message reports: the filter's counts (while filtered), the accounts still listing, those hidden. */
export interface ViewCounts {
  readonly filter?: { readonly filter: TreeFilter; readonly matched: number; readonly unnamed: number };
  /** Accounts asked for their listing (by the filter or the status groups) that have not answered yet. */
  readonly listing: number;
  readonly hidden: number;
}

/** The view's message, or undefined when there is nothing to say. */
export function viewMessage({ filter, listing, hidden }: ViewCounts): string | undefined {
  const parts: string[] = [];
  if (filter) {
    parts.push(vscode.l10n.t('Filtered by "{0}": {1} matching.', forMessage(filter.filter.query), filter.matched));
    if (filter.unnamed > 0) parts.push(vscode.l10n.t('{0} not yet named could not be matched.', filter.unnamed));
  }
  if (listing > 0) parts.push(vscode.l10n.t('{0} account(s) still listing.', listing));
  if (filter) parts.push(vscode.l10n.t('Clear Filter (Escape) shows everything again.'));
  if (hidden === 1) parts.push(vscode.l10n.t('1 account is hidden: Select Accounts… in the view\'s title shows it again.'));
  if (hidden > 1) parts.push(vscode.l10n.t('{0} accounts are hidden: Select Accounts… in the view\'s title shows them again.', hidden));
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** Next to the view's title: the grouping and sort, when they are not the defaults. */
export function viewDescription(groupBy: GroupBy, sortBy: SortBy): string | undefined {
  const grouped = { account: undefined, vendor: vscode.l10n.t('by vendor'), status: vscode.l10n.t('by status') }[groupBy];
  const sorted = { configured: undefined, name: vscode.l10n.t('by name'), status: vscode.l10n.t('worst first'), changed: vscode.l10n.t('recently changed first') }[sortBy];
  const parts = [grouped, sorted].filter((part) => part !== undefined);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** The view's badge: how many spaces changed status since the user last looked. */
export function viewBadge(changed: number): vscode.ViewBadge | undefined {
  if (changed <= 0) return undefined;
  const tooltip = changed === 1 ? vscode.l10n.t('1 space changed status') : vscode.l10n.t('{0} spaces changed status', changed);
  return { value: changed, tooltip };
}
