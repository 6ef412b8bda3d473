/**
 * Add Account… and Edit Account…: one multi-step flow generated from the vendor's `fields` and
 * `secretFields`: vendor → its fields → account id and label → the secrets for the auth mode → the
 * spaces to show → a connection test that fetches something real. Settings go to user settings,
 * secrets to SecretStorage.
 */
import * as vscode from 'vscode';
import { parseAccounts, type Account } from '../core/accounts';
import { VENDOR_IDS, VENDORS, type VendorId } from '../core/vendors/catalog';
import type { FieldSpec, SecretSpec, Vendor } from '../core/vendors/vendor';
import { serverOf, type AccountSecrets } from '../services/secrets';
import type { SpacesService } from '../services/spaces';
import {
  answersFromEntry,
  authModeOf,
  buildEntry,
  checkAccountId,
  checkField,
  checkHttpUrl,
  checkSecret,
  formatSpaceIds,
  freshAnswers,
  parseSpaceIds,
  secretSpecsFor,
  type AccountAnswers,
  type InputProblem,
} from './answers';
import { asSpacesError } from '../core/errors';
import { forLog, forPick } from '../util/text';
import { showError } from '../util/workbench';
import { culprit, describeSuccess, failureHeadline } from './connection';
import { findEntry, takenIds, withEntryAdded, withEntryReplaced, type RawEntry } from './entries';
import { BackPressed, MultiStepInput, type Step } from './multiStep';
import type { Config } from '../config/config';

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

/** Words each answer problem. */
export function describeInputProblem(problem: InputProblem | undefined): string | undefined {
  switch (problem) {
    case undefined:
      return undefined;
    case 'required':
      return vscode.l10n.t('This is required.');
    case 'notHttpUrl':
      return vscode.l10n.t('Enter an http:// or https:// URL.');
    case 'insecureHttp':
      return vscode.l10n.t('Use https:// (plain http:// is only for this machine): credentials would travel unencrypted.');
    case 'urlWithCredentials':
      return vscode.l10n.t('Leave the user name and password out of the URL: they are asked for as credentials.');
    case 'badId':
      return vscode.l10n.t('Use lowercase letters, digits and dashes, starting with a letter or digit.');
    case 'duplicateId':
      return vscode.l10n.t('Another account already uses this id.');
  }
}

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

