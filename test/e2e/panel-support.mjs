// Shared by the space panel's e2e files (panel-*.test.mjs): the workbench session they run in (the demo
// accounts plus a hostile space for every vendor, the light theme, every Content Security Policy violation the
// page logs), what each vendor's seed space must show, and how a user opens a space and reads its panel.
import { before } from 'node:test';
import * as assert from 'node:assert/strict';
import { testProfile, SHARELY_SANDBOX, OPENLAYER_SANDBOX, BLUEWORKS_SANDBOX } from '../../out/sandbox/index.js';
import { escapeRegExp, eventually } from '../harness/wait.mjs';
import { useWorkbench } from '../harness/workbench.mjs';
/** @typedef {import('../harness/workbench.mjs').Session} Session */

/**
 * An Openlayer workspace the sandbox does not know: a test serves it (as a fault with a 200 body) the answer it
 * needs, an account of its own shows it.
 */
export const DRIFTED_WORKSPACE = 'ws-drifted';

/** The demo accounts, plus a hostile space (or workspace) for every vendor, and a workspace for drifted answers. */
function accountsWithHostileSpaces(profile) {
  const accounts = profile.accounts.map((account) => {
    if (account.vendor === 'sharely') return { ...account, spaces: [...account.spaces, SHARELY_SANDBOX.spaces.hostile] };
    if (account.vendor === 'blueworks') return { ...account, spaces: [...account.spaces, BLUEWORKS_SANDBOX.spaces.hostile] };
    return account;
  });
  const openlayer = profile.accounts.find((a) => a.vendor === 'openlayer');
  return [
    ...accounts,
    { ...openlayer, id: 'hostile-openlayer', label: 'Hostile workspace', workspaceId: OPENLAYER_SANDBOX.workspaces.hostile },
    { ...openlayer, id: 'drifted-openlayer', label: 'Drifted workspace', workspaceId: DRIFTED_WORKSPACE },
  ];
}

/** What each vendor's seed space must show. */
export const SEEDS = [
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
export async function expectText(locator, text) {
  await locator.first().waitFor({ timeout: 20_000 });
  const read = async () => (await locator.first().textContent()).trim();
  await eventually(read, (value) => value === text, `"${text}"`);
}

export async function expectFact(frame, label, value) {
  const fact = frame.locator('.fact').filter({ has: frame.locator('dt', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) });
  await expectText(fact.locator('dd'), value);
}

export async function expectDate(time, iso, shown) {
  await time.first().waitFor({ timeout: 20_000 });
  assert.equal(await time.first().getAttribute('title'), iso);
  assert.match(await time.first().textContent(), shown);
}

export function group(frame, label) {
  return frame.locator('section.group').filter({ has: frame.locator('h2', { hasText: label }) });
}

/** The row of `label` in the group, with the given cell texts among its cells. */
export async function expectRow(frame, groupLabel, label, cells) {
  const row = group(frame, groupLabel).locator('tbody tr').filter({ has: frame.locator('th', { hasText: label }) }).first();
  await row.waitFor({ timeout: 20_000 });
  const texts = (await row.locator('td').allTextContents()).map((t) => t.trim());
  for (const cell of cells) assert.ok(texts.includes(cell), `${groupLabel} / ${label}: ${JSON.stringify(texts)} lacks ${cell}`);
  return row;
}

/**
 * Call inside a `describe`: the workbench session (see useWorkbench) with its settings, and the CSP violations
 * the page logs (`cspViolations`, from the start). Returns the session (read its parts once its `before` has
 * run) and the helpers below.
 */
export function usePanelWorkbench() {
  const cspViolations = [];
  const session = useWorkbench({
    codeServer(sandbox) {
      const profile = testProfile(sandbox.url);
      return { settings: { 'spaces.accounts': accountsWithHostileSpaces(profile), 'workbench.colorTheme': 'Default Light Modern' }, env: profile.env };
    },
    beforeLoad(page) {
      page.on('console', (message) => {
        if (/Content[- ]Security[- ]Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) cspViolations.push(message.text());
      });
    },
  });
  /** @type {Session['page']} */ let page;
  /** @type {Session['ui']} */ let ui;
  before(() => ({ page, ui } = session));

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
      await page.getByRole('treeitem', { level: 1, expanded: true }).nth(index).locator('.monaco-tl-twistie').click();
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

  /** As a user switches: Preferences: Color Theme, then the theme's name; waits for the workbench's class. */
  async function switchTheme(name, workbenchClass) {
    await ui.runCommand('Preferences: Color Theme');
    await ui.quickInput().locator('input.input[placeholder^="Select Color Theme"]').waitFor();
    await ui.input().fill(name);
    // By the label: a group's first row also holds the group's name ("high contrast themes").
    await ui.quickInput().locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) }).click();
    await page.locator(`.monaco-workbench.${workbenchClass}`).waitFor({ timeout: 30_000 });
  }

  return {
    session,
    cspViolations,
    panelTabs,
    openFromTree,
    panelShowing,
    switchTheme,
  };
}
