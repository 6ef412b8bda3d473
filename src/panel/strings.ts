import * as vscode from 'vscode';
import type { PanelStrings } from './protocol';

/**
 * Every word the page shows, translated here (the page has no `vscode.l10n`). `vscode.l10n.t` is written out
 * each time because `npm run l10n` finds the calls by that name only.
 */
export function panelStrings(): PanelStrings {
  return {
    loading: vscode.l10n.t('Loading…'),
    refresh: vscode.l10n.t('Refresh'),
    refreshing: vscode.l10n.t('Refreshing…'),
    openInBrowser: vscode.l10n.t('Open in Browser'),
    copyId: vscode.l10n.t('Copy ID'),
    copyLink: vscode.l10n.t('Copy Link'),
    revealInView: vscode.l10n.t('Reveal in Spaces View'),
    showRawJson: vscode.l10n.t('Show Raw JSON'),
    retry: vscode.l10n.t('Retry'),
    details: vscode.l10n.t('Details'),
    description: vscode.l10n.t('Description'),
    created: vscode.l10n.t('Created'),
    lastModified: vscode.l10n.t('Last modified'),
    updated: vscode.l10n.t('Updated {0}'),
    cached: vscode.l10n.t('Cached copy'),
    cachedTitle: vscode.l10n.t('Shown from the last session while fresh data is fetched'),
    yes: vscode.l10n.t('Yes'),
    no: vscode.l10n.t('No'),
    filter: vscode.l10n.t('Filter'),
    filterLabel: vscode.l10n.t('Filter {0}'),
    rowsShown: vscode.l10n.t('{0} of {1}'),
    noMatches: vscode.l10n.t('No rows match the filter.'),
    sortBy: vscode.l10n.t('Sort by {0}'),
    total: vscode.l10n.t('Total'),
    empty: vscode.l10n.t('None'),
    actions: vscode.l10n.t('Space actions'),
    openSubspace: vscode.l10n.t('Open subspace {0}'),
    bytes: vscode.l10n.t('{0} bytes'),
    exportTable: vscode.l10n.t('Export {0}'),
    copyCsv: vscode.l10n.t('Copy as CSV'),
    copyMarkdown: vscode.l10n.t('Copy as Markdown'),
    saveCsv: vscode.l10n.t('Save as CSV…'),
    unreadableRows: vscode.l10n.t('{0} rows of the answer could not be read and are left out (Show Log says why; Show Raw JSON shows them).'),
    labelColumn: {
      members: vscode.l10n.t('Name'),
      providers: vscode.l10n.t('Provider'),
      subspaces: vscode.l10n.t('Subspace'),
      goals: vscode.l10n.t('Goal'),
      artifacts: vscode.l10n.t('Name'),
      conversations: vscode.l10n.t('Group'),
      usage: vscode.l10n.t('Month'),
      permissions: vscode.l10n.t('Participant'),
      other: vscode.l10n.t('Name'),
    },
  };
}
