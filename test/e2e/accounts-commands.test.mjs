// The commands on an account's row as a user runs them in the real workbench with the packaged VSIX: Remove
// Account (its modal dialog), Update Credentials, Test Connection (its notifications and their actions), Add
// Space (by id, and Blueworks' find by name) and Remove Space, all by typing and clicking. What each writes is
// read from the profile's settings.json; what the extension sends is read from the sandbox. One code-server
// for the file, the sandbox in this process.
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { accountEntry, ALUMIO_SANDBOX, BLUEWORKS_SANDBOX } from '../../out/sandbox/index.js';
import { TOKEN_VARIABLE, useAccountsWorkbench } from './accounts-support.mjs';
/** @typedef {import('../harness/workbench.mjs').Session} Session */

describe('the account commands in the workbench (packaged VSIX)', () => {
  const workbench = useAccountsWorkbench();
  const { accounts, accountsEventually, writeAccounts, modalDialog, storeToken, receivedSince, refetch, runCommand } = workbench;
  /** @type {Session['sandbox']} */ let sandbox;
  /** @type {Session['page']} */ let page;
  /** @type {Session['ui']} */ let ui;
  before(() => ({ sandbox, page, ui } = workbench.session));

  describe("an account's credentials: Remove Account, Update Credentials, Test Connection", () => {
    it('Remove Account: asks in a modal dialog, then deletes the entry and its stored credentials, keeping the other entries verbatim', async () => {
      const keep = accountEntry('alumio', sandbox.url, 'keep', { spaces: [ALUMIO_SANDBOX.spaces.minimal] });
      const gone = accountEntry('alumio', sandbox.url, 'gone', { spaces: [ALUMIO_SANDBOX.spaces.seed] });
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
      const creds = accountEntry('alumio', sandbox.url, 'creds', { spaces: [ALUMIO_SANDBOX.spaces.seed] });
      const fromEnv = accountEntry('alumio', sandbox.url, 'from-env', { label: 'From env', spaces: [ALUMIO_SANDBOX.spaces.seed], credentialsFromEnv: { token: TOKEN_VARIABLE } });
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
      const good = accountEntry('alumio', sandbox.url, 'good', { spaces: [ALUMIO_SANDBOX.spaces.seed], credentialsFromEnv: { token: TOKEN_VARIABLE } });
      const bad = accountEntry('alumio', sandbox.url, 'bad', { spaces: [ALUMIO_SANDBOX.spaces.seed] });
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
  });

  describe("an account's spaces: Add Space, Remove Space", () => {
    it('Add Space by id: checked by fetching it (one shown already or unknown is refused with a message), then added to the account', async () => {
      const entry = accountEntry('alumio', sandbox.url, 'add-to', { label: 'Add to', spaces: [ALUMIO_SANDBOX.spaces.seed], extra: 'kept', credentialsFromEnv: { token: TOKEN_VARIABLE } });
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
      const entry = accountEntry('blueworks', sandbox.url, 'bw', { clientId: BLUEWORKS_SANDBOX.clientId, credentialsFromEnv: { clientSecret: 'SPACES_DEMO_BLUEWORKS_SECRET' } });
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
      const entry = accountEntry('alumio', sandbox.url, 'trim', { label: 'Trim', spaces: [ALUMIO_SANDBOX.spaces.seed, ALUMIO_SANDBOX.spaces.minimal], credentialsFromEnv: { token: TOKEN_VARIABLE } });
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
});
