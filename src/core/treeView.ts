/**
 * How the Spaces view arranges its rows: `spaces.groupBy` and `spaces.sortBy`. A value the manifest does not
 * list (a hand-edited settings file) means the default, so the view always draws. Pure (no `vscode`).
 */

/** Account: accounts → spaces (the default). Vendor: vendor → account → spaces. Status: status → spaces of every account. */
export const GROUP_BY = ['account', 'vendor', 'status'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

/** Configured: as the settings and the vendor's listing give them (the default); status: worst first; changed: newest first. */
export const SORT_BY = ['configured', 'name', 'status', 'changed'] as const;
export type SortBy = (typeof SORT_BY)[number];

export function groupByOf(value: unknown): GroupBy {
  return GROUP_BY.find((option) => option === value) ?? 'account';
}

export function sortByOf(value: unknown): SortBy {
  return SORT_BY.find((option) => option === value) ?? 'configured';
}
