/** Show Status Changes: the status changes refreshes have found, newest first; picking one opens its space. */
import * as vscode from 'vscode';
import type { Account } from '../core/accounts';
import type { SeenChange } from '../core/tools/results';
import { forPick } from '../util/text';
import { showInfo } from '../util/workbench';
import type { CommandDeps } from './deps';
import { open } from './spaces';

interface ChangePick extends vscode.QuickPickItem {
  readonly change: SeenChange;
}

export async function showStatusChanges(deps: CommandDeps): Promise<void> {
  const accounts = deps.config.accounts().accounts;
  const changes = deps.history.list(accounts.map((account) => account.id));
  if (changes.length === 0) {
    void showInfo(vscode.l10n.t('No status change has been seen yet. Refreshes note each one (auto-refresh: spaces.autoRefreshMinutes).'));
    return;
  }
  const picked = await vscode.window.showQuickPick(
    changes.map((change) => changePick(change, accounts)),
    { title: vscode.l10n.t('Status Changes'), placeHolder: vscode.l10n.t('Select a change to open its space'), matchOnDescription: true, matchOnDetail: true },
  );
  // The space is opened by ids, through the command's own rules: a kept change is never a target by itself.
  if (picked) await open(deps, { accountId: picked.change.accountId, spaceId: picked.change.spaceId });
}

function changePick(change: SeenChange, accounts: readonly Account[]): ChangePick {
  const account = accounts.find((a) => a.id === change.accountId);
  const when = new Date(change.at).toLocaleString(vscode.env.language, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    label: forPick(change.name || change.spaceId),
    description: forPick(`${change.from} → ${change.to}`),
    detail: forPick(`${account?.label ?? change.accountId} · ${when}`),
    change,
  };
}
