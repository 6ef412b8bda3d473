import * as vscode from 'vscode';
import type { PanelStrings } from './protocol';

/** Every word the page shows, translated here (the page has no `vscode.l10n`). */
export function panelStrings(): PanelStrings {
  const t = vscode.l10n.t;
  return {
    loading: t('Loading…'),
    refresh: t('Refresh'),
    refreshing: t('Refreshing…'),
    openInBrowser: t('Open in Browser'),
    copyId: t('Copy ID'),
    revealInView: t('Reveal in Spaces View'),
    showRawJson: t('Show Raw JSON'),
    retry: t('Retry'),
    details: t('Details'),
    description: t('Description'),
    created: t('Created'),
    lastModified: t('Last modified'),
    updated: t('Updated {0}'),
    cached: t('Cached copy'),
    cachedTitle: t('Shown from the last session while fresh data is fetched'),
    yes: t('Yes'),
    no: t('No'),
    filter: t('Filter'),
    filterLabel: t('Filter {0}'),
    rowsShown: t('{0} of {1}'),
    noMatches: t('No rows match the filter.'),
    sortBy: t('Sort by {0}'),
    total: t('Total'),
    empty: t('None'),
    actions: t('Space actions'),
    openSubspace: t('Open subspace {0}'),
    bytes: t('{0} bytes'),
    unreadableRows: t('{0} rows of the answer could not be read and are left out (Show Log says why; Show Raw JSON shows them).'),
    labelColumn: {
      members: t('Name'),
      providers: t('Provider'),
      subspaces: t('Subspace'),
      goals: t('Goal'),
      artifacts: t('Name'),
      conversations: t('Group'),
      usage: t('Month'),
      permissions: t('Participant'),
      other: t('Name'),
    },
  };
}
