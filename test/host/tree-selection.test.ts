// Acting on a selection of the Spaces view: a row's menu item run while several rows are selected gets
// VS Code's `(clicked, selected)` arguments, and every command follows one rule: the clicked row and the
// selection when the row is part of it, otherwise that row alone; only the view's own rows make a selection.
// Here the commands are run with the arguments VS Code would hand them; test/e2e/selection.test.mjs selects
// rows with the mouse in the real workbench.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Sandbox } from '../sandbox/server';
import { testProfile } from '../sandbox/testProfile';
import { ALUMIO_SANDBOX } from '../sandbox/vendors/alumio';
import { SHARELY_SANDBOX } from '../sandbox/vendors/sharely';
import type { SpaceNode } from '../../src/tree/nodes/spaceNode';
import { api, contextMenuFor, eventually, rows, selectionMenuFor, setAccounts, spacesOf, useDemoTree, type Row } from './support';

const { seed: PRODUCTION, minimal: MINIMAL, hostile: HOSTILE } = ALUMIO_SANDBOX.spaces;

/** What the extension asked in a modal dialog, and the buttons it offered. */
interface Question {
  readonly message: string;
  readonly detail?: string;
  readonly buttons: readonly string[];
}

/**
 * Answers the extension's modal questions with `answer` (undefined: dismissed) while `work` runs, and gives
 * back what was asked. `util/workbench.ts` asks through `window.showWarningMessage`, the very function of the
 * API object this test shares with the extension, so the question is answered where it is put.
 */
async function answeringModals(answer: string | undefined, work: () => Thenable<unknown>): Promise<Question[]> {
  const asked: Question[] = [];
  const window = vscode.window as { showWarningMessage: unknown };
  const original = window.showWarningMessage;
  window.showWarningMessage = (message: string, options: vscode.MessageOptions, ...buttons: string[]) => {
    asked.push({ message, detail: options.detail, buttons });
    return Promise.resolve(answer);
  };
  try {
    await work();
  } finally {
    window.showWarningMessage = original;
  }
  return asked;
}

/** The space ids of the rows (the `spaceId` the extension's own space rows carry). */
const idsOf = (list: readonly Row[]) => list.map((row) => (row.node as SpaceNode).spaceId);

