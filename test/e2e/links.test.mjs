// Links to a space in the real workbench with the packaged VSIX: Copy Link from a space row's menu and from the
// panel's toolbar (the clipboard holds the link, ids only), the copied link opened in this browser as a user
// opens one (code-server's callback page hands it to the workbench, which hands it to the extension), and a
// link to an account this machine does not have, opened with Developer: Open URL: the workbench asks first,
// the message names the account, and Add Account… starts an empty wizard. One code-server for the file.
import { before, beforeEach, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { ALUMIO_SANDBOX, BLUEWORKS_SANDBOX, testProfile } from '../../out/sandbox/index.js';
import { eventually } from '../harness/wait.mjs';
import { useWorkbench } from '../harness/workbench.mjs';
/** @typedef {import('../harness/workbench.mjs').Session} Session */

const EXTENSION_ID = 'spaces-explorer.spaces-explorer';

describe('links to a space in the workbench (packaged VSIX)', () => {
  const session = useWorkbench({
    codeServer(sandbox) {
      const profile = testProfile(sandbox.url);
      return { settings: { 'spaces.accounts': profile.accounts }, env: profile.env };
    },
  });
  /** @type {Session['sandbox']} */ let sandbox;
  /** @type {Session['page']} */ let page;
  /** @type {Session['ui']} */ let ui;
  /** The workbench's origin: where its callback page is, and whose clipboard the page reads. */
  let origin;
  before(async () => {
    ({ sandbox, page, ui } = session);
    origin = new URL(session.server.workspaceUrl).origin;
    await session.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  });
  beforeEach(async () => {
    await ui.closeMenu();
    await page.keyboard.press('Escape');
    await ui.runCommand('View: Close All Editors');
  });

  /** What the extension wrote to the clipboard, once the status bar says it copied a link to `spaceId`. */
  async function copiedLink(spaceId) {
    await page.locator('.statusbar').getByText(`Copied a link to ${spaceId}`).waitFor({ timeout: 20_000 });
    return page.evaluate(() => navigator.clipboard.readText());
  }

  /** The parts of the workbench's callback address that name the link, and any other parameter it has. */
  function callbackParts(text) {
    const url = new URL(text);
    assert.equal(url.origin, origin, `a link to this workbench: ${text}`);
    assert.match(url.pathname, /\/callback$/, 'its callback page');
    const params = Object.fromEntries(url.searchParams);
    const { 'vscode-reqid': reqid, 'vscode-scheme': scheme, 'vscode-authority': authority, 'vscode-path': path, 'vscode-query': query, ...rest } = params;
    return { reqid, scheme, authority, path, query, rest };
  }

  const selectedRow = () => page.getByRole('treeitem', { selected: true });

  it("Copy Link in a space row's menu copies a link (ids only) that opens the space when opened in this browser", async () => {
    const account = ui.accountRow('ACME integrations');
    await ui.expand(account);
    const row = ui.spaceRow('ACME Production');
    await row.waitFor({ timeout: 20_000 });
    await ui.contextMenu(row, 'Copy Link');
    const text = await copiedLink(ALUMIO_SANDBOX.spaces.seed);
    for (const secret of [sandbox.url, ALUMIO_SANDBOX.token, 'ACME integrations', 'ACME Production']) assert.ok(!text.includes(secret), `the link holds "${secret}": ${text}`);
    const parts = callbackParts(text);
    assert.deepEqual(parts.rest, {}, 'nothing else in the address');
    assert.equal(parts.authority, EXTENSION_ID);
    assert.equal(parts.path, '/open');
    assert.equal(parts.query, `account=acme-alumio&space=${ALUMIO_SANDBOX.spaces.seed}`);

    // Elsewhere in the meantime: the account collapsed, another row selected (which loads its spaces), no panel.
    await ui.collapse(account);
    await ui.accountRow('Process design').click();
    const requests = sandbox.received.length;

    // Opened in this browser, as a user clicks it in a chat: the callback page hands it to the workbench tab.
    const tab = await session.browser.context.newPage();
    try {
      await tab.goto(text);
      const frame = ui.panel();
      await frame.locator('h1').filter({ hasText: 'ACME Production' }).waitFor({ timeout: 30_000 });
      await eventually(() => selectedRow().getAttribute('aria-label'), (label) => label?.startsWith('ACME Production'), 'the row of the linked space to be selected');
      await ui.shot('link-opened');
    } finally {
      await tab.close();
    }
    // The space's details were fetched when its row was drawn: opening it from the link asked for nothing.
    const asked = sandbox.received.slice(requests).map((r) => r.url);
    assert.deepEqual(asked.filter((url) => url.includes(ALUMIO_SANDBOX.spaces.seed)), [], `asked: ${asked.join(', ')}`);
  });

  it("Copy Link in the panel's toolbar copies the same link", async () => {
    const account = ui.accountRow('Process design');
    await ui.expand(account);
    const frame = await ui.openRow(ui.spaceRow('My Space'), 'My Space');
    await frame.getByRole('toolbar').getByRole('button', { name: 'Copy Link' }).click();
    const parts = callbackParts(await copiedLink(BLUEWORKS_SANDBOX.spaces.seed));
    assert.equal(parts.authority, EXTENSION_ID);
    assert.equal(parts.query, `account=process-blueworks&space=${BLUEWORKS_SANDBOX.spaces.seed}`);
    await ui.collapse(account);
  });

  it('a link to an account this machine does not have: the workbench asks first, the message names the account, and Add Account… starts empty', async () => {
    const requests = sandbox.received.length;
    await ui.runCommand('Developer: Open URL');
    await ui.input().fill(`vscode://${EXTENSION_ID}/open?account=their-prod&space=${ALUMIO_SANDBOX.spaces.seed}`);
    await ui.input().press('Enter');
    // The workbench's own question before it hands a link to an extension.
    const dialog = page.getByRole('dialog').filter({ hasText: /Allow .*Spaces Explorer.* to open this URI/ });
    await dialog.waitFor({ timeout: 20_000 });
    await dialog.getByRole('button', { name: 'Open' }).click();

    const item = await ui.notification(/The link names the account "their-prod", which is not configured on this machine\. Nothing was opened\./);
    assert.deepEqual(await ui.notificationButtons(item), ['Add Account…']);
    await item.getByRole('button', { name: 'Add Account…' }).click();
    await ui.step('Add Account (1/7)');
    assert.equal(await ui.input().inputValue(), '', 'nothing typed in for the user');
    assert.ok(!(await ui.optionLabels()).some((label) => label?.includes('their-prod')), 'nothing of the link offered');
    await page.keyboard.press('Escape');
    await ui.closed();
    assert.deepEqual(sandbox.received.slice(requests).map((r) => r.url), [], 'nothing was sent');
  });
});
