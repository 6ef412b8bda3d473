// Issue "accessible panels", in the real workbench with the packaged VSIX: axe-core (WCAG 2.x A and AA, and
// best practice) over every vendor's panel, a failed one, a loading one and the 5,000-row table, in Light
// Modern, Dark Modern and High Contrast; then the Blueworks panel walked by keyboard alone. axe-core is a
// development package: it is evaluated into the panel's own document by the test, never shipped.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ALUMIO_SANDBOX, BLUEWORKS_SANDBOX } from '../../out/sandbox/index.js';
import { SEEDS, expectText, group, usePanelWorkbench } from './panel-support.mjs';
import { eventually } from '../harness/wait.mjs';
/** @typedef {import('../harness/workbench.mjs').Session} Session */

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * Moderate and minor findings known and accepted, by rule id, each with why. Any other finding of those
 * impacts fails, as does every serious or critical one.
 */
const ACCEPTED = {};

const THEMES = [
  { name: 'Light Modern', workbenchClass: 'vs', bodyClass: 'vscode-light' },
  { name: 'Dark Modern', workbenchClass: 'vs-dark', bodyClass: 'vscode-dark' },
  { name: 'Dark High Contrast', workbenchClass: 'hc-black', bodyClass: 'vscode-high-contrast' },
];