describe('the Spaces tree: acting on a selection', function () {
  let sandbox: Sandbox;
  useDemoTree(this, (started) => (sandbox = started));

  /** ACME's three configured spaces' rows, by name once known. */
  const acmeRows = async () => {
    const spaces = await spacesOf('ACME integrations', ['ACME Production', 'Minimal space']);
    const byId = (id: string) => spaces.find((row) => (row.node as SpaceNode).spaceId === id)!;
    return { production: byId(PRODUCTION), minimal: byId(MINIMAL), hostile: byId(HOSTILE) };
  };
  const copied = () => vscode.env.clipboard.readText();

  afterEach(async () => {
    const { tree } = await api();
    for (const pin of [...tree.pins.all()]) await tree.pins.unpin(pin.accountId, pin.spaceId);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the rule: the clicked row with the selection it is part of; a row outside it alone; another caller hands in ids, never a selection', async () => {
    const { production, minimal, hostile } = await acmeRows();
    const selection = [production.node, minimal.node];

    await vscode.commands.executeCommand('spaces.copySpaceId', minimal.node, selection);
    assert.equal(await copied(), `${PRODUCTION}\n${MINIMAL}`, 'the clicked row is part of the selection: the selection');
    await vscode.commands.executeCommand('spaces.copySpaceId', hostile.node, selection);
    assert.equal(await copied(), HOSTILE, 'right-clicked outside the selection: that row alone');
    await vscode.commands.executeCommand('spaces.copySpaceId', minimal.node);
    assert.equal(await copied(), MINIMAL, 'no selection (a click, the inline button of a lone row): the row');

    // Another caller: its first argument is resolved by its ids, its array is no selection, not even of rows.
    const byIds = { accountId: 'acme-alumio', spaceId: HOSTILE };
    await vscode.commands.executeCommand('spaces.copySpaceId', byIds, selection);
    assert.equal(await copied(), HOSTILE);
    await vscode.commands.executeCommand('spaces.copySpaceId', byIds, [byIds, { accountId: 'acme-alumio', spaceId: PRODUCTION }]);
    assert.equal(await copied(), HOSTILE);
    // A selection holds the view's rows only: anything else in it is dropped, whatever ids it names.
    await vscode.commands.executeCommand('spaces.copySpaceId', minimal.node, [minimal.node, { accountId: 'acme-alumio', spaceId: PRODUCTION }, 'x']);
    assert.equal(await copied(), MINIMAL);
  });

  it("the menu of several rows has the commands that act on them all, and none that would act on the clicked row alone", async () => {
    const { production, minimal } = await acmeRows();
    const values = [production, minimal].map((row) => String(row.item.contextValue));
    assert.deepEqual(selectionMenuFor(values), ['open', 'refresh', 'pin', 'copySpaceId', 'copyLink', 'removeSpace']);
    // One row: its whole menu, as before.
    assert.ok(contextMenuFor(values[0]!).includes('showRawJson'));
    const accounts = (await rows()).filter((row) => row.label === 'ACME integrations' || row.label === 'Research data');
    const accountsMenu = selectionMenuFor(accounts.map((row) => String(row.item.contextValue)));
    assert.ok(accountsMenu.includes('refresh'));
    for (const single of ['addSpace', 'testConnection', 'editAccount', 'setCredentials', 'removeAccount']) assert.ok(!accountsMenu.includes(single), single);
  });

  it('Copy Link: a link per selected space, one a line, ids only; a row outside the selection alone', async () => {
    const { production, minimal, hostile } = await acmeRows();
    const selection = [production.node, minimal.node];
    // In a browser workbench a link is the workbench's callback address, with the link's query inside it.
    const linkTo = (spaceId: string) => new RegExp(`account=acme-alumio&space=${spaceId}$`);
    await vscode.commands.executeCommand('spaces.copyLink', minimal.node, selection);
    const lines = (await copied()).split('\n').map((line) => decodeURIComponent(line));
    assert.equal(lines.length, 2, 'one link a line');
    assert.match(lines[0]!, linkTo(PRODUCTION));
    assert.match(lines[1]!, linkTo(MINIMAL));
    await vscode.commands.executeCommand('spaces.copyLink', hostile.node, selection);
    assert.equal((await copied()).split('\n').length, 1, 'right-clicked outside the selection: that row alone');
  });

  it('Hide Account: every selected account; an account right-clicked outside the selection alone', async () => {
    const { tree } = await api();
    const accountRows = async () => (await rows()).filter((row) => ['ACME integrations', 'Team knowledge', 'Research data'].includes(row.label));
    const [acme, team, research] = await accountRows();
    const configured = tree.shownAccounts().map((account) => account.id);
    try {
      await vscode.commands.executeCommand('spaces.hideAccount', research!.node, [acme!.node, team!.node]);
      assert.deepEqual(['acme-alumio', 'team-sharely', 'research-onedata'].map((id) => tree.hidden.has(id)), [false, false, true], 'outside the selection: that row alone');
      await vscode.commands.executeCommand('spaces.hideAccount', team!.node, [acme!.node, team!.node]);
      assert.deepEqual(['acme-alumio', 'team-sharely'].map((id) => tree.hidden.has(id)), [true, true], 'the selection');
    } finally {
      await tree.hidden.showOnly(configured, configured);
    }
  });

  it('Pin and Unpin: every selected space, each once (a pinned row and its account row are one space)', async () => {
    const { tree } = await api();
    const { production, minimal, hostile } = await acmeRows();
    await vscode.commands.executeCommand('spaces.pin', minimal.node, [production.node, minimal.node]);
    assert.deepEqual(tree.pins.all(), [
      { accountId: 'acme-alumio', spaceId: PRODUCTION },
      { accountId: 'acme-alumio', spaceId: MINIMAL },
    ]);
    const pinned = await eventually(
      async () => rows((await rows())[0]!.node),
      (list) => list.length === 2,
      'the two pinned rows',
    );
    // The pinned rows with their account's rows: two spaces, each copied once.
    await vscode.commands.executeCommand('spaces.copySpaceId', pinned[0]!.node, [...pinned.map((row) => row.node), production.node, minimal.node]);
    assert.equal(await copied(), `${PRODUCTION}\n${MINIMAL}`);

    await vscode.commands.executeCommand('spaces.unpin', pinned[1]!.node, [pinned[1]!.node, hostile.node]);
    assert.deepEqual(tree.pins.all(), [{ accountId: 'acme-alumio', spaceId: PRODUCTION }]);
    await vscode.commands.executeCommand('spaces.unpin', pinned[0]!.node, [pinned[0]!.node, production.node, { accountId: 'acme-alumio', spaceId: MINIMAL }]);
    assert.deepEqual(tree.pins.all(), []);
  });

  it("Refresh: each selected space fetched anew once; each selected account's spaces anew once", async () => {
    const { production, minimal } = await acmeRows();
    await vscode.commands.executeCommand('spaces.pin', production.node);
    const [pinned] = await eventually(async () => rows((await rows())[0]!.node), (list) => list.length === 1, 'the pinned row');
    const spaceNodes = [pinned!, production, minimal].map((row) => row.node as SpaceNode);

    const mark = sandbox.received.length;
    await vscode.commands.executeCommand('spaces.refresh', production.node, spaceNodes);
    // The loads the command started, awaited: every request it made has been answered.
    await Promise.all(spaceNodes.map((node) => node.load()));
    const fetched = sandbox.received.slice(mark).map((request) => request.url);
    assert.deepEqual(fetched.sort(), [`/api/v1/spaces/${PRODUCTION}`, `/api/v1/spaces/${MINIMAL}`].sort());

    // Two accounts (Alumio and Sharely.ai show their configured spaces): every space of each, anew, once.
    const accounts = (await rows()).filter((row) => row.label === 'ACME integrations' || row.label === 'Team knowledge');
    const again = sandbox.received.length;
    await vscode.commands.executeCommand('spaces.refresh', accounts[0]!.node, accounts.map((row) => row.node));
    const shown = await Promise.all(accounts.map((row) => rows(row.node)));
    await Promise.all(shown.flat().map((row) => (row.node as SpaceNode).load()));
    const refetched = sandbox.received.slice(again).map((request) => request.url);
    assert.deepEqual(
      refetched.filter((url) => url.includes('/spaces/')).sort(),
      [...idsOf(shown[0]!).map((id) => `/api/v1/spaces/${id}`), ...idsOf(shown[1]!).map((id) => `/v1/workspaces/${SHARELY_SANDBOX.workspaces.seed}/spaces/${id}`)].sort(),
    );

    // An account with one of its rows: the row is fetched with its account's listing, not a second time.
    const third = sandbox.received.length;
    await vscode.commands.executeCommand('spaces.refresh', accounts[0]!.node, [accounts[0]!.node, production.node]);
    const acme = await rows(accounts[0]!.node);
    await Promise.all(acme.map((row) => (row.node as SpaceNode).load()));
    assert.deepEqual(sandbox.received.slice(third).map((request) => request.url).sort(), idsOf(acme).map((id) => `/api/v1/spaces/${id}`).sort());
  });

  it('Remove Space: one question listing every selected space, then one settings change; dismissed, nothing changes', async () => {
    const profile = testProfile(sandbox.url);
    const { production, minimal } = await acmeRows();
    const acmeSpaces = () => (vscode.workspace.getConfiguration('spaces').inspect<{ id: string; spaces?: string[] }[]>('accounts')?.globalValue ?? []).find((a) => a.id === 'acme-alumio')?.spaces;
    try {
      const dismissed = await answeringModals(undefined, () => vscode.commands.executeCommand('spaces.removeSpace', production.node, [production.node, minimal.node]));
      assert.equal(dismissed.length, 1);
      assert.deepEqual(acmeSpaces(), [PRODUCTION, MINIMAL, HOSTILE]);

      const asked = await answeringModals('Remove', () => vscode.commands.executeCommand('spaces.removeSpace', production.node, [production.node, minimal.node]));
      assert.deepEqual(
        asked.map(({ message, detail, buttons }) => [message, detail, buttons]),
        [
          [
            'Remove these 2 spaces from their accounts in your settings?',
            `ACME Production (${PRODUCTION}) in "ACME integrations"\nMinimal space (${MINIMAL}) in "ACME integrations"`,
            ['Remove'],
          ],
        ],
      );
      await eventually(acmeSpaces, (spaces) => spaces?.join() === HOSTILE, 'both spaces to leave the settings');

      // Another caller's array is no selection: its one space, asked as a link's request is.
      await setAccounts([...profile.accounts, { id: 'broken', vendor: 'alumio' }]);
      const { production: again } = await acmeRows();
      const linked = await answeringModals('Remove', () =>
        vscode.commands.executeCommand('spaces.removeSpace', { accountId: 'acme-alumio', spaceId: HOSTILE }, [again.node, { accountId: 'acme-alumio', spaceId: MINIMAL }]),
      );
      assert.equal(linked.length, 1);
      assert.match(linked[0]!.message, /it was asked for by a link or another extension/);
      assert.equal(linked[0]!.detail, undefined);
      await eventually(acmeSpaces, (spaces) => spaces?.join() === `${PRODUCTION},${MINIMAL}`, 'the one space named by ids to leave');
    } finally {
      await setAccounts([...profile.accounts, { id: 'broken', vendor: 'alumio' }]);
      await eventually(() => rows(), (r) => r.length === 6);
    }
  });

  it('Open: a panel per selected space; above 10 it asks first, naming the count', async () => {
    const { panels } = await api();
    const { production, minimal } = await acmeRows();
    const quiet = await answeringModals(undefined, () => vscode.commands.executeCommand('spaces.open', production.node, [production.node, minimal.node]));
    assert.deepEqual(quiet, []);
    assert.ok(panels.get('acme-alumio', PRODUCTION) && panels.get('acme-alumio', MINIMAL));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await eventually(() => panels.size, (size) => size === 0, 'the panels closed');

    // Eleven spaces of three accounts.
    const eleven = [
      ...(await spacesOf('ACME integrations', [])),
      ...(await spacesOf('Team knowledge', [])),
      ...(await spacesOf('Research data', [])).slice(0, 6),
    ].map((row) => row.node);
    assert.equal(eleven.length, 11);
    const declined = await answeringModals(undefined, () => vscode.commands.executeCommand('spaces.open', eleven[0], eleven));
    assert.deepEqual(declined, [{ message: 'Open 11 spaces? Each opens in a panel of its own.', detail: undefined, buttons: ['Open All'] }]);
    assert.equal(panels.size, 0, 'declined: nothing opened');
    const accepted = await answeringModals('Open All', () => vscode.commands.executeCommand('spaces.open', eleven[0], eleven));
    assert.equal(accepted.length, 1);
    assert.equal(panels.size, 11);
  });
});
