// The Spaces tree's rows against the sandbox, with the demo accounts and a broken entry: each account with
// its vendor, each vendor's spaces by name with their groups, Blueworks' subspaces and long groups paged with
// "Load more", and a long Onedata listing shown at once (ids first) and paged.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { accountEntry } from '../sandbox/builders';
import type { Sandbox } from '../sandbox/server';
import { BLUEWORKS_SANDBOX } from '../sandbox/vendors/blueworks';
import { ONEDATA_SANDBOX } from '../sandbox/vendors/onedata';
import type { SpaceNode } from '../../src/tree/nodes/spaceNode';
import { api, eventually, inlineActionsFor, labelsOf, rows, setAccounts, spacesOf, useDemoTree, type Row } from './support';

describe('the Spaces tree against the sandbox: accounts, their spaces and their groups', function () {
  let sandbox: Sandbox;
  useDemoTree(this, (started) => (sandbox = started));

  it('shows every account with its vendor, and the broken entry as a config row', async () => {
    const roots = await rows();
    assert.deepEqual(
      roots.map((r) => [r.label, r.item.description]),
      [
        ['ACME integrations', 'Alumio'],
        ['Team knowledge', 'Sharely.ai'],
        ['ML evaluation', 'Openlayer'],
        ['Research data', 'Onedata'],
        ['Process design', 'IBM Blueworks Live'],
        ['config: Account "broken": "baseUrl" is required for this vendor', undefined],
      ],
    );
    // Nothing to retry on a settings entry: it offers the settings, and clicking it opens them too.
    assert.deepEqual(inlineActionsFor(String(roots[5]!.item.contextValue)), ['openSettings']);
    assert.equal(roots[5]!.item.command?.command, 'spaces.openSettings');
  });

  const cases = [
    { account: 'ACME integrations', space: 'ACME Production', status: 'Active', groups: ['Details'] },
    { account: 'Team knowledge', space: 'Sales Team Space', status: 'Active', groups: ['Details', 'Hosts', 'Guests', 'Conversation groups'] },
    { account: 'ML evaluation', space: 'Openlayer', status: 'Active', groups: ['Details', 'Monthly usage'] },
    { account: 'Research data', space: 'My Private space', status: 'Supported', groups: ['Details', 'Storage providers'] },
    {
      account: 'Process design',
      space: 'My Space',
      status: 'Active',
      groups: ['Details', 'Goals', 'Participants and permissions', 'Subspaces', 'Blueprints', 'Decisions', 'Policies', 'Process apps'],
    },
  ];
  for (const { account, space, status, groups } of cases) {
    it(`${account}: lists its spaces by name and their groups on expand`, async () => {
      const spaces = await spacesOf(account, [space]);
      const row = spaces.find((s) => s.label === space)!;
      assert.equal(row.item.description, status);
      assert.match(String(row.item.contextValue), /^space\./);
      assert.ok(row.item.tooltip instanceof vscode.MarkdownString);
      assert.equal((row.item.tooltip).isTrusted, false);
      assert.deepEqual(labelsOf(await rows(row.node)), groups);
    });
  }

  it('nests Blueworks subspaces as spaces and pages long groups with "Load more"', async () => {
    const spaces = await spacesOf('Process design', ['Large space']);
    const large = spaces.find((s) => s.label === 'Large space')!;
    const groups = await rows(large.node);
    const blueprints = groups.find((g) => g.label === 'Blueprints')!;
    assert.equal(blueprints.item.description, '1250');
    const page = await rows(blueprints.node);
    assert.equal(page.length, 201);
    assert.equal(page.at(-1)!.item.contextValue, 'loadMore');
    await vscode.commands.executeCommand('spaces.loadMore', page.at(-1)!.node);
    assert.equal((await rows(blueprints.node)).length, 401);

    const subspaces = await rows(groups.find((g) => g.label === 'Subspaces')!.node);
    assert.equal(subspaces.length, 200);
    assert.match(String(subspaces[0]!.item.contextValue), /^space\.blueworks\.sub/);
    // Not fetched until expanded or opened: the known name, and no spinner meanwhile.
    assert.equal(subspaces[0]!.label, 'Subspace 001');
    assert.equal(subspaces[0]!.item.description, undefined);
    // Group rows and their paging survive a redraw of the space.
    const again = await rows(large.node);
    assert.equal(again.find((g) => g.label === 'Blueprints')!.node, blueprints.node);
    assert.equal((await rows(blueprints.node)).length, 401);

    // A subspace row, once expanded, is fetched anew after its account's Refresh (and not left loading).
    const sub = subspaces[0]!.node as SpaceNode;
    assert.equal(sub.spaceId, BLUEWORKS_SANDBOX.largeSubspaceId(1));
    assert.ok((await rows(sub)).length > 0);
    assert.equal(sub.details?.name, 'Subspace 001');
    const account = (await rows()).find((r) => r.label === 'Process design')!;
    const mark = sandbox.received.length;
    await vscode.commands.executeCommand('spaces.refresh', account.node);
    await rows(account.node);
    const subspacesNow = await rows((await rows(large.node)).find((g) => g.label === 'Subspaces')!.node);
    assert.equal(subspacesNow[0]!.node, sub, 'the subspace row was kept');
    assert.equal(sub.stale, true);
    assert.ok((await rows(sub)).every((r) => !String(r.item.contextValue).startsWith('error')));
    assert.equal(sub.stale, false);
    assert.ok(sandbox.received.slice(mark).some((r) => r.url.startsWith(`/bwl/spaces/${BLUEWORKS_SANDBOX.largeSubspaceId(1)}?`)), 'the subspace was not fetched again');
  });
});

