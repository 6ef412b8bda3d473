// How the Spaces tree groups and sorts its rows (Group By, Sort By): row ids unique and stable in every
// grouping, expansion kept across a switch, the status groups fetching no more than the rows shown would,
// and a sort that moves rows only once a page's details have all come.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { accountEntry } from '../sandbox/builders';
import type { Sandbox } from '../sandbox/server';
import { testProfile } from '../sandbox/testProfile';
import { ONEDATA_SANDBOX } from '../sandbox/vendors/onedata';
import type { TreeNode } from '../../src/tree/nodes/treeNode';
import type { SpaceNode } from '../../src/tree/nodes/spaceNode';
import { api, eventually, labelsOf, rows, setAccounts, settleAccounts, useDemoTree } from './support';

/** Every row the tree draws down to `depth` (1: the top rows), as VS Code asks for them. */
async function drawn(depth: number, parent?: TreeNode): Promise<TreeNode[]> {
  const { tree } = await api();
  const nodes = (await tree.getChildren(parent)) ?? [];
  if (depth <= 1) return nodes;
  const below = await Promise.all(nodes.map((node) => drawn(depth - 1, node)));
  return [...nodes, ...below.flat()];
}

const idsOf = (nodes: readonly TreeNode[]) => nodes.map((node) => node.id);
const duplicates = (ids: readonly string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);
/** The details' path of a Onedata space (the listing is `…/effective_spaces` alone). */
const ONEDATA_DETAILS = '/api/v3/onezone/user/effective_spaces/';

