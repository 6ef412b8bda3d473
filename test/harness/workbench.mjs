// Driving the real workbench as a user does: the session every e2e file runs in (sandbox, code-server with the
// packaged VSIX, Chromium), the quick input, the command palette, context menus, the notification center, the
// Spaces tree, the space panel's frame and screenshots. One place for these, for every e2e file.
import { after, afterEach, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startSandbox } from '../../out/sandbox/index.js';
import { launchBrowser, openWorkbench } from './browser.mjs';
import { startCodeServer } from './codeServer.mjs';
import { escapeRegExp } from './wait.mjs';

const SHOTS = path.resolve(import.meta.dirname, '..', '..', '.test-output', 'screenshots');

/** The packaged extension under test: test/run.mjs packages it and names it in SPACES_VSIX. */
export function packagedVsix() {
  const vsix = process.env.SPACES_VSIX;
  assert.ok(vsix, 'SPACES_VSIX must name the packaged extension (npm run package)');
  return vsix;
}

/**
 * The parts of an e2e file's session, each set by `useWorkbench`'s `before`.
 * @typedef {{
 *   sandbox: import('../sandbox/server').Sandbox,
 *   server: Awaited<ReturnType<typeof startCodeServer>>,
 *   browser: Awaited<ReturnType<typeof launchBrowser>>,
 *   page: import('playwright-core').Page,
 *   ui: Workbench,
 * }} Session
 * @typedef {ReturnType<typeof workbench>} Workbench
 */

/**
 * Call inside a `describe`: registers the `before` that starts the vendor sandbox (in this process), a
 * code-server with the packaged VSIX and Chromium on its workbench, the `after` that stops them all, and an
 * `afterEach` that keeps a screenshot of the workbench as a failed test left it (`failed-<test>.png`).
 * Read the session's parts once that `before` has run (in a test, or a `before` registered after this call).
 *
 * @param {{
 *   sandbox?: boolean,
 *   codeServer?: (sandbox: any) => { settings?: object, env?: Record<string, string>, locale?: string, alsoInstall?: string[] },
 *   beforeLoad?: (page: import('playwright-core').Page) => void,
 *   spacesView?: boolean,
 *   browser?: { ignoreHTTPSErrors?: boolean },
 * }} setup `sandbox: false` starts none; `codeServer` gives the workbench's settings and environment once the
 *   sandbox's URL is known (and the display language, `locale`); `beforeLoad` sees the page before the workbench
 *   loads (to listen to its console); `spacesView: false` leaves the Spaces view unopened; `browser` adds options
 *   to Chromium's launch.
 */
export function useWorkbench(setup = {}) {
  const session = /** @type {Session} */ ({ sandbox: undefined, server: undefined, browser: undefined, page: undefined, ui: undefined });
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    if (setup.sandbox !== false) session.sandbox = await startSandbox();
    session.server = await startCodeServer({ vsix: packagedVsix(), ...setup.codeServer?.(session.sandbox) });
    session.browser = await launchBrowser(setup.browser);
    session.page = session.browser.page;
    session.ui = workbench(session.page);
    setup.beforeLoad?.(session.page);
    await openWorkbench(session.page, session.server.workspaceUrl);
    if (setup.spacesView !== false) await session.ui.showSpacesView();
  });
  afterEach(async (t) => {
    if (!t.passed) await session.ui?.shot(`failed-${t.name.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60)}`).catch(() => {});
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.stop();
    await session.sandbox?.close();
  });
  return session;
}

