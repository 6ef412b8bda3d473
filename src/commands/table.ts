/**
 * Every command of the extension: `spaces.<id>` → the function it runs, registered in one place under the
 * one error policy (`registerCommand`). The account commands name themselves in their failure message
 * ("Add Account failed: …"); the others say "The command failed: …".
 */
import * as vscode from 'vscode';
import { registerCommand } from '../util/commands';
import { addAccount, addSpace, editAccount, removeAccount, removeSpace, setCredentials, testConnection } from './accounts';
import type { CommandDeps } from './deps';
import { exportSpaces } from './export';
import { copyLink } from './links';
import { copyAsJson, copySpaceId, findSpace, open, openInBrowser, openSpace, pin, revealInView, showRawJson, unpin } from './spaces';
import { showStatusChanges } from './statusChanges';
import {
  clearFilter,
  filter,
  groupByAccount,
  groupByStatus,
  groupByVendor,
  hideAccount,
  loadMore,
  openSettings,
  refresh,
  refreshAll,
  retry,
  selectAccounts,
  showLog,
  sortByChanged,
  sortByConfigured,
  sortByName,
  sortByStatus,
} from './tree';

/**
 * A command: the function it runs, given the extension's parts and the arguments it was called with (a tree
 * row, a link's JSON, another extension's object: never trusted, see `CommandTargets`), and its name.
 */
interface Command {
  /**
   * `selected`: the second argument, which VS Code fills with the view's selection when a row's menu item
   * runs while several rows are selected (`CommandTargets.selection` says when it counts). What it
   * resolves to is dropped: a command hands its caller nothing (see `registerCommand`).
   */
  readonly run: (deps: CommandDeps, arg: unknown, selected: unknown) => unknown;
  /** Its name in its failure message; asked for when it is registered, so in the display language. */
  readonly name?: () => string;
}

export const COMMANDS: Readonly<Record<string, Command>> = {
  addAccount: { run: addAccount, name: () => vscode.l10n.t('Add Account') },
  editAccount: { run: editAccount, name: () => vscode.l10n.t('Edit Account') },
  setCredentials: { run: setCredentials, name: () => vscode.l10n.t('Update Credentials') },
  removeAccount: { run: removeAccount, name: () => vscode.l10n.t('Remove Account') },
  testConnection: { run: testConnection, name: () => vscode.l10n.t('Test Connection') },
  addSpace: { run: addSpace, name: () => vscode.l10n.t('Add Space') },
  removeSpace: { run: removeSpace, name: () => vscode.l10n.t('Remove Space') },
  exportSpaces: { run: exportSpaces, name: () => vscode.l10n.t('Export Spaces') },

  open: { run: open },
  showRawJson: { run: showRawJson },
  openSpace: { run: openSpace },
  findSpace: { run: findSpace },
  copySpaceId: { run: copySpaceId },
  copyLink: { run: copyLink },
  pin: { run: pin },
  unpin: { run: unpin },
  copyAsJson: { run: copyAsJson },
  openInBrowser: { run: openInBrowser },
  revealInView: { run: revealInView },
  showStatusChanges: { run: showStatusChanges },

  refresh: { run: refresh },
  refreshAll: { run: refreshAll },
  filter: { run: filter },
  clearFilter: { run: clearFilter },
  selectAccounts: { run: selectAccounts },
  hideAccount: { run: hideAccount },
  groupByAccount: { run: groupByAccount },
  groupByVendor: { run: groupByVendor },
  groupByStatus: { run: groupByStatus },
  sortByConfigured: { run: sortByConfigured },
  sortByName: { run: sortByName },
  sortByStatus: { run: sortByStatus },
  sortByChanged: { run: sortByChanged },
  retry: { run: retry },
  loadMore: { run: loadMore },
  openSettings: { run: openSettings },
  showLog: { run: showLog },
};

/** Registers every command of `COMMANDS`, each given `deps` and the first two arguments it is called with. */
export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, command]) => register(deps, id, command));
}

function register(deps: CommandDeps, id: string, { run, name }: Command): vscode.Disposable {
  return registerCommand(deps.log, id, (arg: unknown, selected: unknown) => run(deps, arg, selected), name?.());
}
