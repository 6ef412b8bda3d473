import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SpacePanel } from '../../src/panel/panel';
import { VIEW_TYPE } from '../../src/panel/protocol';
import { accountEntry } from '../sandbox/builders';
import { testProfile } from '../sandbox/testProfile';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { ALUMIO_SANDBOX } from '../sandbox/vendors/alumio';
import { BLUEWORKS_SANDBOX } from '../sandbox/vendors/blueworks';
import { ONEDATA_SANDBOX } from '../sandbox/vendors/onedata';
import { api, eventually, manifest, rows, setAccounts } from './support';

/** The webview tabs of space panels, across every editor group. */
function panelTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(VIEW_TYPE));
}

describe('the space panel', function () {
  this.timeout(60_000);
  let sandbox: Sandbox;
  const blueworks = { vendor: 'blueworks', accountId: 'process-blueworks', spaceId: BLUEWORKS_SANDBOX.spaces.seed } as const;
  /** The saved state of the space's page after a reload: its identity and the copy it showed. */
  const savedState = { ...blueworks, space: { vendor: 'blueworks', accountId: blueworks.accountId, id: blueworks.spaceId, name: 'My Space (cached)', facts: [], groups: [], fetchedAt: 1 } };

  before(async () => {
    sandbox = await startSandbox();
    const profile = testProfile(sandbox.url);
    Object.assign(process.env, profile.env);
    await setAccounts(profile.accounts);
    await eventually(() => rows(), (r) => r.length === 5);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await setAccounts([]);
    await sandbox?.close();
  });

  it('opens one panel per space: opening it again reveals the same panel', async () => {
    const { panels } = await api();
    const account = (await rows()).find((r) => r.label === 'ACME integrations')!;
    const spaces = await eventually(() => rows(account.node), (s) => s.some((r) => r.label === 'ACME Production'));
    const space = spaces.find((r) => r.label === 'ACME Production')!;
    await vscode.commands.executeCommand('spaces.open', space.node);
    await vscode.commands.executeCommand('spaces.open', space.node);
    const panel = panels.get('acme-alumio', ALUMIO_SANDBOX.spaces.seed);
    assert.ok(panel);
    assert.equal(panels.size, 1);
    assert.equal((await eventually(async () => panelTabs(), (tabs) => tabs.length === 1)).length, 1);
    assert.equal(panel.panel.title, 'ACME Production');
    assert.equal(panelTabs()[0]!.label, 'ACME Production');
    // The page loaded its nonce'd script and said `ready`: the handshake, in a real webview.
    assert.equal(await eventually(async () => panel.pageReady, (ready) => ready), true);
  });

  it("Reveal in Spaces View selects the space's row, paging its account on to it; the selection follows the active panel unless turned off", async () => {
    const { panels, view, tree } = await api();
    process.env.SPACES_TEST_ONEDATA_BULK = ONEDATA_SANDBOX.bulkToken;
    const profile = testProfile(sandbox.url);
    await setAccounts([...profile.accounts, accountEntry('onedata', sandbox.url, 'bulk', { label: 'Bulk', credentialsFromEnv: { token: 'SPACES_TEST_ONEDATA_BULK' } })]);
    const selected = () => view.selection.map((node) => tree.getTreeItem(node).id);
    // No panel of an earlier test moves the selection meanwhile.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    try {
      // Beyond the first page of 200: the account pages on to it.
      await vscode.commands.executeCommand('spaces.open', { accountId: 'bulk', spaceId: 'bulk-0300' });
      const far = panels.get('bulk', 'bulk-0300')!;
      // VS Code 1.96 can refuse a reveal that meets another of the same row (here the panel's own follow as it
      // opened), and the user then clicks Reveal again: so does the test, until the view tells its extension
      // host of the new selection (in its own time).
      const revealed = async () => (await far.handle({ type: 'reveal' }), selected());
      await eventually(revealed, (ids) => ids[0] === 'account:bulk/space:bulk-0300', 'the row selected');
      assert.equal(view.visible, true, 'the view is shown');

      // Another panel made active: the selection follows it.
      await vscode.commands.executeCommand('spaces.open', { accountId: 'acme-alumio', spaceId: ALUMIO_SANDBOX.spaces.seed });
      await eventually(selected, (ids) => ids[0] === `account:acme-alumio/space:${ALUMIO_SANDBOX.spaces.seed}`, 'the selection to follow the new panel');
      far.reveal();
      await eventually(selected, (ids) => ids[0] === 'account:bulk/space:bulk-0300', 'the selection to follow the panel made active');

      // Turned off: the panel made active moves nothing.
      await vscode.workspace.getConfiguration('spaces').update('followActivePanel', false, vscode.ConfigurationTarget.Global);
      const acme = panels.get('acme-alumio', ALUMIO_SANDBOX.spaces.seed)!;
      const followedBefore = acme.followed;
      acme.reveal();
      await eventually(() => acme.panel.active, (active) => active);
      assert.equal(acme.followed, followedBefore, 'no move of the view was started');
      // VS Code 1.96 forgets a parent's rows while it reads its children again, so that the selection reads
      // empty meanwhile (1.139 does not): the selection is read once it can be.
      assert.deepEqual(await eventually(selected, (ids) => ids.length > 0, 'the selection readable'), ['account:bulk/space:bulk-0300']);
    } finally {
      await vscode.workspace.getConfiguration('spaces').update('followActivePanel', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await setAccounts(profile.accounts);
      await eventually(() => rows(), (r) => r.length === 5);
    }
  });

  it('Reveal in Spaces View from the palette selects the active panel\'s row; offered only while a space panel is active', async () => {
    const { view, tree } = await api();
    const selected = () => view.selection.map((node) => tree.getTreeItem(node).id);
    const palette = manifest().contributes.menus.commandPalette?.find((entry) => entry.command === 'spaces.revealInView');
    assert.equal(palette?.when, 'spaces.spacePanelActive');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('spaces').update('followActivePanel', false, vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('spaces.open', { accountId: 'acme-alumio', spaceId: ALUMIO_SANDBOX.spaces.minimal });
      assert.notDeepEqual(selected(), [`account:acme-alumio/space:${ALUMIO_SANDBOX.spaces.minimal}`], 'selected before the command');
      await vscode.commands.executeCommand('spaces.revealInView');
      await eventually(selected, (ids) => ids[0] === `account:acme-alumio/space:${ALUMIO_SANDBOX.spaces.minimal}`, 'the row selected');
    } finally {
      await vscode.workspace.getConfiguration('spaces').update('followActivePanel', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('following the active panel never opens the side bar, not even when it is closed while the account lists; a panel closed meanwhile moves nothing', async () => {
    const { panels, view, tree } = await api();
    process.env.SPACES_TEST_ONEDATA_BULK = ONEDATA_SANDBOX.bulkToken;
    const profile = testProfile(sandbox.url);
    const selected = () => view.selection.map((node) => tree.getTreeItem(node).id);
    /**
     * Opens a space of a new account whose listing the vendor holds (a new HTTP client, so nothing is
     * cached); the space is configured on it, so opening needs no listing, while following it into the view
     * does. `meanwhile` runs once the listing is held, then the listing is answered.
     */
    const followHeld = async (accountId: string, cacheTtlSeconds: number, meanwhile: (panel: SpacePanel) => Promise<void>) => {
      await vscode.commands.executeCommand('spaces.explorer.focus');
      await eventually(() => view.visible, (visible) => visible, 'the view shown');
      await vscode.workspace.getConfiguration('spaces').update('cacheTtlSeconds', cacheTtlSeconds, vscode.ConfigurationTarget.Global);
      await setAccounts([...profile.accounts, accountEntry('onedata', sandbox.url, accountId, { spaces: ['bulk-0005'], credentialsFromEnv: { token: 'SPACES_TEST_ONEDATA_BULK' } })]);
      sandbox.addFault({ path: '/api/v3/onezone/user/effective_spaces', kind: 'hold' });
      const held = sandbox.held;
      await vscode.commands.executeCommand('spaces.open', { accountId, spaceId: 'bulk-0005' });
      const panel = panels.get(accountId, 'bulk-0005')!;
      assert.ok(panel.followed, 'the panel, active, follows itself into the view');
      await eventually(() => sandbox.held, (count) => count > held, 'the listing to be held');
      await meanwhile(panel);
      sandbox.clearFaults();
      sandbox.release();
      await panel.followed;
    };
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    try {
      await followHeld('followed', 297, async () => {
        await vscode.commands.executeCommand('workbench.action.closeSidebar');
        await eventually(() => view.visible, (visible) => !visible, 'the view closed');
      });
      assert.equal(view.visible, false, 'the follow opened the side bar');

      await followHeld('closed', 296, async (panel) => {
        panel.panel.dispose();
      });
      assert.ok(!selected().includes('account:closed/space:bulk-0005'), 'the closed panel moved the selection');
    } finally {
      sandbox.clearFaults();
      sandbox.release();
      await vscode.workspace.getConfiguration('spaces').update('cacheTtlSeconds', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await setAccounts(profile.accounts);
    }
  });

  it('restores through the serializer: the cached name at once, then the space fetched anew', async () => {
    const { panels } = await api();
    const before = sandbox.received.length;
    const webview = vscode.window.createWebviewPanel(VIEW_TYPE, 'restoring', vscode.ViewColumn.Active, {});
    await panels.deserializeWebviewPanel(webview, savedState);
    assert.equal(webview.title, 'My Space (cached)');
    const panel = panels.get(blueworks.accountId, blueworks.spaceId);
    assert.ok(panel);
    assert.equal(panel.panel, webview);
    const details = await eventually(async () => panel.current, (d) => d !== undefined);
    assert.equal(details?.name, 'My Space');
    assert.equal(webview.title, 'My Space');
    assert.ok(sandbox.received.slice(before).some((r) => r.url.startsWith(`/bwl/spaces/${BLUEWORKS_SANDBOX.spaces.seed}`)));
    assert.equal(await eventually(async () => panel.pageReady, (ready) => ready), true);
  });

  it('a subspace link on a restored panel waits for the space, then opens the subspace', async () => {
    const { panels } = await api();
    const subspace = BLUEWORKS_SANDBOX.spaces.seedSubspace;
    // Neither open yet; then the seed comes back from a reload while its vendor is slow.
    panels.get(blueworks.accountId, subspace)?.panel.dispose();
    panels.get(blueworks.accountId, blueworks.spaceId)?.panel.dispose();
    // A fresh HTTP client (any network setting changed), so the space is not in the cache from before.
    await vscode.workspace.getConfiguration('spaces').update('cacheTtlSeconds', 299, vscode.ConfigurationTarget.Global);
    sandbox.addFault({ path: `/bwl/spaces/${BLUEWORKS_SANDBOX.spaces.seed}`, kind: 'hold' });
    try {
      const webview = vscode.window.createWebviewPanel(VIEW_TYPE, 'restoring', vscode.ViewColumn.Active, {});
      await panels.deserializeWebviewPanel(webview, savedState);
      const panel = panels.get(blueworks.accountId, blueworks.spaceId)!;
      const opening = panel.handle({ type: 'openSubspace', spaceId: subspace });
      await eventually(async () => sandbox.held, (held) => held === 1);
      assert.equal(panel.current, undefined, 'the space is still on its way');
      assert.equal(panels.get(blueworks.accountId, subspace), undefined, 'the subspace waits for the space');
      sandbox.clearFaults();
      sandbox.release();
      await opening;
      assert.ok(panels.get(blueworks.accountId, subspace), 'the subspace did not open');
    } finally {
      sandbox.clearFaults();
      sandbox.release();
      await vscode.workspace.getConfiguration('spaces').update('cacheTtlSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('disposes a restored panel whose state is not a space, or whose space is already open', async () => {
    const { panels } = await api();
    const count = panels.size;
    for (const state of [undefined, {}, { vendor: 'nope', accountId: 'a', spaceId: 's' }, blueworks]) {
      const webview = vscode.window.createWebviewPanel(VIEW_TYPE, 'stale', vscode.ViewColumn.Active, {});
      let disposed = false;
      webview.onDidDispose(() => (disposed = true));
      await panels.deserializeWebviewPanel(webview, state);
      assert.equal(disposed, true, JSON.stringify(state));
    }
    assert.equal(panels.size, count);
  });

  it('locks the webview down: no command URIs, only media/ and dist/, a strict CSP with a nonce', async () => {
    const { panels } = await api();
    const { webview } = panels.get(blueworks.accountId, blueworks.spaceId)!.panel;
    assert.equal(webview.options.enableCommandUris, false);
    assert.equal(webview.options.enableScripts, true);
    assert.deepEqual(
      webview.options.localResourceRoots?.map((uri) => uri.path.split('/').slice(-1)[0]),
      ['media', 'dist'],
    );
    const html = webview.html;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(csp, 'no CSP meta tag');
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    for (const name of ['style-src', 'font-src', 'img-src']) assert.deepEqual(directives.get(name), webview.cspSource.split(/\s+/), name);
    const nonce = /^'nonce-([A-Za-z0-9+/=]{16,})'$/.exec(directives.get('script-src')?.join(' ') ?? '')?.[1];
    assert.ok(nonce, `script-src is ${directives.get('script-src')?.join(' ') ?? 'missing'}`);
    // Beyond the webview's own resource origin, no source at all: no inline, no eval, no wildcard, no web.
    assert.doesNotMatch(csp.split(webview.cspSource).join(''), /unsafe-inline|unsafe-eval|\*|https?:|data:/);
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.equal(scripts.length, 1);
    assert.ok(scripts[0]!.includes(`nonce="${nonce}"`));
    assert.ok(scripts[0]!.includes('webview.js'));
    // The shell carries no data: nothing a vendor said is in the HTML.
    assert.ok(!html.includes('My Space'));
  });

  it('acts on the page\'s intents: Refresh fetches anew, a subspace opens its own panel', async () => {
    const { panels } = await api();
    const panel = panels.get(blueworks.accountId, blueworks.spaceId)!;
    const fetches = () => sandbox.received.filter((r) => r.url.startsWith(`/bwl/spaces/${BLUEWORKS_SANDBOX.spaces.seed}?`)).length;
    const before = fetches();
    await panel.handle({ type: 'refresh' });
    assert.equal(fetches(), before + 1);

    await panel.handle({ type: 'openSubspace', spaceId: BLUEWORKS_SANDBOX.spaces.seedSubspace });
    const sub = panels.get(blueworks.accountId, BLUEWORKS_SANDBOX.spaces.seedSubspace);
    assert.ok(sub);
    await eventually(async () => sub.current, (d) => d !== undefined);
    assert.equal(sub.panel.title, 'My Subspace');

    // A space the page names but this space does not list is neither fetched nor opened.
    const requests = sandbox.received.length;
    await panel.handle({ type: 'openSubspace', spaceId: BLUEWORKS_SANDBOX.spaces.minimal });
    assert.equal(panels.get(blueworks.accountId, BLUEWORKS_SANDBOX.spaces.minimal), undefined);
    assert.equal(sandbox.received.length, requests);
  });

  it('shows a failure in the panel and keeps the last good data', async () => {
    const { panels } = await api();
    const panel = panels.get(blueworks.accountId, blueworks.spaceId)!;
    sandbox.addFault({ path: `/bwl/spaces/${BLUEWORKS_SANDBOX.spaces.seed}`, kind: 'status', status: 404 });
    try {
      await panel.handle({ type: 'refresh' });
      assert.equal(panel.failure?.kind, 'notFound');
      assert.equal(panel.current?.name, 'My Space');
    } finally {
      sandbox.clearFaults();
    }
    await panel.handle({ type: 'refresh' });
    assert.equal(panel.failure, undefined);
  });

  it('says "config" when the account of a restored panel is gone', async () => {
    const { panels } = await api();
    const webview = vscode.window.createWebviewPanel(VIEW_TYPE, 'orphan', vscode.ViewColumn.Active, {});
    await panels.deserializeWebviewPanel(webview, { vendor: 'alumio', accountId: 'removed-account', spaceId: 'x' });
    const panel = panels.get('removed-account', 'x')!;
    const failure = await eventually(async () => panel.failure, (f) => f !== undefined);
    assert.equal(failure?.kind, 'config');
    webview.dispose();
    assert.equal(panels.get('removed-account', 'x'), undefined);
  });
});
