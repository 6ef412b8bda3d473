import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, eventually, EXTENSION_ID, manifest, rows, setAccounts } from './support';

describe('Spaces Explorer in a real extension host', () => {
  after(() => setAccounts([]));

  it('activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    await api();
    assert.equal(extension.isActive, true);
  });

  it('registers every command it contributes', async () => {
    await api();
    const contributed = manifest().contributes.commands;
    assert.ok(contributed.length >= 4);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, []);
  });

  it('contributes the Spaces view, which can be focused', async () => {
    const { contributes } = manifest();
    assert.equal(contributes.viewsContainers.activitybar[0]?.id, 'spaces');
    assert.equal(contributes.views.spaces?.[0]?.id, 'spaces.explorer');
    await vscode.commands.executeCommand('spaces.explorer.focus');
  });

  it('shows one row per configured account and an error row for a broken one', async () => {
    await setAccounts([
      { id: 'acme', vendor: 'openlayer', label: 'Acme ML', workspaceId: 'ws-1' },
      { id: 'zone', vendor: 'onedata', baseUrl: 'https://onezone.example' },
      { id: 'bad', vendor: 'nope' },
    ]);
    const roots = (await eventually(() => rows(), (r) => r.length === 3)).map((r) => r.item);
    assert.deepEqual(
      roots.map((r) => [r.label, r.description]),
      [
        ['Acme ML', 'Openlayer'],
        ['zone', 'Onedata'],
        ['config: Account "bad": unknown vendor "nope" (use one of alumio, sharely, openlayer, onedata, blueworks)', undefined],
      ],
    );
    assert.equal(roots[2]!.contextValue, 'brokenAccount');
  });

  it('empties the tree when the accounts are removed (the welcome view takes over)', async () => {
    await setAccounts([{ id: 'acme', vendor: 'openlayer', workspaceId: 'ws-1' }]);
    await eventually(() => rows(), (r) => r.length === 1);
    await setAccounts([]);
    assert.equal((await eventually(() => rows(), (r) => r.length === 0)).length, 0);
  });
});
