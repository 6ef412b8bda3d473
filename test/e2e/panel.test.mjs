// Issue "The space panel", in the real workbench with the packaged VSIX: each vendor's seed space as a
// user sees it (values, a formatted date and size, rows), the sandbox's hostile strings shown as text and
// running nothing, the panel back after a window reload, Refresh, a subspace link, the filter over a
// 5,000-artifact space, screenshots in the light and dark themes, and high contrast at a narrow width.
// One code-server for the file.
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { demoProfile, HOSTILE, SHARELY_SANDBOX, OPENLAYER_SANDBOX, ONEDATA_SANDBOX, BLUEWORKS_SANDBOX } from '../../out/sandbox/index.js';
import { escapeRegExp, eventually } from '../harness/wait.mjs';
import { useWorkbench } from '../harness/workbench.mjs';
/** @typedef {import('../harness/workbench.mjs').Session} Session */

/** The demo accounts, plus a hostile space (or workspace) for every vendor. */
function accountsWithHostileSpaces(profile) {
  const accounts = profile.accounts.map((account) => {
    if (account.vendor === 'sharely') return { ...account, spaces: [...account.spaces, SHARELY_SANDBOX.spaces.hostile] };
    if (account.vendor === 'blueworks') return { ...account, spaces: [...account.spaces, BLUEWORKS_SANDBOX.spaces.hostile] };
    return account;
  });
  const openlayer = profile.accounts.find((a) => a.vendor === 'openlayer');
  return [...accounts, { ...openlayer, id: 'hostile-openlayer', label: 'Hostile workspace', workspaceId: OPENLAYER_SANDBOX.workspaces.hostile }];
}

/** What each vendor's seed space must show. */
const SEEDS = [
  {
    vendor: 'alumio',
    account: 'ACME integrations',
    space: 'ACME Production',
    async check(frame) {
      await expectText(frame.locator('.badge.tone-ok'), 'Active');
      await expectText(frame.locator('.status-detail'), 'This space is up and running!');
      await expectFact(frame, 'Type', 'Production');
      await expectFact(frame, 'Data Engines', '2');
      await expectFact(frame, 'Locked', 'No');
      await expectDate(frame.locator('.fact', { hasText: 'Expire date' }).locator('time'), '2025-03-01T00:00:00.000Z', /Mar 1, 2025/);
      await expectDate(frame.locator('.fact', { hasText: 'Last modified' }).locator('time'), '2024-06-12T16:40:05.000Z', /Jun 12, 2024/);
      // The Markdown description: emphasis and an http(s) link, no raw markup.
      await expectText(frame.locator('.description strong'), 'ACME');
      assert.equal(await frame.locator('.description a', { hasText: 'the shop' }).getAttribute('href'), 'https://shop.example.com');
      // No browser URL is known for Alumio, so no Open in Browser.
      assert.equal(await frame.getByRole('button', { name: 'Open in Browser' }).count(), 0);
    },
  },
  {
    vendor: 'sharely',
    account: 'Team knowledge',
    space: 'Sales Team Space',
    async check(frame) {
      await expectText(frame.locator('.badge.tone-ok'), 'Active');
      await expectFact(frame, 'Workspace', 'My Company');
      await expectRow(frame, 'Hosts', 'John Doe', ['john@example.com']);
      await expectRow(frame, 'Guests', 'Jane Smith', ['jane@example.com']);
      await expectText(group(frame, 'Co-hosts').locator('.empty'), 'None');
      const general = await expectRow(frame, 'Conversation groups', 'General', ['PUBLIC', '1']);
      await expectDate(general.locator('time'), '2025-01-16T14:20:00.000Z', /Jan 16, 2025/);
      await expectDate(frame.locator('.fact', { hasText: 'Created' }).locator('time'), '2025-01-15T10:30:00.000Z', /Jan 15, 2025/);
    },
  },
  {
    vendor: 'openlayer',
    account: 'ML evaluation',
    space: 'Openlayer',
    async check(frame) {
      await expectText(frame.locator('.badge.tone-ok'), 'Active');
      await expectFact(frame, 'Projects', '12');
      await expectFact(frame, 'SAML-only access', 'No');
      await expectDate(frame.locator('.fact', { hasText: 'Billing period start' }).locator('time'), '2024-06-01T00:00:00.000Z', /Jun 1, 2024/);
      const usage = group(frame, 'Monthly usage');
      assert.deepEqual(await usage.locator('tbody th').allTextContents(), ['2024-04', '2024-05', '2024-06']);
      const may = await expectRow(frame, 'Monthly usage', '2024-05', ['120,000', '1.0 h']);
      assert.equal(await may.locator('.bar-fill').count(), 1);
      await expectText(usage.locator('.group-total'), 'Predictions: 255,000');
    },
  },
  {
    vendor: 'onedata',
    account: 'Research data',
    space: 'My Private space',
    async check(frame) {
      await expectText(frame.locator('.badge.tone-ok'), 'Supported');
      await expectFact(frame, 'Creator', 'user 7434b256e71e1052e0d5e3e9da657ebfc1a770c3');
      await expectDate(frame.locator('.fact', { hasText: 'Created' }).locator('time'), '2019-12-12T12:13:13.000Z', /Dec 12, 2019/);
      await expectRow(frame, 'Storage providers', '296ebe3c20e9666dc489b647f8647f12', ['5.0 GB']);
      await expectRow(frame, 'Storage providers', 'dcf12429647c204896eebe3b6f686967', ['14 MB']);
      await expectText(group(frame, 'Storage providers').locator('.group-total'), 'Total support: 5.0 GB');
      assert.equal(await frame.locator('.fact', { hasText: 'Total support' }).locator('dd span').getAttribute('title'), '5,383,109,120 bytes');
      await frame.getByRole('button', { name: 'Open in Browser' }).waitFor();
    },
  },
  {
    vendor: 'blueworks',
    account: 'Process design',
    space: 'My Space',
    async check(frame) {
      await expectText(frame.locator('.badge.tone-ok'), 'Active');
      await expectRow(frame, 'Goals', 'Goal 1', ['high']);
      const edith = await expectRow(frame, 'Participants and permissions', 'Edith Editor', ['User']);
      assert.equal(await edith.locator('.mark-yes').count(), 5);
      const community = await expectRow(frame, 'Participants and permissions', 'All community members', []);
      assert.equal(await community.locator('.mark-no').count(), 5);
      await group(frame, 'Subspaces').getByRole('button', { name: 'My Subspace' }).waitFor();
      const blueprints = group(frame, 'Blueprints');
      assert.ok((await blueprints.locator('tbody tr').count()) > 0);
      await expectFact(frame, 'Tags', 'demo, space-details-api');
    },
  },
];

