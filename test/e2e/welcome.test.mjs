// The packaged VSIX installed in a real workbench (code-server), driven through Chromium as a user would.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startCodeServer } from '../harness/codeServer.mjs';
import { launchBrowser, openWorkbench } from '../harness/browser.mjs';

const VSIX = process.env.SPACES_VSIX;
const SHOTS = path.resolve(import.meta.dirname, '..', '..', '.test-output', 'screenshots');

describe('Spaces view in the workbench (packaged VSIX)', () => {
  let server;
  let browser;
  let page;

  before(async () => {
    assert.ok(VSIX, 'SPACES_VSIX must name the packaged extension (npm run package)');
    mkdirSync(SHOTS, { recursive: true });
    server = await startCodeServer({ vsix: VSIX });
    browser = await launchBrowser();
    page = browser.page;
    await openWorkbench(page, server.workspaceUrl);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('has a Spaces icon in the activity bar that opens the view with its welcome content', async () => {
    const icon = page.locator('.activitybar').getByRole('tab', { name: /^Spaces/ });
    await icon.click();
    const welcome = page.locator('.welcome-view-content');
    await welcome.getByText('Spaces Explorer shows the spaces of your Alumio').waitFor({ timeout: 20_000 });
    const button = welcome.getByRole('button', { name: 'Add Account' });
    assert.equal(await button.isVisible(), true);
    await page.screenshot({ path: path.join(SHOTS, 'welcome.png') });
  });

  it('its Add Account button starts the add-account wizard', async () => {
    await page.locator('.welcome-view-content').getByRole('button', { name: 'Add Account' }).click();
    const quickInput = page.locator('.quick-input-widget');
    await quickInput.locator('.quick-input-title').filter({ hasText: /^Add Account \(1\/\d+\)/ }).waitFor({ timeout: 20_000 });
    for (const vendor of ['Alumio', 'Sharely.ai', 'Openlayer', 'Onedata', 'IBM Blueworks Live']) {
      await quickInput.locator('.quick-input-list').getByText(vendor, { exact: true }).waitFor();
    }
    await page.screenshot({ path: path.join(SHOTS, 'add-account-vendor.png') });
    await page.keyboard.press('Escape');
  });
});
