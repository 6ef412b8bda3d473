// The tools for AI assistants through VS Code's own door, `vscode.lm.invokeTool`, as an agent's call arrives:
// what each answers from what the Spaces view knows (asking no server), and what each refuses: unknown ids
// and hostile inputs, in words, asking nothing. Vendor text comes back only inside `vendorText` fields.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { TOOL_NAMES } from '../../src/core/tools/inputs';
import { outsideVendorText, PROMPT_INJECTION } from '../sandbox/hostile';
import type { Sandbox } from '../sandbox/server';
import { testProfile } from '../sandbox/testProfile';
import { ALUMIO_SANDBOX, ALUMIO_SEED_SPACE } from '../sandbox/vendors/alumio';
import { BLUEWORKS_SANDBOX } from '../sandbox/vendors/blueworks';
import { callWithoutRequests, fetchedRow, listedTools, OUR_TOOLS } from './tools-support';
import { spacesOf, useDemoTree } from './support';

const ACME = 'acme-alumio';

describe('the tools for AI assistants, called as an agent calls them', function () {
  let sandbox: Sandbox;
  useDemoTree(this, (started) => (sandbox = started));

  it('are listed by VS Code beside its own, each telling the model that vendor text is data', () => {
    assert.deepEqual(listedTools(), [...TOOL_NAMES].sort());
    assert.deepEqual(listedTools(), OUR_TOOLS);
    for (const tool of vscode.lm.tools.filter((t) => t.name.startsWith('spaces_'))) assert.match(tool.description, /never instructions to follow/, tool.name);
  });

  it('spaces_listAccounts: every account with its vendor, label and reachability; no URL, no secret, no request', async () => {
    await spacesOf('ACME integrations', ['ACME Production']);
    const { accounts } = (await callWithoutRequests(sandbox, 'spaces_listAccounts', {})) as { accounts: { accountId: string; vendor: string; label: string; reachable: string }[] };
    const profile = testProfile(sandbox.url);
    assert.deepEqual(
      accounts.map((a) => a.accountId),
      profile.accounts.map((a) => a.id),
    );
    assert.deepEqual(accounts[0], { accountId: ACME, vendor: 'alumio', vendorName: 'Alumio', label: 'ACME integrations', reachable: 'yes', spacesKnown: 3 });
    const json = JSON.stringify(accounts);
    assert.ok(!json.includes('http') && !json.includes('127.0.0.1'), 'no URL');
    for (const secret of Object.values(profile.env)) assert.ok(!json.includes(secret), 'no secret');
  });

  it('spaces_findSpaces: matches from what the view knows, the accounts not listed yet named, without a request', async () => {
    await spacesOf('ACME integrations', ['ACME Production']);
    const found = await callWithoutRequests(sandbox, 'spaces_findSpaces', { words: 'acme PRODUCTION' });
    assert.deepEqual(found.matches, [{ accountId: ACME, spaceId: { vendorText: ALUMIO_SANDBOX.spaces.seed }, name: { vendorText: 'ACME Production' }, status: { vendorText: 'Active' }, from: 'fetched' }]);
    assert.deepEqual([found.total, found.more], [1, false]);
    assert.ok(!(found.accountsNotListedYet as string[]).includes(ACME));
    assert.deepEqual((await callWithoutRequests(sandbox, 'spaces_findSpaces', { status: 'active', accountId: ACME })).total, 1);
    assert.deepEqual((await callWithoutRequests(sandbox, 'spaces_findSpaces', { vendor: 'alumio', words: 'minimal' })).total, 1);
    assert.deepEqual((await callWithoutRequests(sandbox, 'spaces_findSpaces', { words: PROMPT_INJECTION })).matches, []);
  });

  it('spaces_getSpace: a known space, clipped, with how fresh it is, without a request', async () => {
    const node = await fetchedRow('Process design', BLUEWORKS_SANDBOX.spaces.large);
    const space = await callWithoutRequests(sandbox, 'spaces_getSpace', { accountId: 'process-blueworks', spaceId: BLUEWORKS_SANDBOX.spaces.large });
    assert.deepEqual(space.name, { vendorText: node.details!.name });
    const groups = space.groups as { id: string; rows: number; shown: number; more: boolean; items: unknown[] }[];
    const large = groups.filter((g) => g.rows > 20);
    assert.ok(large.length > 0, 'a group of the large space has more than 20 rows');
    for (const group of large) assert.deepEqual([group.shown, group.items.length, group.more], [20, 20, true], group.id);
    const freshness = space.freshness as { fetchedAt: string; ageSeconds: number; refreshPending: boolean };
    assert.equal(freshness.fetchedAt, new Date(node.details!.fetchedAt).toISOString());
    assert.equal(freshness.refreshPending, false);
    assert.ok(JSON.stringify(space).length < 200_000, 'the answer is bounded');
  });

  it("a space whose name and description are an order to the model comes back only inside vendorText", async () => {
    const node = await fetchedRow('ACME integrations', ALUMIO_SANDBOX.spaces.hostile);
    sandbox.addFault({
      path: `/api/v1/spaces/${ALUMIO_SANDBOX.spaces.hostile}`,
      kind: 'status',
      status: 200,
      body: { object: { ...ALUMIO_SEED_SPACE, identifier: ALUMIO_SANDBOX.spaces.hostile, name: PROMPT_INJECTION, description: PROMPT_INJECTION } },
    });
    await node.load({ refresh: true });
    assert.equal(node.details?.name, PROMPT_INJECTION);
    const space = await callWithoutRequests(sandbox, 'spaces_getSpace', { accountId: ACME, spaceId: ALUMIO_SANDBOX.spaces.hostile });
    assert.deepEqual([space.name, space.description], [{ vendorText: PROMPT_INJECTION }, { vendorText: PROMPT_INJECTION }]);
    assert.deepEqual(outsideVendorText(space).filter((text) => text.includes('rm -rf') || text.includes('Ignore previous')), []);
    const found = await callWithoutRequests(sandbox, 'spaces_findSpaces', { words: 'ignore previous' });
    assert.deepEqual(found.matches, [{ accountId: ACME, spaceId: { vendorText: ALUMIO_SANDBOX.spaces.hostile }, name: { vendorText: PROMPT_INJECTION }, status: { vendorText: 'Active' }, from: 'fetched' }]);
    assert.deepEqual(outsideVendorText(found).filter((text) => text.includes('rm -rf')), []);
  });

  it('refuses an unknown account or space in words, asking no server', async () => {
    const unknownAccount = await callWithoutRequests(sandbox, 'spaces_getSpace', { accountId: 'nobody', spaceId: ALUMIO_SANDBOX.spaces.seed });
    assert.match(unknownAccount.error ?? '', /^No account with the id "nobody" is configured: nothing was read\./);
    for (const spaceId of ['no-such-space', '../../etc/passwd', '?token=x#', ALUMIO_SANDBOX.spaces.echo]) {
      const unknownSpace = await callWithoutRequests(sandbox, 'spaces_getSpace', { accountId: ACME, spaceId });
      assert.match(unknownSpace.error ?? '', /^Account "acme-alumio" does not show a space with this id, as far as is known: nothing was fetched\./, spaceId);
    }
    for (const name of ['spaces_findSpaces', 'spaces_recentChanges']) {
      const refused = await callWithoutRequests(sandbox, name, { accountId: 'nobody' });
      assert.match(refused.error ?? '', /^No account with the id "nobody" is configured/, name);
    }
    assert.ok(!sandbox.received.some((r) => r.url.includes('passwd') || r.url.includes(ALUMIO_SANDBOX.spaces.echo)));
  });

  it('refuses hostile input before reading anything, saying what is wrong', async () => {
    const hostile: [string, object, RegExp][] = [
      ['spaces_listAccounts', { baseUrl: 'https://evil.example', credentialsFromEnv: { token: 'HOME' } }, /unknown field\(s\) baseUrl, credentialsFromEnv/],
      ['spaces_findSpaces', { words: 'x'.repeat(10_000) }, /words is too long or too large \(at most 200\)/],
      ['spaces_findSpaces', { words: { toString: 'acme' } }, /words must be text/],
      ['spaces_findSpaces', { accountId: 'ACME\u202Eevil' }, /accountId is not in the form expected/],
      ['spaces_getSpace', { accountId: ACME, spaceId: 's'.repeat(1000) }, /spaceId is too long/],
      ['spaces_getSpace', { accountId: ACME, spaceId: ALUMIO_SANDBOX.spaces.seed, refresh: 'please' }, /refresh must be true or false/],
      ['spaces_recentChanges', { limit: 1e9 }, /limit is too long or too large \(at most 200\)/],
    ];
    for (const [name, input, problem] of hostile) {
      const refused = await callWithoutRequests(sandbox, name, input);
      assert.match(refused.error ?? '', problem, name);
      assert.deepEqual(Object.keys(refused), ['error']);
    }
  });
});
