/**
 * The steps of Add Account… and Edit Account…, after vscode-extension-samples' quickinput-sample: each is a
 * function given the input, the answers so far and what it needs (the vendor catalog, the ids in use, the
 * connection test…), that shows its input(s) and returns the next answers, or where to go instead. The plan
 * says which steps there are for the answers so far; `wizard.ts` runs it and saves the answers.
 *
 * No `vscode` at run time (only its types), so the steps run in Node against a stand-in for the input. They
 * word with `@vscode/l10n`, as src/core does: the extension gives it VS Code's bundle when it activates.
 */
import * as l10n from '@vscode/l10n';
import { parseAccounts, type Account } from '../core/accounts';
import { asSpacesError } from '../core/errors';
import type { SpaceRef } from '../core/model';
import { VENDOR_IDS, VENDORS, type VendorId } from '../core/vendors/catalog';
import type { FieldSpec, SecretSpec, Vendor } from '../core/vendors/vendor';
import type { ConnectionTest, SpacesService } from '../services/spaces';
import { forPick } from '../util/text';
import {
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
import { BackPressed } from './backPressed';
import { culprit, describeSuccess, failureHeadline } from './connection';
import type { RawEntry } from './entries';
import type { ActionButton, MultiStepInput } from './multiStep';

/** What a step asks with: the multi-step input, or a stand-in for it in a test. */
export type WizardInput = Pick<MultiStepInput, 'pick' | 'pickMany' | 'input' | 'inputOrButton'>;

/** A vendor's fields and secret fields, which the steps are generated from (the service loads them). */
export type VendorCatalog = (id: VendorId) => Pick<Vendor, 'fields' | 'secretFields'>;

/** Where a step leads: on to the next step with the answers it returns, or to the step named `goto`. */
export type StepResult = AccountAnswers | { readonly goto: string; readonly answers: AccountAnswers };

export interface WizardStep {
  /** Names the step, for `goto` (`field:<key>`, `secret:<key>`, `spaces`, …). */
  readonly id: string;
  run(input: WizardInput, answers: AccountAnswers): Promise<StepResult>;
}

/** The connection test of an account that need not be saved, with the secrets typed over the stored ones. */
export type ConnectionTester = (account: Account, secrets: Readonly<Record<string, string>>, signal: AbortSignal) => Promise<ConnectionTest>;

/** What the spaces step lists an account's own spaces with: the service, and the button that asks for it. */
export interface SpaceListing {
  readonly service: Pick<SpacesService, 'capabilities' | 'listWith'>;
  readonly button: ActionButton;
}

/** What the steps of one run need, fixed while it runs. */
export interface WizardContext {
  readonly vendorOf: VendorCatalog;
  /** Every account id in use (broken entries' too): a new account takes none of them. */
  readonly taken: ReadonlySet<string>;
  /** Editing: the entry as it stands. The vendor and id are then fixed, and the keys the wizard does not ask about kept. */
  readonly editing: RawEntry | undefined;
  /** Plain http to another machine is accepted only where the entry already opts in to it (by hand). */
  readonly allowInsecure: boolean;
  /** Secret fields read from the environment, by key: not asked for. */
  readonly fromEnv: Readonly<Record<string, string>>;
  /** Whether an empty answer keeps the stored secret: one is stored, for the server the answers point at. */
  readonly keepsStored: (answers: AccountAnswers, key: string) => boolean;
  readonly listing: SpaceListing;
  readonly test: ConnectionTester;
}

/**
 * The steps for the answers so far: the vendor (adding only), its fields, the account id (adding only), the
 * label, the secrets of the chosen auth mode, the spaces, the connection test. Asked for anew before each
 * step, so an answer can change the steps that follow.
 */
export function wizardPlan(answers: AccountAnswers, context: WizardContext): WizardStep[] {
  const adding = context.editing === undefined;
  return [
    ...(adding ? [vendorStep(context)] : []),
    ...context.vendorOf(answers.vendor).fields.map((spec) => fieldStep(spec, context.allowInsecure)),
    ...(adding ? [idStep(context.taken)] : []),
    { id: 'label', run: askLabel },
    ...askedSecrets(answers, context).map((spec) => secretStep(spec, context)),
    spacesStep(context),
    testStep(context),
  ];
}

function vendorStep({ vendorOf, taken }: WizardContext): WizardStep {
  return { id: 'vendor', run: (input, answers) => pickVendor(input, answers, vendorOf, taken) };
}

function fieldStep(spec: FieldSpec, allowInsecure: boolean): WizardStep {
  return { id: `field:${spec.key}`, run: (input, answers) => askField(input, answers, spec, allowInsecure) };
}

function idStep(taken: ReadonlySet<string>): WizardStep {
  return { id: 'id', run: (input, answers) => askAccountId(input, answers, taken) };
}

function secretStep(spec: SecretSpec, context: WizardContext): WizardStep {
  return { id: `secret:${spec.key}`, run: (input, answers) => askSecret(input, answers, spec, context.keepsStored(answers, spec.key)) };
}

function spacesStep(context: WizardContext): WizardStep {
  return { id: 'spaces', run: (input, answers) => askSpaces(input, answers, draftOf(answers, context), context.listing) };
}

function testStep(context: WizardContext): WizardStep {
  return { id: 'test', run: (input, answers) => testConnection(input, answers, connectionCheck(answers, context)) };
}

/** The secret fields the answers' auth mode asks for, less those read from the environment. */
export function askedSecrets(answers: AccountAnswers, { vendorOf, fromEnv }: Pick<WizardContext, 'vendorOf' | 'fromEnv'>): SecretSpec[] {
  return secretSpecsFor(vendorOf(answers.vendor).secretFields, authModeOf(answers)).filter((spec) => fromEnv[spec.key] === undefined);
}

/** The account the answers make, as the service takes it (for the connection test and the listing), or why they make none. */
export function draftAccount(answers: AccountAnswers, fields: readonly FieldSpec[], previous?: RawEntry): Account | string {
  const { accounts, broken } = parseAccounts([buildEntry(answers, fields, previous)]);
  return accounts[0] ?? l10n.t('The answers do not make a valid account ({0}).', broken[0]?.problem.code ?? '?');
}

function draftOf(answers: AccountAnswers, context: WizardContext): Account | string {
  return draftAccount(answers, context.vendorOf(answers.vendor).fields, context.editing);
}

/** Words each answer problem. */
export function describeInputProblem(problem: InputProblem | undefined): string | undefined {
  switch (problem) {
    case undefined:
      return undefined;
    case 'required':
      return l10n.t('This is required.');
    case 'notHttpUrl':
      return l10n.t('Enter an http:// or https:// URL.');
    case 'insecureHttp':
      return l10n.t('Use https:// (plain http:// is only for this machine): credentials would travel unencrypted.');
    case 'urlWithCredentials':
      return l10n.t('Leave the user name and password out of the URL: they are asked for as credentials.');
    case 'badId':
      return l10n.t('Use lowercase letters, digits and dashes, starting with a letter or digit.');
    case 'duplicateId':
      return l10n.t('Another account already uses this id.');
  }
}

/** Step "vendor" (adding only): another vendor than the answers' starts afresh, with its defaults and a free id. */
export async function pickVendor(input: WizardInput, answers: AccountAnswers, vendorOf: VendorCatalog, taken: ReadonlySet<string>): Promise<AccountAnswers> {
  const items = VENDOR_IDS.map((id) => ({ label: VENDORS[id].name, vendor: id }));
  const picked = await input.pick({ placeholder: l10n.t('Which vendor is the account with?'), items, active: items.find((i) => i.vendor === answers.vendor) });
  return picked.vendor === answers.vendor ? answers : freshAnswers(picked.vendor, vendorOf(picked.vendor).fields, taken);
}

/** Step "field:<key>": a field with choices is a pick (a base URL may also be typed), any other is typed. */
export async function askField(input: WizardInput, answers: AccountAnswers, spec: FieldSpec, allowInsecure: boolean): Promise<AccountAnswers> {
  const current = answers.fields[spec.key];
  const value = spec.choices?.length ? await chooseField(input, spec, current, allowInsecure) : await typeField(input, spec, current, allowInsecure);
  return { ...answers, fields: { ...answers.fields, [spec.key]: value } };
}

/** A field with choices (regions, auth modes): a pick; a base URL may also be typed ("Other URL…", whose Back returns to the pick). */
async function chooseField(input: WizardInput, spec: FieldSpec, current: string | undefined, allowInsecure: boolean): Promise<string> {
  type Item = { label: string; description?: string; value?: string };
  const items: Item[] = (spec.choices ?? []).map((c) => ({ label: c.label, description: c.value === c.label ? undefined : c.value, value: c.value }));
  const other: Item | undefined = spec.key === 'baseUrl' ? { label: `$(edit) ${l10n.t('Other URL…')}` } : undefined;
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

async function typeField(input: WizardInput, spec: FieldSpec, current: string | undefined, allowInsecure: boolean): Promise<string> {
  const value = await input.input({
    prompt: withOptional(spec),
    value: current ?? '',
    placeholder: spec.placeholder,
    validate: (typed) => describeInputProblem(checkField(spec, typed, allowInsecure)),
  });
  return value.trim();
}

function withOptional(spec: FieldSpec): string {
  return spec.required ? spec.label : l10n.t('{0} (optional)', spec.label);
}

/** Step "id" (adding only): the account id, trimmed; one in use is refused. */
export async function askAccountId(input: WizardInput, answers: AccountAnswers, taken: ReadonlySet<string>): Promise<AccountAnswers> {
  const id = await input.input({
    prompt: l10n.t('Account id: lowercase letters, digits and dashes; it names the account in the settings and its stored credentials'),
    value: answers.id,
    validate: (value) => describeInputProblem(checkAccountId(value, taken)),
  });
  return { ...answers, id: id.trim() };
}

/** Step "label": the name shown in the tree, as typed (empty: the account id). */
export async function askLabel(input: WizardInput, answers: AccountAnswers): Promise<AccountAnswers> {
  const label = await input.input({
    prompt: l10n.t('Name shown in the tree (optional; empty: the account id)'),
    value: answers.label,
    placeholder: answers.id,
  });
  return { ...answers, label };
}

/**
 * Step "secret:<key>": a secret, trimmed. `keepStored`: one is stored for this server, and an empty answer
 * keeps it (stored secrets go only to the server they were entered for: a new server asks for them again).
 */
export async function askSecret(input: WizardInput, answers: AccountAnswers, spec: SecretSpec, keepStored: boolean): Promise<AccountAnswers> {
  const value = await input.input({
    prompt: keepStored ? l10n.t('{0} (leave empty to keep the stored one)', spec.label) : spec.label,
    value: answers.secrets[spec.key] ?? '',
    password: true,
    validate: (typed) => describeInputProblem(checkSecret(typed, keepStored)),
  });
  return { ...answers, secrets: { ...answers.secrets, [spec.key]: value.trim() } };
}

/**
 * Step "spaces": the space ids to show, typed. Where the vendor lists an account's spaces, a button picks from
 * the listing (`draft`: the account the answers make); the step then comes back with the picks among the ids.
 */
export async function askSpaces(input: WizardInput, answers: AccountAnswers, draft: Account | string, listing: SpaceListing): Promise<StepResult> {
  const canList = typeof draft !== 'string' && (await listing.service.capabilities(draft)).list;
  const { value, button } = await input.inputOrButton({
    prompt: canList
      ? l10n.t("Space ids to show, comma-separated (optional: the account's own spaces are listed too; the list button picks from them)")
      : l10n.t('Space ids to show, comma-separated (optional: spaces can be added later with "Add Space…")'),
    value: formatSpaceIds(answers.spaces),
    placeholder: l10n.t('space-id, another-space-id'),
    buttons: canList ? [listing.button] : [],
  });
  const typed = { ...answers, spaces: parseSpaceIds(value) };
  if (button !== listing.button.id || typeof draft === 'string') return typed;
  try {
    return { goto: 'spaces', answers: await pickListedSpaces(input, typed, draft, listing.service) };
  } catch (err) {
    if (!(err instanceof BackPressed)) throw err;
    return { goto: 'spaces', answers: typed };
  }
}

type SpaceItem = { label: string; description?: string; id: string };

/** Offers the account's own listing to pick from: the picked ones join the typed ids. */
async function pickListedSpaces(input: WizardInput, answers: AccountAnswers, account: Account, service: SpaceListing['service']): Promise<AccountAnswers> {
  let listed: readonly SpaceItem[] = [];
  const picked = await input.pickMany<SpaceItem>({
    placeholder: l10n.t('Spaces to pin under the account'),
    items: async (signal) => {
      const listing = await listedSpaces(service, account, answers, signal);
      listed = listing.items;
      return listing;
    },
  });
  return { ...answers, spaces: withPicks(answers.spaces, listed, picked) };
}

/** The listing as items, the ids already typed selected; a failure says what failed in the placeholder. */
async function listedSpaces(
  service: SpaceListing['service'],
  account: Account,
  answers: AccountAnswers,
  signal: AbortSignal,
): Promise<{ items: SpaceItem[]; selected?: SpaceItem[]; placeholder: string }> {
  try {
    const refs = await service.listWith(account, answers.secrets, { signal });
    const items = refs.map(spaceItem);
    return { items, selected: items.filter((i) => answers.spaces.includes(i.id)), placeholder: l10n.t('Spaces to pin under the account ({0} listed)', items.length) };
  } catch (err) {
    const error = asSpacesError(err);
    return { items: [], placeholder: `${failureHeadline(error.kind)} ${error.message}` };
  }
}

function spaceItem(ref: SpaceRef): SpaceItem {
  return { label: forPick(ref.name ?? ref.id), description: ref.name === undefined ? undefined : forPick(ref.id), id: ref.id };
}

/** The typed ids the listing does not have, then those picked from it (a listed id not picked leaves). */
export function withPicks(typed: readonly string[], listed: readonly { id: string }[], picked: readonly { id: string }[]): string[] {
  const listedIds = new Set(listed.map((item) => item.id));
  return [...typed.filter((id) => !listedIds.has(id)), ...picked.map((item) => item.id)];
}

/** What the test step tests, and where "Back to …" can go after a failure. */
export interface ConnectionCheck {
  /** The account the answers make, or why they make none. */
  readonly draft: Account | string;
  readonly test: ConnectionTester;
  /** The secret fields asked for, and the vendor's fields. */
  readonly asked: readonly SecretSpec[];
  readonly fields: readonly FieldSpec[];
}

function connectionCheck(answers: AccountAnswers, context: WizardContext): ConnectionCheck {
  return { draft: draftOf(answers, context), test: context.test, asked: askedSecrets(answers, context), fields: context.vendorOf(answers.vendor).fields };
}

type TestItem = { label: string; description?: string; detail?: string; action: 'save' | 'retry' | 'back'; target?: string };

/**
 * Step "test": tests the connection with the answers, then offers Save; after a failure, Back to the step
 * it points at, Save Anyway or Test Again. Saving ends the flow with the answers.
 */
export async function testConnection(input: WizardInput, answers: AccountAnswers, check: ConnectionCheck): Promise<StepResult> {
  const picked = await input.pick<TestItem>({
    placeholder: l10n.t('Testing the connection…'),
    items: (signal) => testOutcome(answers, check, signal),
  });
  if (picked.action === 'save') return answers;
  if (picked.action === 'retry') return { goto: 'test', answers };
  if (picked.target) return { goto: picked.target, answers };
  throw new BackPressed();
}

/** The test's outcome as the placeholder and the items to pick from. */
async function testOutcome(answers: AccountAnswers, { draft, test, asked, fields }: ConnectionCheck, signal: AbortSignal): Promise<{ placeholder: string; items: TestItem[] }> {
  if (typeof draft === 'string') {
    return { placeholder: draft, items: [{ label: `$(arrow-left) ${l10n.t('Back')}`, action: 'back' }] };
  }
  try {
    const success = await test(draft, answers.secrets, signal);
    return { placeholder: l10n.t('Save the account?'), items: [{ label: `$(check) ${l10n.t('Save')}`, action: 'save', detail: forPick(describeSuccess(success)) }] };
  } catch (err) {
    const error = asSpacesError(err);
    const back = backTarget(culprit(error.kind), asked, fields);
    return {
      placeholder: failureHeadline(error.kind),
      items: [
        { label: `$(arrow-left) ${back.label}`, detail: forPick(error.message), action: 'back', target: back.step },
        { label: `$(save) ${l10n.t('Save Anyway')}`, description: l10n.t('keep these settings and fix them later'), action: 'save' },
        { label: `$(refresh) ${l10n.t('Test Again')}`, action: 'retry' },
      ],
    };
  }
}

/** Where "Back" after a failed test goes: the first step of the part the failure points at (else the step before). */
export function backTarget(part: ReturnType<typeof culprit>, asked: readonly SecretSpec[], fields: readonly FieldSpec[]): { label: string; step?: string } {
  const firstSecret = asked[0];
  if (part === 'credentials' && firstSecret) return { label: l10n.t('Back to the credentials'), step: `secret:${firstSecret.key}` };
  if (part === 'server' && fields.some((f) => f.key === 'baseUrl')) return { label: l10n.t('Back to the URL'), step: 'field:baseUrl' };
  if (part === 'spaces') return { label: l10n.t('Back to the space ids'), step: 'spaces' };
  return { label: l10n.t('Back') };
}