async function runWizard(deps: WizardDeps, editing: { account: Account; entry: RawEntry } | undefined): Promise<WizardResult | undefined> {
  const { service } = deps;
  const taken = takenIds(deps.config.rawAccounts());
  const vendorOf = (id: VendorId): Vendor => service.vendor(id);
  let answers: AccountAnswers = editing
    ? answersFromEntry(editing.entry, editing.account.vendor, vendorOf(editing.account.vendor).fields)
    : freshAnswers(VENDOR_IDS[0], vendorOf(VENDOR_IDS[0]).fields, taken);
  /** Secret fields already stored (an empty answer keeps them) and those read from the environment (not asked). */
  const stored = editing ? await storedSecrets(deps.secrets, editing.account) : new Set<string>();
  const fromEnv = editing?.account.credentialsFromEnv ?? {};
  /** Plain http to another machine is accepted only where the entry already opts in to it (by hand). */
  const allowInsecure = editing?.account.allowInsecureHttp ?? false;

  const vendor = () => vendorOf(answers.vendor);
  const sameServer = () => editing !== undefined && serverOf({ vendor: answers.vendor, baseUrl: answers.fields.baseUrl?.trim() || undefined }) === serverOf(editing.account);
  const secretSpecs = () => secretSpecsFor(vendor().secretFields, authModeOf(answers)).filter((s) => fromEnv[s.key] === undefined);
  /** The account the answers make, as the service takes it (for the connection test and the listing). */
  const draft = (): Account | string => {
    const entry = buildEntry(answers, vendor().fields, editing?.entry);
    const { accounts, broken } = parseAccounts([entry]);
    return accounts[0] ?? vscode.l10n.t('The answers do not make a valid account ({0}).', broken[0]?.problem.code ?? '?');
  };

  const vendorStep: Step = {
    id: 'vendor',
    async run(input) {
      const items = VENDOR_IDS.map((id) => ({ label: VENDORS[id].name, vendor: id }));
      const picked = await input.pick({ placeholder: vscode.l10n.t('Which vendor is the account with?'), items, active: items.find((i) => i.vendor === answers.vendor) });
      if (picked.vendor !== answers.vendor) answers = freshAnswers(picked.vendor, vendorOf(picked.vendor).fields, taken);
    },
  };

  const fieldStep = (spec: FieldSpec): Step => ({
    id: `field:${spec.key}`,
    async run(input) {
      answers.fields[spec.key] = spec.choices?.length ? await choose(input, spec, answers.fields[spec.key], allowInsecure) : await typeField(input, spec, answers.fields[spec.key], allowInsecure);
    },
  });

  const idStep: Step = {
    id: 'id',
    async run(input) {
      answers.id = (
        await input.input({
          prompt: vscode.l10n.t('Account id: lowercase letters, digits and dashes; it names the account in the settings and its stored credentials'),
          value: answers.id,
          validate: (value) => describeInputProblem(checkAccountId(value, taken)),
        })
      ).trim();
    },
  };

  const labelStep: Step = {
    id: 'label',
    async run(input) {
      answers.label = await input.input({
        prompt: vscode.l10n.t('Name shown in the tree (optional; empty: the account id)'),
        value: answers.label,
        placeholder: answers.id,
      });
    },
  };

  const secretStep = (spec: SecretSpec): Step => ({
    id: `secret:${spec.key}`,
    async run(input) {
      // Stored secrets go only to the server they were entered for: a new server asks for them again.
      const keep = stored.has(spec.key) && sameServer();
      answers.secrets[spec.key] = (
        await input.input({
          prompt: keep ? vscode.l10n.t('{0} (leave empty to keep the stored one)', spec.label) : spec.label,
          value: answers.secrets[spec.key] ?? '',
          password: true,
          validate: (value) => describeInputProblem(checkSecret(value, keep)),
        })
      ).trim();
    },
  });

  const spacesStep: Step = {
    id: 'spaces',
    async run(input) {
      const account = draft();
      const canList = typeof account !== 'string' && (await service.capabilities(account)).list;
      const listButton = { id: 'list', iconPath: new vscode.ThemeIcon('list-selection'), tooltip: vscode.l10n.t("Pick from the account's own spaces") };
      for (;;) {
        const { value, button } = await input.inputOrButton({
          prompt: canList
            ? vscode.l10n.t("Space ids to show, comma-separated (optional: the account's own spaces are listed too; the list button picks from them)")
            : vscode.l10n.t('Space ids to show, comma-separated (optional: spaces can be added later with "Add Space…")'),
          value: formatSpaceIds(answers.spaces),
          placeholder: vscode.l10n.t('space-id, another-space-id'),
          buttons: canList ? [listButton] : [],
        });
        answers.spaces = parseSpaceIds(value);
        if (button !== 'list' || typeof account === 'string') return;
        try {
          await pickListed(input, account);
        } catch (err) {
          if (!(err instanceof BackPressed)) throw err;
        }
      }
    },
  };

  /** Offers the account's own listing to pick from; the picked ones join the typed ids. */
  async function pickListed(input: MultiStepInput, account: Account): Promise<void> {
    type Item = vscode.QuickPickItem & { id: string };
    let listed: readonly Item[] = [];
    const picked = await input.pickMany<Item>({
      placeholder: vscode.l10n.t('Spaces to pin under the account'),
      items: async (signal) => {
        try {
          const refs = await service.listWith(account, answers.secrets, { signal });
          listed = refs.map((ref) => ({ label: forPick(ref.name ?? ref.id), description: ref.name === undefined ? undefined : forPick(ref.id), id: ref.id }));
          return { items: listed, selected: listed.filter((i) => answers.spaces.includes(i.id)), placeholder: vscode.l10n.t('Spaces to pin under the account ({0} listed)', listed.length) };
        } catch (err) {
          const error = asSpacesError(err);
          return { items: [], placeholder: `${failureHeadline(error.kind)} ${error.message}` };
        }
      },
    });
    const listedIds = new Set(listed.map((i) => i.id));
    answers.spaces = [...answers.spaces.filter((id) => !listedIds.has(id)), ...picked.map((i) => i.id)];
  }

  const testStep: Step = {
    id: 'test',
    async run(input) {
      type Item = vscode.QuickPickItem & { action: 'save' | 'retry' | 'back'; target?: string };
      const save: Item = { label: `$(check) ${vscode.l10n.t('Save')}`, action: 'save' };
      const account = draft();
      const picked = await input.pick<Item>({
        placeholder: vscode.l10n.t('Testing the connection…'),
        items: async (signal) => {
          if (typeof account === 'string') {
            return { placeholder: account, items: [{ label: `$(arrow-left) ${vscode.l10n.t('Back')}`, action: 'back' }] };
          }
          try {
            const test = await service.testAccount(account, answers.secrets, { signal });
            deps.log.info(`connection test of the new settings for ${account.id}: ok (${test.kind})`);
            return { placeholder: vscode.l10n.t('Save the account?'), items: [{ ...save, detail: forPick(describeSuccess(test)) }] };
          } catch (err) {
            const error = asSpacesError(err);
            deps.log.warn(`connection test of the new settings for ${account.id}: ${forLog(error.toString())}`);
            const back = backTarget(culprit(error.kind));
            return {
              placeholder: failureHeadline(error.kind),
              items: [
                { label: `$(arrow-left) ${back.label}`, detail: forPick(error.message), action: 'back', target: back.step },
                { label: `$(save) ${vscode.l10n.t('Save Anyway')}`, description: vscode.l10n.t('keep these settings and fix them later'), action: 'save' },
                { label: `$(refresh) ${vscode.l10n.t('Test Again')}`, action: 'retry' },
              ],
            };
          }
        },
      });
      if (picked.action === 'retry') return { goto: 'test' };
      if (picked.action === 'back') {
        if (picked.target) return { goto: picked.target };
        throw new BackPressed();
      }
      return undefined;
    },
  };

  /** Where "Back" after a failed test goes: the first step of the part the failure points at. */
  function backTarget(part: ReturnType<typeof culprit>): { label: string; step?: string } {
    const firstSecret = secretSpecs()[0];
    if (part === 'credentials' && firstSecret) return { label: vscode.l10n.t('Back to the credentials'), step: `secret:${firstSecret.key}` };
    if (part === 'server' && vendor().fields.some((f) => f.key === 'baseUrl')) return { label: vscode.l10n.t('Back to the URL'), step: 'field:baseUrl' };
    if (part === 'spaces') return { label: vscode.l10n.t('Back to the space ids'), step: 'spaces' };
    return { label: vscode.l10n.t('Back') };
  }

  const plan = (): Step[] => [
    ...(editing ? [] : [vendorStep]),
    ...vendor().fields.map(fieldStep),
    ...(editing ? [] : [idStep]),
    labelStep,
    ...secretSpecs().map(secretStep),
    spacesStep,
    testStep,
  ];

  const title = editing ? vscode.l10n.t('Edit Account "{0}"', editing.account.label) : vscode.l10n.t('Add Account');
  if (!(await new MultiStepInput(title).run(plan))) return undefined;

  // Secrets first: the account appears in the tree once its settings are written, and should find them.
  const secrets = Object.fromEntries(secretSpecs().map((s): [string, string] => [s.key, answers.secrets[s.key] ?? '']).filter(([, value]) => value !== ''));
  const secretsChanged = Object.keys(secrets).length > 0;
  if (secretsChanged) await deps.secrets.store({ id: answers.id, vendor: answers.vendor, baseUrl: answers.fields.baseUrl?.trim() || undefined }, secrets);
  service.forget(answers.id);
  let settingsChanged = true;
  await deps.config.updateAccounts((entries) => {
    if (!editing) return withEntryAdded(entries, buildEntry(answers, vendor().fields));
    const previous = findEntry(entries, answers.id) ?? editing.entry;
    const entry = buildEntry(answers, vendor().fields, previous);
    settingsChanged = JSON.stringify(entry) !== JSON.stringify(previous);
    return withEntryReplaced(entries, answers.id, entry);
  });
  return { accountId: answers.id, settingsChanged, secretsChanged };
}

