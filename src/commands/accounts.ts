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
import { confirmModal, confirmModalListing, showError, showInfo, withNotificationProgress } from '../util/workbench';
import { addSpaces } from '../accounts/addSpace';
import { describeFailure, describeSuccess } from '../accounts/connection';
import { updateCredentials } from '../accounts/credentials';
import { withoutEntry, withSpaceRemoved } from '../accounts/entries';
import * as wizard from '../accounts/wizard';
import type { CommandDeps } from './deps';
import type { SpaceTarget } from './targets';

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

/**
 * Takes the spaces (the argument, or the selection it is part of) off their accounts' `spaces` setting, in
 * one write. Asked first unless it is one space from its own row's menu.
 */
export async function removeSpace(deps: CommandDeps, arg: CommandArg, selected?: unknown): Promise<void> {
  const { config, targets } = deps;
  const spaces = await targets.spaces(targets.selection(arg, selected));
  const configured = spaces.filter(({ account, spaceId }) => account.spaces.includes(spaceId));
  if (spaces.length > 0 && configured.length === 0) {
    void showInfo(vscode.l10n.t('This space is listed by the vendor, not configured on the account, so there is nothing to remove.'));
    return;
  }
  if (configured.length === 0 || !(await confirmRemoveSpaces(deps, arg, configured))) return;
  await config.updateAccounts((entries) => withSpacesRemoved(entries, configured));
}

function withSpacesRemoved(entries: readonly unknown[], spaces: readonly SpaceTarget[]): unknown[] {
  let next = [...entries];
  for (const { account, spaceId } of spaces) next = withSpaceRemoved(next, account.id, spaceId);
  return next;
}

/** At most this many spaces are named in the question; "and N more" says the rest. */
const LISTED_IN_QUESTION = 20;

/** One question for them all: several spaces, or one named by a link or another extension; none for one row's own menu. */
async function confirmRemoveSpaces(deps: CommandDeps, arg: CommandArg, spaces: readonly SpaceTarget[]): Promise<boolean> {
  const [only] = spaces;
  if (spaces.length === 1 && only) return deps.targets.isOwnRow(arg) || confirmRemoveSpace(deps, only.account, only.spaceId);
  const remove = vscode.l10n.t('Remove');
  const lines = spaces.slice(0, LISTED_IN_QUESTION).map(({ account, spaceId }) => vscode.l10n.t('{0} in "{1}"', spaceName(deps, account, spaceId), account.label));
  if (spaces.length > LISTED_IN_QUESTION) lines.push(vscode.l10n.t('and {0} more', spaces.length - LISTED_IN_QUESTION));
  const question = vscode.l10n.t('Remove these {0} spaces from their accounts in your settings?', spaces.length);
  return (await confirmModalListing(question, lines, remove)) === remove;
}

/** Asked when Remove Space came from elsewhere than its row's menu (a link, another extension). */
async function confirmRemoveSpace(deps: CommandDeps, account: Account, spaceId: string): Promise<boolean> {
  const remove = vscode.l10n.t('Remove');
  const question = vscode.l10n.t('Remove space "{0}" from account "{1}"? This changes your settings; it was asked for by a link or another extension, not from the Spaces view.', spaceName(deps, account, spaceId), account.label);
  return (await confirmModal(question, remove)) === remove;
}

/** A space as a question names it: its name as known and its id, or its id alone. */
function spaceName({ tree }: CommandDeps, account: Account, spaceId: string): string {
  const known = tree.spaceNode(account.id, spaceId)?.known.name;
  return known === undefined ? spaceId : `${known} (${spaceId})`;
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
