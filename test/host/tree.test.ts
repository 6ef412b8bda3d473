import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { demoProfile } from '../sandbox/demo';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { ALUMIO_SANDBOX, ALUMIO_SEED_SPACE } from '../sandbox/vendors/alumio';
import { ONEDATA_SANDBOX } from '../sandbox/vendors/onedata';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Config } from '../../src/config/config';
import { LastKnownTree } from '../../src/services/lastKnown';
import { SpacesTreeProvider } from '../../src/tree/provider';
import { TreeFilter } from '../../src/tree/filter';
import type { TreeNode } from '../../src/tree/nodes/treeNode';
import type { AccountNode } from '../../src/tree/nodes/accountNode';
import type { SpaceNode } from '../../src/tree/nodes/spaceNode';
import { api, contextMenuFor, eventually, inlineActionsFor, rows, setAccounts, type Row } from './support';

/** The account row with `label`, expanded: its space rows once every name has replaced its id. */
async function spacesOf(accountLabel: string, expectNames: readonly string[]): Promise<Row[]> {
  const account = (await rows()).find((r) => r.label === accountLabel);
  assert.ok(account, `no account row "${accountLabel}"`);
  return eventually(
    () => rows(account.node),
    (spaces) => expectNames.every((name) => spaces.some((s) => s.label === name && s.item.description !== 'loading…')),
  );
}

/** The inline actions the manifest's menus show on a tree row of `contextValue` (the `viewItem` clauses we use). */
function labelsOf(list: readonly Row[]): string[] {
  return list.map((r) => r.label);
}