/** A field with choices (regions, auth modes): a pick; a base URL may also be typed ("Other URL…"). */
async function choose(input: MultiStepInput, spec: FieldSpec, current: string | undefined, allowInsecure: boolean): Promise<string> {
  type Item = vscode.QuickPickItem & { value?: string };
  const items: Item[] = (spec.choices ?? []).map((c) => ({ label: c.label, description: c.value === c.label ? undefined : c.value, value: c.value }));
  const other: Item | undefined = spec.key === 'baseUrl' ? { label: `$(edit) ${vscode.l10n.t('Other URL…')}` } : undefined;
  if (other) items.push(other);
  const active = items.find((i) => i.value !== undefined && i.value === current) ?? (current ? other : undefined);
  for (;;) {
    const picked = await input.pick({ placeholder: withOptional(spec), items, active });
    if (picked.value !== undefined) return picked.value;
    try {
      const custom = current !== undefined && !spec.choices?.some((c) => c.value === current) ? current : 'https://';
      return await input.input({
        prompt: withOptional(spec),
        value: custom,
        back: true,
        validate: (value) => describeInputProblem(checkHttpUrl(value, allowInsecure)),
      });
    } catch (err) {
      if (!(err instanceof BackPressed)) throw err;
    }
  }
}

function typeField(input: MultiStepInput, spec: FieldSpec, current: string | undefined, allowInsecure: boolean): Promise<string> {
  return input
    .input({
      prompt: withOptional(spec),
      value: current ?? '',
      placeholder: spec.placeholder,
      validate: (value) => describeInputProblem(checkField(spec, value, allowInsecure)),
    })
    .then((value) => value.trim());
}

function withOptional(spec: FieldSpec): string {
  return spec.required ? spec.label : vscode.l10n.t('{0} (optional)', spec.label);
}

async function storedSecrets(secrets: AccountSecrets, account: Account): Promise<Set<string>> {
  const values = await secrets.read(account);
  return new Set(Object.entries(values).filter(([, value]) => value !== undefined && value !== '').map(([key]) => key));
}
