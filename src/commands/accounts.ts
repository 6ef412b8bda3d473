/**
 * The account commands: Add/Edit/Remove Account, Update Credentials, Test Connection, Add/Remove Space.
 * Settings are written to user settings only, secrets to SecretStorage only.
 */
import * as vscode from 'vscode';
import type { Account } from '../core/accounts';
import { asSpacesError, ERROR_ACTIONS, type SpacesError } from '../core/errors';
import type { SpaceRef } from '../core/model';
import type { ConnectionTest } from '../services/spaces';
import { forLog, forPick } from '../util/text';
import { registerCommand } from '../util/commands';
import { confirmModal, showError, showInfo, showStatus, withNotificationProgress } from '../util/workbench';
import { checkRequired, secretSpecsFor } from '../accounts/answers';
import { describeFailure, describeSuccess } from '../accounts/connection';
import { withoutEntry, withSpaceRemoved, withSpacesAdded } from '../accounts/entries';
import { MultiStepInput, type Step } from '../accounts/multiStep';
import { addAccount, describeInputProblem, editAccount } from '../accounts/wizard';
import type { CommandDeps } from './deps';

/**
 * What the commands are called with: a tree row, a command link's JSON, another extension's object. Only
 * the ids it names are read (`CommandTargets`), never its fields.
 */
type CommandArg = unknown;

