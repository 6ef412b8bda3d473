// The wizard's steps, each alone: run against a stand-in for the multi-step input that answers from a
// script, given the answers so far, returning the next (or where to go), without VS Code.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { freshAnswers, type AccountAnswers } from '../../../src/accounts/answers';
import { BackPressed } from '../../../src/accounts/backPressed';
import type { ActionButton } from '../../../src/accounts/multiStep';
import {
  askAccountId,
  askField,
  askSecret,
  askSpaces,
  backTarget,
  draftAccount,
  pickVendor,
  testConnection,
  wizardPlan,
  type ConnectionCheck,
  type ConnectionTester,
  type SpaceListing,
  type WizardContext,
  type WizardInput,
} from '../../../src/accounts/wizardSteps';
import type { Account } from '../../../src/core/accounts';
import { SpacesError } from '../../../src/core/errors';
import type { SpaceRef } from '../../../src/core/model';
import { VENDOR_REGISTRY } from '../../../src/core/vendors/registry';

const vendorOf = (id: keyof typeof VENDOR_REGISTRY) => VENDOR_REGISTRY[id];

/** Presses Back on the input it answers. */
const BACK = Symbol('back');

/** An answer to one input: the text typed (and the title-bar button that ended it), a picked label, or Back. */
type Reply = string | { value: string; button: string } | readonly string[] | typeof BACK;

/** What one input showed. */
interface Shown {
  readonly prompt?: string;
  readonly value?: string;
  readonly placeholder?: string;
  readonly labels?: readonly string[];
  readonly selected?: readonly string[];
  readonly buttons?: readonly string[];
  readonly validate?: (value: string) => string | undefined;
}

/**
 * A stand-in for MultiStepInput: answers each input in turn from `replies` and keeps what each showed. A
 * pick's reply is the start of the label to pick; a pick of several, the labels; items that load are loaded.
 */
function scripted(...replies: Reply[]): { input: WizardInput; shown: Shown[] } {
  const shown: Shown[] = [];
  const next = (): Exclude<Reply, typeof BACK> => {
    const reply = replies.shift();
    if (reply === undefined) throw new Error(`no reply left for input ${shown.length}`);
    if (reply === BACK) throw new BackPressed();
    return reply;
  };
  const labelled = <T extends { label: string }>(items: readonly T[], start: string): T => {
    const item = items.find((i) => i.label.startsWith(start));
    if (!item) throw new Error(`no item "${start}" among ${items.map((i) => i.label).join(' | ')}`);
    return item;
  };
  const signal = new AbortController().signal;
  const input: WizardInput = {
    async inputOrButton(options) {
      shown.push({ prompt: options.prompt, value: options.value, placeholder: options.placeholder, validate: options.validate, buttons: options.buttons?.map((b) => b.id) });
      const reply = next();
      return typeof reply === 'string' ? { value: reply } : (reply as { value: string; button: string });
    },
    async input(options) {
      return (await input.inputOrButton(options)).value;
    },
    async pick(options) {
      const loaded = typeof options.items === 'function' ? await options.items(signal) : { items: options.items };
      shown.push({ placeholder: loaded.placeholder ?? options.placeholder, labels: loaded.items.map((i) => i.label) });
      return labelled(loaded.items, next() as string);
    },
    async pickMany(options) {
      const loaded = typeof options.items === 'function' ? await options.items(signal) : options.items;
      shown.push({ placeholder: loaded.placeholder ?? options.placeholder, labels: loaded.items.map((i) => i.label), selected: loaded.selected?.map((i) => i.label) });
      return (next() as readonly string[]).map((start) => labelled(loaded.items, start));
    },
  };
  return { input, shown };
}

const onedata = (answers: Partial<AccountAnswers> = {}): AccountAnswers => ({
  ...freshAnswers('onedata', vendorOf('onedata').fields, new Set()),
  fields: { baseUrl: 'https://zone.example', authMode: 'token' },
  ...answers,
});

const draftOf = (answers: AccountAnswers): Account => {
  const draft = draftAccount(answers, vendorOf(answers.vendor).fields);
  assert.ok(typeof draft !== 'string', draft as string);
  return draft;
};

describe('the vendor step', () => {
  it('keeps the answers for the same vendor, and starts afresh for another, with its defaults and a free id', async () => {
    const answers = { ...freshAnswers('alumio', vendorOf('alumio').fields, new Set()), label: 'Mine' };
    const same = scripted('Alumio');
    assert.equal(await pickVendor(same.input, answers, vendorOf, new Set()), answers);
    assert.equal(same.shown[0]!.placeholder, 'Which vendor is the account with?');
    assert.deepEqual(same.shown[0]!.labels, ['Alumio', 'Sharely.ai', 'Openlayer', 'Onedata', 'IBM Blueworks Live']);

    const other = await pickVendor(scripted('Sharely').input, answers, vendorOf, new Set(['sharely']));
    assert.deepEqual(other, { vendor: 'sharely', id: 'sharely-2', label: 'Sharely.ai', fields: { baseUrl: 'https://api.sharely.ai', authMode: 'apiKey' }, secrets: {}, spaces: [] });
  });
});