/** Waits until the first match reads `text` (trimmed), then checks it. */
async function expectText(locator, text) {
  await locator.first().waitFor({ timeout: 20_000 });
  const read = async () => (await locator.first().textContent()).trim();
  await eventually(read, (value) => value === text, `"${text}"`);
}

async function expectFact(frame, label, value) {
  const fact = frame.locator('.fact').filter({ has: frame.locator('dt', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) });
  await expectText(fact.locator('dd'), value);
}

async function expectDate(time, iso, shown) {
  await time.first().waitFor({ timeout: 20_000 });
  assert.equal(await time.first().getAttribute('title'), iso);
  assert.match(await time.first().textContent(), shown);
}

function group(frame, label) {
  return frame.locator('section.group').filter({ has: frame.locator('h2', { hasText: label }) });
}

/** The row of `label` in the group, with the given cell texts among its cells. */
async function expectRow(frame, groupLabel, label, cells) {
  const row = group(frame, groupLabel).locator('tbody tr').filter({ has: frame.locator('th', { hasText: label }) }).first();
  await row.waitFor({ timeout: 20_000 });
  const texts = (await row.locator('td').allTextContents()).map((t) => t.trim());
  for (const cell of cells) assert.ok(texts.includes(cell), `${groupLabel} / ${label}: ${JSON.stringify(texts)} lacks ${cell}`);
  return row;
}