export function registerAccountCommands(deps: CommandDeps): vscode.Disposable[] {
  const { tree, config, secrets, service, log, targets } = deps;
  /** Each command under the one error policy, its failures worded with its name. */
  const command = (id: string, name: string, run: (...args: never[]) => unknown) => registerCommand(log, id, run, name);

  /** The account a command runs on: the configured one the argument names, else (no argument) one the user picks. */
  async function resolveAccount(arg: CommandArg, placeholder: string): Promise<Account | undefined> {
    return arg !== undefined && arg !== null ? targets.account(arg) : targets.pickAccount(placeholder);
  }

  /** Lists the account's spaces anew: after its secrets changed but its settings did not. */
  async function refreshAccount(accountId: string): Promise<void> {
    service.forget(accountId);
    await tree.getChildren(); // the rows as the settings have them now
    const node = tree.accountNode(accountId);
    if (node) node.refresh();
    else tree.refreshAll();
  }

  async function updateCredentials(arg: CommandArg): Promise<void> {
    const account = await resolveAccount(arg, vscode.l10n.t('Update the credentials of which account?'));
    if (!account) return;
    const specs = secretSpecsFor(service.vendor(account.vendor).secretFields, account.authMode);
    const fromEnv = specs.filter((s) => account.credentialsFromEnv[s.key] !== undefined);
    const asked = specs.filter((s) => account.credentialsFromEnv[s.key] === undefined);
    if (fromEnv.length > 0) {
      void showInfo(
        vscode.l10n.t(
          'Account "{0}" reads {1} from the environment variable(s) {2} (its "credentialsFromEnv" setting), so there is nothing to store for it.',
          account.label,
          fromEnv.map((s) => s.label).join(', '),
          fromEnv.map((s) => account.credentialsFromEnv[s.key]).join(', '),
        ),
      );
    }
    if (asked.length === 0) return;
    const current = await secrets.read(account);
    const values: Record<string, string> = {};
    const steps = asked.map(
      (spec): Step => ({
        id: spec.key,
        async run(input) {
          const keep = Boolean(current[spec.key]);
          values[spec.key] = (
            await input.input({
              prompt: keep ? vscode.l10n.t('{0} (leave empty to keep the stored one)', spec.label) : spec.label,
              value: values[spec.key] ?? '',
              password: true,
              validate: (value) => describeInputProblem(value.trim() === '' && !keep ? 'required' : undefined),
            })
          ).trim();
        },
      }),
    );
    if (!(await new MultiStepInput(vscode.l10n.t('Update Credentials: {0}', account.label)).run(() => steps))) return;
    const changed = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''));
    if (Object.keys(changed).length === 0) return;
    await secrets.store(account, changed);
    log.info(`credentials of ${account.id} updated (${Object.keys(changed).join(', ')})`);
    await refreshAccount(account.id);
  }

  async function testConnection(arg: CommandArg): Promise<void> {
    const account = await resolveAccount(arg, vscode.l10n.t('Test the connection of which account?'));
    if (!account) return;
    const outcome: { test: ConnectionTest } | { error: SpacesError } = await withNotificationProgress(
      vscode.l10n.t('Testing the connection of "{0}"…', account.label),
      async (signal) => {
        try {
          return { test: await service.testAccount(account, {}, { signal }) };
        } catch (err) {
          return { error: asSpacesError(err) };
        }
      },
    );
    if ('test' in outcome) {
      log.info(`connection test of ${account.id}: ok (${outcome.test.kind})`);
      void showInfo(vscode.l10n.t('{0}: {1}', account.label, describeSuccess(outcome.test)));
      return;
    }
    const { error } = outcome;
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
    else if (picked === credentials) await updateCredentials({ accountId: account.id });
    else if (picked === openSettings) await vscode.commands.executeCommand('workbench.action.openSettings', error.kind === 'tls' ? 'spaces.extraCaCertificates' : 'spaces.accounts');
  }

  async function removeAccount(arg: CommandArg): Promise<void> {
    const account = await resolveAccount(arg, vscode.l10n.t('Remove which account?'));
    if (!account) return;
    const remove = vscode.l10n.t('Remove');
    const answer = await confirmModal(vscode.l10n.t('Remove account "{0}"? Its stored credentials are deleted too.', account.label), remove);
    if (answer !== remove) return;
    await config.updateAccounts((entries) => withoutEntry(entries, account.id));
    await secrets.delete(account.id);
    service.forget(account.id);
    log.info(`account ${account.id} removed, with its stored credentials`);
  }

  async function addSpace(arg: CommandArg): Promise<void> {
    const account = await resolveAccount(arg, vscode.l10n.t('Add a space to which account?'));
    if (!account) return;
    const { find } = await service.capabilities(account);
    let how: 'id' | 'name' | 'tag' = 'id';
    let query = '';
    let chosen: SpaceRef[] = [];

    const howStep: Step = {
      id: 'how',
      async run(input) {
        const items = [
          { label: `$(symbol-key) ${vscode.l10n.t('Enter a space ID…')}`, how: 'id' as const },
          { label: `$(search) ${vscode.l10n.t('Find by name…')}`, how: 'name' as const },
          { label: `$(tag) ${vscode.l10n.t('Find by tag…')}`, how: 'tag' as const },
        ];
        how = (await input.pick({ placeholder: vscode.l10n.t('How to find the space?'), items, active: items.find((i) => i.how === how) })).how;
      },
    };
    const idStep: Step = {
      id: 'id',
      async run(input) {
        let name: string | undefined;
        /** A failed id typed again and accepted again is added anyway (except one that does not exist). */
        let failedId: string | undefined;
        const id = await input.input({
          prompt: vscode.l10n.t('Space ID (checked by fetching it)'),
          validate: (value) =>
            account.spaces.includes(value.trim()) ? vscode.l10n.t('This space is already shown under the account.') : describeInputProblem(checkRequired(value)),
          accept: async (value, signal) => {
            const spaceId = value.trim();
            try {
              name = (await service.getSpace(account, spaceId, { signal, refresh: true })).name;
              return undefined;
            } catch (err) {
              const error = asSpacesError(err);
              if (error.kind !== 'notFound' && error.kind !== 'cancelled' && failedId === spaceId) return undefined;
              failedId = spaceId;
              const again = error.kind === 'notFound' ? '' : ` ${vscode.l10n.t('Press Enter again to add it anyway.')}`;
              return describeFailure(error) + again;
            }
          },
        });
        chosen = [name === undefined ? { id: id.trim() } : { id: id.trim(), name }];
      },
    };
    const queryStep: Step = {
      id: 'query',
      async run(input) {
        query = (
          await input.input({
            prompt: how === 'name' ? vscode.l10n.t('The exact name of the space') : vscode.l10n.t('A tag of the spaces'),
            value: query,
            validate: (value) => describeInputProblem(checkRequired(value)),
          })
        ).trim();
      },
    };
    const resultsStep: Step = {
      id: 'results',
      async run(input) {
        type Item = vscode.QuickPickItem & { ref: SpaceRef };
        const picked = await input.pickMany<Item>({
          placeholder: vscode.l10n.t('Spaces to add'),
          items: async (signal) => {
            try {
              const found = (await service.findSpaces(account, how === 'name' ? { name: query } : { tag: query }, { signal, refresh: true })) ?? [];
              const fresh = found.filter((ref) => !account.spaces.includes(ref.id));
              const items = fresh.map((ref): Item => ({ label: forPick(ref.name ?? ref.id), description: forPick(ref.id), ref }));
              const placeholder =
                found.length === 0
                  ? vscode.l10n.t('No space found: go back and try another search.')
                  : fresh.length === 0
                    ? vscode.l10n.t('Every space found is shown already.')
                    : vscode.l10n.t('Spaces to add ({0} found)', fresh.length);
              return { items, selected: items.length === 1 ? items : [], placeholder };
            } catch (err) {
              return { items: [], placeholder: describeFailure(asSpacesError(err)) };
            }
          },
        });
        chosen = picked.map((i) => i.ref);
      },
    };

    const plan = (): Step[] => (find ? [howStep, ...(how === 'id' ? [idStep] : [queryStep, resultsStep])] : [idStep]);
    if (!(await new MultiStepInput(vscode.l10n.t('Add Space to "{0}"', account.label)).run(plan))) return;
    if (chosen.length === 0) return;
    await config.updateAccounts((entries) => withSpacesAdded(entries, account.id, chosen.map((s) => s.id)));
    const names = chosen.map((s) => s.name ?? s.id).join(', ');
    showStatus(vscode.l10n.t('Added {0} to "{1}".', names, account.label), 5000);
  }

  async function removeSpace(arg: CommandArg): Promise<void> {
    const target = await targets.space(arg);
    if (!target) return;
    if (!target.account.spaces.includes(target.spaceId)) {
      void showInfo(vscode.l10n.t('This space is listed by the vendor, not configured on the account, so there is nothing to remove.'));
      return;
    }
    if (!targets.isOwnRow(arg) && !(await confirmRemoveSpace(target.account, target.spaceId))) return;
    await config.updateAccounts((entries) => withSpaceRemoved(entries, target.account.id, target.spaceId));
  }

  /** Asked when Remove Space came from elsewhere than its row's menu (a link, another extension). */
  async function confirmRemoveSpace(account: Account, spaceId: string): Promise<boolean> {
    const remove = vscode.l10n.t('Remove');
    const known = tree.spaceNode(account.id, spaceId)?.known.name;
    const space = known === undefined ? spaceId : `${known} (${spaceId})`;
    const question = vscode.l10n.t('Remove space "{0}" from account "{1}"? This changes your settings; it was asked for by a link or another extension, not from the Spaces view.', space, account.label);
    return (await confirmModal(question, remove)) === remove;
  }

  async function runAdd(): Promise<void> {
    const result = await addAccount(deps);
    if (result) void showInfo(vscode.l10n.t('Account "{0}" added.', result.accountId));
  }

  async function runEdit(arg: CommandArg): Promise<void> {
    const account = await resolveAccount(arg, vscode.l10n.t('Edit which account?'));
    if (!account) return;
    const result = await editAccount(deps, account);
    // New settings redraw the account by themselves; new secrets alone do not.
    if (result && !result.settingsChanged && result.secretsChanged) await refreshAccount(result.accountId);
  }

  return [
    command('addAccount', vscode.l10n.t('Add Account'), runAdd),
    command('editAccount', vscode.l10n.t('Edit Account'), runEdit),
    command('setCredentials', vscode.l10n.t('Update Credentials'), updateCredentials),
    command('removeAccount', vscode.l10n.t('Remove Account'), removeAccount),
    command('testConnection', vscode.l10n.t('Test Connection'), testConnection),
    command('addSpace', vscode.l10n.t('Add Space'), addSpace),
    command('removeSpace', vscode.l10n.t('Remove Space'), removeSpace),
  ];
}
