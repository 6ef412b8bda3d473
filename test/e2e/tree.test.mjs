// Issue "The Spaces tree", as a user does it in the real workbench with the packaged VSIX: add an account
// through the wizard by typing (with one Back), see its spaces, open one through Open Space… from the command
// palette, and see an auth failure as a row.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { startCodeServer } from '../harness/codeServer.mjs';
import { launchBrowser, openWorkbench } from '../harness/browser.mjs';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const { startSandbox, ALUMIO_SANDBOX } = require(path.join(ROOT, 'out', 'sandbox', 'index.js'));
const SHOTS = path.join(ROOT, '.test-output', 'screenshots');

describe('the Spaces tree in the workbench (packaged VSIX)', () => {
  let sandbox;
  let server;
  let browser;
  let page;
  const quickInput = () => page.locator('.quick-input-widget');
  const input = () => quickInput().locator('input.input');

  /** Waits for the quick input to show `title` (with its step counter), then types `text` and Enter. */
  async function answer(titlePattern, text) {
    await quickInput().locator('.quick-input-title').filter({ hasText: titlePattern }).waitFor({ timeout: 20_000 });
    if (text !== undefined) await input().fill(text);
    await input().press('Enter');
  }

  const shot = (name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    sandbox = await startSandbox();
    server = await startCodeServer({ vsix: process.env.SPACES_VSIX });
    browser = await launchBrowser();
    page = browser.page;
    await openWorkbench(page, server.workspaceUrl);
    await page.locator('.activitybar').getByRole('tab', { name: /^Spaces/ }).click();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await sandbox?.close();
  });

  it('adds an account through the wizard by typing, with one Back, and shows its spaces by name', async () => {
    await page.locator('.welcome-view-content').getByRole('button', { name: 'Add Account' }).click();
    await answer(/Add Account \(1\/\d+\)/, 'Alumio');
    await answer(/Add Account \(2\/\d+\)/, 'https://wrong.example');
    // One step back from the id, to correct the URL.
    await quickInput().locator('.quick-input-title').filter({ hasText: /\(3\/\d+\)/ }).waitFor();
    await quickInput().getByRole('button', { name: 'Back' }).click();
    await answer(/Add Account \(2\/\d+\)/, sandbox.url);
    await answer(/Add Account \(3\/\d+\)/, 'e2e-alumio');
    await answer(/Add Account \(4\/\d+\)/, 'E2E Alumio');
    await answer(/Add Account \(5\/\d+\)/, ALUMIO_SANDBOX.token);
    await answer(/Add Account \(6\/\d+\)/, ALUMIO_SANDBOX.spaces.seed);
    await quickInput().locator('.quick-input-list').getByText('Save', { exact: true }).waitFor({ timeout: 20_000 });
    await shot('wizard-connection-test');
    await input().press('Enter');

    const account = page.getByRole('treeitem', { name: /^E2E Alumio/ });
    await account.waitFor({ timeout: 20_000 });
    await account.click();
    await page.getByRole('treeitem', { name: /^ACME Production/ }).waitFor({ timeout: 20_000 });
    await shot('tree-after-wizard');
    const received = sandbox.received.filter((r) => r.url.startsWith('/api/v1/spaces/'));
    assert.ok(received.length > 0);
    assert.ok(received.every((r) => r.headers.authorization === `Bearer ${ALUMIO_SANDBOX.token}`));
  });

  it('opens a space through Open Space… from the command palette, with the tree focused', async () => {
    // The tree keeps focus from the last click: the picker must not lose it back to the tree as it fills.
    await page.getByRole('treeitem', { name: /^E2E Alumio/ }).click();
    await page.keyboard.press('F1');
    await input().fill('>Spaces: Open Space');
    await quickInput().locator('.quick-input-list').getByText('Spaces: Open Space…').first().waitFor();
    await input().press('Enter');
    await quickInput().locator('.quick-input-title').filter({ hasText: /^Open Space$/ }).waitFor();
    await input().fill('ACME Production');
    const row = quickInput().locator('.quick-input-list .monaco-list-row').filter({ hasText: 'ACME Production' }).first();
    await row.waitFor({ timeout: 20_000 });
    // Each row names the vendor and the account.
    assert.match(await row.textContent(), /Alumio · E2E Alumio/);
    await input().press('Enter');
    const tab = page.locator('.tabs-container .tab.active').filter({ hasText: 'ACME Production' });
    await tab.waitFor({ timeout: 20_000 });
    const panel = page.locator('iframe.webview.ready').filter({ visible: true }).contentFrame().locator('iframe#active-frame').contentFrame();
    await panel.locator('.space-id').filter({ hasText: ALUMIO_SANDBOX.spaces.seed }).waitFor({ timeout: 20_000 });
    await shot('open-space');
  });

  it('shows an auth failure as "auth: …" under the space after a refresh', async () => {
    sandbox.addFault({ path: `/api/v1/spaces/${ALUMIO_SANDBOX.spaces.seed}`, kind: 'status', status: 401 });
    const account = page.getByRole('treeitem', { name: /^E2E Alumio/ });
    if ((await account.getAttribute('aria-expanded')) !== 'true') await account.locator('.monaco-tl-twistie').click();
    await account.hover();
    await account.getByRole('button', { name: 'Refresh' }).click();
    const space = page.getByRole('treeitem', { name: /acme-production|ACME Production/ }).first();
    await space.getByText('auth').waitFor({ timeout: 20_000 });
    // Clicking the row opens the space; the twistie expands it.
    await space.locator('.monaco-tl-twistie').click();
    await page.getByRole('treeitem', { name: /^auth: Alumio did not accept/ }).waitFor({ timeout: 20_000 });
    await shot('auth-error-row');
  });
});