/** @param {import('playwright-core').Page} page */
export function workbench(page) {
  // --- the quick input ---------------------------------------------------------------------------

  const quickInput = () => page.locator('.quick-input-widget');
  const input = () => quickInput().locator('input.input');
  const option = (name) => quickInput().getByRole('option', { name });
  const optionLabels = () => quickInput().getByRole('option').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label')));
  const backButton = () => quickInput().locator('.quick-input-left-action-bar').getByRole('button', { name: /^Back/ });
  const closed = () => quickInput().waitFor({ state: 'hidden', timeout: 20_000 });

  /** Waits for the quick input's title to match `title` (a RegExp, or the exact text with its step counter). */
  async function step(title) {
    const pattern = title instanceof RegExp ? title : new RegExp(`^${escapeRegExp(title)}$`);
    await quickInput().locator('.quick-input-title').filter({ hasText: pattern }).waitFor({ timeout: 20_000 });
  }

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

  // --- commands and menus --------------------------------------------------------------------------

  /**
   * Command palette: runs the command titled `title`. The palette closes when the workbench moves the focus
   * elsewhere, which it now and then does just as the palette opens: seen closed before the command was
   * picked (so nothing ran), it is opened again. A command that opens no input of its own closes the
   * palette: wait for `closed()` before reading what is on screen.
   */
  async function runCommand(title) {
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('F1');
      try {
        await input().fill(`>${title}`, { timeout: 5000 });
        await option(new RegExp(`^${escapeRegExp(title)}`)).first().click({ timeout: 5000 });
        break;
      } catch (err) {
        if (attempt === 3 || (await quickInput().isVisible())) throw err;
      }
    }
  }

  /**
   * Right-click on `row`, then runs the menu item `name`: hovered (which focuses it), then Enter. A menu item
   * listens for the mouse button's release only from a 100 ms timer after it is drawn, and on a busy machine
   * a click was seen lost (the menu stayed open); the key is handled as soon as the item has focus. A menu
   * still open has run nothing (it closes before its action runs), so it is tried once more.
   */
  async function contextMenu(row, name) {
    await row.click({ button: 'right' });
    const menu = page.getByRole('menu');
    const entry = menu.locator('.action-item').filter({ has: page.getByRole('menuitem', { name }) });
    for (let attempt = 1; ; attempt++) {
      await entry.hover();
      await menu.locator('.action-item.focused').filter({ has: page.getByRole('menuitem', { name }) }).waitFor();
      await page.keyboard.press('Enter');
      try {
        await menu.waitFor({ state: 'detached', timeout: attempt === 1 ? 10_000 : 30_000 });
        return;
      } catch (err) {
        if (attempt === 2) throw err;
      }
    }
  }

  /**
   * Runs an item of the "…" menu of the Spaces view's title: `path` names it, through the submenus that hold
   * it (`titleMenu('Group By', 'Vendor')`). Each submenu is opened from the keyboard (its item focused by
   * hovering, then the right arrow), the item run by Enter, as `contextMenu` does.
   */
  async function titleMenu(...path) {
    await page.locator('.part.sidebar .composite.title').getByRole('button', { name: /More Actions/ }).click();
    for (const [depth, name] of path.entries()) {
      const menu = page.getByRole('menu').nth(depth);
      const entry = menu.locator('.action-item').filter({ has: page.getByRole('menuitem', { name }) });
      await entry.hover();
      await menu.locator('.action-item.focused').filter({ has: page.getByRole('menuitem', { name }) }).waitFor();
      await page.keyboard.press(depth < path.length - 1 ? 'ArrowRight' : 'Enter');
    }
    await page.getByRole('menu').first().waitFor({ state: 'detached', timeout: 10_000 });
  }

  /** Closes a context menu a failed step left open. */
  async function closeMenu() {
    const menu = page.getByRole('menu');
    if (await menu.count()) {
      await page.keyboard.press('Escape');
      await menu.waitFor({ state: 'detached' });
    }
  }

  // --- notifications -------------------------------------------------------------------------------

  /**
   * The notification whose message matches `pattern`, as the notification center lists it. (A toast may
   * never show: the workbench drops toasts beyond three within 800 ms and keeps them in the center only.)
   */
  async function notification(pattern) {
    const center = page.locator('.notifications-center');
    if ((await page.locator('.notifications-center.visible').count()) === 0) {
      await runCommand('Notifications: Show Notifications');
      await closed();
    }
    const item = center.locator('.notification-list-item').filter({ has: page.locator('.notification-list-item-message', { hasText: pattern }) });
    await item.first().waitFor({ timeout: 20_000 });
    return item.first();
  }

  const notificationText = (item) => item.locator('.notification-list-item-message').innerText();
  const notificationButtons = (item) => item.locator('.notification-list-item-buttons-container').getByRole('button').allTextContents();

  async function clearNotifications() {
    await runCommand('Notifications: Clear All Notifications');
    await closed();
  }

  // --- the Spaces view -----------------------------------------------------------------------------

  /** Shows the Spaces view (clicking its icon while it shows would hide the side bar). */
  async function showSpacesView() {
    const tab = page.locator('.activitybar').getByRole('tab', { name: /^Spaces/ });
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  }

  /** An account's row: its label (or id) then its vendor. */
  const accountRow = (label) => page.getByRole('treeitem', { level: 1, name: new RegExp(`^${escapeRegExp(label)} `) });
  /** A space's row under an expanded account. */
  const spaceRow = (name) => page.getByRole('treeitem', { level: 2, name: new RegExp(`^${escapeRegExp(name)}`) });

  /**
   * Clicks `row`'s twistie (clicking the row itself would open a space) until it reads `expanded` ('true' or
   * 'false'): a row redrawn under the pointer (its account reloaded, say) drops a click, and a reveal still
   * under way (a panel's row followed) may expand it again, so the click is repeated, twice at most.
   */
  async function toggleUntil(row, expanded) {
    await row.waitFor({ timeout: 20_000 });
    const done = row.and(page.locator(`[aria-expanded="${expanded}"]`));
    for (let attempt = 1; (await row.getAttribute('aria-expanded')) !== expanded; attempt++) {
      await row.locator('.monaco-tl-twistie').click();
      try {
        await done.waitFor({ timeout: 10_000 });
      } catch (err) {
        if (attempt === 3) throw err;
      }
    }
  }

  /** Expands `row` until it reads expanded. */
  const expand = (row) => toggleUntil(row, 'true');
  /** Collapses `row` until it reads collapsed. */
  const collapse = (row) => toggleUntil(row, 'false');

  /**
   * Opens a space by clicking its `row` until the panel's heading shows `name` (and its id is `spaceId`, where
   * names repeat): a row redrawn as details arrive drops a click, so a lost one is repeated, twice at most.
   * Returns the panel's page.
   */
  async function openRow(row, name, spaceId) {
    const within = { timeout: 15_000 };
    for (let attempt = 1; ; attempt++) {
      await row.click();
      try {
        await panel().locator('h1').filter({ hasText: name }).waitFor(within);
        if (spaceId) await panel().locator('.space-id').filter({ hasText: new RegExp(`^${escapeRegExp(spaceId)}$`) }).waitFor(within);
        return panel();
      } catch (err) {
        if (attempt === 3) throw err;
      }
    }
  }

  /** Clicks the row's inline Refresh, which shows while the row is hovered. */
  async function refresh(row) {
    await row.hover();
    await row.getByRole('button', { name: 'Refresh' }).click();
  }

  // --- the space panel and screenshots -------------------------------------------------------------

  /** The visible space panel's page: two iframes deep. */
  const panelIframe = () => page.locator('iframe.webview.ready').filter({ visible: true }).contentFrame().locator('iframe#active-frame');
  const panel = () => panelIframe().contentFrame();
  /** The same page as a frame, to evaluate script in. */
  const panelFrame = async () => (await panelIframe().elementHandle()).contentFrame();

  /** Saves the whole page (or the part `clip` gives) as `.test-output/screenshots/<name>.png`. */
  const shot = (name, { clip } = {}) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), clip });

  return {
    quickInput,
    input,
    option,
    optionLabels,
    backButton,
    closed,
    step,
    answer,
    message,
    placeholder,
    runCommand,
    contextMenu,
    titleMenu,
    closeMenu,
    notification,
    notificationText,
    notificationButtons,
    clearNotifications,
    showSpacesView,
    accountRow,
    spaceRow,
    expand,
    collapse,
    openRow,
    refresh,
    panel,
    panelFrame,
    shot,
  };
}