describe('a field step', () => {
  it('a pick with "Other URL…" takes a typed URL (checked, Back returns to the pick); a typed field is trimmed', async () => {
    const answers = freshAnswers('blueworks', vendorOf('blueworks').fields, new Set());
    const [baseUrl, clientId] = vendorOf('blueworks').fields;
    const { input, shown } = scripted('$(edit) Other URL…', BACK, '$(edit) Other URL…', 'https://bw.example');
    const next = await askField(input, answers, baseUrl!, false);
    assert.equal(next.fields.baseUrl, 'https://bw.example');
    assert.equal(answers.fields.baseUrl, undefined, 'the answers given are not changed');
    assert.equal(shown.length, 4, 'pick, URL, (Back) pick again, URL');
    assert.equal(shown[1]!.value, 'https://');
    assert.equal(shown[3]!.validate!('http://bw.example'), 'Use https:// (plain http:// is only for this machine): credentials would travel unencrypted.');

    const picked = await askField(scripted('ibm.').input, next, baseUrl!, false);
    assert.equal(picked.fields.baseUrl, 'https://ibm.blueworkslive.com');
    const typed = await askField(scripted('  client-1 ').input, next, clientId!, false);
    assert.deepEqual(typed.fields, { baseUrl: 'https://bw.example', clientId: 'client-1' });
  });
});

describe('the account id step', () => {
  it('trims the id typed, and its check words an id in use or out of pattern', async () => {
    const answers = onedata({ id: 'onedata' });
    const { input, shown } = scripted('  team-2 ');
    const next = await askAccountId(input, answers, new Set(['team']));
    assert.equal(next.id, 'team-2');
    assert.equal(answers.id, 'onedata');
    assert.equal(shown[0]!.value, 'onedata');
    assert.equal(shown[0]!.validate!('team'), 'Another account already uses this id.');
    assert.equal(shown[0]!.validate!('Team'), 'Use lowercase letters, digits and dashes, starting with a letter or digit.');
    assert.equal(shown[0]!.validate!('team-3'), undefined);
  });
});

describe('a secret step', () => {
  const token = vendorOf('onedata').secretFields[0]!;

  it('requires a secret unless one is stored for this server, which an empty answer keeps', async () => {
    const fresh = scripted(' tok-1 ');
    const next = await askSecret(fresh.input, onedata(), token, false);
    assert.deepEqual(next.secrets, { token: 'tok-1' });
    assert.equal(fresh.shown[0]!.prompt, 'Access token');
    assert.equal(fresh.shown[0]!.validate!(''), 'This is required.');

    const kept = scripted('');
    assert.deepEqual((await askSecret(kept.input, next, token, true)).secrets, { token: '' });
    assert.equal(kept.shown[0]!.prompt, 'Access token (leave empty to keep the stored one)');
    assert.equal(kept.shown[0]!.value, 'tok-1', 'a secret typed earlier in the run is shown again');
    assert.equal(kept.shown[0]!.validate!(''), undefined);
    assert.deepEqual(next.secrets, { token: 'tok-1' }, 'the answers given are not changed');
  });
});

describe('the spaces step', () => {
  const listButton = { id: 'list', tooltip: 'Pick' } as ActionButton;
  const listing = (refs: readonly SpaceRef[] | Error): SpaceListing => ({
    button: listButton,
    service: {
      capabilities: async () => ({ list: true, find: false }),
      listWith: async () => {
        if (refs instanceof Error) throw refs;
        return refs;
      },
    },
  });
  const refs = [{ id: 's1', name: 'One' }, { id: 's2' }];

  it('reads the ids typed; the list button picks from the listing, and the step comes back with the picks', async () => {
    const answers = onedata({ spaces: ['old'] });
    const typedOnly = scripted('a, b,, a');
    assert.deepEqual(await askSpaces(typedOnly.input, answers, draftOf(answers), listing(refs)), { ...answers, spaces: ['a', 'b'] });
    assert.equal(typedOnly.shown[0]!.value, 'old');
    assert.deepEqual(typedOnly.shown[0]!.buttons, ['list']);

    const { input, shown } = scripted({ value: 'x, s1', button: 'list' }, ['s2']);
    const listed = await askSpaces(input, answers, draftOf(answers), listing(refs));
    assert.deepEqual(listed, { goto: 'spaces', answers: { ...answers, spaces: ['x', 's2'] } }, 's1 was listed and not picked');
    assert.deepEqual(shown[1], { placeholder: 'Spaces to pin under the account (2 listed)', labels: ['One', 's2'], selected: ['One'] });
  });

  it('keeps the ids typed when the listing is left with Back, and says why a listing failed', async () => {
    const answers = onedata();
    const back = await askSpaces(scripted({ value: 'x', button: 'list' }, BACK).input, answers, draftOf(answers), listing(refs));
    assert.deepEqual(back, { goto: 'spaces', answers: { ...answers, spaces: ['x'] } });

    const failing = scripted({ value: 'x', button: 'list' }, []);
    await askSpaces(failing.input, answers, draftOf(answers), listing(new SpacesError('auth', 'Invalid token.')));
    assert.equal(failing.shown[1]!.placeholder, 'The credentials were not accepted. Invalid token.');
  });

  it('offers no list button for answers that make no account', async () => {
    const { input, shown } = scripted('x');
    assert.deepEqual(await askSpaces(input, onedata(), 'not an account', listing(refs)), { ...onedata(), spaces: ['x'] });
    assert.deepEqual(shown[0]!.buttons, []);
  });
});

