// The account commands as a user runs them in the real workbench with the packaged VSIX: the Add Account
// wizard (step counter, Back, validation, a failed connection test and its way back, vendor-specific steps,
// Save Anyway, the list button), Edit Account, Remove Account (its modal dialog), Update Credentials, Test
// Connection (its notifications and their actions), Add Space (by id, and Blueworks' find by name) and
// Remove Space, all by typing and clicking. What each writes is read from the profile's settings.json; what
// the extension sends is read from the sandbox. One code-server for the file, the sandbox in this process.
import { after, before, beforeEach, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { startCodeServer } from '../harness/codeServer.mjs';
import { escapeRegExp, poll } from '../harness/wait.mjs';
import { launchBrowser, openWorkbench } from '../harness/browser.mjs';
import { workbench } from '../harness/workbench.mjs';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const { startSandbox, demoProfile, ALUMIO_SANDBOX, ONEDATA_SANDBOX, BLUEWORKS_SANDBOX } = require(path.join(ROOT, 'out', 'sandbox', 'index.js'));
const SHOTS = path.join(ROOT, '.test-output', 'screenshots');

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
  let sandbox;
  let server;
  let browser;
  let page;
  let settingsFile;

  const shot = (name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

  // --- the quick input -------------------------------------------------------------------------

  /** The workbench's quick input, palette, menus and notifications (test/harness/workbench.mjs). */
  let ui;
  const quickInput = () => ui.quickInput();
  const input = () => ui.input();
  const backButton = () => quickInput().locator('.quick-input-left-action-bar').getByRole('button', { name: /^Back/ });

  /** Waits for the quick input's title to read exactly `title` (with its step counter, e.g. "Add Account (2/7)"). */
  const step = (title) => ui.step(title);

  /** At step `title`: types `text` (unless undefined) and presses Enter. */
  async function answer(title, text) {
    await step(title);
    if (text !== undefined) await input().fill(text);
    await input().press('Enter');
  }

  /** Waits for the message under the input (its prompt, or a validation problem) to match `pattern`. */
  async function message(pattern) {
    await quickInput().locator('.quick-input-message').filter({ hasText: pattern }).waitFor({ timeout: 20_000 });
  }

  /** Waits for the quick pick's placeholder (or the one its items set once loaded) to be `text`. */
  async function placeholder(text) {
    await quickInput().locator(`input.input[placeholder=${JSON.stringify(text)}]`).waitFor({ timeout: 20_000 });
  }

  const option = (name) => ui.option(name);
  const optionLabels = () => quickInput().getByRole('option').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label')));
  const closed = () => ui.closed();

  // --- the settings and the tree ---------------------------------------------------------------

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
  const accountsEventually = (ok, what) => poll(orNull(accounts), (entries) => entries !== null && ok(entries), what);

  /** Command palette: runs the command titled `title`, which closes the quick input. */
  async function runCommand(title) {
    await ui.runCommand(title);
    await closed();
  }

  /** Replaces `spaces.accounts` by typing the settings into the user settings.json editor and saving it. */
  async function writeAccounts(entries) {
    const current = await poll(orNull(readSettings), (settings) => settings !== null, 'settings.json to be readable');
    const text = JSON.stringify({ ...current, 'spaces.accounts': entries });
    await runCommand('Preferences: Open User Settings (JSON)');
    const modal = page.locator('.monaco-modal-editor-block');
    await modal.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(text);
    await page.keyboard.press('Control+S');
    await poll(() => readFileSync(settingsFile, 'utf8'), (saved) => saved === text, 'settings.json to be saved as typed');
    await page.getByRole('button', { name: /^Close Modal Editor/ }).click();
    await modal.waitFor({ state: 'detached' });
  }

  /** The account's row: its label (or id) then its vendor. */
  const accountRow = (label) => page.getByRole('treeitem', { level: 1, name: new RegExp(`^${escapeRegExp(label)} `) });
  const spaceRow = (name) => page.getByRole('treeitem', { level: 2, name: new RegExp(`^${escapeRegExp(name)}`) });

  async function expand(row) {
    await row.waitFor({ timeout: 20_000 });
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
  }

  const contextMenu = (row, name) => ui.contextMenu(row, name);

  /** A modal dialog (notification toasts are dialogs too, but not modal ones). */
  const modalDialog = () => page.locator('[role="dialog"][aria-modal="true"]');

  const shownNotification = (pattern) => ui.notification(pattern);
  const notificationText = (item) => item.locator('.notification-list-item-message').innerText();
  const notificationButtons = (item) => item.locator('.notification-list-item-buttons-container').getByRole('button').allTextContents();

  /** Stores `token` for the account through its context menu's Update Credentials…, as a user does. */
  async function storeToken(row, accountLabel, token) {
    await contextMenu(row, 'Update Credentials');
    await answer(`Update Credentials: ${accountLabel} (1/1)`, token);
    await closed();
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
    await row.hover();
    await row.getByRole('button', { name: 'Refresh' }).click();
    return poll(() => receivedSince(mark, prefix), (requests) => requests.length >= count, `${count} requests under ${prefix}`);
  }

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    sandbox = await startSandbox();
    const profile = demoProfile(sandbox.url);
    server = await startCodeServer({
      vsix: process.env.SPACES_VSIX,
      settings: LITERAL_TYPING,
      env: { ...profile.env, [TOKEN_VARIABLE]: ALUMIO_SANDBOX.token },
    });
    settingsFile = path.join(server.paths.userData, 'User', 'settings.json');
    browser = await launchBrowser();
    page = browser.page;
    ui = workbench(page);
    await openWorkbench(page, server.workspaceUrl);
    await page.locator('.activitybar').getByRole('tab', { name: /^Spaces/ }).click();
    await page.locator('.welcome-view-content').getByRole('button', { name: 'Add Account' }).waitFor({ timeout: 30_000 });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await sandbox?.close();
  });

  beforeEach(async () => {
    await onFailureShoot('before-each', settle);
  });

  /** Closes what a failed test may have left open (a quick input, a dialog, the Output panel) and clears the notifications. */
  async function settle() {
    sandbox.reset();
    if (await quickInput().isVisible()) {
      await page.keyboard.press('Escape');
      await closed();
    }
    if (await modalDialog().count()) await modalDialog().getByRole('button', { name: 'Cancel', exact: true }).click();
    if (await page.locator('.part.panel').isVisible()) await runCommand('View: Toggle Panel Visibility');
    await runCommand('Notifications: Clear All Notifications');
    await page.locator('.notification-toast').first().waitFor({ state: 'detached' });
  }

  /** Runs `fn`; if it fails, keeps a screenshot of the workbench as it was (`failed-<name>.png`). */
  async function onFailureShoot(name, fn) {
    try {
      await fn();
    } catch (err) {
      await shot(`failed-${name}`).catch(() => {});
      throw err;
    }
  }

  /** A test of this file: its screenshot is kept when it fails. */
  const test = (name, fn) => it(name, () => onFailureShoot(name.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60), fn));

  test('Add Account (Alumio): step counter, Back, validation, a refused token going back to the credentials, then saved with the secret outside the settings', async () => {
    const broken = { id: 'Broken Entry', vendor: 'nope', keep: [1, { deep: true }] };
    await writeAccounts([broken]);
    await page.getByRole('treeitem', { name: /Account "entry 1": "id" is missing/ }).waitFor({ timeout: 20_000 });
    const wrongToken = 'wrong-token-1a2b';

    await page.getByRole('button', { name: 'Add Account…' }).click();
    await step('Add Account (1/7)');
    assert.equal(await backButton().count(), 0, 'no Back on the first step');
    await answer('Add Account (1/7)', 'Alumio');
    await step('Add Account (2/7)');
    await backButton().waitFor();
    await message(/^Environment URL/);
    await answer('Add Account (2/7)', sandbox.url);

    // The id: the vendor's id is suggested; a bad one is refused in the input; Back to the URL.
    await step('Add Account (3/7)');
    assert.equal(await input().inputValue(), 'alumio');
    await answer('Add Account (3/7)', 'Not OK');
    await message('Use lowercase letters, digits and dashes, starting with a letter or digit.');
    await step('Add Account (3/7)');
    await backButton().click();
    await step('Add Account (2/7)');
    assert.equal(await input().inputValue(), sandbox.url, 'Back shows the answer given');
    await answer('Add Account (2/7)', `${sandbox.url}/`);
    await answer('Add Account (3/7)', 'acme');
    await answer('Add Account (4/7)', 'ACME');

    // The secret: a password input, required.
    await step('Add Account (5/7)');
    assert.equal(await input().getAttribute('type'), 'password');
    await answer('Add Account (5/7)', '');
    await message('This is required.');
    await answer('Add Account (5/7)', wrongToken);
    await answer('Add Account (6/7)', `${ALUMIO_SANDBOX.spaces.seed}, ${ALUMIO_SANDBOX.spaces.minimal}`);

    // The connection test fails on the wrong token, in plain words, and offers the way back to the credentials.
    await step('Add Account (7/7)');
    await placeholder('The credentials were not accepted.');
    assert.deepEqual(await optionLabels(), [
      'arrow-left  Back to the credentials, Alumio did not accept the API key: Invalid API key.',
      'save  Save Anyway, keep these settings and fix them later',
      'refresh  Test Again',
    ]);
    await shot('wizard-test-failed');
    await option(/Back to the credentials/).click();
    await step('Add Account (5/7)');
    assert.equal(await input().getAttribute('type'), 'password');
    await answer('Add Account (5/7)', ALUMIO_SANDBOX.token);
    await step('Add Account (6/7)');
    assert.equal(await input().inputValue(), `${ALUMIO_SANDBOX.spaces.seed}, ${ALUMIO_SANDBOX.spaces.minimal}`);
    await answer('Add Account (6/7)');
    await step('Add Account (7/7)');
    await placeholder('Save the account?');
    await option('check  Save, Connected: fetched the space "ACME Production".').click();
    await closed();
    await shownNotification('Account "acme" added.');

    const entries = await accountsEventually((e) => e.length === 2, 'the new entry');
    assert.deepEqual(entries[0], broken, 'a broken entry is kept verbatim');
    assert.deepEqual(entries[1], { id: 'acme', vendor: 'alumio', label: 'ACME', baseUrl: sandbox.url, spaces: [ALUMIO_SANDBOX.spaces.seed, ALUMIO_SANDBOX.spaces.minimal] });
    const settingsText = readFileSync(settingsFile, 'utf8');
    assert.ok(!settingsText.includes(ALUMIO_SANDBOX.token) && !settingsText.includes(wrongToken), 'no secret in settings.json');

    // The tree reads the token from SecretStorage (the account names no environment variable).
    await expand(accountRow('ACME'));
    await spaceRow('ACME Production').waitFor({ timeout: 20_000 });
    await spaceRow('Minimal space').waitFor({ timeout: 20_000 });
    const fetched = await refetch(accountRow('ACME'), '/api/v1/spaces/', 2);
    assert.ok(fetched.every((r) => r.headers.authorization === `Bearer ${ALUMIO_SANDBOX.token}`));
  });

  test('Add Account (Onedata): the steps follow the vendor (basic auth asks user name and password), Save Anyway keeps a failing account', async () => {
    await writeAccounts([]);
    await page.locator('.welcome-view-content').getByRole('button', { name: 'Add Account' }).click();
    // Alumio's 7 steps until the vendor is picked, Onedata's 8 with a token, 9 once basic auth is picked.
    await answer('Add Account (1/7)', 'Onedata');
    await answer('Add Account (2/8)', 'ftp://nope');
    await message('Enter an http:// or https:// URL.');
    await answer('Add Account (2/8)', sandbox.url);
    await step('Add Account (3/8)');
    await placeholder('Sign in with');
    await option(/^User name and password/).click();
    await answer('Add Account (4/9)', 'zone');
    await answer('Add Account (5/9)', '');
    await step('Add Account (6/9)');
    await message(/^User name/);
    await answer('Add Account (6/9)', ONEDATA_SANDBOX.username);
    await step('Add Account (7/9)');
    await message(/^Password/);
    assert.equal(await input().getAttribute('type'), 'password');
    await answer('Add Account (7/9)', 'not-the-password');
    await answer('Add Account (8/9)', '');
    await step('Add Account (9/9)');
    await placeholder('The credentials were not accepted.');
    await option(/Save Anyway/).click();
    await closed();
    await shownNotification('Account "zone" added.');

    const entries = await accountsEventually((e) => e.length === 1, 'the new entry');
    assert.deepEqual(entries, [{ id: 'zone', vendor: 'onedata', baseUrl: sandbox.url, authMode: 'basic' }], 'an empty label is left out');

    // Kept as typed: the tree lists with the stored user name and password, and shows the refusal.
    const mark = sandbox.received.length;
    await expand(accountRow('zone'));
    await page.getByRole('treeitem', { level: 2, name: /^auth: / }).waitFor({ timeout: 20_000 });
    const listed = receivedSince(mark, '/api/v3/onezone/');
    assert.ok(listed.length > 0);
    assert.ok(listed.every((r) => r.headers.authorization === basic(ONEDATA_SANDBOX.username, 'not-the-password')));
  });

  test("Add Account (Onedata): the spaces step's list button offers the account's own spaces to pin", async () => {
    await writeAccounts([]);
    await page.locator('.welcome-view-content').getByRole('button', { name: 'Add Account' }).click();
    await answer('Add Account (1/7)', 'Onedata');
    await answer('Add Account (2/8)', sandbox.url);
    await step('Add Account (3/8)');
    await option(/^Access token/).click();
    await answer('Add Account (4/8)', 'od');
    await answer('Add Account (5/8)', 'Research');
    await answer('Add Account (6/8)', ONEDATA_SANDBOX.token);
    await step('Add Account (7/8)');
    await quickInput().getByRole('button', { name: "Pick from the account's own spaces" }).click();
    // A pick of several (checkboxes), loaded with the token typed a step ago.
    await placeholder('Spaces to pin under the account (9 listed)');
    const seed = quickInput().getByRole('checkbox', { name: `My Private space, ${ONEDATA_SANDBOX.spaces.seed}` });
    assert.equal(await seed.getAttribute('aria-checked'), 'false');
    await seed.click();
    assert.equal(await seed.getAttribute('aria-checked'), 'true');
    await quickInput().getByRole('button', { name: 'OK' }).click();
    await placeholder('space-id, another-space-id');
    await step('Add Account (7/8)');
    assert.equal(await input().inputValue(), ONEDATA_SANDBOX.spaces.seed);
    await answer('Add Account (7/8)');
    await step('Add Account (8/8)');
    await option('check  Save, Connected: fetched the space "My Private space".').click();
    await closed();

    const entries = await accountsEventually((e) => e.length === 1, 'the new entry');
    assert.deepEqual(entries, [{ id: 'od', vendor: 'onedata', label: 'Research', baseUrl: sandbox.url, authMode: 'token', spaces: [ONEDATA_SANDBOX.spaces.seed] }]);
  });

  test('Edit Account: prefilled, vendor and id fixed, written back in place; an empty secret keeps the stored one', async () => {
    const other = { id: 'other', vendor: 'openlayer', workspaceId: 'ws-1', custom: 'kept' };
    await writeAccounts([{ id: 'edited', vendor: 'alumio', baseUrl: sandbox.url, includeSubspaces: false }, other]);
    await storeToken(accountRow('edited'), 'edited', ALUMIO_SANDBOX.token);

    await contextMenu(accountRow('edited'), 'Edit Account');
    // No vendor and no id step: the URL, the label, the secret, the spaces, the test.
    await step('Edit Account "edited" (1/5)');
    assert.equal(await backButton().count(), 0);
    await message(/^Environment URL/);
    assert.equal(await input().inputValue(), sandbox.url);
    await answer('Edit Account "edited" (1/5)');
    await step('Edit Account "edited" (2/5)');
    assert.equal(await input().inputValue(), '');
    await answer('Edit Account "edited" (2/5)', 'Renamed');
    await step('Edit Account "edited" (3/5)');
    await message(/leave empty to keep the stored one/);
    assert.equal(await input().getAttribute('type'), 'password');
    await answer('Edit Account "edited" (3/5)', '');
    await answer('Edit Account "edited" (4/5)', ALUMIO_SANDBOX.spaces.seed);
    await step('Edit Account "edited" (5/5)');
    await option('check  Save, Connected: fetched the space "ACME Production".').click();
    await closed();

    const entries = await accountsEventually((e) => e[0]?.label === 'Renamed', 'the edited entry');
    assert.deepEqual(entries, [{ id: 'edited', vendor: 'alumio', label: 'Renamed', baseUrl: sandbox.url, spaces: [ALUMIO_SANDBOX.spaces.seed], includeSubspaces: false }, other]);

    // The stored token was kept: the renamed account fetches its space with it.
    await expand(accountRow('Renamed'));
    await spaceRow('ACME Production').waitFor({ timeout: 20_000 });
    const fetched = await refetch(accountRow('Renamed'), '/api/v1/spaces/', 1);
    assert.ok(fetched.every((r) => r.headers.authorization === `Bearer ${ALUMIO_SANDBOX.token}`));

    // Pointed at another server (another origin, though the same sandbox), the stored token is not kept.
    const mark = sandbox.received.length;
    const elsewhere = sandbox.url.replace('127.0.0.1', 'localhost');
    await contextMenu(accountRow('Renamed'), 'Edit Account');
    await answer('Edit Account "Renamed" (1/5)', elsewhere);
    await answer('Edit Account "Renamed" (2/5)');
    await step('Edit Account "Renamed" (3/5)');
    await message(/^API key/);
    assert.equal(await quickInput().locator('.quick-input-message').filter({ hasText: /leave empty to keep/ }).count(), 0);
    await answer('Edit Account "Renamed" (3/5)', '');
    await message('This is required.');
    await input().press('Escape');
    await closed();
    assert.equal(readSettings()['spaces.accounts'][0].baseUrl, sandbox.url, 'a cancelled edit wrote nothing');
    assert.ok(receivedSince(mark, '/').every((r) => r.headers.authorization !== `Bearer ${ALUMIO_SANDBOX.token}`), 'the token went to the other server');
  });

  test('Remove Account: asks in a modal dialog, then deletes the entry and its stored credentials, keeping the other entries verbatim', async () => {
    const keep = { id: 'keep', vendor: 'alumio', baseUrl: sandbox.url, spaces: [ALUMIO_SANDBOX.spaces.minimal] };
    const gone = { id: 'gone', vendor: 'alumio', baseUrl: sandbox.url, spaces: [ALUMIO_SANDBOX.spaces.seed] };
    const broken = { id: 'x', vendor: 'nope' };
    await writeAccounts([keep, gone, broken]);
    await storeToken(accountRow('keep'), 'keep', ALUMIO_SANDBOX.token);
    await storeToken(accountRow('gone'), 'gone', ALUMIO_SANDBOX.token);
    await expand(accountRow('gone'));
    await spaceRow('ACME Production').waitFor({ timeout: 20_000 });

    // Cancelled: nothing changes.
    const dialog = modalDialog();
    await contextMenu(accountRow('gone'), 'Remove Account');
    await dialog.waitFor({ timeout: 20_000 });
    assert.equal(await dialog.getAttribute('aria-modal'), 'true');
    assert.equal((await dialog.locator('.dialog-message-detail, .dialog-message-text').first().innerText()).trim(), 'Remove account "gone"? Its stored credentials are deleted too.');
    await shot('remove-account-dialog');
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.deepEqual(accounts(), [keep, gone, broken]);

    // Asked again (a full round trip later, still nothing written), then removed.
    await contextMenu(accountRow('gone'), 'Remove Account');
    await dialog.waitFor({ timeout: 20_000 });
    assert.deepEqual(accounts(), [keep, gone, broken]);
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.deepEqual(await accountsEventually((e) => e.length === 2, 'the entry to go'), [keep, broken]);
    await accountRow('gone').waitFor({ state: 'detached', timeout: 20_000 });

    // Its credentials went too: the same id added again has none, so its space shows a `config` error.
    await writeAccounts([keep, gone, broken]);
    await expand(accountRow('gone'));
    const space = page.getByRole('treeitem', { level: 2, name: /^config: / });
    await space.waitFor({ timeout: 20_000 });
    await space.locator('.monaco-tl-twistie').click();
    await page.getByRole('treeitem', { level: 3, name: /^config: No API key is set for this Alumio account: use "Update Credentials…"/ }).waitFor({ timeout: 20_000 });

    // The other account keeps its own.
    await expand(accountRow('keep'));
    await spaceRow('Minimal space').waitFor({ timeout: 20_000 });
    const fetched = await refetch(accountRow('keep'), `/api/v1/spaces/${ALUMIO_SANDBOX.spaces.minimal}`, 1);
    assert.ok(fetched.every((r) => r.headers.authorization === `Bearer ${ALUMIO_SANDBOX.token}`));
  });

  test('Update Credentials: asks in a password input, stores it and reloads the account with it; an env-mapped field is told, not asked', async () => {
    const creds = { id: 'creds', vendor: 'alumio', baseUrl: sandbox.url, spaces: [ALUMIO_SANDBOX.spaces.seed] };
    const fromEnv = { id: 'from-env', vendor: 'alumio', label: 'From env', baseUrl: sandbox.url, spaces: [ALUMIO_SANDBOX.spaces.seed], credentialsFromEnv: { token: TOKEN_VARIABLE } };
    await writeAccounts([creds, fromEnv]);

    await contextMenu(accountRow('creds'), 'Update Credentials');
    await step('Update Credentials: creds (1/1)');
    assert.equal(await input().getAttribute('type'), 'password');
    await message(/^API key/);
    await answer('Update Credentials: creds (1/1)', '');
    await message('This is required.');
    await answer('Update Credentials: creds (1/1)', 'stale-token');
    await closed();
    await expand(accountRow('creds'));
    await page.getByRole('treeitem', { level: 2, name: /^auth: Alumio did not accept/ }).waitFor({ timeout: 20_000 });
    assert.ok(sandbox.received.some((r) => r.headers.authorization === 'Bearer stale-token'));

    // A new token: the account reloads by itself and fetches with it.
    const mark = sandbox.received.length;
    await contextMenu(accountRow('creds'), 'Update Credentials');
    await step('Update Credentials: creds (1/1)');
    await message(/leave empty to keep the stored one/);
    await answer('Update Credentials: creds (1/1)', ALUMIO_SANDBOX.token);
    await closed();
    await spaceRow('ACME Production').waitFor({ timeout: 20_000 });
    const fetched = receivedSince(mark, '/api/v1/spaces/');
    assert.ok(fetched.length > 0 && fetched.every((r) => r.headers.authorization === `Bearer ${ALUMIO_SANDBOX.token}`));

    // The env-mapped account: told where its token comes from, and no input.
    await contextMenu(accountRow('From env'), 'Update Credentials');
    const told = await shownNotification(/^Account "From env" reads/);
    assert.equal(
      await notificationText(told),
      `Account "From env" reads API key (Access Control → API keys) from the environment variable(s) ${TOKEN_VARIABLE} (its "credentialsFromEnv" setting), so there is nothing to store for it.`,
    );
    assert.equal(await quickInput().isVisible(), false, 'nothing is asked');
  });

  test('Test Connection: a success notification; a failure in plain words with its actions, which show the log and update the credentials', async () => {
    const good = { id: 'good', vendor: 'alumio', baseUrl: sandbox.url, spaces: [ALUMIO_SANDBOX.spaces.seed], credentialsFromEnv: { token: TOKEN_VARIABLE } };
    const bad = { id: 'bad', vendor: 'alumio', baseUrl: sandbox.url, spaces: [ALUMIO_SANDBOX.spaces.seed] };
    await writeAccounts([good, bad]);
    await storeToken(accountRow('bad'), 'bad', 'nope-token-e2e');

    await contextMenu(accountRow('good'), 'Test Connection');
    const ok = await shownNotification(/^good: /);
    assert.equal(await notificationText(ok), 'good: Connected: fetched the space "ACME Production".');

    await contextMenu(accountRow('bad'), 'Test Connection');
    const failed = await shownNotification(/^bad: /);
    const text = await notificationText(failed);
    assert.match(text, /^bad: The credentials were not accepted\. /);
    assert.ok(!text.includes('nope-token-e2e'), 'the secret is not in the message');
    assert.deepEqual(await notificationButtons(failed), ['Update Credentials…', 'Show Log']);
    await shot('test-connection-failed');

    // Show Log: the extension's log, which has the test in it.
    await failed.getByRole('button', { name: 'Show Log' }).click();
    const panel = page.locator('.part.panel');
    await panel.locator('.view-lines').filter({ hasText: 'connection test of bad: auth' }).waitFor({ timeout: 20_000 });
    await runCommand('View: Toggle Panel Visibility');
    await panel.waitFor({ state: 'hidden' });

    // Update Credentials…: the password input of that account; then the test passes.
    await contextMenu(accountRow('bad'), 'Test Connection');
    const again = await shownNotification(/^bad: The credentials were not accepted/);
    await again.getByRole('button', { name: 'Update Credentials…' }).click();
    await step('Update Credentials: bad (1/1)');
    assert.equal(await input().getAttribute('type'), 'password');
    await answer('Update Credentials: bad (1/1)', ALUMIO_SANDBOX.token);
    await closed();
    await contextMenu(accountRow('bad'), 'Test Connection');
    const fixed = await shownNotification(/^bad: Connected/);
    assert.equal(await notificationText(fixed), 'bad: Connected: fetched the space "ACME Production".');
  });

  test('Add Space by id: checked by fetching it (one shown already or unknown is refused with a message), then added to the account', async () => {
    const entry = { id: 'add-to', vendor: 'alumio', label: 'Add to', baseUrl: sandbox.url, spaces: [ALUMIO_SANDBOX.spaces.seed], extra: 'kept', credentialsFromEnv: { token: TOKEN_VARIABLE } };
    await writeAccounts([entry]);
    const row = accountRow('Add to');
    await row.waitFor({ timeout: 20_000 });
    await row.hover();
    await row.getByRole('button', { name: 'Add Space' }).click();
    await step('Add Space to "Add to" (1/1)');
    await message(/^Space ID \(checked by fetching it\)/);
    await answer('Add Space to "Add to" (1/1)', ALUMIO_SANDBOX.spaces.seed);
    await message('This space is already shown under the account.');
    await answer('Add Space to "Add to" (1/1)', 'no-such-space');
    await message(/^The space id does not exist \(or these credentials cannot see it\)\./);
    await shot('add-space-unknown-id');
    await answer('Add Space to "Add to" (1/1)', ALUMIO_SANDBOX.spaces.minimal);
    await closed();
    await page.locator('.statusbar').getByText('Added Minimal space to "Add to".').waitFor({ timeout: 20_000 });

    const entries = await accountsEventually((e) => e[0]?.spaces?.length === 2, 'the added space');
    assert.deepEqual(entries, [{ ...entry, spaces: [ALUMIO_SANDBOX.spaces.seed, ALUMIO_SANDBOX.spaces.minimal] }]);
    await expand(accountRow('Add to'));
    await spaceRow('Minimal space').waitFor({ timeout: 20_000 });
  });

  test('Add Space on Blueworks: find by name, pick from the results', async () => {
    const entry = { id: 'bw', vendor: 'blueworks', baseUrl: sandbox.url, clientId: BLUEWORKS_SANDBOX.clientId, credentialsFromEnv: { clientSecret: 'SPACES_DEMO_BLUEWORKS_SECRET' } };
    await writeAccounts([entry]);
    const row = accountRow('bw');
    await row.waitFor({ timeout: 20_000 });
    await row.hover();
    await row.getByRole('button', { name: 'Add Space' }).click();
    // Two steps while "by ID" is the choice, three once "find by name" is.
    await step('Add Space to "bw" (1/2)');
    await placeholder('How to find the space?');
    await option(/Find by name/).click();
    await answer('Add Space to "bw" (2/3)', 'My Space');
    await step('Add Space to "bw" (3/3)');
    await placeholder('Spaces to add (1 found)');
    // A pick of several; the only result is picked already.
    const found = quickInput().getByRole('checkbox', { name: `My Space, ${BLUEWORKS_SANDBOX.spaces.seed}` });
    assert.equal(await found.getAttribute('aria-checked'), 'true');
    await quickInput().getByRole('button', { name: 'OK' }).click();
    await closed();

    const entries = await accountsEventually((e) => Array.isArray(e[0]?.spaces), 'the found space');
    assert.deepEqual(entries, [{ ...entry, spaces: [BLUEWORKS_SANDBOX.spaces.seed] }]);
    await expand(accountRow('bw'));
    await spaceRow('My Space').waitFor({ timeout: 20_000 });
  });

  test('Remove Space: the context menu of a configured space takes its id off the account', async () => {
    const entry = { id: 'trim', vendor: 'alumio', label: 'Trim', baseUrl: sandbox.url, spaces: [ALUMIO_SANDBOX.spaces.seed, ALUMIO_SANDBOX.spaces.minimal], credentialsFromEnv: { token: TOKEN_VARIABLE } };
    const broken = { id: 'Bad', vendor: 'x' };
    await writeAccounts([entry, broken]);
    await expand(accountRow('Trim'));
    await spaceRow('ACME Production').waitFor({ timeout: 20_000 });
    await contextMenu(spaceRow('Minimal space'), 'Remove Space');
    const entries = await accountsEventually((e) => e[0]?.spaces?.length === 1, 'the space to go');
    assert.deepEqual(entries, [{ ...entry, spaces: [ALUMIO_SANDBOX.spaces.seed] }, broken]);
    await spaceRow('Minimal space').waitFor({ state: 'detached', timeout: 20_000 });
    await spaceRow('ACME Production').waitFor();
  });
});
