// Issue "The space panel", in the real workbench with the packaged VSIX: each vendor's seed space as a user
// sees it (values, a formatted date and size, rows) in the light and the dark theme, opening it again, a
// subspace link, Refresh, a failure and Retry, and the panel back after a window reload. One code-server for
// the file.
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { OPENLAYER_SANDBOX, ONEDATA_SANDBOX, BLUEWORKS_SANDBOX } from '../../out/sandbox/index.js';
import { escapeRegExp, eventually } from '../harness/wait.mjs';
import { SEEDS, expectRow, expectText, group, usePanelWorkbench } from './panel-support.mjs';
/** @typedef {import('../harness/workbench.mjs').Session} Session */

describe('the space panel in the workbench (packaged VSIX)', () => {
  const workbench = usePanelWorkbench();
  const { cspViolations, panelTabs, openFromTree, panelShowing, switchTheme } = workbench;
  /** @type {Session['sandbox']} */ let sandbox;
  /** @type {Session['page']} */ let page;
  /** @type {Session['ui']} */ let ui;
  before(() => ({ sandbox, page, ui } = workbench.session));

  describe("each vendor's seed space", () => {
    for (const seed of SEEDS) {
      it(`${seed.vendor}: opens its seed space and shows its values`, async () => {
        await openFromTree(seed.account, seed.space);
        await panelTabs(seed.space).first().waitFor({ timeout: 20_000 });
        const frame = await panelShowing(seed.space);
        assert.match(await frame.locator('.identity').textContent(), new RegExp(escapeRegExp(seed.account)));
        await frame.locator('.updated').filter({ hasText: /^Updated / }).waitFor();
        await seed.check(frame);
        await ui.shot(`panel-${seed.vendor}-light`);
      });
    }
  });

  describe('opening again, a subspace link, Refresh, a failure and a window reload', () => {
    it('opening a space again reveals its panel instead of opening another', async () => {
      await openFromTree('ACME integrations', 'ACME Production');
      await panelShowing('ACME Production');
      assert.equal(await panelTabs('ACME Production').count(), 1);
    });

    it('a subspace link opens the subspace in its own panel', async () => {
      await openFromTree('Process design', 'My Space');
      const frame = await panelShowing('My Space');
      await group(frame, 'Subspaces').getByRole('button', { name: 'My Subspace' }).click();
      await panelTabs('My Subspace').first().waitFor({ timeout: 20_000 });
      const sub = await panelShowing('My Subspace');
      await expectRow(sub, 'Goals', 'Subspace goal 1', ['low']);
    });

    it('Refresh fetches the space anew', async () => {
      await openFromTree('Research data', 'My Private space');
      const frame = await panelShowing('My Private space');
      const fetches = () => sandbox.received.filter((r) => r.url.includes('/effective_spaces/2c0160248ba9a66f45da751ca459535a')).length;
      const before = fetches();
      await frame.getByRole('toolbar').getByRole('button', { name: 'Refresh' }).click();
      await eventually(fetches, (n) => n > before, 'a request to reach the sandbox');
      await frame.getByRole('button', { name: 'Refresh' }).waitFor();
      await frame.locator('.updated').filter({ hasText: 'Updated now' }).waitFor();
    });

    it('shows a failure with its kind and Retry, keeping the last good data; a screen reader hears each state once', async () => {
      await openFromTree('ML evaluation', 'Openlayer');
      const frame = await panelShowing('Openlayer');
      // What the polite live region says from here on, one entry per change of its text.
      const inner = await ui.panelFrame();
      await inner.evaluate(() => {
        const region = document.querySelector('[role="status"]');
        const said = (globalThis.__said = []);
        new MutationObserver(() => said.push(region.textContent)).observe(region, { childList: true, characterData: true, subtree: true });
      });
      const said = () => inner.evaluate(() => globalThis.__said);
      sandbox.addFault({ path: `/v1/workspaces/${OPENLAYER_SANDBOX.workspaces.seed}`, kind: 'status', status: 500 });
      const banner = frame.locator('.error-banner');
      try {
        await frame.getByRole('toolbar').getByRole('button', { name: 'Refresh' }).click();
        await banner.waitFor({ timeout: 20_000 });
        assert.match((await banner.textContent()).trim(), /^server: Openlayer could not answer \(HTTP 500\)/);
        await expectRow(frame, 'Monthly usage', '2024-05', ['120,000', '1.0 h']);
        await ui.shot('panel-openlayer-error');
      } finally {
        sandbox.clearFaults();
      }
      await banner.getByRole('button', { name: 'Retry' }).click();
      await banner.waitFor({ state: 'detached', timeout: 20_000 });
      const sentences = await eventually(said, (list) => list.length === 4, 'four announcements');
      assert.deepEqual(sentences.map((s) => s.replace(/\(HTTP 500\).*/, '(HTTP 500)')), ['Refreshing…', 'server: Openlayer could not answer (HTTP 500)', 'Refreshing…', 'Updated now']);
    });

    /** Whether the workbench's saved editor state (in IndexedDB) mentions `text`, e.g. a panel's space id. */
    function editorsSaved(text) {
      return page.evaluate(async (needle) => {
        const read = (name) =>
          new Promise((resolve) => {
            const opening = globalThis.indexedDB.open(name);
            opening.onerror = () => resolve('');
            opening.onsuccess = () => {
              const db = opening.result;
              try {
                const get = db.transaction('ItemTable').objectStore('ItemTable').get('memento/workbench.parts.editor');
                get.onsuccess = () => resolve(String(get.result ?? ''));
                get.onerror = () => resolve('');
              } catch {
                resolve('');
              } finally {
                db.close();
              }
            };
          });
        for (const { name } of await globalThis.indexedDB.databases()) {
          if (name?.startsWith('vscode-web-state-db-') && (await read(name)).includes(needle)) return true;
        }
        return false;
      }, text);
    }

    it('comes back after a window reload: the cached copy (marked) at once, then fresh data', async () => {
      // A large space comes back too, its 5,000 rows cut short in the saved copy.
      await openFromTree('Process design', 'Wide space');
      await panelShowing('Wide space');
      // The vendors' answers are held until the cached copies have been seen, however busy the machine.
      sandbox.addFault({ path: `/api/v3/onezone/user/effective_spaces/${ONEDATA_SANDBOX.spaces.seed}`, kind: 'hold' });
      sandbox.addFault({ path: `/bwl/spaces/${BLUEWORKS_SANDBOX.spaces.wide}`, kind: 'hold' });
      try {
        // Web VS Code saves its open editors (with each panel's state) every few seconds, not on unload.
        const bothSaved = async () => (await editorsSaved(ONEDATA_SANDBOX.spaces.seed)) && (await editorsSaved(BLUEWORKS_SANDBOX.spaces.wide));
        await eventually(bothSaved, (saved) => saved, 'the workbench to save both panels', 30_000);
        await page.reload();
        await page.locator('.monaco-workbench .activitybar').waitFor({ timeout: 60_000 });
        // The workbench brings back every panel's tab; showing one revives its page.
        const tab = panelTabs('My Private space').first();
        await tab.waitFor({ timeout: 30_000 });
        await tab.click();
        const frame = await panelShowing('My Private space');
        await frame.locator('.badge.cached').waitFor({ timeout: 20_000 });
        await expectRow(frame, 'Storage providers', '296ebe3c20e9666dc489b647f8647f12', ['5.0 GB']);
        await ui.shot('panel-onedata-restored-cached');

        await panelTabs('Wide space').first().click();
        const wide = await panelShowing('Wide space');
        await wide.locator('.badge.cached').waitFor({ timeout: 20_000 });
        const blueprints = group(wide, 'Blueprints');
        await expectText(blueprints.locator('h2 .count'), '5,000');
        await expectText(blueprints.locator('.shown'), '200 of 5,000');
        await expectRow(wide, 'Blueprints', 'blueprint 1', ['blueprint']);
        await ui.shot('panel-blueworks-large-restored-cached');

        sandbox.clearFaults();
        sandbox.release();
        await wide.locator('.badge.cached').waitFor({ state: 'detached', timeout: 30_000 });
        await expectText(blueprints.locator('.shown'), '5,000 of 5,000');
        await panelTabs('My Private space').first().click();
        const fresh = await panelShowing('My Private space');
        await fresh.locator('.badge.cached').waitFor({ state: 'detached', timeout: 30_000 });
        await expectRow(fresh, 'Storage providers', '296ebe3c20e9666dc489b647f8647f12', ['5.0 GB']);
      } finally {
        sandbox.clearFaults();
        sandbox.release();
      }
      await ui.showSpacesView();
    });
  });

  describe('the dark theme', () => {
    it('dark theme: every vendor\'s panel (screenshots)', async () => {
      await switchTheme('Dark Modern', 'vs-dark');
      for (const seed of SEEDS) {
        await openFromTree(seed.account, seed.space);
        const frame = await panelShowing(seed.space);
        await frame.locator('body.vscode-dark').waitFor({ timeout: 20_000 });
        assert.equal(await panelTabs(seed.space).count(), 1);
        await ui.shot(`panel-${seed.vendor}-dark`);
      }
      assert.deepEqual(cspViolations, []);
    });
  });
});
