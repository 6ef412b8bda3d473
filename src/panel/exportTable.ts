// A panel table exported: Copy as CSV, Copy as Markdown, Save as CSV…. The page only names the table and how
// its reader has it (filter, sort); the text is built here, from the space this side fetched, so the page
// never hands the extension content to copy or write, and a page showing a cached copy cut short still
// exports every row that matches.
import * as vscode from 'vscode';
import { fileNameFor, toCsv, toCsvFile, toMarkdown, type ExportTable } from '../core/export';
import type { Group, SpaceDetails } from '../core/model';
import { tableForExport, type TableWords } from '../core/tableExport';
import { shownRows } from '../core/tableOrder';
import { askWhereToSave, showStatus, writeTextFile } from '../util/workbench';
import type { PageMessage } from './protocol';
import { panelStrings } from './strings';

export type ExportRequest = Extract<PageMessage, { type: 'exportTable' }>;

/** Does what `request` asks with the group it names; false when the space has no such group (any more). */
export async function exportTable(details: SpaceDetails, request: ExportRequest): Promise<boolean> {
  const group = details.groups.find((g) => g.id === request.groupId);
  if (!group) return false;
  const rows = shownRows(group, request, vscode.env.language);
  const count = rows.length.toLocaleString(vscode.env.language);
  const table = tableForExport(group, rows, request.action === 'copyMarkdown' ? 'markdown' : 'csv', tableWords(group));
  switch (request.action) {
    case 'copyCsv':
      await vscode.env.clipboard.writeText(toCsv(table));
      showStatus(vscode.l10n.t('Copied {0} rows of {1} as CSV', count, group.label), 5000);
      return true;
    case 'copyMarkdown':
      await vscode.env.clipboard.writeText(toMarkdown(table));
      showStatus(vscode.l10n.t('Copied {0} rows of {1} as Markdown', count, group.label), 5000);
      return true;
    case 'saveCsv':
      await saveCsv(details, group, table, count);
      return true;
  }
}

/** Save as CSV…: where the user picks, named after the space and the table. */
async function saveCsv(details: SpaceDetails, group: Group, table: ExportTable, count: string): Promise<void> {
  const filters = { [vscode.l10n.t('CSV (comma-separated values)')]: ['csv'] };
  const uri = await askWhereToSave(fileNameFor(`${details.name} - ${group.label}`, 'csv'), vscode.l10n.t('Save {0} as CSV', group.label), filters);
  if (!uri) return;
  await writeTextFile(uri, toCsvFile(table));
  showStatus(vscode.l10n.t('Saved {0} rows of {1} to {2}', count, group.label, uri.fsPath), 5000);
}

/** The table's headers and value words as the panel shows them, in the display language. */
function tableWords(group: Group): TableWords {
  const strings = panelStrings();
  return { label: strings.labelColumn[group.kind], description: strings.description, locale: vscode.env.language, yes: strings.yes, no: strings.no };
}
