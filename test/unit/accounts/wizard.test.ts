// The add-account wizard without its UI: the checks on each step's input, the settings entry the
// answers make, and the changes to the raw `spaces.accounts` array (entries not touched stay as they were).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  answersFromEntry,
  authModeOf,
  buildEntry,
  checkAccountId,
  checkField,
  checkHttpUrl,
  checkRequired,
  checkSecret,
  formatSpaceIds,
  freshAnswers,
  parseSpaceIds,
  secretSpecsFor,
  suggestAccountId,
  type AccountAnswers,
} from '../../../src/accounts/answers';
import { findEntry, takenIds, withEntryAdded, withEntryReplaced, withoutEntry, withSpaceRemoved, withSpacesAdded } from '../../../src/accounts/entries';
import { parseAccounts } from '../../../src/core/accounts';
import { VENDOR_REGISTRY } from '../../../src/core/vendors/registry';

const fieldsOf = (id: keyof typeof VENDOR_REGISTRY) => VENDOR_REGISTRY[id].fields;

describe('wizard step checks', () => {
  it('requires non-empty values', () => {
    assert.equal(checkRequired(''), 'required');
    assert.equal(checkRequired('   '), 'required');
    assert.equal(checkRequired('x'), undefined);
  });

  it('accepts only http(s) URLs without credentials', () => {
    assert.equal(checkHttpUrl('https://x.alumio.com'), undefined);
    assert.equal(checkHttpUrl('http://127.0.0.1:8080/v1'), undefined);
    assert.equal(checkHttpUrl('ftp://zone'), 'notHttpUrl');
    assert.equal(checkHttpUrl('javascript:alert(1)'), 'notHttpUrl');
    assert.equal(checkHttpUrl('x.alumio.com'), 'notHttpUrl');
    assert.equal(checkHttpUrl('https://user:pw@x.alumio.com'), 'urlWithCredentials');
    assert.equal(checkHttpUrl('http://x.alumio.com'), 'insecureHttp');
    assert.equal(checkHttpUrl('http://x.alumio.com', true), undefined, 'an entry that opts in keeps its URL when edited');
    assert.equal(checkHttpUrl('http://localhost:8080'), undefined);
  });

  it('checks fields by their spec: required ones set, a base URL http(s), optional ones may stay empty', () => {
    assert.equal(checkField({ key: 'baseUrl', required: true }, ''), 'required');
    assert.equal(checkField({ key: 'baseUrl', required: false }, ''), undefined);
    assert.equal(checkField({ key: 'baseUrl', required: false }, 'not a url'), 'notHttpUrl');
    assert.equal(checkField({ key: 'workspaceId', required: true }, ' '), 'required');
    assert.equal(checkField({ key: 'workspaceId', required: true }, 'ws-1'), undefined);
    assert.equal(checkField({ key: 'onBehalfOf', required: false }, ''), undefined);
  });

  it('checks account ids against the settings pattern and the ids in use', () => {
    const taken = new Set(['alumio', 'team']);
    assert.equal(checkAccountId('', taken), 'required');
    assert.equal(checkAccountId('Upper', taken), 'badId');
    assert.equal(checkAccountId('-lead', taken), 'badId');
    assert.equal(checkAccountId('with space', taken), 'badId');
    assert.equal(checkAccountId('team', taken), 'duplicateId');
    assert.equal(checkAccountId('team-2', taken), undefined);
    assert.equal(checkAccountId('9lives', taken), undefined);
  });

  it('requires a secret unless one is stored (an empty answer keeps it)', () => {
    assert.equal(checkSecret('', false), 'required');
    assert.equal(checkSecret('', true), undefined);
    assert.equal(checkSecret('sk-1', false), undefined);
  });

  it('suggests a free id from the vendor', () => {
    assert.equal(suggestAccountId('alumio', new Set()), 'alumio');
    assert.equal(suggestAccountId('alumio', new Set(['alumio', 'alumio-2'])), 'alumio-3');
  });

  it('reads comma-separated space ids without blanks or repeats', () => {
    assert.deepEqual(parseSpaceIds(' a, b,,c , a '), ['a', 'b', 'c']);
    assert.deepEqual(parseSpaceIds(''), []);
    assert.equal(formatSpaceIds(['a', 'b']), 'a, b');
  });

  it('asks for the secrets of the chosen auth mode only', () => {
    const onedata = VENDOR_REGISTRY.onedata.secretFields;
    assert.deepEqual(secretSpecsFor(onedata, 'token').map((s) => s.key), ['token']);
    assert.deepEqual(secretSpecsFor(onedata, 'basic').map((s) => s.key), ['username', 'password']);
    assert.deepEqual(secretSpecsFor(VENDOR_REGISTRY.blueworks.secretFields, undefined).map((s) => s.key), ['clientSecret']);
    assert.equal(authModeOf({ vendor: 'onedata', fields: {} }), 'token');
    assert.equal(authModeOf({ vendor: 'onedata', fields: { authMode: 'basic' } }), 'basic');
    assert.equal(authModeOf({ vendor: 'alumio', fields: {} }), undefined);
  });
});

