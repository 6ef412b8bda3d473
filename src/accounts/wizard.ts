/**
 * Add Account… and Edit Account…: one multi-step flow generated from the vendor's `fields` and
 * `secretFields`: vendor → its fields → account id and label → the secrets for the auth mode → the
 * spaces to show → a connection test that fetches something real. The steps are in `wizardSteps.ts`;
 * here they are run, each given the answers so far and returning the next, and the answers are saved:
 * settings to user settings, secrets to SecretStorage.
 */
import * as vscode from 'vscode';
import type { Account } from '../core/accounts';
import { asSpacesError } from '../core/errors';
import { VENDOR_IDS } from '../core/vendors/catalog';
import type { Config } from '../config/config';
import { serverOf, type AccountSecrets, type AccountServer } from '../services/secrets';
import type { SpacesService } from '../services/spaces';
import { forLog } from '../util/text';
import { showError } from '../util/workbench';
import { answersFromEntry, buildEntry, freshAnswers, type AccountAnswers } from './answers';
import { findEntry, takenIds, withEntryAdded, withEntryReplaced, type RawEntry } from './entries';
import { runFlow } from './answerFlow';
import { askedSecrets, wizardPlan, type ConnectionTester, type WizardContext } from './wizardSteps';

export interface WizardDeps {
  readonly config: Config;
  readonly secrets: AccountSecrets;
  readonly service: SpacesService;
  readonly log: vscode.LogOutputChannel;
}

/** What a finished run saved. */
export interface WizardResult {
  readonly accountId: string;
  /** Whether the settings entry changed (else only secrets did, and the tree will not redraw by itself). */
  readonly settingsChanged: boolean;
  readonly secretsChanged: boolean;
}

export { describeInputProblem } from './wizardSteps';

/** Add Account…: resolves with what was saved, or undefined when the user closed the flow. */
export function addAccount(deps: WizardDeps): Promise<WizardResult | undefined> {
  return runWizard(deps, undefined);
}

/** Edit Account…: the same flow, prefilled, the vendor and id fixed; writes the entry back in place. */
export async function editAccount(deps: WizardDeps, account: Account): Promise<WizardResult | undefined> {
  const entry = findEntry(deps.config.rawAccounts(), account.id);
  if (!entry) {
    void showError(vscode.l10n.t('Account "{0}" is no longer in the user settings.', account.label));
    return undefined;
  }
  return runWizard(deps, { account, entry });
}

interface Editing {
  readonly account: Account;
  readonly entry: RawEntry;
}

async function runWizard(deps: WizardDeps, editing: Editing | undefined): Promise<WizardResult | undefined> {
  const context = await wizardContext(deps, editing);
  const first = editing
    ? answersFromEntry(editing.entry, editing.account.vendor, context.vendorOf(editing.account.vendor).fields)
    : freshAnswers(VENDOR_IDS[0], context.vendorOf(VENDOR_IDS[0]).fields, context.taken);
  const title = editing ? vscode.l10n.t('Edit Account "{0}"', editing.account.label) : vscode.l10n.t('Add Account');
  const answers = await runFlow(title, first, (current) => wizardPlan(current, context));
  return answers && (await saveAnswers(deps, answers, context, editing));
}

/** What the steps need of the extension for one run. */
async function wizardContext({ config, secrets, service, log }: WizardDeps, editing: Editing | undefined): Promise<WizardContext> {
  /** Secret fields already stored (an empty answer keeps them, for the same server). */
  const stored = editing ? await storedSecrets(secrets, editing.account) : new Set<string>();
  const storedServer = editing && serverOf(editing.account);
  return {
    vendorOf: (id) => service.vendor(id),
    taken: takenIds(config.rawAccounts()),
    editing: editing?.entry,
    allowInsecure: editing?.account.allowInsecureHttp ?? false,
    fromEnv: editing?.account.credentialsFromEnv ?? {},
    keepsStored: (answers, key) => stored.has(key) && serverOf(answeredServer(answers)) === storedServer,
    listing: { service, button: { id: 'list', iconPath: new vscode.ThemeIcon('list-selection'), tooltip: vscode.l10n.t("Pick from the account's own spaces") } },
    test: loggedConnectionTest(service, log),
  };
}

/** Saves the answers: the secrets typed to SecretStorage, the entry to user settings (in place, editing). */
async function saveAnswers({ config, secrets: stored, service }: WizardDeps, answers: AccountAnswers, context: WizardContext, editing: Editing | undefined): Promise<WizardResult> {
  // Secrets first: the account appears in the tree once its settings are written, and should find them.
  const secrets = Object.fromEntries(askedSecrets(answers, context).map((s): [string, string] => [s.key, answers.secrets[s.key] ?? '']).filter(([, value]) => value !== ''));
  const secretsChanged = Object.keys(secrets).length > 0;
  if (secretsChanged) await stored.store({ id: answers.id, ...answeredServer(answers) }, secrets);
  service.forget(answers.id);
  const fields = context.vendorOf(answers.vendor).fields;
  let settingsChanged = true;
  await config.updateAccounts((entries) => {
    if (!editing) return withEntryAdded(entries, buildEntry(answers, fields));
    const previous = findEntry(entries, answers.id) ?? editing.entry;
    const entry = buildEntry(answers, fields, previous);
    settingsChanged = JSON.stringify(entry) !== JSON.stringify(previous);
    return withEntryReplaced(entries, answers.id, entry);
  });
  return { accountId: answers.id, settingsChanged, secretsChanged };
}

/** The server the answers point at, which stored secrets are bound to. */
function answeredServer(answers: AccountAnswers): AccountServer {
  return { vendor: answers.vendor, baseUrl: answers.fields.baseUrl?.trim() || undefined };
}

/** The service's connection test, logged. */
function loggedConnectionTest(service: SpacesService, log: vscode.LogOutputChannel): ConnectionTester {
  return async (account, secrets, signal) => {
    try {
      const test = await service.testAccount(account, secrets, { signal });
      log.info(`connection test of the new settings for ${account.id}: ok (${test.kind})`);
      return test;
    } catch (err) {
      log.warn(`connection test of the new settings for ${account.id}: ${forLog(asSpacesError(err).toString())}`);
      throw err;
    }
  };
}

async function storedSecrets(secrets: AccountSecrets, account: Account): Promise<Set<string>> {
  const values = await secrets.read(account);
  return new Set(Object.entries(values).filter(([, value]) => value !== undefined && value !== '').map(([key]) => key));
}