describe('the space panel is accessible (axe-core, keyboard) in the workbench (packaged VSIX)', () => {
  const workbench = usePanelWorkbench();
  const { openFromTree, panelShowing, switchTheme } = workbench;
  /** @type {Session['sandbox']} */ let sandbox;
  /** @type {Session['page']} */ let page;
  /** @type {Session['ui']} */ let ui;
  before(() => ({ sandbox, page, ui } = workbench.session));
  after(() => sandbox?.clearFaults());

  /** axe-core's violations in the visible panel, as `rule (impact): targets` lines, accepted ones left out. */
  async function violations() {
    const frame = await ui.panelFrame();
    // Evaluated by the browser's debugger protocol, which the page's CSP (no eval, nonce'd scripts) does not govern.
    if (!(await frame.evaluate(() => 'axe' in globalThis))) await frame.evaluate(AXE_SOURCE);
    const found = await frame.evaluate(async (tags) => {
      const result = await globalThis.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      // A contrast finding says its colours, so its failure message alone tells what to fix.
      const described = (node) => {
        const data = node.any?.[0]?.data;
        return data?.contrastRatio ? `${node.target.join(' ')} [${data.fgColor} on ${data.bgColor}: ${data.contrastRatio}]` : node.target.join(' ');
      };
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 5).map(described) }));
    }, AXE_TAGS);
    return found.filter((v) => !(v.id in ACCEPTED && v.impact !== 'serious' && v.impact !== 'critical')).map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
  }

  /** The panels axe reads in each theme: how to bring each on screen, named for the failure message. */
  const PANELS = [
    ...SEEDS.map((seed) => ({ name: `${seed.vendor} ${seed.space}`, show: () => openFromTree(seed.account, seed.space).then(() => panelShowing(seed.space)) })),
    { name: 'the 5,000-row table', show: () => openFromTree('Process design', 'Wide space').then(() => panelShowing('Wide space')) },
    { name: 'a failed space', show: showFailed },
    { name: 'a loading space', show: showLoading, done: () => sandbox.clearFaults() || sandbox.release() },
  ];

  const MINIMAL_PATH = `/api/v1/spaces/${ALUMIO_SANDBOX.spaces.minimal}`;

  /** ACME's minimal space, refreshed into a server error: the banner with Retry over the last good data. */
  async function showFailed() {
    const frame = await openMinimal();
    sandbox.addFault({ path: MINIMAL_PATH, kind: 'status', status: 500 });
    try {
      await frame.getByRole('toolbar').getByRole('button', { name: 'Refresh' }).click();
      await frame.locator('.error-banner').getByRole('button', { name: 'Retry' }).waitFor({ timeout: 30_000 });
    } finally {
      sandbox.clearFaults();
    }
  }

  /** ACME's minimal space, refreshed with its answer held: the panel busy, as a refresh shows it. */
  async function showLoading() {
    const frame = await openMinimal();
    sandbox.addFault({ path: MINIMAL_PATH, kind: 'hold' });
    await frame.getByRole('toolbar').getByRole('button', { name: /^Refresh/ }).click();
    await frame.locator('main[aria-busy="true"]').waitFor({ timeout: 30_000 });
  }

  async function openMinimal() {
    await openFromTree('ACME integrations', 'Minimal space', ALUMIO_SANDBOX.spaces.minimal);
    return panelShowing('Minimal space', ALUMIO_SANDBOX.spaces.minimal);
  }

  /**
   * Walks the Blueworks seed panel by Tab from its heading, as a user arriving with the keyboard: every
   * control on the page is reached (the focus leaving the page or coming round ends the walk), and each
   * draws a focus ring.
   */
  async function walkByTab() {
    await openFromTree('Process design', 'My Space');
    const frame = await panelShowing('My Space');
    const inner = await ui.panelFrame();
    // Every control on the page, numbered, to tell which the walk reached.
    const controls = await inner.evaluate(() =>
      [...document.querySelectorAll('button, a[href], input, [tabindex="0"]')].map((node, n) => {
        node.setAttribute('data-walk', String(n));
        return node.getAttribute('aria-label') || node.textContent?.trim().slice(0, 60) || node.tagName;
      }),
    );
    /** The focused element: its number, name and whether a ring is drawn around it. */
    const focused = () =>
      inner.evaluate(() => {
        const node = document.activeElement;
        if (!node || node === document.body) return undefined;
        const style = getComputedStyle(node);
        const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
        return { walk: node.getAttribute('data-walk'), name: node.getAttribute('aria-label') || node.textContent?.trim().slice(0, 60) || node.tagName, ring };
      });
    // From the top of the page, as a user arriving with Tab, until the focus leaves the page or comes round.
    await frame.locator('h1').click();
    const stops = [];
    for (let n = 0; n < controls.length + 5; n++) {
      await page.keyboard.press('Tab');
      const stop = await focused();
      if (!stop || stops.some((s) => s.walk === stop.walk)) break;
      stops.push(stop);
    }
    const missed = controls.filter((_, n) => !stops.some((s) => s.walk === String(n)));
    assert.deepEqual(missed, [], `not reached by Tab; reached: ${JSON.stringify(stops.map((s) => s.name))}`);
    for (const action of ['Refresh', 'Copy ID', 'Show Raw JSON', 'Reveal in Spaces View']) assert.ok(controls.includes(action), `no ${action} on the page`);
    assert.ok(controls.includes('My Subspace'), 'a subspace link on the page');
    const ringless = stops.filter((s) => !s.ring).map((s) => s.name);
    assert.deepEqual(ringless, [], 'every stop draws a focus ring');
  }

  for (const theme of THEMES) {
    it(`${theme.name}: no violation in any panel, and every control of a panel reached by Tab with a focus ring`, async () => {
      await switchTheme(theme.name, theme.workbenchClass);
      const found = [];
      for (const panel of PANELS) {
        try {
          await panel.show();
          await ui.panel().locator(`body.${theme.bodyClass}`).waitFor({ timeout: 20_000 });
          for (const line of await violations()) found.push(`${panel.name}: ${line}`);
          await ui.shot(`a11y-${theme.workbenchClass}-${panel.name.replace(/[^A-Za-z0-9]+/g, '-')}`);
        } finally {
          panel.done?.();
        }
      }
      await ui.runCommand('View: Close All Editors');
      assert.deepEqual(found, []);
      await walkByTab();
      await ui.runCommand('View: Close All Editors');
    });
  }

  it('Blueworks by keyboard: a header sorts by Enter and Space, Copy ID runs by Space, a long table\'s filter is a Tab away', async () => {
    await openFromTree('Process design', 'My Space');
    const frame = await panelShowing('My Space');
    // The Goals table's first header (reached by Tab, as the walk shows) sorts by Enter and again by Space.
    const goals = group(frame, 'Goals');
    const sortButton = goals.locator('thead th').first().getByRole('button');
    await sortButton.focus();
    await page.keyboard.press('Enter');
    assert.equal(await goals.locator('thead th').first().getAttribute('aria-sort'), 'ascending');
    await page.keyboard.press('Space');
    assert.equal(await goals.locator('thead th').first().getAttribute('aria-sort'), 'descending');
    // An action by Space: Copy ID, which the status bar confirms.
    await frame.getByRole('button', { name: 'Copy ID' }).focus();
    await page.keyboard.press('Space');
    await page.locator('.statusbar').getByText(`Copied ${BLUEWORKS_SANDBOX.spaces.seed}`).waitFor({ timeout: 20_000 });

    // A table long enough for a filter (Large space's 200 subspaces): Tab from its heading reaches the filter.
    await openFromTree('Process design', 'Large space');
    const subspaces = group(await panelShowing('Large space'), 'Subspaces');
    await subspaces.locator('h2').click();
    await page.keyboard.press('Tab');
    const filter = subspaces.getByRole('searchbox', { name: 'Filter Subspaces' });
    await eventually(() => filter.evaluate((node) => node === document.activeElement), (focusedNow) => focusedNow, 'the filter focused by Tab');
    await page.keyboard.type('Subspace 007');
    await expectText(subspaces.locator('.shown'), '1 of 200');
    await ui.runCommand('View: Close All Editors');
  });
});
