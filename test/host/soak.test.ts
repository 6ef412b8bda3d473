// Soak: five accounts with 1,000 spaces between them, refreshed again and again while panels open and close.
// At the end: no more sockets open to the sandbox than the cap per origin, the extension host's heap after GC
// within 30 MB of where it started, no tree id twice, no panel left over. The figures are printed.
// SPACES_SOAK_ROUNDS sets how many rounds (3 in `npm test`, bounded well under three minutes).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PAGE_SIZE } from '../../src/core/limits';
import { accountEntry } from '../sandbox/builders';
import { testProfile } from '../sandbox/testProfile';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { ONEDATA_SANDBOX } from '../sandbox/vendors/onedata';
import { api, eventually, heapAfterGc, setAccounts } from './support';

const ROUNDS = Number(process.env.SPACES_SOAK_ROUNDS) || 3;
const BULK_VARIABLE = 'SPACES_SOAK_ONEDATA_BULK';
const CAP = 6;

describe('soak: five accounts, 1,000 spaces, refreshed and opened again and again', function () {
  this.timeout(180_000);
  let sandbox: Sandbox;

  before(async () => {
    sandbox = await startSandbox();
    const profile = testProfile(sandbox.url);
    Object.assign(process.env, profile.env, { [BULK_VARIABLE]: ONEDATA_SANDBOX.bulkToken });
    const bulk = (id: string) => accountEntry('onedata', sandbox.url, id, { authMode: 'token', credentialsFromEnv: { token: BULK_VARIABLE } });
    // Two Onedata accounts of 500 spaces each, and three of the demo's.
    const others = profile.accounts.filter((a) => ['alumio', 'sharely', 'blueworks'].includes(String(a.vendor)));
    await setAccounts([bulk('bulk-a'), bulk('bulk-b'), ...others]);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await setAccounts([]);
    await sandbox?.close();
  });

  /** Every row the tree shows down to the spaces, each space's details loaded: how a user sees it expanded. */
  async function expandAll(): Promise<{ ids: string[]; spaces: number }> {
    const { tree } = await api();
    const ids: string[] = [];
    let spaces = 0;
    for (const account of ((await tree.getChildren()) ?? [])) {
      ids.push(String(tree.getTreeItem(account).id));
      const children = ((await tree.getChildren(account)) ?? []);
      for (const child of children) {
        ids.push(String((tree.getTreeItem(child)).id));
        const load = (child as { load?: () => Promise<void> }).load;
        if (load) {
          await load.call(child);
          spaces++;
        }
      }
    }
    return { ids, spaces };
  }

  it('keeps sockets, heap, tree ids and panels bounded', async () => {
    const { tree, panels } = await api();
    await eventually(async () => ((await tree.getChildren()) ?? []).length, (n) => n === 5);
    await expandAll(); // warm: the network stack loaded, first answers cached
    const started = Date.now();
    const baseline = heapAfterGc();
    const requestsBefore = sandbox.stats().requests;
    let shown = 0;
    let duplicates = 0;
    let opened = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      tree.refreshAll();
      const { ids, spaces } = await expandAll();
      shown = spaces;
      // The two Onedata accounts show a page of their 500 spaces each (the rest behind "Load more").
      assert.ok(spaces >= 2 * PAGE_SIZE, `round ${round}: ${spaces} spaces shown, fewer than the two Onedata accounts' first pages (${2 * PAGE_SIZE})`);
      duplicates = ids.length - new Set(ids).size;
      assert.equal(duplicates, 0, `round ${round}: a tree id twice`);
      // Open a space of each account and close it again.
      let openedThisRound = 0;
      for (const account of ((await tree.getChildren()) ?? [])) {
        const [space] = ((await tree.getChildren(account)) ?? []) as { account?: { id: string }; spaceId?: string }[];
        if (space?.spaceId === undefined || !space.account) continue;
        await vscode.commands.executeCommand('spaces.open', { accountId: space.account.id, spaceId: space.spaceId });
        const panel = await eventually(async () => panels.get(space.account!.id, space.spaceId!), (p) => p?.current !== undefined || p?.failure !== undefined);
        panel?.panel.dispose();
        openedThisRound++;
      }
      assert.ok(openedThisRound >= 2, `round ${round}: ${openedThisRound} panels opened, not even the two Onedata accounts'`);
      opened += openedThisRound;
      assert.equal(panels.size, 0, `round ${round}: a panel left over`);
    }
    const grown = heapAfterGc() - baseline;
    const { openSockets, maxInFlight, requests } = sandbox.stats();
    const made = requests - requestsBefore;
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `      soak: ${ROUNDS} rounds in ${seconds.toFixed(1)} s, ${shown} spaces shown a round (1,000 listed), ${made} requests, ${opened} panels opened; ` +
        `heap after GC +${(grown / 1024 / 1024).toFixed(1)} MB (limit 30), sockets open at the end ${openSockets} (cap ${CAP}), ` +
        `most in flight ${maxInFlight}, duplicate tree ids ${duplicates}, panels left ${panels.size}`,
    );
    // A refresh fetches every shown space anew: at least the two Onedata pages, every round.
    assert.ok(made >= ROUNDS * 2 * PAGE_SIZE, `${made} requests in ${ROUNDS} rounds, fewer than the ${ROUNDS * 2 * PAGE_SIZE} spaces refreshed`);
    assert.ok(openSockets <= CAP, `${openSockets} sockets open, more than the cap of ${CAP} per origin`);
    assert.ok(maxInFlight <= CAP, `${maxInFlight} requests in flight at once, more than the cap of ${CAP}`);
    assert.ok(grown <= 30 * 1024 * 1024, `the heap grew by ${(grown / 1024 / 1024).toFixed(1)} MB`);
  });
});
