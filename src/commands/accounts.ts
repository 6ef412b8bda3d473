/**
 * The account commands: Add/Edit/Remove Account, Update Credentials, Test Connection, Add/Remove Space.
 * Settings are written to user settings only, secrets to SecretStorage only. The flows that ask and write
 * live with the account code (`src/accounts`); these find the account and redraw what changed.
 */
import * as vscode from 'vscode';
import type { Account } from '../core/accounts';
import { asSpacesError, ERROR_ACTIONS, type SpacesError } from '../core/errors';
import type { ConnectionTest } from '../services/spaces';
import { forLog } from '../util/text';
import { confirmModal, showError, showInfo, withNotificationProgress } from '../util/workbench';
import { addSpaces } from '../accounts/addSpace';
import { describeFailure, describeSuccess } from '../accounts/connection';
import { updateCredentials } from '../accounts/credentials';
import { withoutEntry, withSpaceRemoved } from '../accounts/entries';
import * as wizard from '../accounts/wizard';
import type { CommandDeps } from './deps';

/**
 * What the commands are called with: a tree row, a command link's JSON, another extension's object. Only
 * the ids it names are read (`CommandTargets`), never its fields.
 */
type CommandArg = unknown;

export async function addAccount(deps: CommandDeps): Promise<void> {
  const result = await wizard.addAccount(deps);
  if (result) void showInfo(vscode.l10n.t('Account "{0}" added.', result.accountId));
}

export async function editAccount(deps: CommandDeps, arg: CommandArg): Promise<void> {
  const account = await resolveAccount(deps, arg, vscode.l10n.t('Edit which account?'));
  if (!account) return;
  const result = await wizard.editAccount(deps, account);
  // New settings redraw the account by themselves; new secrets alone do not.
  if (result && !result.settingsChanged && result.secretsChanged) await refreshAccount(deps, result.accountId);
}

/** Update Credentials. */
export async function setCredentials(deps: CommandDeps, arg: CommandArg): Promise<void> {
  const account = await resolveAccount(deps, arg, vscode.l10n.t('Update the credentials of which account?'));
  if (!account) return;
  if (await updateCredentials(deps, account)) await refreshAccount(deps, account.id);
}

export async function removeAccount(deps: CommandDeps, arg: CommandArg): Promise<void> {
  const { config, secrets, service, log } = deps;
  const account = await resolveAccount(deps, arg, vscode.l10n.t('Remove which account?'));
  if (!account) return;
  const remove = vscode.l10n.t('Remove');
  const answer = await confirmModal(vscode.l10n.t('Remove account "{0}"? Its stored credentials are deleted too.', account.label), remove);
  if (answer !== remove) return;
  await config.updateAccounts((entries) => withoutEntry(entries, account.id));
  await secrets.delete(account.id);
  service.forget(account.id);
  log.info(`account ${account.id} removed, with its stored credentials`);
}

export async function testConnection(deps: CommandDeps, arg: CommandArg): Promise<void> {
  const account = await resolveAccount(deps, arg, vscode.l10n.t('Test the connection of which account?'));
  if (!account) return;
  const outcome = await runConnectionTest(deps, account);
  if ('error' in outcome) return offerFixes(deps, account, outcome.error);
  deps.log.info(`connection test of ${account.id}: ok (${outcome.test.kind})`);
  void showInfo(vscode.l10n.t('{0}: {1}', account.label, describeSuccess(outcome.test)));
}

/** The account's connection test under a cancellable notification; a failure is its outcome, not thrown. */
function runConnectionTest({ service }: CommandDeps, account: Account): Thenable<{ test: ConnectionTest } | { error: SpacesError }> {
  return withNotificationProgress(vscode.l10n.t('Testing the connection of "{0}"…', account.label), async (signal) => {
    try {
      return { test: await service.testAccount(account, {}, { signal }) };
    } catch (err) {
      return { error: asSpacesError(err) };
    }
  });
}

/** Says why the test failed, offering what may fix it: the credentials, the settings, the log. */
async function offerFixes(deps: CommandDeps, account: Account, error: SpacesError): Promise<void> {
  const { log } = deps;
  log.warn(`connection test of ${account.id}: ${forLog(error.toString())}`);
  if (error.kind === 'cancelled') return;
  const showLog = vscode.l10n.t('Show Log');
  const credentials = vscode.l10n.t('Update Credentials…');
  const openSettings = vscode.l10n.t('Open Settings');
  const offered = ERROR_ACTIONS[error.kind];
  const actions = [...(offered.includes('credentials') ? [credentials] : []), ...(offered.includes('settings') ? [openSettings] : []), showLog];
  // Our words first; the vendor's short (the whole of them is in the log).
  const picked = await showError(vscode.l10n.t('{0}: {1}', account.label, describeFailure(error, { brief: true })), ...actions);
  if (picked === showLog) log.show();
  else if (picked === credentials) await setCredentials(deps, { accountId: account.id });
  else if (picked === openSettings) await vscode.commands.executeCommand('workbench.action.openSettings', error.kind === 'tls' ? 'spaces.extraCaCertificates' : 'spaces.accounts');
}

export async function addSpace(deps: CommandDeps, arg: CommandArg): Promise<void> {
  const account = await resolveAccount(deps, arg, vscode.l10n.t('Add a space to which account?'));
  if (account) await addSpaces(deps, account);
}

export async function removeSpace(deps: CommandDeps, arg: CommandArg): Promise<void> {
  const { config, targets } = deps;
  const target = await targets.space(arg);
  if (!target) return;
  if (!target.account.spaces.includes(target.spaceId)) {
    void showInfo(vscode.l10n.t('This space is listed by the vendor, not configured on the account, so there is nothing to remove.'));
    return;
  }
  if (!targets.isOwnRow(arg) && !(await confirmRemoveSpace(deps, target.account, target.spaceId))) return;
  await config.updateAccounts((entries) => withSpaceRemoved(entries, target.account.id, target.spaceId));
}

/** Asked when Remove Space came from elsewhere than its row's menu (a link, another extension). */
async function confirmRemoveSpace({ tree }: CommandDeps, account: Account, spaceId: string): Promise<boolean> {
  const remove = vscode.l10n.t('Remove');
  const known = tree.spaceNode(account.id, spaceId)?.known.name;
  const space = known === undefined ? spaceId : `${known} (${spaceId})`;
  const question = vscode.l10n.t('Remove space "{0}" from account "{1}"? This changes your settings; it was asked for by a link or another extension, not from the Spaces view.', space, account.label);
  return (await confirmModal(question, remove)) === remove;
}

/** The account a command runs on: the configured one the argument names, else (no argument) one the user picks. */
export async function resolveAccount({ targets }: CommandDeps, arg: CommandArg, placeholder: string): Promise<Account | undefined> {
  return arg !== undefined && arg !== null ? targets.account(arg) : targets.pickAccount(placeholder);
}

/** Lists the account's spaces anew: after its secrets changed but its settings did not. */
async function refreshAccount({ service, tree }: CommandDeps, accountId: string): Promise<void> {
  service.forget(accountId);
  await tree.getChildren(); // the rows as the settings have them now
  const node = tree.accountNode(accountId);
  if (node) node.refresh();
  else tree.refreshAll();
}