describe('the Spaces tree: Group By and Sort By', function () {
  let sandbox: Sandbox;
  useDemoTree(this, (started) => (sandbox = started));

  afterEach(async () => {
    const { tree } = await api();
    tree.arrange({ groupBy: 'account', sortBy: 'configured' });
    sandbox.clearFaults();
    sandbox.release();
  });

  it('gives every row a unique id, the same at every redraw, in each grouping; an account keeps its id, and its expansion, under its vendor', async () => {
    const { tree } = await api();
    tree.lastKnown.setExpanded('account:acme-alumio', true);
    const acme = tree.accountNode('acme-alumio')!;
    // Every account listed and its rows' details in first: the status groups place rows by them.
    await eventually(() => drawn(2), (nodes) => nodes.length > 12 && nodes.every((n) => tree.getTreeItem(n).description !== 'loading…'), 'every account expanded', 20_000);
    for (const groupBy of ['account', 'vendor', 'status'] as const) {
      tree.arrange({ groupBy });
      const first = await drawn(3);
      const again = await drawn(3);
      assert.deepEqual(duplicates(idsOf(first)), [], `${groupBy}: ids unique`);
      assert.deepEqual(idsOf(again), idsOf(first), `${groupBy}: the same ids at a redraw`);
    }
    tree.arrange({ groupBy: 'vendor' });
    const vendors = await rows();
    assert.deepEqual(labelsOf(vendors).slice(0, 5), ['Alumio', 'Sharely.ai', 'Openlayer', 'Onedata', 'IBM Blueworks Live']);
    const [underAlumio] = (await tree.getChildren(vendors[0]!.node)) ?? [];
    assert.equal(underAlumio, acme, 'the very row of the Account grouping');
    assert.equal(underAlumio?.id, 'account:acme-alumio');
    assert.equal(tree.getParent(acme), vendors[0]!.node);
    assert.equal(tree.getTreeItem(acme).collapsibleState, vscode.TreeItemCollapsibleState.Expanded, 'expanded as it was');
    tree.arrange({ groupBy: 'account' });
    assert.equal((await rows())[0]!.node, acme);
    assert.equal(tree.getParent(acme), undefined);
  });

  it('groups by status across accounts, worst first, naming each row\'s account; the rows beyond the first page are "Not yet known" and nothing is fetched for them', async () => {
    const { tree } = await api();
    process.env.SPACES_TEST_ONEDATA_BULK = ONEDATA_SANDBOX.bulkToken;
    const bulk = accountEntry('onedata', sandbox.url, 'grouped-bulk', { label: 'Bulk', credentialsFromEnv: { token: 'SPACES_TEST_ONEDATA_BULK' } });
    const profile = testProfile(sandbox.url);
    await setAccounts([bulk]);
    await eventually(() => rows(), (r) => labelsOf(r).join() === 'Bulk');
    try {
      sandbox.reset();
      tree.arrange({ groupBy: 'status' });
      // The listing and the page of 200 the account would show expanded: nothing more.
      await eventually(() => rows(), (r) => r.length > 0, 'the account listed', 20_000);
      const listed = (await tree.accountNode('grouped-bulk')!.listing()) as SpaceNode[];
      await eventually(() => listed.filter((row) => row.details ?? row.error).length, (n) => n === 200, 'the first page named', 20_000);
      assert.equal(sandbox.requests, 1 + 200);
      const groups = await eventually(() => rows(), (r) => r.find((g) => g.label === 'Not yet known')?.item.description === '300', 'the rows placed once the page came');
      const unknown = groups.find((r) => r.label === 'Not yet known')!;
      assert.equal(labelsOf(groups).at(-1), 'Not yet known', 'last');
      const shown = (await tree.getChildren(unknown.node)) as SpaceNode[];
      assert.equal(shown.filter((row) => 'spaceId' in row).length, 200, 'a page of them');
      assert.ok(shown.filter((row) => 'spaceId' in row).every((row) => !row.busy), 'none of them fetching');
      const [named] = groups;
      const [row] = (await tree.getChildren(named!.node)) as SpaceNode[];
      assert.match(row!.id, new RegExp(`^${named!.node.id}/account:grouped-bulk/space:bulk-\\d{4}$`));
      // The row names its account; its status only when the group's label does not already say it.
      assert.match(String(tree.getTreeItem(row!).description), /(^| · )Bulk$/, 'the row names its account');
      assert.ok(!String(tree.getTreeItem(row!).description).includes(named!.label), 'the status is not repeated');

      // The demo's accounts: a status shared by two vendors is one group, worst first.
      await setAccounts([...profile.accounts, bulk]);
      const mixed = await eventually(() => rows(), (r) => r.some((g) => g.label === 'Active') && r.length > 3, 'groups of every account', 20_000);
      const active = await eventually(() => tree.getChildren(mixed.find((g) => g.label === 'Active')!.node), (list) => list.length > 1, 'the active spaces');
      const accounts = new Set((active as SpaceNode[]).map((row) => row.account.id));
      assert.ok(accounts.size > 1, `spaces of several accounts: ${[...accounts].join()}`);
      // Worst first; then the spaces fetched without a status (the minimal fixtures), then those not yet known.
      const labels = labelsOf(mixed);
      assert.deepEqual(labels.slice(-2), ['No status', 'Not yet known']);
      const ranks = mixed.slice(0, -2).map((g) => ['error', 'warning', 'circle-large-outline', 'pass-filled'].indexOf((g.item.iconPath as vscode.ThemeIcon).id));
      assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), `worst first: ${labels.join()}`);
      const statusless = (await tree.getChildren(mixed.at(-2)!.node)) as SpaceNode[];
      assert.ok(statusless.length > 0 && statusless.every((row) => row.details !== undefined && row.known.status === undefined));
    } finally {
      await setAccounts([...profile.accounts, { id: 'broken', vendor: 'alumio' }]);
      await eventually(() => rows(), (r) => r.length === 6);
    }
  });

  it('moves no row when the tree is only drawn again: a space renamed meanwhile keeps its place until Refresh', async () => {
    const { tree } = await api();
    const research = testProfile(sandbox.url).accounts.find((a) => a.id === 'research-onedata')!;
    await setAccounts([{ ...research, id: 'resorted-onedata' }]);
    const [account] = await eventually(() => rows(), (r) => labelsOf(r).join() === 'Research data');
    tree.arrange({ sortBy: 'name' });
    const collator = new Intl.Collator(vscode.env.language, { numeric: true, sensitivity: 'base' });
    const isSorted = (labels: string[]) => labels.length > 3 && labels.join() === [...labels].sort(collator.compare).join();
    const sorted = await eventually(() => rows(account!.node), (r) => isSorted(labelsOf(r)), 'sorted by name');
    const first = sorted[0]!.node as SpaceNode;
    sandbox.addFault({ path: `${ONEDATA_DETAILS}${first.spaceId}`, kind: 'status', status: 200, body: { spaceId: first.spaceId, name: 'Zz renamed', providers: {}, creator: { type: 'nobody', id: null }, creationTime: 1700000000 } });
    // Renamed by its own Refresh, waited for without drawing the account (which would count as its answer arriving).
    await vscode.commands.executeCommand('spaces.refresh', first);
    await eventually(async () => first.known.name, (name) => name === 'Zz renamed' && !first.busy, 'the row renamed');
    // Drawn again, as a filter or a whole redraw does, with every answer at hand: nothing moves.
    await rows(account!.node);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal((await rows(account!.node))[0]?.label, 'Zz renamed', 'the renamed row stays where the user saw it');
    // Refresh of the account brings its page anew: now it settles.
    await vscode.commands.executeCommand('spaces.refresh', account!.node);
    await eventually(() => rows(account!.node), (r) => r.at(-1)?.label === 'Zz renamed' && isSorted(labelsOf(r)), 'sorted anew after Refresh');
  });

  it('keeps an account\'s rows sorted while status groups show them, for when the grouping changes back', async () => {
    const { tree } = await api();
    const research = testProfile(sandbox.url).accounts.find((a) => a.id === 'research-onedata')!;
    // A new HTTP client (another cache TTL): the details come while the status groups show the rows.
    await vscode.workspace.getConfiguration('spaces').update('cacheTtlSeconds', 296, vscode.ConfigurationTarget.Global);
    try {
      tree.arrange({ groupBy: 'status', sortBy: 'name' });
      await setAccounts([{ ...research, id: 'regrouped-onedata' }]);
      await eventually(() => rows(), (r) => r.length > 1 && !labelsOf(r).includes('Not yet known'), 'every row placed by its status');
      tree.arrange({ groupBy: 'account' });
      const [account] = await eventually(() => rows(), (r) => labelsOf(r).join() === 'Research data');
      const named = labelsOf(await rows(account!.node)).filter((label) => !/^[0-9a-f-]{20,}$|-space$/.test(label));
      const collator = new Intl.Collator(vscode.env.language, { numeric: true, sensitivity: 'base' });
      assert.deepEqual(named, [...named].sort(collator.compare), 'sorted by name at once');
    } finally {
      await vscode.workspace.getConfiguration('spaces').update('cacheTtlSeconds', undefined, vscode.ConfigurationTarget.Global);
      await setAccounts([...testProfile(sandbox.url).accounts, { id: 'broken', vendor: 'alumio' }]);
      await eventually(() => rows(), (r) => r.length === 6);
    }
  });

  it('sorts by name once the page\'s details have all come, not as each name arrives; rows not yet named stay last, as listed', async () => {
    const { tree } = await api();
    const research = testProfile(sandbox.url).accounts.find((a) => a.id === 'research-onedata')!;
    // The view may still be fetching the demo's Research, with the same token and ids as the account below:
    // let it finish, so the six requests held further down are that account's own.
    await settleAccounts(['research-onedata']);
    // A new HTTP client (another cache TTL): no answer of an earlier test is at hand.
    await vscode.workspace.getConfiguration('spaces').update('cacheTtlSeconds', 297, vscode.ConfigurationTarget.Global);
    await setAccounts([{ ...research, id: 'sorted-onedata' }]);
    const [account] = await eventually(() => rows(), (r) => labelsOf(r).join() === 'Research data');
    sandbox.addFault({ path: ONEDATA_DETAILS, kind: 'hold' });
    try {
      tree.arrange({ sortBy: 'name' });
      // Listed by id: no names yet, so the listing's order.
      const listed = labelsOf(await eventually(() => rows(account!.node), (r) => r.length > 3, 'the listing'));
      // The first answers wait (6 at a time, the per-origin cap): one of them, the furthest down, comes.
      await eventually(() => sandbox.held, (held) => held === 6, 'the first rows asking for their details');
      // The six held are the last requests (earlier tests asked for these spaces too).
      const asked = sandbox.received.slice(-6).map((r) => r.url.slice(ONEDATA_DETAILS.length)).filter((id) => listed.includes(id));
      const furthest = listed[Math.max(...asked.map((id) => listed.indexOf(id)))]!;
      assert.ok(listed.indexOf(furthest) > 0);
      sandbox.release(`${ONEDATA_DETAILS}${furthest}`);
      const one = await eventually(() => rows(account!.node), (r) => !labelsOf(r).includes(furthest), 'that row named');
      assert.equal(one.length, listed.length);
      assert.deepEqual(labelsOf(one).map((label, i) => (listed[i] === furthest ? furthest : label)), listed, 'named where it was: no row moved');

      // The page's other answers come: now the rows settle into the sort, unnamed ones (a failure) last.
      sandbox.clearFaults();
      sandbox.release();
      const collator = new Intl.Collator(vscode.env.language, { numeric: true, sensitivity: 'base' });
      const settled = await eventually(
        () => rows(account!.node),
        (r) => {
          const named = r.filter((row) => !listed.includes(row.label)).map((row) => row.label);
          return named.length > 3 && named.join() === [...named].sort(collator.compare).join() && labelsOf(r).slice(0, named.length).join() === named.join();
        },
        'sorted by name',
      );
      assert.notDeepEqual(labelsOf(settled), labelsOf(one), 'the order changed once');
    } finally {
      await vscode.workspace.getConfiguration('spaces').update('cacheTtlSeconds', undefined, vscode.ConfigurationTarget.Global);
      await setAccounts([...testProfile(sandbox.url).accounts, { id: 'broken', vendor: 'alumio' }]);
      await eventually(() => rows(), (r) => r.length === 6);
    }
  });
});
