// Acting on several rows of the Spaces view at once, as a user does in the real workbench with the packaged
// VSIX: rows selected with Shift+click and Ctrl+click, then Copy Space ID and Pin from the context menu of one
// of them, which offers only the commands that act on them all. The demo's five accounts.
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { ALUMIO_SANDBOX, testProfile } from '../../out/sandbox/index.js';
import { eventually } from '../harness/wait.mjs';
import { useWorkbench } from '../harness/workbench.mjs';
/** @typedef {import('../harness/workbench.mjs').Session} Session */

describe('the Spaces view: acting on a selection (packaged VSIX)', () => {
  const session = useWorkbench({
    codeServer: (sandbox) => {
      const profile = testProfile(sandbox.url);
      return { settings: { 'spaces.accounts': profile.accounts }, env: profile.env };
    },
  });
  /** @type {Session['page']} */ let page;
  /** @type {Session['ui']} */ let ui;
  before(async () => {
    ({ page, ui } = session);
    await session.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  });

  const labels = (rows) => rows.evaluateAll((list) => list.map((r) => r.querySelector('.label-name')?.textContent));
  const selectedLabels = () => labels(page.getByRole('treeitem', { selected: true }));
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

  /** The names of the context menu's items on `row`, read and closed again. */
  async function menuItems(row) {
    await row.click({ button: 'right' });
    const items = page.getByRole('menu').getByRole('menuitem');
    await items.first().waitFor();
    const names = await items.evaluateAll((entries) => entries.map((entry) => entry.querySelector('.action-label')?.textContent));
    await ui.closeMenu();
    return names;
  }

  it("selects rows with Shift+click and Ctrl+click; Copy Space ID and Pin act on every selected row", async () => {
    const acme = ui.accountRow('ACME integrations');
    await ui.expand(acme);
    // ACME's three spaces, in the order configured (the third's name is hostile markup, shown as text).
    const spaces = page.getByRole('treeitem', { level: 2 });
    await eventually(() => labels(spaces), (names) => names.length === 3 && names[0] === 'ACME Production' && names[1] === 'Minimal space', "ACME's spaces by name");
    // Found by name where the name is harmless; the third by its place among ACME's rows (while nothing is pinned).
    const [production, minimal, hostile] = [ui.spaceRow('ACME Production').last(), ui.spaceRow('Minimal space'), spaces.nth(2)];

    // Ctrl+click picks a row (without opening it), Shift+click the rows up to it.
    await production.click({ modifiers: ['Control'] });
    await hostile.click({ modifiers: ['Shift'] });
    await eventually(selectedLabels, (labels) => labels.length === 3, 'three rows selected');
    const names = await menuItems(minimal);
    assert.ok(names.includes('Copy Space ID') && names.includes('Pin'), JSON.stringify(names));
    // Nothing that would act on the clicked row alone.
    for (const single of ['Show Raw JSON', 'Copy as JSON', 'Open in Browser']) assert.ok(!names.includes(single), `${single} in ${JSON.stringify(names)}`);
    await ui.contextMenu(minimal, /^Copy Space ID/);
    const { seed, minimal: minimalId, hostile: hostileId } = ALUMIO_SANDBOX.spaces;
    await eventually(clipboard, (text) => text === `${seed}\n${minimalId}\n${hostileId}`, 'the three ids, one a line');

    // Ctrl+click again takes a row out of the selection; Pin pins the two left, from the menu of one of them.
    await minimal.click({ modifiers: ['Control'] });
    await eventually(selectedLabels, (labels) => labels.length === 2 && !labels.includes('Minimal space'), 'two rows selected');
    await ui.contextMenu(production, /^Pin\b/);
    const group = page.getByRole('treeitem', { level: 1, name: /^Pinned/ });
    await group.waitFor({ timeout: 20_000 });
    const rowTexts = () => page.getByRole('treeitem').evaluateAll((rows) => rows.map((r) => [r.getAttribute('aria-level'), r.querySelector('.label-name')?.textContent]));
    await eventually(rowTexts, (texts) => texts[0]?.[1] === 'Pinned' && texts[1]?.[1] === 'ACME Production' && texts[2]?.[0] === '2' && texts[3]?.[0] === '1', 'both pinned, in the order of the tree');
    await ui.shot('tree-selection-pinned');

    // Right-clicking a row outside the selection acts on that row alone.
    await ui.contextMenu(minimal, /^Copy Space ID/);
    await eventually(clipboard, (text) => text === minimalId, 'the one id of the row right-clicked');
  });
});
