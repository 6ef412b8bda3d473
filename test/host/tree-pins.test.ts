// Pinned spaces: the "Pinned" group at the top of the Spaces tree, in the order pinned, and what takes a pin away.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { testProfile } from '../sandbox/testProfile';
import type { Sandbox } from '../sandbox/server';
import { ALUMIO_SANDBOX } from '../sandbox/vendors/alumio';
import { ONEDATA_SANDBOX } from '../sandbox/vendors/onedata';
import { api, contextMenuFor, eventually, labelsOf, rows, setAccounts, spacesOf, useDemoTree } from './support';

describe('the Spaces tree: pinned spaces', function () {
  let sandbox: Sandbox;
  useDemoTree(this, (started) => (sandbox = started));

  it('pins spaces of any account into "Pinned" at the top, in the order pinned; Unpin and removing the account take them away', async () => {
    const { tree } = await api();
    const research = (await spacesOf('Research data', ['My Private space'])).find((r) => r.label === 'My Private space')!;
    await spacesOf('ACME integrations', ['ACME Production']);
    const profile = testProfile(sandbox.url);
    try {
      assert.deepEqual(contextMenuFor(String(research.item.contextValue)).filter((c) => c.includes('pin')), ['pin']);
      // From the row (the tree's menu), then by ids (a link or a keybinding): both resolved from the settings.
      await vscode.commands.executeCommand('spaces.pin', research.node);
      await vscode.commands.executeCommand('spaces.pin', { accountId: 'acme-alumio', spaceId: ALUMIO_SANDBOX.spaces.seed });
      await vscode.commands.executeCommand('spaces.pin', research.node); // pinned already: nothing changes
      const roots = await rows();
      assert.deepEqual(labelsOf(roots).slice(0, 2), ['Pinned', 'ACME integrations']);
      assert.equal(roots[0]!.item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
      const pinned = await eventually(
        () => rows(roots[0]!.node),
        (r) => r.length === 2 && r.every((row) => row.item.description !== undefined && !String(row.item.description).startsWith('loading')),
        'two pinned rows with their status',
      );
      // In the order pinned, each saying its account; the ids name the account, so no two rows share one.
      assert.deepEqual(
        pinned.map((r) => [r.label, r.item.description]),
        [
          ['My Private space', 'Supported · Research data'],
          ['ACME Production', 'Active · ACME integrations'],
        ],
      );
      assert.deepEqual(
        pinned.map((r) => r.item.id),
        [`pinned/account:research-onedata/space:${ONEDATA_SANDBOX.spaces.seed}`, `pinned/account:acme-alumio/space:${ALUMIO_SANDBOX.spaces.seed}`],
      );
      // The space's rows now offer Unpin instead of Pin, in the group and under its account.
      for (const row of [pinned[0]!, (await rows(research.node.parent)).find((r) => r.label === 'My Private space')!]) {
        assert.deepEqual(contextMenuFor(String(row.item.contextValue)).filter((c) => c.includes('pin')), ['unpin'], row.item.id);
      }

      await vscode.commands.executeCommand('spaces.unpin', pinned[0]!.node);
      assert.deepEqual(labelsOf(await rows((await rows())[0]!.node)), ['ACME Production']);
      // The account removed, its pin goes with it, and the group with its last pin.
      await setAccounts(profile.accounts.filter((a) => a.id !== 'acme-alumio'));
      await eventually(() => tree.pins.all(), (pins) => pins.length === 0, 'the pin to go with its account');
      assert.notEqual((await rows())[0]!.label, 'Pinned');
    } finally {
      for (const pin of [...tree.pins.all()]) await tree.pins.unpin(pin.accountId, pin.spaceId);
      await setAccounts([...profile.accounts, { id: 'broken', vendor: 'alumio' }]);
      await eventually(() => rows(), (r) => r.length === 6);
    }
  });
});
