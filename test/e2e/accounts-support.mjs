// Shared by the account e2e files (accounts-*.test.mjs): the workbench session they run in (code-server with
// the packaged VSIX, the Alumio token in its extension host's environment, an editor that types JSON as it is
// typed), the profile's settings.json the commands write, and the requests the sandbox received.
import { before, beforeEach } from 'node:test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { testProfile, ALUMIO_SANDBOX } from '../../out/sandbox/index.js';
import { eventually } from '../harness/wait.mjs';
import { useWorkbench } from '../harness/workbench.mjs';
/** @typedef {import('../harness/workbench.mjs').Session} Session */

/** The variable an env-mapped account reads its Alumio token from (code-server's extension host has it). */
export const TOKEN_VARIABLE = 'SPACES_E2E_ALUMIO_TOKEN';

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

/**
 * settings.json opens in an editor tab, on every VS Code the tiers run: 1.139 would open it in a modal editor
 * (`workbench.editor.useModal`, which 1.96 does not have), 1.96 in a tab.
 */
const SETTINGS_IN_A_TAB = { 'workbench.editor.useModal': 'off' };

/**
 * Call inside a `describe`: the workbench session (see useWorkbench), once the welcome view offers Add Account;
 * before each test, whatever a failed test left open is closed and the sandbox reset. Returns the session,
 * the profile's settings.json (read them once its `before` has run) and the helpers below.
 */
export function useAccountsWorkbench() {
  const session = useWorkbench({
    codeServer(sandbox) {
      const profile = testProfile(sandbox.url);
      return { settings: { ...LITERAL_TYPING, ...SETTINGS_IN_A_TAB }, env: { ...profile.env, [TOKEN_VARIABLE]: ALUMIO_SANDBOX.token } };
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
    const tab = page.locator('.tabs-container .tab.active').filter({ hasText: 'settings.json' });
    await tab.waitFor({ timeout: 20_000 });
    // Typed only once the file's text is shown and the editor has the keyboard: keys sent before either (a
    // busy machine) are lost or overwritten by the text as it loads.
    const editor = page.locator('.editor-group-container.active .editor-container .monaco-editor');
    await editor.locator('.view-lines').filter({ hasText: 'workbench.startupEditor' }).waitFor({ timeout: 20_000 });
    await editor.locator('.view-lines').click();
    await page.locator('.editor-group-container.active .editor-container .monaco-editor.focused').waitFor({ timeout: 20_000 });
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(text);
    await page.keyboard.press('Control+S');
    await eventually(() => readFileSync(settingsFile, 'utf8'), (saved) => saved === text, 'settings.json to be saved as typed');
    await tab.locator('.tab-actions').getByRole('button', { name: /^Close/ }).click();
    await tab.waitFor({ state: 'detached' });
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

  return {
    session,
    get settingsFile() {
      return settingsFile;
    },
    readSettings,
    accounts,
    accountsEventually,
    writeAccounts,
    modalDialog,
    storeToken,
    receivedSince,
    refetch,
    runCommand,
  };
}
