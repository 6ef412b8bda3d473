/**
 * Export Spaces…: an account's spaces as the tree knows them (name, id, status, vendor, account), as CSV or
 * JSON, saved where the user picks. It writes what is known and asks the vendor nothing: rows not yet
 * named or fetched are exported with their id alone.
 */
import * as vscode from 'vscode';
import type { Account } from '../core/accounts';
import { fileNameFor, toCsvFile, toJson } from '../core/export';
import { VENDORS } from '../core/vendors/catalog';
import type { SpacesTreeProvider } from '../tree/provider';
import { askWhereToSave, showInfo, showStatus, writeTextFile } from '../util/workbench';
import { resolveAccount } from './accounts';
import type { CommandDeps } from './deps';

/** A space as exported: what the tree knows of it; `null` for what it does not know yet. */
export type SpaceRecord = {
  readonly name: string | null;
  readonly id: string;
  readonly status: string | null;
  readonly vendor: string;
  readonly account: string;
};

export type SpacesFormat = 'csv' | 'json';

export async function exportSpaces(deps: CommandDeps, arg: unknown): Promise<void> {
  const account = await resolveAccount(deps, arg, vscode.l10n.t('Export the spaces of which account?'));
  if (!account) return;
  const records = knownSpaces(deps.tree, account);
  if (records.length === 0) {
    void showInfo(vscode.l10n.t('No spaces of "{0}" are known yet: expand the account to list them, then export.', account.label));
    return;
  }
  const format = await pickFormat();
  if (!format) return;
  const filters = format === 'csv' ? { [vscode.l10n.t('CSV (comma-separated values)')]: ['csv'] } : { JSON: ['json'] };
  const uri = await askWhereToSave(fileNameFor(vscode.l10n.t('{0} spaces', account.label), format), vscode.l10n.t('Export the spaces of {0}', account.label), filters);
  if (!uri) return;
  await writeTextFile(uri, spacesFile(records, format));
  showStatus(vscode.l10n.t('Saved {0} spaces of {1} to {2}', records.length.toLocaleString(vscode.env.language), account.label, uri.fsPath), 5000);
}

/** The account's spaces the tree knows (every page of its listing, or the rows from before a reload). No request. */
export function knownSpaces(tree: SpacesTreeProvider, account: Account): SpaceRecord[] {
  const vendor = VENDORS[account.vendor].name;
  return (tree.accountNode(account.id)?.knownSpaces() ?? []).map((node) => {
    const { name, status } = node.known;
    return { name: name ?? null, id: node.spaceId, status: status ?? null, vendor, account: account.label };
  });
}

/** The file's text: a CSV with headers in the display language, or JSON with the record's own keys. */
export function spacesFile(records: readonly SpaceRecord[], format: SpacesFormat): string {
  if (format === 'json') return toJson(records);
  const headers = [vscode.l10n.t('Name'), vscode.l10n.t('ID'), vscode.l10n.t('Status'), vscode.l10n.t('Vendor'), vscode.l10n.t('Account')];
  return toCsvFile({ headers, rows: records.map((r) => [r.name, r.id, r.status, r.vendor, r.account]) });
}

async function pickFormat(): Promise<SpacesFormat | undefined> {
  const items: (vscode.QuickPickItem & { format: SpacesFormat })[] = [
    { label: 'CSV', description: vscode.l10n.t('for spreadsheets'), format: 'csv' },
    { label: 'JSON', description: vscode.l10n.t('for scripts'), format: 'json' },
  ];
  return (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Export as') }))?.format;
}