describe('the space panel in the workbench (packaged VSIX)', () => {
  const cspViolations = [];
  const session = useWorkbench({
    codeServer(sandbox) {
      const profile = demoProfile(sandbox.url);
      return { settings: { 'spaces.accounts': accountsWithHostileSpaces(profile), 'workbench.colorTheme': 'Default Light Modern' }, env: profile.env };
    },
    beforeLoad(page) {
      page.on('console', (message) => {
        if (/Content[- ]Security[- ]Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) cspViolations.push(message.text());
      });
    },
  });
  /** @type {Session['sandbox']} */ let sandbox;
  /** @type {Session['page']} */ let page;
  /** @type {Session['ui']} */ let ui;
  before(() => ({ sandbox, page, ui } = session));

  const panelTabs = (title) => page.locator('.tabs-container .tab').filter({ hasText: title });

  /**
   * Opens the space by clicking its row under its account, as a user does: every other account is
   * collapsed first (rows of different accounts can share a name), and the click is repeated when it was
   * lost (a row redrawn as details arrive drops a click) until the active panel shows the space.
   */
  async function openFromTree(accountLabel, spaceLabel, spaceId) {
    const account = ui.accountRow(accountLabel);
    await account.waitFor({ timeout: 20_000 });
    // One at a time, reading the tree again after each: collapsing a row changes which rows there are (and
    // the view follows the active panel, so the last panel's account may have been expanded meanwhile).
    const expandedOther = () =>
      page.getByRole('treeitem', { level: 1, expanded: true }).evaluateAll((rows, label) => rows.findIndex((row) => !row.getAttribute('aria-label')?.startsWith(label)), accountLabel);
    for (let index = await expandedOther(), clicks = 0; index >= 0; index = await expandedOther(), clicks++) {
      assert.ok(clicks < 20, 'the other accounts would not collapse');
      await ui.collapse(page.getByRole('treeitem', { level: 1, expanded: true }).nth(index));
    }
    await ui.expand(account);
    const space = page.getByRole('treeitem', { level: 2 }).filter({ has: page.locator('.label-name', { hasText: spaceLabel }) }).first();
    await space.waitFor({ timeout: 20_000 });
    await ui.openRow(space, spaceLabel, spaceId);
    await ui.collapse(account);
  }

  /** The panel's page, once it shows `name` as its heading (and `spaceId`, where names repeat). */
  async function panelShowing(name, spaceId, within = { timeout: 30_000 }) {
    const frame = ui.panel();
    await frame.locator('h1').filter({ hasText: name }).waitFor(within);
    if (spaceId) await frame.locator('.space-id').filter({ hasText: new RegExp(`^${escapeRegExp(spaceId)}$`) }).waitFor(within);
    return frame;
  }

  /** Whether the workbench's saved editor state (in IndexedDB) mentions `text`, e.g. a panel's space id. */
  function editorsSaved(text) {
    return page.evaluate(async (needle) => {
      const read = (name) =>
        new Promise((resolve) => {
          const opening = globalThis.indexedDB.open(name);
          opening.onerror = () => resolve('');
          opening.onsuccess = () => {
            const db = opening.result;
            try {
              const get = db.transaction('ItemTable').objectStore('ItemTable').get('memento/workbench.parts.editor');
              get.onsuccess = () => resolve(String(get.result ?? ''));
              get.onerror = () => resolve('');
            } catch {
              resolve('');
            } finally {
              db.close();
            }
          };
        });
      for (const { name } of await globalThis.indexedDB.databases()) {
        if (name?.startsWith('vscode-web-state-db-') && (await read(name)).includes(needle)) return true;
      }
      return false;
    }, text);
  }

  for (const seed of SEEDS) {
    it(`${seed.vendor}: opens its seed space and shows its values`, async () => {
      await openFromTree(seed.account, seed.space);
      await panelTabs(seed.space).first().waitFor({ timeout: 20_000 });
      const frame = await panelShowing(seed.space);
      assert.match(await frame.locator('.identity').textContent(), new RegExp(escapeRegExp(seed.account)));
      await frame.locator('.updated').filter({ hasText: /^Updated / }).waitFor();
      await seed.check(frame);
      await ui.shot(`panel-${seed.vendor}-light`);
    });
  }

  it('opening a space again reveals its panel instead of opening another', async () => {
    await openFromTree('ACME integrations', 'ACME Production');
    await panelShowing('ACME Production');
    assert.equal(await panelTabs('ACME Production').count(), 1);
  });

  it('a subspace link opens the subspace in its own panel', async () => {
    await openFromTree('Process design', 'My Space');
    const frame = await panelShowing('My Space');
    await group(frame, 'Subspaces').getByRole('button', { name: 'My Subspace' }).click();
    await panelTabs('My Subspace').first().waitFor({ timeout: 20_000 });
    const sub = await panelShowing('My Subspace');
    await expectRow(sub, 'Goals', 'Subspace goal 1', ['low']);
  });

  it('Refresh fetches the space anew', async () => {
    await openFromTree('Research data', 'My Private space');
    const frame = await panelShowing('My Private space');
    const fetches = () => sandbox.received.filter((r) => r.url.includes('/effective_spaces/2c0160248ba9a66f45da751ca459535a')).length;
    const before = fetches();
    await frame.getByRole('toolbar').getByRole('button', { name: 'Refresh' }).click();
    await eventually(fetches, (n) => n > before, 'a request to reach the sandbox');
    await frame.getByRole('button', { name: 'Refresh' }).waitFor();
    await frame.locator('.updated').filter({ hasText: 'Updated now' }).waitFor();
  });

  it('shows a failure with its kind and Retry, keeping the last good data', async () => {
    await openFromTree('ML evaluation', 'Openlayer');
    const frame = await panelShowing('Openlayer');
    sandbox.addFault({ path: `/v1/workspaces/${OPENLAYER_SANDBOX.workspaces.seed}`, kind: 'status', status: 500 });
    try {
      await frame.getByRole('toolbar').getByRole('button', { name: 'Refresh' }).click();
      const alert = frame.getByRole('alert');
      await alert.waitFor({ timeout: 20_000 });
      assert.match((await alert.textContent()).trim(), /^server: Openlayer could not answer \(HTTP 500\)/);
      await expectRow(frame, 'Monthly usage', '2024-05', ['120,000', '1.0 h']);
      await ui.shot('panel-openlayer-error');
    } finally {
      sandbox.clearFaults();
    }
    await frame.getByRole('alert').getByRole('button', { name: 'Retry' }).click();
    await frame.getByRole('alert').waitFor({ state: 'detached', timeout: 20_000 });
  });

  it('comes back after a window reload: the cached copy (marked) at once, then fresh data', async () => {
    // A large space comes back too, its 5,000 rows cut short in the saved copy.
    await openFromTree('Process design', 'Wide space');
    await panelShowing('Wide space');
    // The vendors' answers are held until the cached copies have been seen, however busy the machine.
    sandbox.addFault({ path: `/api/v3/onezone/user/effective_spaces/${ONEDATA_SANDBOX.spaces.seed}`, kind: 'hold' });
    sandbox.addFault({ path: `/bwl/spaces/${BLUEWORKS_SANDBOX.spaces.wide}`, kind: 'hold' });
    try {
      // Web VS Code saves its open editors (with each panel's state) every few seconds, not on unload.
      const bothSaved = async () => (await editorsSaved(ONEDATA_SANDBOX.spaces.seed)) && (await editorsSaved(BLUEWORKS_SANDBOX.spaces.wide));
      await eventually(bothSaved, (saved) => saved, 'the workbench to save both panels', 30_000);
      await page.reload();
      await page.locator('.monaco-workbench .activitybar').waitFor({ timeout: 60_000 });
      // The workbench brings back every panel's tab; showing one revives its page.
      const tab = panelTabs('My Private space').first();
      await tab.waitFor({ timeout: 30_000 });
      await tab.click();
      const frame = await panelShowing('My Private space');
      await frame.locator('.badge.cached').waitFor({ timeout: 20_000 });
      await expectRow(frame, 'Storage providers', '296ebe3c20e9666dc489b647f8647f12', ['5.0 GB']);
      await ui.shot('panel-onedata-restored-cached');

      await panelTabs('Wide space').first().click();
      const wide = await panelShowing('Wide space');
      await wide.locator('.badge.cached').waitFor({ timeout: 20_000 });
      const blueprints = group(wide, 'Blueprints');
      await expectText(blueprints.locator('h2 .count'), '5,000');
      await expectText(blueprints.locator('.shown'), '200 of 5,000');
      await expectRow(wide, 'Blueprints', 'blueprint 1', ['blueprint']);
      await ui.shot('panel-blueworks-large-restored-cached');

      sandbox.clearFaults();
      sandbox.release();
      await wide.locator('.badge.cached').waitFor({ state: 'detached', timeout: 30_000 });
      await expectText(blueprints.locator('.shown'), '5,000 of 5,000');
      await panelTabs('My Private space').first().click();
      const fresh = await panelShowing('My Private space');
      await fresh.locator('.badge.cached').waitFor({ state: 'detached', timeout: 30_000 });
      await expectRow(fresh, 'Storage providers', '296ebe3c20e9666dc489b647f8647f12', ['5.0 GB']);
    } finally {
      sandbox.clearFaults();
      sandbox.release();
    }
    await ui.showSpacesView();
  });

  it('filters a 5,000-artifact table and renders only the rows in view', async () => {
    await openFromTree('Process design', 'Wide space');
    const frame = await panelShowing('Wide space');
    const blueprints = group(frame, 'Blueprints');
    await expectText(blueprints.locator('.shown'), '5,000 of 5,000');
    const rows = blueprints.locator('tbody tr:not(.spacer)');
    await rows.first().waitFor();
    const drawn = await rows.count();
    assert.ok(drawn > 10 && drawn < 100, `${drawn} rows in the DOM for 5,000 artifacts`);
    // Scrolled to the end, the last artifact is drawn and the first is gone.
    await blueprints.locator('.table-scroll').evaluate((node) => (node.scrollTop = node.scrollHeight));
    await blueprints.locator('tbody th', { hasText: /^blueprint 5000$/ }).waitFor();
    assert.equal(await blueprints.locator('tbody th', { hasText: /^blueprint 1$/ }).count(), 0);

    // Every word must match: 4999 and nothing else; 124 matches 124, 1124…1249, 2124, 3124, 4124.
    const filter = blueprints.getByRole('searchbox', { name: 'Filter Blueprints' });
    await filter.fill('blueprint 4999');
    await expectText(blueprints.locator('.shown'), '1 of 5,000');
    await filter.fill('blueprint 124');
    await expectText(blueprints.locator('.shown'), '15 of 5,000');
    await eventually(() => rows.count(), (n) => n === 15, '15 rows');
    assert.deepEqual((await blueprints.locator('tbody th').allTextContents()).slice(0, 3), ['blueprint 124', 'blueprint 1124', 'blueprint 1240']);
    // A header click sorts what the filter kept, then the whole table; "blueprint 10" sorts after "blueprint 9".
    const nameHeader = blueprints.locator('thead th').first();
    const labels = async (n) => (await blueprints.locator('tbody th').allTextContents()).slice(0, n);
    await nameHeader.getByRole('button', { name: 'Name', exact: true }).click();
    assert.equal(await nameHeader.getAttribute('aria-sort'), 'ascending');
    await nameHeader.getByRole('button').click();
    assert.equal(await nameHeader.getAttribute('aria-sort'), 'descending');
    assert.deepEqual(await eventually(() => labels(3), (l) => l[0] === 'blueprint 4124', 'the matches sorted down'), ['blueprint 4124', 'blueprint 3124', 'blueprint 2124']);
    await filter.fill('');
    await expectText(blueprints.locator('.shown'), '5,000 of 5,000');
    assert.deepEqual(await eventually(() => labels(3), (l) => l[0] === 'blueprint 5000', 'every row sorted down'), ['blueprint 5000', 'blueprint 4999', 'blueprint 4998']);
    await ui.shot('panel-blueworks-large-sorted');
    await nameHeader.getByRole('button').click();
    assert.equal(await nameHeader.getAttribute('aria-sort'), 'none');
    assert.deepEqual(await eventually(() => labels(2), (l) => l[0] === 'blueprint 1', 'the vendor order'), ['blueprint 1', 'blueprint 2']);
    await filter.fill('no such artifact');
    await blueprints.locator('.no-matches').waitFor();
    await ui.shot('panel-blueworks-large-filtered');
  });

  it('keeps keyboard focus while tabbing down a windowed table, and hands it to the table when scrolled away', async () => {
    await openFromTree('Process design', 'Large space');
    const frame = await panelShowing('Large space');
    const subspaces = group(frame, 'Subspaces');
    const rows = subspaces.locator('tbody tr:not(.spacer)');
    await subspaces.getByRole('button', { name: 'Subspace 001' }).focus();
    const focused = () => subspaces.locator('button.link:focus').textContent({ timeout: 1000 }).catch(() => null);
    for (let n = 2; n <= 60; n++) {
      await page.keyboard.press('Tab');
      const name = `Subspace ${String(n).padStart(3, '0')}`;
      await eventually(focused, (text) => text === name, `Tab ${n - 1} to focus ${name}`, 5000);
    }
    // Rows came and went on the way down (the table stays windowed), and the focus moved with them.
    assert.ok((await rows.count()) < 100);
    assert.equal(await subspaces.locator('tbody th', { hasText: /^Subspace 001$/ }).count(), 0);
    await ui.shot('panel-blueworks-large-keyboard');
    await subspaces.locator('.table-scroll').evaluate((node) => (node.scrollTop = node.scrollHeight));
    await subspaces.locator('tbody th', { hasText: /^Subspace 200$/ }).waitFor();
    await subspaces.locator('.table-scroll:focus').waitFor({ timeout: 5000 });
  });

  const hostileSpaces = [
    ['alumio', 'ACME integrations', 'hostile'],
    ['sharely', 'Team knowledge', SHARELY_SANDBOX.spaces.hostile],
    ['openlayer', 'Hostile workspace', OPENLAYER_SANDBOX.workspaces.hostile],
    ['onedata', 'Research data', 'hostile-space'],
    ['blueworks', 'Process design', BLUEWORKS_SANDBOX.spaces.hostile],
  ];
  for (const [vendor, account, spaceId] of hostileSpaces) {
    it(`${vendor}: hostile strings show as text and run nothing`, async () => {
      const before = cspViolations.length;
      await openFromTree(account, HOSTILE.html, spaceId);
      const frame = await panelShowing(HOSTILE.html, spaceId);
      assert.equal((await frame.locator('h1').textContent()).trim(), HOSTILE.html);
      // Hover and click everything a careless page would have wired up.
      for (const target of await frame.locator('h1, .badge, dd, td, th, .description *').all()) {
        await target.hover({ timeout: 2000 }).catch(() => {});
      }
      const textOnly = frame.locator('.description p').first();
      if (await textOnly.count()) await textOnly.click();
      assert.equal(await frame.locator('img[src="x"], [onerror], [onmouseover], [onclick], iframe, object, embed').count(), 0);
      assert.equal(await frame.locator('body script:not([nonce])').count(), 0);
      for (const href of await frame.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
        assert.match(href, /^https?:\/\//);
      }
      const inner = await ui.panelFrame();
      assert.equal(await inner.evaluate(() => globalThis.__pwned), undefined);
      assert.equal(await page.evaluate(() => globalThis.__pwned), undefined);
      assert.deepEqual(cspViolations.slice(before), []);
      // Bidi overrides are shown, not obeyed: "abc<RLO>exe.txt" must not read as "abctxt.exe".
      const shown = await frame.locator('body').innerText();
      assert.ok(!shown.includes('\u202E'), 'a bidi override reached the page');
      if (shown.includes('exe.txt')) assert.ok(shown.includes('abc[U+202E]exe.txt'));
      await ui.shot(`panel-${vendor}-hostile`);
    });
  }

  /** As a user switches: Preferences: Color Theme, then the theme's name; waits for the workbench's class. */
  async function switchTheme(name, workbenchClass) {
    await ui.runCommand('Preferences: Color Theme');
    await ui.quickInput().locator('input.input[placeholder^="Select Color Theme"]').waitFor();
    await ui.input().fill(name);
    // By the label: a group's first row also holds the group's name ("high contrast themes").
    await ui.quickInput().locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) }).click();
    await page.locator(`.monaco-workbench.${workbenchClass}`).waitFor({ timeout: 30_000 });
  }

  it('dark theme: every vendor\'s panel (screenshots)', async () => {
    await switchTheme('Dark Modern', 'vs-dark');
    for (const seed of SEEDS) {
      await openFromTree(seed.account, seed.space);
      const frame = await panelShowing(seed.space);
      await frame.locator('body.vscode-dark').waitFor({ timeout: 20_000 });
      assert.equal(await panelTabs(seed.space).count(), 1);
      await ui.shot(`panel-${seed.vendor}-dark`);
    }
    assert.deepEqual(cspViolations, []);
  });

  it('high contrast at a narrow width: nothing wider than the panel, every action in view', async () => {
    await switchTheme('Dark High Contrast', 'hc-black');
    await page.setViewportSize({ width: 800, height: 900 });
    try {
      for (const seed of SEEDS) {
        await openFromTree(seed.account, seed.space);
        const frame = await panelShowing(seed.space);
        await frame.locator('body.vscode-high-contrast').waitFor({ timeout: 20_000 });
        // Wide tables scroll inside their own box; the page itself never scrolls sideways.
        const widths = await frame.locator('html').evaluate((html) => ({ content: html.scrollWidth, view: html.clientWidth }));
        assert.ok(widths.view < 500, `the panel is ${widths.view}px wide: not narrow`);
        assert.ok(widths.content <= widths.view + 1, `${seed.vendor}: the page is ${widths.content}px wide in a ${widths.view}px panel`);
        for (const action of await frame.getByRole('toolbar').getByRole('button').all()) {
          const box = await action.evaluate((node) => node.getBoundingClientRect().toJSON());
          assert.ok(box.right <= widths.view + 1, `${seed.vendor}: "${await action.textContent()}" ends at ${box.right}px`);
        }
        await ui.shot(`panel-${seed.vendor}-hc-narrow`);
      }
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 });
    }
    assert.deepEqual(cspViolations, []);
  });
});