describe('the Spaces tree against the sandbox', function () {
  this.timeout(60_000);
  let sandbox: Sandbox;

  before(async () => {
    sandbox = await startSandbox();
    const profile = demoProfile(sandbox.url);
    // credentialsFromEnv reads the extension host's environment: this very process.
    Object.assign(process.env, profile.env);
    await setAccounts([...profile.accounts, { id: 'broken', vendor: 'alumio' }]);
    await eventually(() => rows(), (r) => r.length === 6);
  });

  after(async () => {
    await setAccounts([]);
    await sandbox?.close();
  });

  afterEach(() => sandbox.reset());

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
        [roots[5]!.label, undefined],
      ],
    );
    assert.match(roots[5]!.label, /^config: Account "broken": "baseUrl" is required/);
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
    assert.ok(sandbox.received.slice(mark).some((r) => r.url.startsWith(`/bwl/spaces/${sub.spaceId}?`)), 'the subspace was not fetched again');
  });

  it("shows a Onedata account's rows as soon as its listing arrives, ids first, and fetches only the shown page's details", async () => {
    process.env.SPACES_TEST_ONEDATA_BULK = ONEDATA_SANDBOX.bulkToken;
    // The details wait until the test lets them go: what the tree shows before any name is known.
    // (Before the paging test below, which would leave the bulk account's answers in the cache.)
    sandbox.addFault({ path: '/api/v3/onezone/user/effective_spaces/', kind: 'hold' });
    try {
      await setAccounts([{ id: 'rows-first', vendor: 'onedata', baseUrl: sandbox.url, credentialsFromEnv: { token: 'SPACES_TEST_ONEDATA_BULK' } }]);
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

  it('pages a long account listing with "Load more"', async () => {
    process.env.SPACES_TEST_ONEDATA_BULK = ONEDATA_SANDBOX.bulkToken;
    await setAccounts([{ id: 'bulk', vendor: 'onedata', baseUrl: sandbox.url, credentialsFromEnv: { token: 'SPACES_TEST_ONEDATA_BULK' } }]);
    const account = (await eventually(() => rows(), (r) => r[0]?.label === 'bulk'))[0]!;
    const page = await rows(account.node);
    assert.equal(page.length, 201);
    assert.equal(page.at(-1)!.item.contextValue, 'loadMore');
    assert.match(page.at(-1)!.label, /300 more/);
    await vscode.commands.executeCommand('spaces.loadMore', page.at(-1)!.node);
    assert.equal((await rows(account.node)).length, 401);
  });

  /**
   * Two windows of one tree, one after the other (a window reload), over the demo's accounts: each its own
   * provider and its own last known tree, both kept in one file. `open` makes the next window and finds the
   * account row labelled so.
   */
  async function reloadable() {
    const { tree } = await api();
    await setAccounts(demoProfile(sandbox.url).accounts);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'spaces-last-known-')), 'tree.json');
    const config = new Config(vscode.window.createOutputChannel('spaces-test', { log: true }));
    const windows: SpacesTreeProvider[] = [];
    return {
      open: async (accountLabel: string) => {
        const lastKnown = new LastKnownTree(file, 0);
        const provider = new SpacesTreeProvider(config, tree.service, tree.extensionUri, { lastKnown, pins: tree.pins, statuses: tree.statuses });
        windows.push(provider);
        const roots = await provider.getChildren();
        return { lastKnown, provider, account: roots.find((r) => provider.getTreeItem(r).label === accountLabel) as AccountNode };
      },
      labelled: (provider: SpacesTreeProvider, nodes: TreeNode[]) => nodes.map((n) => provider.getTreeItem(n)).map((i) => [i.label, i.description]),
      close: async () => {
        sandbox.clearFaults();
        sandbox.release();
        for (const provider of windows) provider.dispose();
        config.dispose();
        await vscode.workspace.getConfiguration('spaces').update('cacheTtlSeconds', undefined, vscode.ConfigurationTarget.Global);
      },
    };
  }
  /** The reload: a new HTTP client (no cache), and the vendor holds every answer under `prefix`. */
  async function reloadHolding(prefix: string): Promise<void> {
    await vscode.workspace.getConfiguration('spaces').update('cacheTtlSeconds', 298, vscode.ConfigurationTarget.Global);
    sandbox.reset();
    sandbox.addFault({ path: prefix, kind: 'hold' });
  }
  const notRefreshed = (description: unknown) => typeof description === 'string' && description.endsWith('(not yet refreshed)');

  it('after a window reload, shows the last known rows at once (marked, expanded as before) while every answer is held, then the fresh ones', async () => {
    const windows = await reloadable();
    const { labelled } = windows;
    try {
      const before = await windows.open('Research data');
      const shown = await eventually(
        async () => labelled(before.provider, await before.provider.getChildren(before.account)),
        (list) => list.length > 0 && list.every(([, description]) => description !== undefined && description !== 'loading…'),
        'the names and statuses',
      );
      before.lastKnown.setExpanded(before.account.id, true);
      await before.lastKnown.flush();

      await reloadHolding('/api/v3/onezone/');
      const after = await windows.open('Research data');
      assert.equal(after.provider.getTreeItem(after.account).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
      const remembered = labelled(after.provider, await after.provider.getChildren(after.account));
      assert.deepEqual(
        remembered.map(([label]) => label),
        shown.map(([label]) => label),
        'the names known before, at once',
      );
      assert.ok(remembered.every(([, description]) => notRefreshed(description)), JSON.stringify(remembered));
      // Every request the new window made is still held: the rows needed no answer.
      const made = () => sandbox.received.filter((r) => r.url.startsWith('/api/v3/onezone/')).length;
      await eventually(() => sandbox.held, (held) => held === made(), 'every request to be held');

      sandbox.clearFaults();
      sandbox.release();
      const fresh = await eventually(
        async () => labelled(after.provider, await after.provider.getChildren(after.account)),
        (list) => list.every(([, description]) => !notRefreshed(description) && description !== 'loading…'),
        'the fresh rows',
      );
      assert.deepEqual(fresh, shown);
    } finally {
      await windows.close();
    }
  });

  it('after a window reload, a listing that comes before the view reads the account (Alumio lists without asking) still shows the last known rows, and a space restored expanded does not hold up the tree', async () => {
    const windows = await reloadable();
    const { labelled } = windows;
    try {
      const before = await windows.open('ACME integrations');
      const [space] = await eventually(
        () => before.provider.getChildren(before.account),
        (list) => list.length > 0 && list.every((row) => before.provider.getTreeItem(row).description !== 'loading…'),
        'the names and statuses',
      );
      before.lastKnown.setExpanded(before.account.id, true);
      before.lastKnown.setExpanded(space!.id, true);
      await before.lastKnown.flush();

      await reloadHolding('/api/v1/spaces/');
      const after = await windows.open('ACME integrations');
      // Before the view draws the account: a restored panel following itself into the tree lists it.
      await after.account.listing();
      const remembered = await after.provider.getChildren(after.account);
      assert.ok(labelled(after.provider, remembered).every(([, description]) => notRefreshed(description)), JSON.stringify(labelled(after.provider, remembered)));
      const restored = remembered.find((row) => row.id === space!.id)!;
      assert.equal(after.provider.getTreeItem(restored).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
      // VS Code draws nothing above an expanded row until its rows come: they must not wait for the vendor.
      let children: TreeNode[] | undefined;
      void after.provider.getChildren(restored).then((rows) => (children = rows));
      const made = () => sandbox.received.filter((r) => r.url.startsWith('/api/v1/spaces/')).length;
      await eventually(() => sandbox.held, (held) => held > 0 && held === made(), 'the details to be asked for and held');
      await eventually(() => children, (rows) => rows !== undefined, "the restored space's rows while its details are held");
    } finally {
      await windows.close();
    }
  });

  it('pins spaces of any account into "Pinned" at the top, in the order pinned; Unpin and removing the account take them away', async () => {
    const { tree } = await api();
    const research = (await spacesOf('Research data', ['My Private space'])).find((r) => r.label === 'My Private space')!;
    await spacesOf('ACME integrations', ['ACME Production']);
    const profile = demoProfile(sandbox.url);
    try {
      assert.deepEqual(contextMenuFor(String(research.item.contextValue)).filter((c) => c.includes('pin')), ['pin']);
      // From the row (the tree's menu), then by ids (a link or a keybinding): both resolved from the settings.
      await vscode.commands.executeCommand('spaces.pin', research.node);
      await vscode.commands.executeCommand('spaces.pin', { accountId: 'acme-alumio', spaceId: ALUMIO_SANDBOX.spaces.seed });
      await vscode.commands.executeCommand('spaces.pin', research.node); // pinned already: nothing changes
      const roots = await rows();
      assert.deepEqual(labelsOf(roots).slice(0, 2), ['Pinned', 'ACME integrations']);
      assert.equal(roots[0]!.item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
      const pinned = await eventually(
        () => rows(roots[0]!.node),
        (r) => r.length === 2 && r.every((row) => row.item.description !== undefined && !String(row.item.description).startsWith('loading')),
        'two pinned rows with their status',
      );
      // In the order pinned, each saying its account; the ids name the account, so no two rows share one.
      assert.deepEqual(
        pinned.map((r) => [r.label, r.item.description]),
        [
          ['My Private space', 'Supported · Research data'],
          ['ACME Production', 'Active · ACME integrations'],
        ],
      );
      assert.deepEqual(
        pinned.map((r) => r.item.id),
        [`pinned/account:research-onedata/space:${ONEDATA_SANDBOX.spaces.seed}`, `pinned/account:acme-alumio/space:${ALUMIO_SANDBOX.spaces.seed}`],
      );
      // The space's rows now offer Unpin instead of Pin, in the group and under its account.
      for (const row of [pinned[0]!, (await rows(research.node.parent)).find((r) => r.label === 'My Private space')!]) {
        assert.deepEqual(contextMenuFor(String(row.item.contextValue)).filter((c) => c.includes('pin')), ['unpin'], row.item.id);
      }

      await vscode.commands.executeCommand('spaces.unpin', pinned[0]!.node);
      assert.deepEqual(labelsOf(await rows((await rows())[0]!.node)), ['ACME Production']);
      // The account removed, its pin goes with it, and the group with its last pin.
      await setAccounts(profile.accounts.filter((a) => a.id !== 'acme-alumio'));
      await eventually(() => tree.pins.all(), (pins) => pins.length === 0, 'the pin to go with its account');
      assert.notEqual((await rows())[0]!.label, 'Pinned');
    } finally {
      for (const pin of [...tree.pins.all()]) await tree.pins.unpin(pin.accountId, pin.spaceId);
      await setAccounts([...profile.accounts, { id: 'broken', vendor: 'alumio' }]);
      await eventually(() => rows(), (r) => r.length === 6);
    }
  });

  it('draws a matching account expanded from the first drawing under the filter (a redraw during the reveal cannot collapse it), and collapsed once the user collapses it', async () => {
    const { tree, view } = await api();
    const before = vscode.workspace.getConfiguration('spaces').get<unknown[]>('accounts', []);
    // An id this window has never expanded, so nothing remembered expands it.
    const acme = { ...demoProfile(sandbox.url).accounts.find((a) => a.id === 'acme-alumio')!, id: 'filter-expanded' };
    await setAccounts([acme]);
    await vscode.commands.executeCommand('spaces.explorer.focus');
    await eventually(() => view.visible, (visible) => visible, 'the view on screen');
    try {
      tree.setFilter('acme production');
      // Read in the same turn as the drawing that first shows it: before the reveal's expansion comes back.
      const [account] = await eventually(() => tree.getChildren(), (nodes) => nodes.length === 1, 'the matching account');
      assert.equal(tree.getTreeItem(account!).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
      // On screen and expanded (a reveal settles once the row is drawn), then collapsed as a user does.
      await view.reveal(account!, { select: false, focus: false, expand: true });
      await vscode.commands.executeCommand('workbench.actions.treeView.spaces.explorer.collapseAll');
      await eventually(() => tree.getTreeItem(account!).collapsibleState, (state) => state === vscode.TreeItemCollapsibleState.Collapsed, 'the row drawn collapsed');
    } finally {
      tree.setFilter('');
      await setAccounts(before);
    }
  });

  it('filters to the spaces whose name, id or status matches, across accounts, hiding accounts without a match; an unnamed row matches by id only', async () => {
    const { tree } = await api();
    process.env.SPACES_TEST_ONEDATA_BULK = ONEDATA_SANDBOX.bulkToken;
    const profile = demoProfile(sandbox.url);
    const bulk = { id: 'filtered-bulk', label: 'Bulk', vendor: 'onedata', baseUrl: sandbox.url, credentialsFromEnv: { token: 'SPACES_TEST_ONEDATA_BULK' } };
    await setAccounts([...profile.accounts, bulk, { id: 'broken', vendor: 'alumio' }]);
    await eventually(() => rows(), (r) => r.length === 7);
    try {
      // Every word must match: every account is listed for the filter, and only ACME's has such a space.
      tree.setFilter('acme PRODUCTION');
      const roots = await eventually(() => rows(), (r) => labelsOf(r).join() === 'ACME integrations', 'only the matching account', 20_000);
      // (It matches by its id, "acme-production", before its name is fetched.)
      await eventually(() => rows(roots[0]!.node), (r) => labelsOf(r).join() === 'ACME Production', 'the matching space by name');

      // By status, in whichever account: every row shown says it.
      tree.setFilter('supported');
      const byStatus = await eventually(() => rows(), (r) => labelsOf(r).includes('Research data'), 'the Onedata account', 20_000);
      const research = await eventually(() => rows(byStatus.find((r) => r.label === 'Research data')!.node), (r) => r.length > 0 && r.every((row) => row.item.description !== 'loading…'));
      assert.ok(research.every((row) => /supported/i.test(String(row.item.description))), JSON.stringify(research.map((r) => r.item.description)));

      // By id, beyond the first page (the filter names only that page, as expanding the account would).
      tree.setFilter('bulk-0450');
      const byId = await eventually(() => rows(), (r) => labelsOf(r).join() === 'Bulk', 'the bulk account alone', 20_000);
      const [row] = await rows(byId[0]!.node);
      assert.equal((row!.node as SpaceNode).spaceId, 'bulk-0450');
      // A name not fetched cannot match: such rows are counted, not guessed. Named: the first page and the match.
      const account = tree.accountNode('filtered-bulk')!;
      const listed = (await account.listing()) as SpaceNode[];
      const named = () => listed.filter((space) => space.known.name !== undefined).length;
      await eventually(named, (n) => n === 201, 'the first page and the match named', 20_000);
      assert.deepEqual(account.filterCounts(new TreeFilter('Bulk space 0460')), { matched: 0, unnamed: 299, failed: false });
      assert.deepEqual(account.filterCounts(new TreeFilter('Bulk space 0150')), { matched: 1, unnamed: 299, failed: false });

      // Pinned rows are filtered too.
      await vscode.commands.executeCommand('spaces.pin', { accountId: 'acme-alumio', spaceId: ALUMIO_SANDBOX.spaces.seed });
      assert.deepEqual(labelsOf(await rows()), ['Bulk']);
      tree.setFilter('acme');
      await eventually(() => rows(), (r) => labelsOf(r).join() === 'Pinned,ACME integrations', 'the pinned match and its account', 20_000);

      // Cleared: everything again, the broken entry too.
      tree.setFilter('');
      assert.equal((await rows()).length, 8);
    } finally {
      tree.setFilter('');
      for (const pin of [...tree.pins.all()]) await tree.pins.unpin(pin.accountId, pin.spaceId);
      await setAccounts([...profile.accounts, { id: 'broken', vendor: 'alumio' }]);
      await eventually(() => rows(), (r) => r.length === 6);
    }
  });

  it('a background refresh fetches the expanded account and the open panel anew, rows kept; a changed status is marked until seen', async () => {
    const { tree, view, panels, autoRefresh } = await api();
    const acme = (await rows()).find((r) => r.label === 'ACME integrations')!;
    const [before] = (await spacesOf('ACME integrations', ['ACME Production'])).filter((r) => r.label === 'ACME Production');
    // Expanded in the view, as a user does: what a background refresh refreshes.
    await view.reveal(acme.node, { expand: true, select: false, focus: true });
    await eventually(() => tree.lastKnown.isExpanded(acme.node.id), (expanded) => expanded, 'the expansion to be recorded');
    const path = `/api/v1/spaces/${ALUMIO_SANDBOX.spaces.seed}`;
    const fetches = () => sandbox.received.filter((r) => r.url === path).length;
    const row = () => rows(acme.node).then((list) => list.find((r) => r.item.id === before!.item.id)!);
    try {
      // Fetched anew first: the status the user has seen.
      const first = fetches();
      await vscode.commands.executeCommand('spaces.refresh', before!.node);
      await eventually(async () => [fetches(), (await row()).item.description], ([n, description]) => n === first + 1 && description === 'Active', 'a fresh fetch');
      // The vendor says the space failed; the refresh nobody asked for finds it.
      sandbox.addFault({ path, kind: 'status', status: 200, body: { object: { ...ALUMIO_SEED_SPACE, status: 'error' } } });
      const fetched = fetches();
      autoRefresh.now();
      const marked = await eventually(row, (r) => r?.item.description === 'Active → Error', 'the row marked');
      assert.equal(fetches(), fetched + 1);
      assert.equal(marked.node, before!.node, 'the same row, so it stays as it was (expanded or not)');
      assert.match((marked.item.tooltip as vscode.MarkdownString).value.replaceAll('&nbsp;', ' '), /Status changed since you last looked: Active → Error\./);
      // Selecting the row is looking at it.
      await view.reveal(marked.node, { select: true, focus: false });
      await eventually(row, (r) => r?.item.description === 'Error', 'the mark gone once seen');

      // An open panel refreshes too; on screen, its new status is seen as it comes: nothing to mark.
      sandbox.clearFaults();
      await vscode.commands.executeCommand('spaces.open', marked.node);
      const panel = panels.get('acme-alumio', ALUMIO_SANDBOX.spaces.seed)!;
      await eventually(() => panel.current?.status?.label, (label) => label !== undefined, 'the panel to show the space');
      autoRefresh.now();
      await eventually(() => panel.current?.status?.label, (label) => label === 'Active', 'the panel refreshed');
      assert.equal((await row()).item.description, 'Active');
    } finally {
      sandbox.clearFaults();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('says at the account that a credential is missing when there is no space to fetch', async () => {
    await setAccounts([{ id: 'nocreds', vendor: 'sharely', workspaceId: 'ws-1' }]);
    const account = (await eventually(() => rows(), (r) => r[0]?.label === 'nocreds'))[0]!;
    const [row] = await rows(account.node);
    assert.match(row!.label, /^config: No Workspace API key \(sk-sharely-…\) is set for this Sharely\.ai account/);
    assert.deepEqual(inlineActionsFor(String(row!.item.contextValue)), ['retry', 'setCredentials', 'openSettings', 'showLog']);
  });

  it('shows a failure as "<kind>: <message>" under the space, and Retry recovers', async () => {
    await setAccounts([{ id: 'solo', vendor: 'alumio', baseUrl: sandbox.url, spaces: [ALUMIO_SANDBOX.spaces.minimal], credentialsFromEnv: { token: 'SPACES_DEMO_ALUMIO_TOKEN' } }]);
    sandbox.addFault({ path: `/api/v1/spaces/${ALUMIO_SANDBOX.spaces.minimal}`, kind: 'status', status: 401 });
    const account = (await eventually(() => rows(), (r) => r.length === 1 && r[0]!.label === 'solo'))[0]!;
    // Anew, not from the cache an earlier test filled: the fault must be met.
    await vscode.commands.executeCommand('spaces.refreshAll');
    const [space] = await eventually(() => rows(account.node), (s) => s[0]?.item.description === 'auth');
    const [error] = await rows(space!.node);
    assert.match(error!.label, /^auth: Alumio did not accept/);
    assert.equal(error!.item.contextValue, 'error.auth.credentials');

    sandbox.clearFaults();
    await vscode.commands.executeCommand('spaces.retry', error!.node);
    const recovered = await eventually(() => rows(account.node), (s) => s[0]?.label === 'Minimal space');
    assert.equal(recovered[0]!.label, 'Minimal space');
  });

  it('announces a fetched space once: a cached answer gives back the same details and redraws nothing', async () => {
    const { tree } = await api();
    const spaceId = ALUMIO_SANDBOX.spaces.minimal;
    await setAccounts([{ id: 'once', vendor: 'alumio', baseUrl: sandbox.url, spaces: [spaceId], credentialsFromEnv: { token: 'SPACES_DEMO_ALUMIO_TOKEN' } }]);
    const { account } = (await eventually(() => rows(), (r) => r[0]?.label === 'once'))[0]!.node as AccountNode;
    const mark = sandbox.received.length;
    const announced: string[] = [];
    const listening = tree.service.onDidFetchSpace((details) => details.id === spaceId && announced.push(details.accountId));
    try {
      const first = await tree.service.getSpace(account, spaceId, { refresh: true });
      const cached = await tree.service.getSpace(account, spaceId);
      assert.equal(cached, first, 'a cache hit made new details');
      assert.equal(sandbox.received.slice(mark).filter((r) => r.url === `/api/v1/spaces/${spaceId}`).length, 1);
      const fresh = await tree.service.getSpace(account, spaceId, { refresh: true });
      assert.notEqual(fresh, first);
      assert.deepEqual(announced, [account.id, account.id]);
    } finally {
      listening.dispose();
    }
  });

  it("redraws a space's row when its panel fetches a newer copy", async () => {
    const spaceId = ALUMIO_SANDBOX.spaces.seed;
    await setAccounts([{ id: 'solo2', vendor: 'alumio', baseUrl: sandbox.url, spaces: [spaceId], credentialsFromEnv: { token: 'SPACES_DEMO_ALUMIO_TOKEN' } }]);
    sandbox.addFault({ path: `/api/v1/spaces/${spaceId}`, kind: 'status', status: 503, headers: { 'retry-after': '3600' } });
    const account = (await eventually(() => rows(), (r) => r[0]?.label === 'solo2'))[0]!;
    await vscode.commands.executeCommand('spaces.refreshAll');
    const [failed] = await eventually(() => rows(account.node), (s) => s[0]?.item.description === 'server');
    assert.equal(failed!.label, spaceId);

    sandbox.clearFaults();
    await vscode.commands.executeCommand('spaces.open', failed!.node);
    const { panels } = await api();
    const panel = await eventually(async () => panels.get('solo2', spaceId), (p) => p?.current !== undefined);
    assert.equal(panel?.current?.name, 'ACME Production');
    const [redrawn] = await eventually(() => rows(account.node), (s) => s[0]?.label === 'ACME Production');
    assert.equal(redrawn!.item.description, 'Active');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
