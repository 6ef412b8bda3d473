// The demo's team (test/sandbox/team), read by the real vendor clients over HTTP as the extension reads it:
// what `npm run demo` and the README's screenshots show must look like a real team's spaces and show every
// feature, and none of the test fixtures may leak into it.
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseAccounts, type Account } from '../../../src/core/accounts';
import { SpacesError } from '../../../src/core/errors';
import type { SpaceDetails, Tone } from '../../../src/core/model';
import { VENDOR_REGISTRY } from '../../../src/core/vendors/registry';
import { HOSTILE, WORKBENCH_HOSTILE } from '../../sandbox/hostile';
import { teamProfile, type TeamProfile } from '../../sandbox/team/profile';
import { useHttpSuite } from '../core/http-support';

/** Words only the tests' fixtures use. */
const FIXTURE_WORDS = /minimal|hostile|sandbox|bad.?shape|bulk|extras|prototype|orphan|my (private )?space|example output|onerror|<|\$\{/i;

describe('the demo team', () => {
  const suite = useHttpSuite();
  let profile: TeamProfile;
  let accounts: readonly Account[];
  /** Every space of every account that answers, in tree order. */
  const spaces: SpaceDetails[] = [];
  const failures = new Map<string, unknown>();

  const client = (account: Account) => {
    const secrets = Object.fromEntries(Object.entries(account.credentialsFromEnv).map(([field, name]) => [field, profile.env[name]]));
    return VENDOR_REGISTRY[account.vendor].createClient(account, { http: suite.http, secrets });
  };

  before(async () => {
    profile = teamProfile(suite.sandbox.url);
    const parsed = parseAccounts(profile.settings['spaces.accounts']);
    assert.deepEqual(parsed.broken, []);
    accounts = parsed.accounts;
    for (const account of accounts) {
      const vendor = client(account);
      try {
        const listed = (await vendor.listSpaces?.()) ?? [];
        for (const id of new Set([...listed.map((s) => s.id), ...account.spaces])) spaces.push(await vendor.getSpace(id));
      } catch (err) {
        failures.set(account.id, err);
      }
    }
  });

  it('has an account per vendor, each with spaces', () => {
    assert.deepEqual(new Set(accounts.map((a) => a.vendor)), new Set(Object.keys(VENDOR_REGISTRY)));
    for (const account of accounts.filter((a) => !failures.has(a.id))) {
      assert.ok(spaces.some((s) => s.accountId === account.id), `${account.id} shows no space`);
    }
  });

  it('names every space once, in words a team would use, without the test fixtures', () => {
    const names = spaces.map((s) => s.name);
    assert.deepEqual(names.filter((name, i) => names.indexOf(name) !== i), [], 'a name shows twice');
    const hostile = [...Object.values(HOSTILE), WORKBENCH_HOSTILE];
    for (const space of spaces) {
      const text = JSON.stringify(space.raw);
      assert.doesNotMatch(`${space.name} ${space.description?.text ?? ''}`, FIXTURE_WORDS, `${space.name}: a fixture's words`);
      assert.ok(!hostile.some((h) => text.includes(h)), `${space.name}: a hostile string`);
      assert.deepEqual(space.problems ?? [], [], `${space.name}: rows that could not be read`);
      assert.deepEqual(space.fieldProblems ?? [], [], `${space.name}: fields its vendor's documentation does not allow`);
    }
  });

  it('shows a status of every tone', () => {
    const tones = new Set<Tone>(spaces.flatMap((s) => (s.status ? [s.status.tone] : [])));
    assert.deepEqual([...tones].sort(), ['error', 'neutral', 'ok', 'warn']);
  });

  it('has exactly one account whose token has expired: an auth error, so Update Credentials is offered', () => {
    assert.deepEqual([...failures.keys()], ['partner-onedata']);
    const err = failures.get('partner-onedata');
    assert.ok(err instanceof SpacesError);
    assert.equal(err.kind, 'auth');
    assert.match(err.message, /did not accept the access token.*caveat failed: time </);
  });

  it('shows every kind of group: storage bars, monthly usage, a large space with subspaces', () => {
    const group = (vendor: string, kind: string) => spaces.filter((s) => s.vendor === vendor).flatMap((s) => s.groups.filter((g) => g.kind === kind));
    const storage = group('onedata', 'providers');
    assert.ok(storage.filter((g) => g.chart && g.items.length >= 2).length >= 3, 'Onedata spaces with storage bars');
    const usage = group('openlayer', 'usage');
    assert.equal(usage.length, 1);
    assert.equal(usage[0]!.items.length, 6);
    const subspaces = group('blueworks', 'subspaces');
    assert.ok(subspaces.some((g) => g.items.length >= 10), 'a Blueworks space with ten subspaces or more');
    const large = spaces.find((s) => s.groups.some((g) => g.kind === 'subspaces'))!;
    const artifacts = large.groups.filter((g) => g.kind === 'artifacts').reduce((sum, g) => sum + g.items.length, 0);
    assert.ok(artifacts >= 50, `${large.name} has ${artifacts} artifacts`);
  });

  it('opens every Blueworks subspace on its own', async () => {
    const blueworks = accounts.find((a) => a.vendor === 'blueworks')!;
    const vendor = client(blueworks);
    const subspaceIds = spaces.flatMap((s) => s.groups.filter((g) => g.kind === 'subspaces').flatMap((g) => g.items.map((i) => i.spaceId!)));
    for (const id of subspaceIds) assert.ok((await vendor.getSpace(id)).groups.some((g) => g.kind === 'artifacts'), `subspace ${id}`);
  });
});
