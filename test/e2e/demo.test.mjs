// What `npm run demo` shows, in the real workbench: the team's accounts (test/sandbox/team) with their spaces,
// statuses of every tone, the partner zone's expired token as an error row offering Update Credentials, and
// the panels with storage bars, monthly usage and a large Blueworks space, and the spaces grouped by status.
// It also takes the README's screenshots: with SPACES_README_SCREENSHOTS=<folder> (`npm run screenshots`) it
// writes them there.
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import path from 'node:path';
import { teamProfile } from '../../out/sandbox/index.js';
import { eventually } from '../harness/wait.mjs';
import { useWorkbench } from '../harness/workbench.mjs';
/** @typedef {import('../harness/workbench.mjs').Session} Session */

/** Every space row the tree shows, by account label, once every name has arrived. */
const TREE = {
  'Shop integrations': ['Production', 'Acceptance', 'Development', 'Marketplace pilot', 'Legacy B2B portal'],
  'Team knowledge': ['Customer success playbooks', 'Spring seed range launch', 'New-hire onboarding 2024'],
  'Model evaluation': ['Brightfield ML'],
  'Research data': ['Field trials 2025', 'Satellite imagery', 'Yield model training sets', 'Soil samples archive', 'Drone surveys'],
  'Process design': ['Order to cash', 'Field trial approvals', 'Supplier onboarding (2022)'],
};

const README_FOLDER = process.env.SPACES_README_SCREENSHOTS;

describe('the demo', () => {
  const session = useWorkbench({ codeServer: (sandbox) => teamProfile(sandbox.url) });
  /** @type {Session['page']} */ let page;
  /** @type {Session['ui']} */ let ui;
  before(() => ({ page, ui } = session));

  /** The README's picture `name`, or a test screenshot beside the others. */
  async function picture(name) {
    if (README_FOLDER) await page.screenshot({ path: path.join(README_FOLDER, `${name}.png`) });
    else await ui.shot(`demo-${name}`);
  }

  const rowNames = (level) => page.getByRole('treeitem', { level }).locator('.label-name').allTextContents();

  it('shows the team\'s accounts and spaces, each once, and the expired token as an error row with Update Credentials', async () => {
    for (const label of [...Object.keys(TREE), 'Partner data exchange']) await ui.expand(ui.accountRow(label));
    const expected = Object.values(TREE).flat();
    const names = await eventually(() => rowNames(2), (shown) => expected.every((name) => shown.includes(name)), 'every space named', 60_000);
    const spaces = names.filter((name) => !name.startsWith('auth: '));
    assert.deepEqual([...spaces].sort(), [...expected].sort(), 'no other row, none twice');

    const expired = page.getByRole('treeitem', { level: 2 }).filter({ hasText: /^auth: Onedata did not accept the access token/ });
    await expired.waitFor();
    await expired.hover();
    await expired.getByRole('button', { name: 'Update Credentials' }).waitFor();

    // Every tone the tree draws: passed, warning, error and the neutral circle.
    for (const icon of ['pass-filled', 'warning', 'error', 'circle-large-outline']) {
      assert.ok((await page.locator(`.monaco-list-row[aria-level="2"] .codicon-${icon}`).count()) > 0, `a space row with the ${icon} icon`);
    }
  });

  /** Opens a space by clicking its row: the last of that name, the account's own (a pinned one sits above it, in the Pinned group). */
  const open = (name) => ui.openRow(ui.spaceRow(name).last(), name);

  it('pins two spaces of two accounts, then opens a Onedata space with its storage bars (the tree picture)', async () => {
    for (const name of ['Production', 'Order to cash']) await ui.contextMenu(ui.spaceRow(name).last(), /^Pin\b/);
    const pinned = () => page.getByRole('treeitem').evaluateAll((rows) => rows.slice(0, 3).map((r) => r.querySelector('.label-name')?.textContent));
    await eventually(pinned, (rows) => rows.join() === 'Pinned,Production,Order to cash', 'the Pinned group on top, in the order pinned');
    const panel = await open('Field trials 2025');
    assert.equal(await panel.locator('.bar-fill').count(), 3);
    await page.mouse.move(0, 0); // no hover highlight in the picture
    await picture('tree');
  });

  it('groups the team\'s spaces by status across accounts, worst first, from the view\'s title (the grouped picture)', async () => {
    await ui.titleMenu('Group By', 'Status');
    const groups = () => page.getByRole('treeitem', { level: 1 }).locator('.label-name').allTextContents();
    await eventually(groups, (names) => names[0] === 'Pinned' && names.includes('Active') && names.length > 3, 'the status groups', 60_000);
    // The partner zone's expired token: its account's row, with the failure under it, after the groups.
    assert.equal((await groups()).at(-1), 'Partner data exchange');
    await page.mouse.move(0, 0);
    await picture('grouped');
    await ui.titleMenu('Group By', 'Account');
    await eventually(groups, (names) => names.includes('Shop integrations'), 'the accounts again');
  });

  it('opens the large Blueworks space: goals, subspaces, permissions (the panel picture)', async () => {
    const panel = await open('Order to cash');
    await panel.getByRole('heading', { name: /^Subspaces/ }).waitFor();
    assert.match(await panel.getByRole('heading', { name: /^Subspaces/ }).innerText(), /12/);
    await page.mouse.move(0, 0);
    await picture('panel');
  });

  it('opens the Openlayer workspace with its monthly usage, in the dark theme (the dark picture)', async () => {
    await ui.runCommand('Preferences: Color Theme');
    await ui.quickInput().locator('input.input[placeholder^="Select Color Theme"]').waitFor();
    await ui.input().fill('Dark Modern');
    await ui.quickInput().locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: /^Dark Modern$/ }) }).click();
    await page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 30_000 });
    const panel = await open('Brightfield ML');
    await panel.locator('body.vscode-dark').waitFor();
    assert.equal(await panel.locator('.bar-fill').count(), 6);
    await page.mouse.move(0, 0);
    await picture('dark');
  });
});
