// The account commands as a user runs them in the real workbench with the packaged VSIX: the Add Account
// wizard (step counter, Back, validation, a failed connection test and its way back, vendor-specific steps,
// Save Anyway, the list button), Edit Account, Remove Account (its modal dialog), Update Credentials, Test
// Connection (its notifications and their actions), Add Space (by id, and Blueworks' find by name) and
// Remove Space, all by typing and clicking. What each writes is read from the profile's settings.json; what
// the extension sends is read from the sandbox. One code-server for the file, the sandbox in this process.
import { before, beforeEach, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { demoProfile, ALUMIO_SANDBOX, ONEDATA_SANDBOX, BLUEWORKS_SANDBOX } from '../../out/sandbox/index.js';
import { eventually } from '../harness/wait.mjs';
import { useWorkbench } from '../harness/workbench.mjs';
/** @typedef {import('../harness/workbench.mjs').Session} Session */

/** The variable an env-mapped account reads its Alumio token from (code-server's extension host has it). */
const TOKEN_VARIABLE = 'SPACES_E2E_ALUMIO_TOKEN';

/**
 * settings.json is edited as a user does it: typed into its editor and saved (code-server does not notice a
 * file written behind its back). Typing one line of JSON, the editor must not add brackets or indentation.
 */
const LITERAL_TYPING = {
  'editor.autoIndent': 'none',
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.autoSurround': 'never',
  'editor.formatOnType': false,
  'editor.formatOnPaste': false,
  'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
};

const basic = (user, password) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;


describe('the account commands in the workbench (packaged VSIX)', () => {
  const session = useWorkbench({
    codeServer(sandbox) {
      const profile = demoProfile(sandbox.url);
      return { settings: LITERAL_TYPING, env: { ...profile.env, [TOKEN_VARIABLE]: ALUMIO_SANDBOX.token } };
    },
  });
  /** @type {Session['sandbox']} */ let sandbox;
  /** @type {Session['page']} */ let page;
  /** @type {Session['ui']} */ let ui;
  /** The profile's user settings.json, where the commands write. */
  let settingsFile;
  before(async () => {
    ({ sandbox, page, ui } = session);
    settingsFile = path.join(session.server.paths.userData, 'User', 'settings.json');
    await page.locator('.welcome-view-content').getByRole('button', { name: 'Add Account' }).waitFor({ timeout: 30_000 });
  });

  // --- the settings ----------------------------------------------------------------------------

  const readSettings = () => JSON.parse(readFileSync(settingsFile, 'utf8'));
  const accounts = () => readSettings()['spaces.accounts'] ?? [];
  /** `read()`, or null while the file is caught half-written. */
  const orNull = (read) => () => {
    try {
      return read();
    } catch {
      return null;
    }
  };
  /** Polls the file until its accounts satisfy `ok`. */
  const accountsEventually = (ok, what) => eventually(orNull(accounts), (entries) => entries !== null && ok(entries), what);

  /** Command palette: runs the command titled `title`, which closes the quick input. */
  async function runCommand(title) {
    await ui.runCommand(title);
    await ui.closed();
  }

  /** Replaces `spaces.accounts` by typing the settings into the user settings.json editor and saving it. */
  async function writeAccounts(entries) {
    const current = await eventually(orNull(readSettings), (settings) => settings !== null, 'settings.json to be readable');
    const text = JSON.stringify({ ...current, 'spaces.accounts': entries });
    await runCommand('Preferences: Open User Settings (JSON)');
    const modal = page.locator('.monaco-modal-editor-block');
    await modal.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(text);
    await page.keyboard.press('Control+S');
    await eventually(() => readFileSync(settingsFile, 'utf8'), (saved) => saved === text, 'settings.json to be saved as typed');
    await page.getByRole('button', { name: /^Close Modal Editor/ }).click();
    await modal.waitFor({ state: 'detached' });
  }

  /** A modal dialog (notification toasts are dialogs too, but not modal ones). */
  const modalDialog = () => page.locator('[role="dialog"][aria-modal="true"]');

  /** Stores `token` for the account through its context menu's Update Credentials…, as a user does. */
  async function storeToken(row, accountLabel, token) {
    await ui.contextMenu(row, 'Update Credentials');
    await ui.answer(`Update Credentials: ${accountLabel} (1/1)`, token);
    await ui.closed();
  }

  /** The requests the sandbox received from `mark` on (an index into `sandbox.received`). */
  const receivedSince = (mark, prefix) => sandbox.received.slice(mark).filter((r) => r.url.startsWith(prefix));

  /**
   * Clicks the row's inline Refresh and returns the `count` requests (or more) it sent under `prefix`:
   * what the tree sends with the account's credentials, where its first fetch may have come from the
   * cache (the wizard's connection test fills it).
   */
  async function refetch(row, prefix, count) {
    const mark = sandbox.received.length;
    await ui.refresh(row);
    return eventually(() => receivedSince(mark, prefix), (requests) => requests.length >= count, `${count} requests under ${prefix}`);
  }

  beforeEach(() => settle());

  /** Closes what a failed test may have left open (a context menu, a quick input, a dialog, the Output panel) and clears the notifications. */
  async function settle() {
    sandbox.reset();
    await ui.closeMenu();
    if (await ui.quickInput().isVisible()) {
      await page.keyboard.press('Escape');
      await ui.closed();
    }
    if (await modalDialog().count()) await modalDialog().getByRole('button', { name: 'Cancel', exact: true }).click();
    if (await page.locator('.part.panel').isVisible()) await runCommand('View: Toggle Panel Visibility');
    await ui.clearNotifications();
    await page.locator('.notification-toast').first().waitFor({ state: 'detached' });
  }

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
    assert.deepEqual(entries[1], { id: 'acme', vendor: 'alumio', label: 'ACME', baseUrl: sandbox.url, spaces: [ALUMIO_SANDBOX.spaces.seed, ALUMIO_SANDBOX.spaces.minimal] });
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
    assert.deepEqual(entries, [{ id: 'zone', vendor: 'onedata', baseUrl: sandbox.url, authMode: 'basic' }], 'an empty label is left out');

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
    assert.deepEqual(entries, [{ id: 'od', vendor: 'onedata', label: 'Research', baseUrl: sandbox.url, authMode: 'token', spaces: [ONEDATA_SANDBOX.spaces.seed] }]);
  });

  it('Edit Account: prefilled, vendor and id fixed, written back in place; an empty secret keeps the stored one', async () => {
    const other = { id: 'other', vendor: 'openlayer', workspaceId: 'ws-1', custom: 'kept' };
    await writeAccounts([{ id: 'edited', vendor: 'alumio', baseUrl: sandbox.url, includeSubspaces: false }, other]);
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
    assert.deepEqual(entries, [{ id: 'edited', vendor: 'alumio', label: 'Renamed', baseUrl: sandbox.url, spaces: [ALUMIO_SANDBOX.spaces.seed], includeSubspaces: false }, other]);

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
    assert.ok(receivedSince(mark, '/').every((r) => r.headers.authorization !== `Bearer ${ALUMIO_SANDBOX.token}`), 'the token went to the other server');
  });

  it('Remove Account: asks in a modal dialog, then deletes the entry and its stored credentials, keeping the other entries verbatim', async () => {
    const keep = { id: 'keep', vendor: 'alumio', baseUrl: sandbox.url, spaces: [ALUMIO_SANDBOX.spaces.minimal] };
    const gone = { id: 'gone', vendor: 'alumio', baseUrl: sandbox.url, spaces: [ALUMIO_SANDBOX.spaces.seed] };
    const broken = { id: 'x', vendor: 'nope' };
    await writeAccounts([keep, gone, broken]);
    await storeToken(ui.accountRow('keep'), 'keep', ALUMIO_SANDBOX.token);
    await storeToken(ui.accountRow('gone'), 'gone', ALUMIO_SANDBOX.token);
    await ui.expand(ui.accountRow('gone'));
    await ui.spaceRow('ACME Production').waitFor({ timeout: 20_000 });

    // Cancelled: nothing changes.
    const dialog = modalDialog();
    await ui.contextMenu(ui.accountRow('gone'), 'Remove Account');
    await dialog.waitFor({ timeout: 20_000 });
    assert.equal(await dialog.getAttribute('aria-modal'), 'true');
    assert.equal((await dialog.locator('.dialog-message-detail, .dialog-message-text').first().innerText()).trim(), 'Remove account "gone"? Its stored credentials are deleted too.');
    await ui.shot('remove-account-dialog');
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.deepEqual(accounts(), [keep, gone, broken]);

    // Asked again (a full round trip later, still nothing written), then removed.
    await ui.contextMenu(ui.accountRow('gone'), 'Remove Account');
    await dialog.waitFor({ timeout: 20_000 });
    assert.deepEqual(accounts(), [keep, gone, broken]);
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.deepEqual(await accountsEventually((e) => e.length === 2, 'the entry to go'), [keep, broken]);
    await ui.accountRow('gone').waitFor({ state: 'detached', timeout: 20_000 });

    // Its credentials went too: the same id added again has none, so its space shows a `config` error.
    await writeAccounts([keep, gone, broken]);
    await ui.expand(ui.accountRow('gone'));
    const space = page.getByRole('treeitem', { level: 2, name: /^config: / });
    await space.waitFor({ timeout: 20_000 });
    await ui.expand(space);
    await page.getByRole('treeitem', { level: 3, name: /^config: No API key is set for this Alumio account: use "Update Credentials…"/ }).waitFor({ timeout: 20_000 });

    // The other account keeps its own.
    await ui.expand(ui.accountRow('keep'));
    await ui.spaceRow('Minimal space').waitFor({ timeout: 20_000 });
    const fetched = await refetch(ui.accountRow('keep'), `/api/v1/spaces/${ALUMIO_SANDBOX.spaces.minimal}`, 1);
    assert.ok(fetched.every((r) => r.headers.authorization === `Bearer ${ALUMIO_SANDBOX.token}`));
  });

  it('Update Credentials: asks in a password input, stores it and reloads the account with it; an env-mapped field is told, not asked', async () => {
    const creds = { id: 'creds', vendor: 'alumio', baseUrl: sandbox.url, spaces: [ALUMIO_SANDBOX.spaces.seed] };
    const fromEnv = { id: 'from-env', vendor: 'alumio', label: 'From env', baseUrl: sandbox.url, spaces: [ALUMIO_SANDBOX.spaces.seed], credentialsFromEnv: { token: TOKEN_VARIABLE } };
    await writeAccounts([creds, fromEnv]);

    await ui.contextMenu(ui.accountRow('creds'), 'Update Credentials');
    await ui.step('Update Credentials: creds (1/1)');
    assert.equal(await ui.input().getAttribute('type'), 'password');
    await ui.message(/^API key/);
    await ui.answer('Update Credentials: creds (1/1)', '');
    await ui.message('This is required.');
    await ui.answer('Update Credentials: creds (1/1)', 'stale-token');
    await ui.closed();
    await ui.expand(ui.accountRow('creds'));
    await page.getByRole('treeitem', { level: 2, name: /^auth: Alumio did not accept/ }).waitFor({ timeout: 20_000 });
    assert.ok(sandbox.received.some((r) => r.headers.authorization === 'Bearer stale-token'));

    // A new token: the account reloads by itself and fetches with it.
    const mark = sandbox.received.length;
    await ui.contextMenu(ui.accountRow('creds'), 'Update Credentials');
    await ui.step('Update Credentials: creds (1/1)');
    await ui.message(/leave empty to keep the stored one/);
    await ui.answer('Update Credentials: creds (1/1)', ALUMIO_SANDBOX.token);
    await ui.closed();
    await ui.spaceRow('ACME Production').waitFor({ timeout: 20_000 });
    const fetched = receivedSince(mark, '/api/v1/spaces/');
    assert.ok(fetched.length > 0 && fetched.every((r) => r.headers.authorization === `Bearer ${ALUMIO_SANDBOX.token}`));

    // The env-mapped account: told where its token comes from, and no input.
    await ui.contextMenu(ui.accountRow('From env'), 'Update Credentials');
    const told = await ui.notification(/^Account "From env" reads/);
    assert.equal(
      await ui.notificationText(told),
      `Account "From env" reads API key (Access Control → API keys) from the environment variable(s) ${TOKEN_VARIABLE} (its "credentialsFromEnv" setting), so there is nothing to store for it.`,
    );
    assert.equal(await ui.quickInput().isVisible(), false, 'nothing is asked');
  });

  it('Test Connection: a success notification; a failure in plain words with its actions, which show the log and update the credentials', async () => {
    const good = { id: 'good', vendor: 'alumio', baseUrl: sandbox.url, spaces: [ALUMIO_SANDBOX.spaces.seed], credentialsFromEnv: { token: TOKEN_VARIABLE } };
    const bad = { id: 'bad', vendor: 'alumio', baseUrl: sandbox.url, spaces: [ALUMIO_SANDBOX.spaces.seed] };
    await writeAccounts([good, bad]);
    await storeToken(ui.accountRow('bad'), 'bad', 'nope-token-e2e');

    await ui.contextMenu(ui.accountRow('good'), 'Test Connection');
    const ok = await ui.notification(/^good: /);
    assert.equal(await ui.notificationText(ok), 'good: Connected: fetched the space "ACME Production".');

    await ui.contextMenu(ui.accountRow('bad'), 'Test Connection');
    const failed = await ui.notification(/^bad: /);
    const text = await ui.notificationText(failed);
    assert.match(text, /^bad: The credentials were not accepted\. /);
    assert.ok(!text.includes('nope-token-e2e'), 'the secret is not in the message');
    assert.deepEqual(await ui.notificationButtons(failed), ['Update Credentials…', 'Show Log']);
    await ui.shot('test-connection-failed');

    // Show Log: the extension's log, which has the test in it.
    await failed.getByRole('button', { name: 'Show Log' }).click();
    const panel = page.locator('.part.panel');
    await panel.locator('.view-lines').filter({ hasText: 'connection test of bad: auth' }).waitFor({ timeout: 20_000 });
    await runCommand('View: Toggle Panel Visibility');
    await panel.waitFor({ state: 'hidden' });

    // Update Credentials…: the password input of that account; then the test passes.
    await ui.contextMenu(ui.accountRow('bad'), 'Test Connection');
    const again = await ui.notification(/^bad: The credentials were not accepted/);
    await again.getByRole('button', { name: 'Update Credentials…' }).click();
    await ui.step('Update Credentials: bad (1/1)');
    assert.equal(await ui.input().getAttribute('type'), 'password');
    await ui.answer('Update Credentials: bad (1/1)', ALUMIO_SANDBOX.token);
    await ui.closed();
    await ui.contextMenu(ui.accountRow('bad'), 'Test Connection');
    const fixed = await ui.notification(/^bad: Connected/);
    assert.equal(await ui.notificationText(fixed), 'bad: Connected: fetched the space "ACME Production".');
  });

  it('Add Space by id: checked by fetching it (one shown already or unknown is refused with a message), then added to the account', async () => {
    const entry = { id: 'add-to', vendor: 'alumio', label: 'Add to', baseUrl: sandbox.url, spaces: [ALUMIO_SANDBOX.spaces.seed], extra: 'kept', credentialsFromEnv: { token: TOKEN_VARIABLE } };
    await writeAccounts([entry]);
    const row = ui.accountRow('Add to');
    await row.waitFor({ timeout: 20_000 });
    await row.hover();
    await row.getByRole('button', { name: 'Add Space' }).click();
    await ui.step('Add Space to "Add to" (1/1)');
    await ui.message(/^Space ID \(checked by fetching it\)/);
    await ui.answer('Add Space to "Add to" (1/1)', ALUMIO_SANDBOX.spaces.seed);
    await ui.message('This space is already shown under the account.');
    await ui.answer('Add Space to "Add to" (1/1)', 'no-such-space');
    await ui.message(/^The space id does not exist \(or these credentials cannot see it\)\./);
    await ui.shot('add-space-unknown-id');
    await ui.answer('Add Space to "Add to" (1/1)', ALUMIO_SANDBOX.spaces.minimal);
    await ui.closed();
    await page.locator('.statusbar').getByText('Added Minimal space to "Add to".').waitFor({ timeout: 20_000 });

    const entries = await accountsEventually((e) => e[0]?.spaces?.length === 2, 'the added space');
    assert.deepEqual(entries, [{ ...entry, spaces: [ALUMIO_SANDBOX.spaces.seed, ALUMIO_SANDBOX.spaces.minimal] }]);
    await ui.expand(ui.accountRow('Add to'));
    await ui.spaceRow('Minimal space').waitFor({ timeout: 20_000 });
  });

  it('Add Space on Blueworks: find by name, pick from the results', async () => {
    const entry = { id: 'bw', vendor: 'blueworks', baseUrl: sandbox.url, clientId: BLUEWORKS_SANDBOX.clientId, credentialsFromEnv: { clientSecret: 'SPACES_DEMO_BLUEWORKS_SECRET' } };
    await writeAccounts([entry]);
    const row = ui.accountRow('bw');
    await row.waitFor({ timeout: 20_000 });
    await row.hover();
    await row.getByRole('button', { name: 'Add Space' }).click();
    // Two steps while "by ID" is the choice, three once "find by name" is.
    await ui.step('Add Space to "bw" (1/2)');
    await ui.placeholder('How to find the space?');
    await ui.option(/Find by name/).click();
    await ui.answer('Add Space to "bw" (2/3)', 'My Space');
    await ui.step('Add Space to "bw" (3/3)');
    await ui.placeholder('Spaces to add (1 found)');
    // A pick of several; the only result is picked already.
    const found = ui.quickInput().getByRole('checkbox', { name: `My Space, ${BLUEWORKS_SANDBOX.spaces.seed}` });
    assert.equal(await found.getAttribute('aria-checked'), 'true');
    await ui.quickInput().getByRole('button', { name: 'OK' }).click();
    await ui.closed();

    const entries = await accountsEventually((e) => Array.isArray(e[0]?.spaces), 'the found space');
    assert.deepEqual(entries, [{ ...entry, spaces: [BLUEWORKS_SANDBOX.spaces.seed] }]);
    await ui.expand(ui.accountRow('bw'));
    await ui.spaceRow('My Space').waitFor({ timeout: 20_000 });
  });

  it('Remove Space: the context menu of a configured space takes its id off the account', async () => {
    const entry = { id: 'trim', vendor: 'alumio', label: 'Trim', baseUrl: sandbox.url, spaces: [ALUMIO_SANDBOX.spaces.seed, ALUMIO_SANDBOX.spaces.minimal], credentialsFromEnv: { token: TOKEN_VARIABLE } };
    const broken = { id: 'Bad', vendor: 'x' };
    await writeAccounts([entry, broken]);
    await ui.expand(ui.accountRow('Trim'));
    await ui.spaceRow('ACME Production').waitFor({ timeout: 20_000 });
    await ui.contextMenu(ui.spaceRow('Minimal space'), 'Remove Space');
    const entries = await accountsEventually((e) => e[0]?.spaces?.length === 1, 'the space to go');
    assert.deepEqual(entries, [{ ...entry, spaces: [ALUMIO_SANDBOX.spaces.seed] }, broken]);
    await ui.spaceRow('Minimal space').waitFor({ state: 'detached', timeout: 20_000 });
    await ui.spaceRow('ACME Production').waitFor();
  });
});
