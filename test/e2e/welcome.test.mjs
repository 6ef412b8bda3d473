// The packaged VSIX installed in a real workbench (code-server), driven through Chromium as a user would.
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { useWorkbench } from '../harness/workbench.mjs';
/** @typedef {import('../harness/workbench.mjs').Session} Session */

describe('Spaces view in the workbench (packaged VSIX)', () => {
  // No sandbox: nothing here reaches a vendor. The first test opens the Spaces view itself.
  const session = useWorkbench({ sandbox: false, spacesView: false });
  /** @type {Session['page']} */ let page;
  /** @type {Session['ui']} */ let ui;
  before(() => ({ page, ui } = session));

  it('has a Spaces icon in the activity bar that opens the view with its welcome content', async () => {
    const icon = page.locator('.activitybar').getByRole('tab', { name: /^Spaces/ });
    await icon.click();
    const welcome = page.locator('.welcome-view-content');
    await welcome.getByText('Spaces Explorer shows the spaces of your Alumio').waitFor({ timeout: 20_000 });
    const button = welcome.getByRole('button', { name: 'Add Account' });
    assert.equal(await button.isVisible(), true);
    await ui.shot('welcome');
  });

  it('its Add Account button starts the add-account wizard', async () => {
    await page.locator('.welcome-view-content').getByRole('button', { name: 'Add Account' }).click();
    await ui.step(/^Add Account \(1\/\d+\)/);
    for (const vendor of ['Alumio', 'Sharely.ai', 'Openlayer', 'Onedata', 'IBM Blueworks Live']) {
      await ui.quickInput().locator('.quick-input-list').getByText(vendor, { exact: true }).waitFor();
    }
    await ui.shot('add-account-vendor');
    await page.keyboard.press('Escape');
  });
});
