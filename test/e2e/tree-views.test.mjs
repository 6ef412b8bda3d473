// A calm tree of many accounts, as a user arranges it in the real workbench with the packaged VSIX: Group By
// and Sort By from the view's title, Select Accounts… and Hide Account, and the filter's recent queries and
// its return after a window reload. The test profile's five accounts, one code-server for the file.
import { before, describe, it } from 'node:test';
import { testProfile } from '../../out/sandbox/index.js';
import { eventually } from '../harness/wait.mjs';
import { useWorkbench } from '../harness/workbench.mjs';
/** @typedef {import('../harness/workbench.mjs').Session} Session */

const ACCOUNTS = ['ACME integrations', 'Team knowledge', 'ML evaluation', 'Research data', 'Process design'];

describe('the Spaces view arranged: group, sort, hide, filters that stay (packaged VSIX)', () => {
  const session = useWorkbench({
    codeServer: (sandbox) => {
      const profile = testProfile(sandbox.url);
      return { settings: { 'spaces.accounts': profile.accounts }, env: profile.env };
    },
  });
  /** @type {Session['page']} */ let page;
  /** @type {Session['ui']} */ let ui;
  before(() => ({ page, ui } = session));

  /** The names of the rows at `level` (1: the top rows), in order. */
  const labels = (level) => page.getByRole('treeitem', { level }).evaluateAll((rows) => rows.map((r) => r.querySelector('.label-name')?.textContent));
  const message = () => page.locator('.tree-explorer-viewlet-tree-view .message');
  const titleAction = (name) => page.locator('.part.sidebar').getByRole('button', { name });
  /** Whether the workbench's storage (IndexedDB, where the web workbench keeps extension state) holds the filter. */
  const storedFilter = () =>
    page.evaluate(async () => {
      const request = (r) => new Promise((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
      const values = [];
      for (const { name } of await indexedDB.databases()) {
        if (!name?.startsWith('vscode-web-state-db')) continue;
        const db = await request(indexedDB.open(name));
        if (db.objectStoreNames.contains('ItemTable')) values.push(...(await request(db.transaction('ItemTable').objectStore('ItemTable').getAll())));
        db.close();
      }
      return values.some((value) => typeof value === 'string' && value.includes('"spaces.filter":"acme production"'));
    });
  /** An account's row in Select Accounts…: a click checks or unchecks it. */
  const accountChoice = (label) => ui.quickInput().locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) });

  it('Group By ▸ Vendor and ▸ Status from the view\'s title, and back to Account; Sort By ▸ Name', async () => {
    await ui.accountRow('ACME integrations').waitFor({ timeout: 20_000 });
    await ui.titleMenu('Group By', 'Vendor');
    await eventually(() => labels(1), (names) => names.join() === 'Alumio,Sharely.ai,Openlayer,Onedata,IBM Blueworks Live', 'a row per vendor');
    await eventually(() => labels(2), (names) => names.join() === ACCOUNTS.join(), 'each account under its vendor');

    await ui.titleMenu('Group By', 'Status');
    // Every account is listed and its page named: the spaces gather under their statuses, across accounts.
    await eventually(() => labels(1), (names) => names.includes('Active') && names.includes('Supported'), 'the status groups', 30_000);
    const active = page.getByRole('treeitem', { level: 1, name: /^Active/ });
    await eventually(() => active.getAttribute('aria-expanded'), (expanded) => expanded === 'true', 'the groups open');
    // The account, not after the status: the group's row says that already. Each account's page gathers in
    // its own time, so the groups fill in after they first show.
    const naming = (account) => (text) => text === account || text.endsWith(` · ${account}`);
    const descriptions = () => page.getByRole('treeitem', { level: 2 }).evaluateAll((rows) => rows.map((r) => r.querySelector('.label-description')?.textContent ?? ''));
    const accountsNamed = ['ACME integrations', 'Team knowledge', 'Process design'];
    await eventually(descriptions, (texts) => accountsNamed.every((account) => texts.some(naming(account))), 'a row naming each account', 30_000);
    await ui.titleMenu('Sort By', 'Name');
    // Each group's rows (those on screen), as they follow its row.
    const groups = async () => {
      const rows = await page.getByRole('treeitem').evaluateAll((list) => list.map((r) => [r.getAttribute('aria-level'), r.querySelector('.label-name')?.textContent ?? '']));
      const byGroup = [];
      for (const [level, name] of rows) if (level === '1') byGroup.push([]);
      else byGroup.at(-1)?.push(name);
      return byGroup.filter((names) => names.length > 1);
    };
    const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
    await eventually(groups, (list) => list.length > 0 && list.every((names) => names.join() === [...names].sort(collator.compare).join()), 'each group sorted by name');
    await ui.shot('tree-grouped-by-status');

    await ui.titleMenu('Sort By', 'Configured Order');
    await ui.titleMenu('Group By', 'Account');
    await eventually(() => labels(1), (names) => names.join() === ACCOUNTS.join(), 'the accounts again');
  });

  it('Select Accounts… hides the unchecked accounts, says so in the view\'s message, and shows them again', async () => {
    await ui.titleMenu('Select Accounts…');
    await ui.step('Select Accounts');
    for (const account of ['ML evaluation', 'Process design']) await accountChoice(account).click();
    await ui.quickInput().getByRole('button', { name: 'OK' }).click();
    await ui.closed();
    await eventually(() => labels(1), (names) => names.join() === 'ACME integrations,Team knowledge,Research data', 'the checked accounts only');
    await eventually(() => message().textContent(), (text) => text === '2 accounts are hidden: Select Accounts… in the view\'s title shows them again.', "the view's message");
    await ui.shot('tree-accounts-hidden');

    await ui.titleMenu('Select Accounts…');
    await ui.step('Select Accounts');
    for (const account of ['ML evaluation', 'Process design']) await accountChoice(account).click();
    await ui.quickInput().getByRole('button', { name: 'OK' }).click();
    await ui.closed();
    await eventually(() => labels(1), (names) => names.join() === ACCOUNTS.join(), 'every account again');
    await eventually(() => message().isVisible(), (visible) => !visible, "the view's message gone");
  });

  it('Hide Account from an account\'s context menu', async () => {
    await ui.contextMenu(ui.accountRow('Research data'), /^Hide Account/);
    await eventually(() => labels(1), (names) => !names.includes('Research data') && names.length === 4, 'the account hidden');
    await eventually(() => message().textContent(), (text) => text.startsWith('1 account is hidden'), "the view's message");
    await ui.titleMenu('Select Accounts…');
    await ui.step('Select Accounts');
    await accountChoice('Research data').click();
    await ui.quickInput().getByRole('button', { name: 'OK' }).click();
    await ui.closed();
    await eventually(() => labels(1), (names) => names.join() === ACCOUNTS.join(), 'every account again');
  });

  it('Filter… offers the recent filters; the filter in effect comes back after a window reload', async () => {
    await titleAction(/^Filter…/).click();
    await ui.answer('Filter Spaces', 'acme production');
    await eventually(() => labels(1), (names) => names.join() === 'ACME integrations', 'the matching account');
    await titleAction(/^Clear Filter/).click();
    await eventually(() => labels(1), (names) => names.length === 5, 'every account again');

    // Offered again: picked from the list, not typed.
    await titleAction(/^Filter…/).click();
    await ui.step('Filter Spaces');
    await ui.option(/^acme production/).click();
    await eventually(() => labels(1), (names) => names.join() === 'ACME integrations', 'the recent filter in effect');

    // The window's state reaches the browser's storage a moment later: wait for it rather than for a time.
    await eventually(storedFilter, (stored) => stored, 'the filter kept in the window\'s state');
    await page.reload();
    await page.locator('.monaco-workbench .activitybar').waitFor({ timeout: 60_000 });
    await eventually(() => message().textContent(), (text) => text.startsWith('Filtered by "acme production"'), 'the filter after the reload', 60_000);
    await eventually(() => labels(1), (names) => names.join() === 'ACME integrations', 'the matching account after the reload');
    await titleAction(/^Clear Filter/).click();
    await eventually(() => labels(1), (names) => names.length === 5, 'every account again');
  });
});
