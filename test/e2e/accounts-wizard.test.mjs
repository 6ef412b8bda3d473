// The account wizard as a user runs it in the real workbench with the packaged VSIX: Add Account (step counter,
// Back, validation, a failed connection test and its way back, vendor-specific steps, Save Anyway, the list
// button) and Edit Account, all by typing and clicking. What each writes is read from the profile's
// settings.json; what the extension sends is read from the sandbox. One code-server for the file, the sandbox
// in this process.
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { accountEntry, ALUMIO_SANDBOX, ONEDATA_SANDBOX } from '../../out/sandbox/index.js';
import { useAccountsWorkbench } from './accounts-support.mjs';
/** @typedef {import('../harness/workbench.mjs').Session} Session */

const basic = (user, password) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('the account wizard in the workbench (packaged VSIX)', () => {
  const workbench = useAccountsWorkbench();
  const { readSettings, accountsEventually, writeAccounts, storeToken, receivedSince, refetch } = workbench;
  /** @type {Session['sandbox']} */ let sandbox;
  /** @type {Session['page']} */ let page;
  /** @type {Session['ui']} */ let ui;
  /** The profile's user settings.json, where the commands write. */
  let settingsFile;
  before(() => {
    ({ sandbox, page, ui } = workbench.session);
    settingsFile = workbench.settingsFile;
  });

  describe('Add Account', () => {
    it('Add Account (Alumio): step counter, Back, validation, a refused token going back to the credentials, then saved with the secret outside the settings', async () => {
      const broken = { id: 'Broken Entry', vendor: 'nope', keep: [1, { deep: true }] };
      await writeAccounts([broken]);
      await page.getByRole('treeitem', { name: /Account "entry 1": "id" is missing/ }).waitFor({ timeout: 20_000 });
      const wrongToken = 'wrong-token-1a2b';

      await page.getByRole('button', { name: 'Add Account…' }).click();
      await ui.step('Add Account (1/7)');
      assert.equal(await ui.backButton().count(), 0, 'no Back on the first step');
      await ui.answer('Add Account (1/7)', 'Alumio');
      await ui.step('Add Account (2/7)');
      await ui.backButton().waitFor();
      await ui.message(/^Environment URL/);
      await ui.answer('Add Account (2/7)', sandbox.url);

      // The id: the vendor's id is suggested; a bad one is refused in the input; Back to the URL.
      await ui.step('Add Account (3/7)');
      assert.equal(await ui.input().inputValue(), 'alumio');
      await ui.answer('Add Account (3/7)', 'Not OK');
      await ui.message('Use lowercase letters, digits and dashes, starting with a letter or digit.');
      await ui.step('Add Account (3/7)');
      await ui.backButton().click();
      await ui.step('Add Account (2/7)');
      assert.equal(await ui.input().inputValue(), sandbox.url, 'Back shows the answer given');
      await ui.answer('Add Account (2/7)', `${sandbox.url}/`);
      await ui.answer('Add Account (3/7)', 'acme');
      await ui.answer('Add Account (4/7)', 'ACME');

      // The secret: a password input, required.
      await ui.step('Add Account (5/7)');
      assert.equal(await ui.input().getAttribute('type'), 'password');
      await ui.answer('Add Account (5/7)', '');
      await ui.message('This is required.');
      await ui.answer('Add Account (5/7)', wrongToken);
      await ui.answer('Add Account (6/7)', `${ALUMIO_SANDBOX.spaces.seed}, ${ALUMIO_SANDBOX.spaces.minimal}`);

      // The connection test fails on the wrong token, in plain words, and offers the way back to the credentials.
      await ui.step('Add Account (7/7)');
      await ui.placeholder('The credentials were not accepted.');
      assert.deepEqual(await ui.optionLabels(), [
        'arrow-left  Back to the credentials, Alumio did not accept the API key: Invalid API key.',
        'save  Save Anyway, keep these settings and fix them later',
        'refresh  Test Again',
      ]);
      await ui.shot('wizard-test-failed');
      await ui.option(/Back to the credentials/).click();
      await ui.step('Add Account (5/7)');
      assert.equal(await ui.input().getAttribute('type'), 'password');
      await ui.answer('Add Account (5/7)', ALUMIO_SANDBOX.token);
      await ui.step('Add Account (6/7)');
      assert.equal(await ui.input().inputValue(), `${ALUMIO_SANDBOX.spaces.seed}, ${ALUMIO_SANDBOX.spaces.minimal}`);
      await ui.answer('Add Account (6/7)');
      await ui.step('Add Account (7/7)');
      await ui.placeholder('Save the account?');
      await ui.option('check  Save, Connected: fetched the space "ACME Production".').click();
      await ui.closed();
      await ui.notification('Account "acme" added.');

      const entries = await accountsEventually((e) => e.length === 2, 'the new entry');
      assert.deepEqual(entries[0], broken, 'a broken entry is kept verbatim');
      assert.deepEqual(entries[1], accountEntry('alumio', sandbox.url, 'acme', { label: 'ACME', spaces: [ALUMIO_SANDBOX.spaces.seed, ALUMIO_SANDBOX.spaces.minimal] }));
      const settingsText = readFileSync(settingsFile, 'utf8');
      assert.ok(!settingsText.includes(ALUMIO_SANDBOX.token) && !settingsText.includes(wrongToken), 'no secret in settings.json');

      // The tree reads the token from SecretStorage (the account names no environment variable).
      await ui.expand(ui.accountRow('ACME'));
      await ui.spaceRow('ACME Production').waitFor({ timeout: 20_000 });
      await ui.spaceRow('Minimal space').waitFor({ timeout: 20_000 });
      const fetched = await refetch(ui.accountRow('ACME'), '/api/v1/spaces/', 2);
      assert.ok(fetched.every((r) => r.headers.authorization === `Bearer ${ALUMIO_SANDBOX.token}`));
    });

    it('Add Account (Onedata): the steps follow the vendor (basic auth asks user name and password), Save Anyway keeps a failing account', async () => {
      await writeAccounts([]);
      await page.locator('.welcome-view-content').getByRole('button', { name: 'Add Account' }).click();
      // Alumio's 7 steps until the vendor is picked, Onedata's 8 with a token, 9 once basic auth is picked.
      await ui.answer('Add Account (1/7)', 'Onedata');
      await ui.answer('Add Account (2/8)', 'ftp://nope');
      await ui.message('Enter an http:// or https:// URL.');
      await ui.answer('Add Account (2/8)', sandbox.url);
      await ui.step('Add Account (3/8)');
      await ui.placeholder('Sign in with');
      await ui.option(/^User name and password/).click();
      await ui.answer('Add Account (4/9)', 'zone');
      await ui.answer('Add Account (5/9)', '');
      await ui.step('Add Account (6/9)');
      await ui.message(/^User name/);
      await ui.answer('Add Account (6/9)', ONEDATA_SANDBOX.username);
      await ui.step('Add Account (7/9)');
      await ui.message(/^Password/);
      assert.equal(await ui.input().getAttribute('type'), 'password');
      await ui.answer('Add Account (7/9)', 'not-the-password');
      await ui.answer('Add Account (8/9)', '');
      await ui.step('Add Account (9/9)');
      await ui.placeholder('The credentials were not accepted.');
      await ui.option(/Save Anyway/).click();
      await ui.closed();
      await ui.notification('Account "zone" added.');

      const entries = await accountsEventually((e) => e.length === 1, 'the new entry');
      assert.deepEqual(entries, [accountEntry('onedata', sandbox.url, 'zone', { authMode: 'basic' })], 'an empty label is left out');

      // Kept as typed: the tree lists with the stored user name and password, and shows the refusal.
      const mark = sandbox.received.length;
      await ui.expand(ui.accountRow('zone'));
      await page.getByRole('treeitem', { level: 2, name: /^auth: / }).waitFor({ timeout: 20_000 });
      const listed = receivedSince(mark, '/api/v3/onezone/');
      assert.ok(listed.length > 0);
      assert.ok(listed.every((r) => r.headers.authorization === basic(ONEDATA_SANDBOX.username, 'not-the-password')));
    });

    it("Add Account (Onedata): the spaces step's list button offers the account's own spaces to pin", async () => {
      await writeAccounts([]);
      await page.locator('.welcome-view-content').getByRole('button', { name: 'Add Account' }).click();
      await ui.answer('Add Account (1/7)', 'Onedata');
      await ui.answer('Add Account (2/8)', sandbox.url);
      await ui.step('Add Account (3/8)');
      await ui.option(/^Access token/).click();
      await ui.answer('Add Account (4/8)', 'od');
      await ui.answer('Add Account (5/8)', 'Research');
      await ui.answer('Add Account (6/8)', ONEDATA_SANDBOX.token);
      await ui.step('Add Account (7/8)');
      await ui.quickInput().getByRole('button', { name: "Pick from the account's own spaces" }).click();
      // A pick of several (checkboxes), loaded with the token typed a step ago.
      await ui.placeholder('Spaces to pin under the account (9 listed)');
      const seed = ui.quickInput().getByRole('checkbox', { name: `My Private space, ${ONEDATA_SANDBOX.spaces.seed}` });
      assert.equal(await seed.getAttribute('aria-checked'), 'false');
      await seed.click();
      assert.equal(await seed.getAttribute('aria-checked'), 'true');
      await ui.quickInput().getByRole('button', { name: 'OK' }).click();
      await ui.placeholder('space-id, another-space-id');
      await ui.step('Add Account (7/8)');
      assert.equal(await ui.input().inputValue(), ONEDATA_SANDBOX.spaces.seed);
      await ui.answer('Add Account (7/8)');
      await ui.step('Add Account (8/8)');
      await ui.option('check  Save, Connected: fetched the space "My Private space".').click();
      await ui.closed();

      const entries = await accountsEventually((e) => e.length === 1, 'the new entry');
      assert.deepEqual(entries, [accountEntry('onedata', sandbox.url, 'od', { label: 'Research', authMode: 'token', spaces: [ONEDATA_SANDBOX.spaces.seed] })]);
    });
  });

  describe('Edit Account', () => {
    it('Edit Account: prefilled, vendor and id fixed, written back in place; an empty secret keeps the stored one', async () => {
      const other = { id: 'other', vendor: 'openlayer', workspaceId: 'ws-1', custom: 'kept' };
      await writeAccounts([accountEntry('alumio', sandbox.url, 'edited', { includeSubspaces: false }), other]);
      await storeToken(ui.accountRow('edited'), 'edited', ALUMIO_SANDBOX.token);

      await ui.contextMenu(ui.accountRow('edited'), 'Edit Account');
      // No vendor and no id step: the URL, the label, the secret, the spaces, the test.
      await ui.step('Edit Account "edited" (1/5)');
      assert.equal(await ui.backButton().count(), 0);
      await ui.message(/^Environment URL/);
      assert.equal(await ui.input().inputValue(), sandbox.url);
      await ui.answer('Edit Account "edited" (1/5)');
      await ui.step('Edit Account "edited" (2/5)');
      assert.equal(await ui.input().inputValue(), '');
      await ui.answer('Edit Account "edited" (2/5)', 'Renamed');
      await ui.step('Edit Account "edited" (3/5)');
      await ui.message(/leave empty to keep the stored one/);
      assert.equal(await ui.input().getAttribute('type'), 'password');
      await ui.answer('Edit Account "edited" (3/5)', '');
      await ui.answer('Edit Account "edited" (4/5)', ALUMIO_SANDBOX.spaces.seed);
      await ui.step('Edit Account "edited" (5/5)');
      await ui.option('check  Save, Connected: fetched the space "ACME Production".').click();
      await ui.closed();

      const entries = await accountsEventually((e) => e[0]?.label === 'Renamed', 'the edited entry');
      assert.deepEqual(entries, [accountEntry('alumio', sandbox.url, 'edited', { label: 'Renamed', spaces: [ALUMIO_SANDBOX.spaces.seed], includeSubspaces: false }), other]);

      // The stored token was kept: the renamed account fetches its space with it.
      await ui.expand(ui.accountRow('Renamed'));
      await ui.spaceRow('ACME Production').waitFor({ timeout: 20_000 });
      const fetched = await refetch(ui.accountRow('Renamed'), '/api/v1/spaces/', 1);
      assert.ok(fetched.every((r) => r.headers.authorization === `Bearer ${ALUMIO_SANDBOX.token}`));

      // Pointed at another server (another origin, though the same sandbox), the stored token is not kept.
      const mark = sandbox.received.length;
      const elsewhere = sandbox.url.replace('127.0.0.1', 'localhost');
      await ui.contextMenu(ui.accountRow('Renamed'), 'Edit Account');
      await ui.answer('Edit Account "Renamed" (1/5)', elsewhere);
      await ui.answer('Edit Account "Renamed" (2/5)');
      await ui.step('Edit Account "Renamed" (3/5)');
      await ui.message(/^API key/);
      assert.equal(await ui.quickInput().locator('.quick-input-message').filter({ hasText: /leave empty to keep/ }).count(), 0);
      await ui.answer('Edit Account "Renamed" (3/5)', '');
      await ui.message('This is required.');
      await ui.input().press('Escape');
      await ui.closed();
      assert.equal(readSettings()['spaces.accounts'][0].baseUrl, sandbox.url, 'a cancelled edit wrote nothing');
      // Cancelled before its connection test, the edit sent nothing, to either server.
      assert.deepEqual(receivedSince(mark, '/').map((r) => `${r.method} ${r.url}`), [], 'a cancelled edit sent a request');
      assert.ok(receivedSince(mark, '/').every((r) => r.headers.authorization !== `Bearer ${ALUMIO_SANDBOX.token}`), 'the token went to the other server');
    });
  });
});
