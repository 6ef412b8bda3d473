// Driving the real workbench as a user does: the quick input, the command palette, context menus and the
// notification center. One place for these, for every e2e file that needs them.
import { escapeRegExp } from './wait.mjs';

/** @param {import('playwright-core').Page} page */
export function workbench(page) {
  const quickInput = () => page.locator('.quick-input-widget');
  const input = () => quickInput().locator('input.input');
  const option = (name) => quickInput().getByRole('option', { name });
  const closed = () => quickInput().waitFor({ state: 'hidden', timeout: 20_000 });

  /** Waits for the quick input's title to match `title` (a RegExp, or the exact text with its step counter). */
  async function step(title) {
    const pattern = title instanceof RegExp ? title : new RegExp(`^${escapeRegExp(title)}$`);
    await quickInput().locator('.quick-input-title').filter({ hasText: pattern }).waitFor({ timeout: 20_000 });
  }

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

  /** Right-click on `row`, then the menu item `name` (hovered first: a click straight after opening is lost). */
  async function contextMenu(row, name) {
    await row.click({ button: 'right' });
    const menu = page.getByRole('menu');
    const entry = menu.locator('.action-item').filter({ has: page.getByRole('menuitem', { name }) });
    await entry.hover();
    await menu.locator('.action-item.focused').filter({ has: page.getByRole('menuitem', { name }) }).waitFor();
    await entry.click();
    await menu.waitFor({ state: 'detached' });
  }

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

  async function clearNotifications() {
    await runCommand('Notifications: Clear All Notifications');
    await closed();
  }

  return { quickInput, input, option, closed, step, runCommand, contextMenu, notification, clearNotifications };
}