describe('the connection test step', () => {
  const answers = onedata({ secrets: { token: 'tok' } });
  const check = (test: ConnectionTester, draft: Account | string = draftOf(answers)): ConnectionCheck => ({
    draft,
    test,
    asked: [vendorOf('onedata').secretFields[0]!],
    fields: vendorOf('onedata').fields,
  });
  const failing = (kind: SpacesError['kind']): ConnectionTester => async () => {
    throw new SpacesError(kind, 'Nope.');
  };

  it('offers Save after a success, which ends the flow with the answers', async () => {
    const { input, shown } = scripted('$(check) Save');
    let given: Readonly<Record<string, string>> = {};
    const outcome = await testConnection(input, answers, check(async (_account, secrets) => ((given = secrets), { kind: 'accepted' })));
    assert.equal(outcome, answers);
    assert.deepEqual(given, { token: 'tok' }, 'tested with the secrets typed');
    assert.equal(shown[0]!.placeholder, 'Save the account?');
  });

  it('after a failure, goes Back to the step it points at, tests again, or saves anyway', async () => {
    const back = scripted('$(arrow-left)');
    assert.deepEqual(await testConnection(back.input, answers, check(failing('auth'))), { goto: 'secret:token', answers });
    assert.deepEqual(back.shown[0], {
      placeholder: 'The credentials were not accepted.',
      labels: ['$(arrow-left) Back to the credentials', '$(save) Save Anyway', '$(refresh) Test Again'],
    });
    assert.deepEqual(await testConnection(scripted('$(arrow-left)').input, answers, check(failing('network'))), { goto: 'field:baseUrl', answers });
    assert.deepEqual(await testConnection(scripted('$(refresh)').input, answers, check(failing('notFound'))), { goto: 'test', answers });
    assert.equal(await testConnection(scripted('$(save)').input, answers, check(failing('server'))), answers);
    await assert.rejects(testConnection(scripted('$(arrow-left) Back').input, answers, check(failing('server'))), BackPressed, 'no step to blame: the step before');
  });

  it('answers that make no account say so, and offer only Back', async () => {
    const { input, shown } = scripted('$(arrow-left) Back');
    await assert.rejects(testConnection(input, answers, check(failing('auth'), 'The answers do not make a valid account (x).')), BackPressed);
    assert.deepEqual(shown[0], { placeholder: 'The answers do not make a valid account (x).', labels: ['$(arrow-left) Back'] });
  });

  it('blames the step of the part that failed, where the flow has one', () => {
    const { fields, secretFields } = vendorOf('openlayer');
    assert.deepEqual(backTarget('credentials', [], fields), { label: 'Back' }, 'every secret read from the environment');
    assert.deepEqual(backTarget('server', secretFields, fields), { label: 'Back to the URL', step: 'field:baseUrl' });
    assert.deepEqual(backTarget('server', secretFields, vendorOf('alumio').fields.filter((f) => f.key !== 'baseUrl')), { label: 'Back' });
    assert.deepEqual(backTarget('spaces', secretFields, fields), { label: 'Back to the space ids', step: 'spaces' });
  });
});

describe('the plan', () => {
  const context = (changes: Partial<WizardContext> = {}): WizardContext => ({
    vendorOf,
    taken: new Set(),
    editing: undefined,
    allowInsecure: false,
    fromEnv: {},
    keepsStored: () => false,
    listing: { button: { id: 'list' } as ActionButton, service: { capabilities: async () => ({ list: false, find: false }), listWith: async () => [] } },
    test: async () => ({ kind: 'untested' }),
    ...changes,
  });
  const ids = (answers: AccountAnswers, changes?: Partial<WizardContext>) => wizardPlan(answers, context(changes)).map((step) => step.id);

  it("follows the vendor's fields and the auth mode's secrets; editing fixes the vendor and the id", () => {
    assert.deepEqual(ids(onedata()), ['vendor', 'field:baseUrl', 'field:authMode', 'id', 'label', 'secret:token', 'spaces', 'test']);
    assert.deepEqual(ids(onedata({ fields: { authMode: 'basic' } })).filter((id) => id.startsWith('secret:')), ['secret:username', 'secret:password']);
    assert.deepEqual(ids(onedata(), { editing: { id: 'onedata', vendor: 'onedata' } }), ['field:baseUrl', 'field:authMode', 'label', 'secret:token', 'spaces', 'test']);
    assert.deepEqual(ids(onedata(), { fromEnv: { token: 'ZONE_TOKEN' } }), ['vendor', 'field:baseUrl', 'field:authMode', 'id', 'label', 'spaces', 'test']);
  });
});
