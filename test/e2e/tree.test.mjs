// Issue "The Spaces tree", as a user does it in the real workbench with the packaged VSIX: add an account
// through the wizard by typing (with one Back), see its spaces, open one through Open Space… from the command
// palette, and see an auth failure as a row.
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ALUMIO_SANDBOX } from '../../out/sandbox/index.js';
import { eventually } from '../harness/wait.mjs';
import { useWorkbench } from '../harness/workbench.mjs';
/** @typedef {import('../harness/workbench.mjs').Session} Session */

describe('the Spaces tree in the workbench (packaged VSIX)', () => {
  // A held answer must outwait a window reload on a busy machine, not time out first.
  const session = useWorkbench({ codeServer: () => ({ settings: { 'spaces.requestTimeoutSeconds': 600 } }) });
  /** @type {Session['sandbox']} */ let sandbox;
  /** @type {Session['page']} */ let page;
  /** @type {Session['ui']} */ let ui;
  before(() => ({ sandbox, page, ui } = session));

  it('adds an account through the wizard by typing, with one Back, and shows its spaces by name', async () => {
    await page.locator('.welcome-view-content').getByRole('button', { name: 'Add Account' }).click();
    await ui.answer(/Add Account \(1\/\d+\)/, 'Alumio');
    await ui.answer(/Add Account \(2\/\d+\)/, 'https://wrong.example');
    // One step back from the id, to correct the URL.
    await ui.step(/\(3\/\d+\)/);
    await ui.backButton().click();
    await ui.answer(/Add Account \(2\/\d+\)/, sandbox.url);
    await ui.answer(/Add Account \(3\/\d+\)/, 'e2e-alumio');
    await ui.answer(/Add Account \(4\/\d+\)/, 'E2E Alumio');
    await ui.answer(/Add Account \(5\/\d+\)/, ALUMIO_SANDBOX.token);
    await ui.answer(/Add Account \(6\/\d+\)/, ALUMIO_SANDBOX.spaces.seed);
    await ui.quickInput().locator('.quick-input-list').getByText('Save', { exact: true }).waitFor({ timeout: 20_000 });
    await ui.shot('wizard-connection-test');
    await ui.input().press('Enter');

    const account = ui.accountRow('E2E Alumio');
    await ui.expand(account);
    await ui.spaceRow('ACME Production').waitFor({ timeout: 20_000 });
    await ui.shot('tree-after-wizard');
    const received = sandbox.received.filter((r) => r.url.startsWith('/api/v1/spaces/'));
    assert.ok(received.length > 0);
    assert.ok(received.every((r) => r.headers.authorization === `Bearer ${ALUMIO_SANDBOX.token}`));
  });

  it('opens a space through Open Space… from the command palette, with the tree focused', async () => {
    // The tree keeps focus from the last click: the picker must not lose it back to the tree as it fills.
    await ui.accountRow('E2E Alumio').click();
    // From the palette, which runCommand opens again if the focus change of that click closed it at once.
    await ui.runCommand('Spaces: Open Space…');
    await ui.step('Open Space');
    await ui.input().fill('ACME Production');
    const row = ui.quickInput().locator('.quick-input-list .monaco-list-row').filter({ hasText: 'ACME Production' }).first();
    await row.waitFor({ timeout: 20_000 });
    // Each row names the vendor and the account.
    assert.match(await row.textContent(), /Alumio · E2E Alumio/);
    await ui.input().press('Enter');
    const tab = page.locator('.tabs-container .tab.active').filter({ hasText: 'ACME Production' });
    await tab.waitFor({ timeout: 20_000 });
    await ui.panel().locator('.space-id').filter({ hasText: ALUMIO_SANDBOX.spaces.seed }).waitFor({ timeout: 20_000 });
    await ui.shot('open-space');
  });

  it('shows an auth failure as "auth: …" under the space after a refresh', async () => {
    sandbox.addFault({ path: `/api/v1/spaces/${ALUMIO_SANDBOX.spaces.seed}`, kind: 'status', status: 401 });
    const account = ui.accountRow('E2E Alumio');
    await ui.expand(account);
    await ui.refresh(account);
    const space = page.getByRole('treeitem', { name: /acme-production|ACME Production/ }).first();
    await space.getByText('auth').waitFor({ timeout: 20_000 });
    // Clicking the row opens the space; the twistie expands it.
    await ui.expand(space);
    await page.getByRole('treeitem', { name: /^auth: Alumio did not accept/ }).waitFor({ timeout: 20_000 });
    await ui.shot('auth-error-row');
  });

  it('comes back after a window reload: the account expanded, its spaces at once marked "not yet refreshed", then fresh', async () => {
    sandbox.clearFaults();
    const account = ui.accountRow('E2E Alumio');
    await ui.expand(account);
    await ui.refresh(account);
    const space = ui.spaceRow('ACME Production');
    await space.waitFor({ timeout: 20_000 });
    // The space expanded too: restored expanded, it must not hold up the tree while its details are held.
    await ui.expand(space);
    await eventually(() => space.getAttribute('aria-expanded'), (expanded) => expanded === 'true', 'the space to expand');
    // The tree's copy is written a moment after it changes: wait for it rather than for a time.
    const saved = path.join(session.server.paths.userData, 'User', 'globalStorage', 'spaces-explorer.spaces-explorer', 'last-known-tree.json');
    const text = () => (existsSync(saved) ? readFileSync(saved, 'utf8') : '');
    await eventually(text, (t) => t.includes('"account:e2e-alumio"') && t.includes('ACME Production') && t.includes('space:acme-production"'), 'the last known tree to be saved');
    // Every answer of the vendor waits until the rows from before the reload have been seen.
    sandbox.addFault({ path: '/api/v1/spaces/', kind: 'hold' });
    const mark = sandbox.received.length;
    try {
      await page.reload();
      await page.locator('.monaco-workbench .activitybar').waitFor({ timeout: 60_000 });
      // The workbench restores its layout, the Spaces view open as it was (clicking its icon now could hide it).
      await ui.accountRow('E2E Alumio').waitFor({ timeout: 60_000 });
      const row = ui.spaceRow('ACME Production');
      await row.waitFor({ timeout: 20_000 });
      assert.match(await row.textContent(), /not yet refreshed/);
      // Every request made since the reload is still held: the rows needed no answer.
      const asked = () => sandbox.received.slice(mark).filter((r) => r.url.startsWith('/api/v1/spaces/')).length;
      await eventually(() => sandbox.held, (held) => held === asked(), 'every request since the reload to be held');
      await ui.shot('tree-after-reload');
      sandbox.clearFaults();
      sandbox.release();
      await eventually(() => row.textContent(), (t) => !/not yet refreshed/.test(t), 'the fresh row');
      // Its groups come with its details.
      await page.getByRole('treeitem', { level: 3, name: /^Details/ }).waitFor({ timeout: 30_000 });
    } finally {
      sandbox.clearFaults();
      sandbox.release();
    }
  });

  it('pins a space from its context menu: "Pinned" on top with the space, kept across a window reload; Unpin takes it away', async () => {
    const rowTexts = () => page.getByRole('treeitem').evaluateAll((rows) => rows.map((r) => [r.getAttribute('aria-level'), r.textContent]));
    await ui.contextMenu(ui.spaceRow('ACME Production'), /^Pin\b/);
    const group = page.getByRole('treeitem', { level: 1, name: /^Pinned/ });
    await group.waitFor({ timeout: 20_000 });
    const pinnedFirst = (texts) => texts[0]?.[1]?.startsWith('Pinned') && texts[1]?.[0] === '2' && /ACME Production.*E2E Alumio/.test(texts[1][1]);
    await eventually(rowTexts, pinnedFirst, 'the Pinned group first, the space under it naming its account');
    await ui.shot('tree-pinned');

    await page.reload();
    await page.locator('.monaco-workbench .activitybar').waitFor({ timeout: 60_000 });
    await group.waitFor({ timeout: 60_000 });
    await eventually(rowTexts, pinnedFirst, 'the Pinned group after the reload');

    const pinnedRow = page.getByRole('treeitem', { level: 2 }).first();
    await ui.contextMenu(pinnedRow, /^Unpin\b/);
    await group.waitFor({ state: 'detached', timeout: 20_000 });
  });
});