describe('the Spaces tree against the sandbox: a long account listing', function () {
  let sandbox: Sandbox;
  useDemoTree(this, (started) => (sandbox = started));

  it("shows a Onedata account's rows as soon as its listing arrives, ids first, and fetches only the shown page's details", async () => {
    process.env.SPACES_TEST_ONEDATA_BULK = ONEDATA_SANDBOX.bulkToken;
    // The details wait until the test lets them go: what the tree shows before any name is known.
    // (Before the paging test below, which would leave the bulk account's answers in the cache.)
    sandbox.addFault({ path: '/api/v3/onezone/user/effective_spaces/', kind: 'hold' });
    try {
      await setAccounts([accountEntry('onedata', sandbox.url, 'rows-first', { credentialsFromEnv: { token: 'SPACES_TEST_ONEDATA_BULK' } })]);
      const account = (await eventually(() => rows(), (r) => r[0]?.label === 'rows-first'))[0]!;
      const page = await rows(account.node);
      assert.equal(page.length, 201, 'the first page and "Load more", with every detail still held');
      assert.equal(page[0]!.label, 'bulk-0001', 'the id until the name is known');
      const listings = sandbox.received.filter((r) => r.url === '/api/v3/onezone/user/effective_spaces');
      assert.equal(listings.length, 1);
      await eventually(() => sandbox.held, (held) => held > 0, 'the first details to be asked for');
      sandbox.clearFaults();
      sandbox.release();
      const named = await eventually(
        () => rows(account.node),
        (list) => list.slice(0, 200).every((r) => /^Bulk space \d{4}$/.test(r.label)),
        "the page's names",
        20_000,
      );
      assert.equal(named[0]!.label, 'Bulk space 0001');
      const details = () => new Set(sandbox.received.filter((r) => r.url.startsWith('/api/v3/onezone/user/effective_spaces/')).map((r) => r.url)).size;
      assert.equal(details(), 200, 'the details of the shown page only, not of all 500');
      await vscode.commands.executeCommand('spaces.loadMore', named.at(-1)!.node);
      // One of the second page's spaces answers 500: its row keeps its id and says why.
      const second = (list: Row[]) => list.slice(0, 400).filter((r) => r.label !== ONEDATA_SANDBOX.spaces.broken);
      await eventually(() => rows(account.node), (list) => second(list).length === 399 && second(list).every((r) => /^Bulk space/.test(r.label)), "the second page's names", 20_000);
      assert.equal(details(), 400);
    } finally {
      // Nothing left waiting for the tests after this one.
      sandbox.clearFaults();
      sandbox.release();
    }
  });

  it('asks for the details of the rows in view first, and for the rest after them', async () => {
    process.env.SPACES_TEST_ONEDATA_BULK4 = ONEDATA_SANDBOX.moreBulkTokens[2];
    const asked = () => sandbox.received.filter((r) => r.url.startsWith('/api/v3/onezone/user/effective_spaces/')).map((r) => r.url.split('/').at(-1));
    const inView = Array.from({ length: 20 }, (_, i) => `bulk4-${String(i + 1).padStart(4, '0')}`);
    // The last row in view answers only when the test lets it.
    sandbox.addFault({ path: '/api/v3/onezone/user/effective_spaces/bulk4-0020', kind: 'hold' });
    try {
      await setAccounts([accountEntry('onedata', sandbox.url, 'in-view-first', { credentialsFromEnv: { token: 'SPACES_TEST_ONEDATA_BULK4' } })]);
      const account = (await eventually(() => rows(), (r) => r[0]?.label === 'in-view-first'))[0]!;
      await rows(account.node);
      await eventually(() => rows(account.node), (list) => list.slice(0, 19).every((r) => /^Bulk space 4\.\d{4}$/.test(r.label)), 'the first 19 names');
      assert.equal(sandbox.held, 1);
      // Six connections answer in any order: which were asked for first is what counts.
      assert.deepEqual(asked().slice(0, 20).sort(), inView, 'the rows in view first');
      sandbox.clearFaults();
      sandbox.release();
      await eventually(() => asked().length, (n) => n === 200, "the rest of the page's details", 20_000);
    } finally {
      sandbox.clearFaults();
      sandbox.release();
    }
  });

  it('asks for none of the rest of a page once its account is hidden while the rows in view load', async () => {
    process.env.SPACES_TEST_ONEDATA_BULK4 = ONEDATA_SANDBOX.moreBulkTokens[2];
    process.env.SPACES_TEST_ONEDATA_BULK = ONEDATA_SANDBOX.bulkToken;
    const askedOfHidden = () => sandbox.received.filter((r) => r.url.startsWith('/api/v3/onezone/user/effective_spaces/bulk4-'));
    // A new HTTP client (another cache TTL): the test before this one fetched these spaces.
    await vscode.workspace.getConfiguration('spaces').update('cacheTtlSeconds', 298, vscode.ConfigurationTarget.Global);
    sandbox.addFault({ path: '/api/v3/onezone/user/effective_spaces/', kind: 'hold' });
    try {
      const token = (variable: string) => ({ credentialsFromEnv: { token: variable } });
      await setAccounts([accountEntry('onedata', sandbox.url, 'hidden-mid-page', token('SPACES_TEST_ONEDATA_BULK4')), accountEntry('onedata', sandbox.url, 'after-it', token('SPACES_TEST_ONEDATA_BULK'))]);
      const [hidden, after] = await eventually(() => rows(), (r) => r.length === 2);
      await rows(hidden!.node);
      await eventually(() => sandbox.held, (held) => held === 6, 'the first rows in view asked for');
      await vscode.commands.executeCommand('spaces.hideAccount', { accountId: 'hidden-mid-page' });
      await eventually(() => rows(), (r) => labelsOf(r).join() === 'after-it', 'the account hidden');
      sandbox.release();
      // Requests go out in order: once the next account's listing has come, any of the hidden one's would have.
      await eventually(() => rows(after!.node), (r) => r.length > 20, "the other account's listing");
      const beyondView = askedOfHidden().filter((r) => Number(r.url.slice(-4)) > 20);
      assert.equal(beyondView.length, 0, `${beyondView.length} requests for rows beyond the view of the hidden account`);
    } finally {
      sandbox.clearFaults();
      sandbox.release();
      const { tree } = await api();
      await tree.hidden.showOnly(['hidden-mid-page', 'after-it'], ['hidden-mid-page', 'after-it']);
      await vscode.workspace.getConfiguration('spaces').update('cacheTtlSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('pages a long account listing with "Load more"', async () => {
    process.env.SPACES_TEST_ONEDATA_BULK = ONEDATA_SANDBOX.bulkToken;
    await setAccounts([accountEntry('onedata', sandbox.url, 'bulk', { credentialsFromEnv: { token: 'SPACES_TEST_ONEDATA_BULK' } })]);
    const account = (await eventually(() => rows(), (r) => r[0]?.label === 'bulk'))[0]!;
    const page = await rows(account.node);
    assert.equal(page.length, 201);
    assert.equal(page.at(-1)!.item.contextValue, 'loadMore');
    assert.match(page.at(-1)!.label, /300 more/);
    await vscode.commands.executeCommand('spaces.loadMore', page.at(-1)!.node);
    assert.equal((await rows(account.node)).length, 401);
  });
});
