import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SpacesExplorerApi } from '../../src/extension';
import type { SpacesNode } from '../../src/tree/nodes';

const EXTENSION_ID = 'spaces-explorer.spaces-explorer';

async function api(): Promise<SpacesExplorerApi> {
  const extension = vscode.extensions.getExtension<SpacesExplorerApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this extension host`);
  return extension.activate();
}

async function setAccounts(accounts: unknown[]): Promise<void> {
  await vscode.workspace.getConfiguration('spaces').update('accounts', accounts, vscode.ConfigurationTarget.Global);
}

async function rootRows(tree: SpacesExplorerApi['tree']): Promise<vscode.TreeItem[]> {
  const nodes = ((await tree.getChildren()) ?? []) as SpacesNode[];
  return nodes.map((n) => tree.getTreeItem(n));
}

/** Settings land asynchronously; poll instead of asserting at once. */
async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

describe('Spaces Explorer in a real extension host', () => {
  after(() => setAccounts([]));

  it('activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    await api();
    assert.equal(extension.isActive, true);
  });

  it('registers every command it contributes', async () => {
    await api();
    const contributed: { command: string }[] = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands;
    assert.ok(contributed.length >= 4);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, []);
  });

  it('contributes the Spaces view, which can be focused', async () => {
    const contributes = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes;
    assert.equal(contributes.viewsContainers.activitybar[0].id, 'spaces');
    assert.equal(contributes.views.spaces[0].id, 'spaces.explorer');
    await vscode.commands.executeCommand('spaces.explorer.focus');
  });

  it('shows one row per configured account and an error row for a broken one', async () => {
    const { tree } = await api();
    await setAccounts([
      { id: 'acme', vendor: 'openlayer', label: 'Acme ML', workspaceId: 'ws-1' },
      { id: 'zone', vendor: 'onedata', baseUrl: 'https://onezone.example' },
      { id: 'bad', vendor: 'nope' },
    ]);
    const rows = await eventually(() => rootRows(tree), (r) => r.length === 3);
    assert.deepEqual(
      rows.map((r) => [r.label, r.description]),
      [
        ['Acme ML', 'Openlayer'],
        ['zone', 'Onedata'],
        [rows[2]!.label, undefined],
      ],
    );
    assert.match(String(rows[2]!.label), /^config: Account "bad": unknown vendor "nope"/);
    assert.equal(rows[2]!.contextValue, 'error.config');
  });

  it('empties the tree when the accounts are removed (the welcome view takes over)', async () => {
    const { tree } = await api();
    await setAccounts([{ id: 'acme', vendor: 'openlayer', workspaceId: 'ws-1' }]);
    await eventually(() => rootRows(tree), (r) => r.length === 1);
    await setAccounts([]);
    const rows = await eventually(() => rootRows(tree), (r) => r.length === 0);
    assert.equal(rows.length, 0);
  });
});