describe('wizard answers → settings entry', () => {
  it('prefills the vendor default base URL and first auth mode', () => {
    const answers = freshAnswers('sharely', fieldsOf('sharely'), new Set(['sharely']));
    assert.equal(answers.id, 'sharely-2');
    assert.equal(answers.label, 'Sharely.ai');
    assert.deepEqual(answers.fields, { baseUrl: 'https://api.sharely.ai', authMode: 'apiKey' });
    assert.deepEqual(freshAnswers('alumio', fieldsOf('alumio'), new Set()).fields, {});
  });

  it('builds an entry that parses cleanly, leaves out empty answers and the default base URL, and never holds a secret', () => {
    const answers: AccountAnswers = {
      vendor: 'sharely',
      id: 'team',
      label: ' Team ',
      fields: { baseUrl: 'https://api.sharely.ai/', workspaceId: ' ws-1 ', authMode: 'accessToken', organizationId: '' },
      secrets: { apiKey: 'sk-sharely-secret' },
      spaces: ['s1', 's2', 's1'],
    };
    const entry = buildEntry(answers, fieldsOf('sharely'));
    assert.deepEqual(entry, { id: 'team', vendor: 'sharely', label: 'Team', workspaceId: 'ws-1', authMode: 'accessToken', spaces: ['s1', 's2'] });
    assert.ok(!JSON.stringify(entry).includes('sk-sharely-secret'));
    const { accounts, broken } = parseAccounts([entry]);
    assert.deepEqual(broken, []);
    assert.equal(accounts[0]!.baseUrl, 'https://api.sharely.ai');
  });

  it('keeps a custom base URL without its trailing slash', () => {
    const answers: AccountAnswers = { vendor: 'blueworks', id: 'bw', label: '', fields: { baseUrl: 'http://127.0.0.1:9/', clientId: 'c' }, secrets: {}, spaces: [] };
    assert.deepEqual(buildEntry(answers, fieldsOf('blueworks')), { id: 'bw', vendor: 'blueworks', baseUrl: 'http://127.0.0.1:9', clientId: 'c' });
  });

  it('editing: prefills from the entry as written and keeps the keys the wizard does not ask about', () => {
    const previous = {
      id: 'zone',
      vendor: 'onedata',
      label: 'Zone',
      baseUrl: 'https://zone.example',
      authMode: 'token',
      spaces: ['a'],
      credentialsFromEnv: { token: 'ZONE_TOKEN' },
      includeSubspaces: false,
    };
    const answers = answersFromEntry(previous, 'onedata', fieldsOf('onedata'));
    assert.deepEqual(answers, { vendor: 'onedata', id: 'zone', label: 'Zone', fields: { baseUrl: 'https://zone.example', authMode: 'token' }, secrets: {}, spaces: ['a'] });
    answers.label = '';
    answers.fields.authMode = 'basic';
    answers.spaces = [];
    assert.deepEqual(buildEntry(answers, fieldsOf('onedata'), previous), {
      id: 'zone',
      vendor: 'onedata',
      baseUrl: 'https://zone.example',
      authMode: 'basic',
      credentialsFromEnv: { token: 'ZONE_TOKEN' },
      includeSubspaces: false,
    });
  });
});

describe('changes to the raw spaces.accounts array', () => {
  const broken = { id: 'Bad Id', vendor: 'nope', extra: [1, 2] };
  const alumio = { id: 'a', vendor: 'alumio', baseUrl: 'https://x.alumio.com', spaces: ['s1'] };
  const duplicate = { id: 'a', vendor: 'alumio', baseUrl: 'https://y.alumio.com' };
  const raw: unknown[] = ['not an object', broken, alumio, duplicate];

  it('finds the account at the first entry with its id, and every id in use', () => {
    assert.equal(findEntry(raw, 'a'), alumio);
    assert.deepEqual([...takenIds(raw)], ['Bad Id', 'a']);
  });

  it('adds, replaces in place and removes one entry, keeping every other one as it was', () => {
    const added = withEntryAdded(raw, { id: 'b', vendor: 'alumio' });
    assert.equal(added.length, 5);
    assert.equal(added[1], broken);

    const replaced = withEntryReplaced(raw, 'a', { id: 'a', vendor: 'alumio', baseUrl: 'https://z.alumio.com' });
    assert.deepEqual(replaced.map((e) => (e as { baseUrl?: string }).baseUrl), [undefined, undefined, 'https://z.alumio.com', 'https://y.alumio.com']);
    assert.equal(replaced[0], 'not an object');
    assert.equal(replaced[1], broken);
    assert.equal(replaced[3], duplicate);

    const removed = withoutEntry(raw, 'a');
    assert.deepEqual(removed, ['not an object', broken, duplicate]);
    assert.equal(removed[1], broken);
    assert.equal(raw.length, 4, 'the input is not changed');
  });

  it('adds and removes space ids on one account', () => {
    const added = withSpacesAdded(raw, 'a', ['s2', 's1']);
    assert.deepEqual((added[2] as typeof alumio).spaces, ['s1', 's2']);
    assert.equal(added[3], duplicate);
    assert.deepEqual(alumio.spaces, ['s1'], 'the entry itself is not changed');

    const removed = withSpaceRemoved(raw, 'a', 's1');
    assert.equal('spaces' in (removed[2] as object), false, 'an empty list is left out');
    assert.deepEqual(withSpacesAdded(raw, 'missing', ['x']), raw);
  });
});
