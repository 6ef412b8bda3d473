import * as assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as vscode from 'vscode';
import type { SpacesExplorerApi } from '../../src/extension';
import { FilterMemory } from '../../src/services/filterMemory';
import type { LastKnownTree } from '../../src/services/lastKnown';
import type { StateStore } from '../../src/services/stateStore';
import type { SpacesTreeProvider, TreeMemory } from '../../src/tree/provider';
import type { SpaceNode } from '../../src/tree/nodes/spaceNode';
import type { TreeNode } from '../../src/tree/nodes/treeNode';
import { eventually } from '../harness/wait.mjs';
import { testProfile } from '../sandbox/testProfile';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { selectionMenu, shownCommands } from './whenClause';

// The one waiting loop of every tier, handed on so host suites import their helpers from one place.
export { eventually };

export const EXTENSION_ID = 'spaces-explorer.spaces-explorer';

export async function api(): Promise<SpacesExplorerApi> {
  const extension = vscode.extensions.getExtension<SpacesExplorerApi | undefined>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this extension host`);
  const handle = await extension.activate();
  assert.ok(handle, 'activate() gave no test handle: the host tier runs the extension in ExtensionMode.Test');
  return handle;
}

/**
 * Writes the accounts and settles once the extension host has announced the change, so the tree has
 * redrawn for it before the test goes on (a redraw landing later can drop a selection made meanwhile).
 */
export async function setAccounts(accounts: readonly unknown[]): Promise<void> {
  const config = () => vscode.workspace.getConfiguration('spaces');
  const unchanged = JSON.stringify(config().inspect('accounts')?.globalValue ?? []) === JSON.stringify(accounts);
  let listener: vscode.Disposable | undefined;
  const announced = new Promise<void>((resolve) => {
    listener = vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('spaces.accounts') && resolve());
  });
  try {
    await config().update('accounts', accounts, vscode.ConfigurationTarget.Global);
    if (!unchanged) await announced;
  } finally {
    listener?.dispose();
  }
}

/** A Memento-shaped store in memory: state a test keeps from one provider to the next (a window reload). */
export function memoryStore(): StateStore {
  const values = new Map<string, unknown>();
  return { get: <T>(key: string) => values.get(key) as T | undefined, update: async (key, value) => void values.set(key, value) };
}

/**
 * What a provider made by a test (a second window) keeps: `lastKnown`, the extension's pins, status marks and
 * hidden accounts, and `filters` (by default its own, in memory).
 */
export function treeMemory(tree: SpacesTreeProvider, lastKnown: LastKnownTree, filters = new FilterMemory(memoryStore(), memoryStore())): TreeMemory {
  return { lastKnown, pins: tree.pins, statuses: tree.statuses, hidden: tree.hidden, filters };
}

/** A node and the row VS Code would draw for it. */
export interface Row {
  readonly node: TreeNode;
  readonly item: vscode.TreeItem;
  readonly label: string;
}

export async function rows(parent?: TreeNode): Promise<Row[]> {
  const { tree } = await api();
  const nodes = ((await tree.getChildren(parent)) ?? []);
  return nodes.map((node) => {
    const item = tree.getTreeItem(node);
    const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    // A node holds its parents, so it is no JSON: a row that a wait times out on shows what it draws.
    return { node, item, label, toJSON: () => [label, item.description] };
  });
}

/**
 * Lists each of `accountIds` and fetches every row it lists, as the view does in its own time for an account
 * it shows expanded: once done, the view has nothing left to ask for them, and a test counting requests
 * afterwards counts its own.
 */
export async function settleAccounts(accountIds: readonly string[]): Promise<void> {
  const { tree } = await api();
  for (const id of accountIds) {
    const account = tree.accountNode(id);
    assert.ok(account, `no account "${id}"`);
    const listed = await account.listing();
    await Promise.all(listed.filter((row): row is SpaceNode => 'spaceId' in row).map((row) => row.load()));
  }
}

/** The account row with `label`, expanded: its space rows once every name has replaced its id. */
export async function spacesOf(accountLabel: string, expectNames: readonly string[]): Promise<Row[]> {
  const account = (await rows()).find((r) => r.label === accountLabel);
  assert.ok(account, `no account row "${accountLabel}"`);
  return eventually(
    () => rows(account.node),
    (spaces) => expectNames.every((name) => spaces.some((s) => s.label === name && s.item.description !== 'loading…')),
  );
}

/** The labels of the rows, in order. */
export function labelsOf(list: readonly Row[]): string[] {
  return list.map((r) => r.label);
}

/**
 * Call inside a `describe`, with its `this`: gives its tests a minute each; before them, starts the sandbox
 * (handed to `started`) and sets the demo profile's five accounts and a broken entry (their secrets put in
 * this very process's environment, which `credentialsFromEnv` reads), once their six rows are drawn; after
 * each test, resets the sandbox's faults and record; after them all, sets no accounts and closes the sandbox.
 */
export function useDemoTree(suite: Mocha.Suite, started: (sandbox: Sandbox) => void): void {
  suite.timeout(60_000);
  let sandbox: Sandbox | undefined;
  before(async () => {
    sandbox = await startSandbox();
    started(sandbox);
    const profile = testProfile(sandbox.url);
    // credentialsFromEnv reads the extension host's environment: this very process.
    Object.assign(process.env, profile.env);
    await setAccounts([...profile.accounts, { id: 'broken', vendor: 'alumio' }]);
    await eventually(() => rows(), (r) => r.length === 6);
  });
  after(async () => {
    await setAccounts([]);
    await sandbox?.close();
  });
  afterEach(() => sandbox?.reset());
}

/** The parts of package.json the host tests read. */
export interface Manifest {
  readonly contributes: {
    readonly commands: readonly { readonly command: string }[];
    readonly viewsContainers: { readonly activitybar: readonly { readonly id: string }[] };
    readonly views: Readonly<Record<string, readonly { readonly id: string }[]>>;
    readonly menus: Readonly<Record<string, readonly { readonly command: string; readonly when: string; readonly group: string }[]>>;
  };
}

/** The installed extension's package.json. */
export function manifest(): Manifest {
  return vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as Manifest;
}

/** The commands the Spaces view shows inline on a row with `contextValue`, as package.json's menus say. */
export function inlineActionsFor(contextValue: string): string[] {
  return menuOf(contextValue, (group) => group.startsWith('inline'));
}

/** The commands of the context menu of a row with `contextValue` (not the inline ones). */
export function contextMenuFor(contextValue: string): string[] {
  return menuOf(contextValue, (group) => !group.startsWith('inline'));
}

/** The commands of the context menu VS Code shows when several rows (their `contextValues`) are selected. */
export function selectionMenuFor(contextValues: readonly string[]): string[] {
  const menus = manifest().contributes.menus['view/item/context'] ?? [];
  const contexts = contextValues.map((viewItem) => ({ view: 'spaces.explorer', viewItem }));
  return selectionMenu(menus, contexts, (group) => !group.startsWith('inline')).map((command) => command.replace('spaces.', ''));
}

/** The commands of the Spaces view's row menus for a row with `contextValue` (see whenClause.ts: an unread clause throws). */
function menuOf(contextValue: string, inGroup: (group: string) => boolean): string[] {
  const menus = manifest().contributes.menus['view/item/context'] ?? [];
  const context = { view: 'spaces.explorer', viewItem: contextValue, listMultiSelection: false };
  return shownCommands(menus, context, inGroup).map((command) => command.replace('spaces.', ''));
}

/** The extension host's heap in use after a full garbage collection (the host runs without --expose-gc). */
export function heapAfterGc(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}
