import * as assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as vscode from 'vscode';
import type { SpacesExplorerApi } from '../../src/extension';
import type { TreeNode } from '../../src/tree/nodes/treeNode';

export const EXTENSION_ID = 'spaces-explorer.spaces-explorer';

export async function api(): Promise<SpacesExplorerApi> {
  const extension = vscode.extensions.getExtension<SpacesExplorerApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this extension host`);
  return extension.activate();
}

export async function setAccounts(accounts: readonly unknown[]): Promise<void> {
  await vscode.workspace.getConfiguration('spaces').update('accounts', accounts, vscode.ConfigurationTarget.Global);
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
    return { node, item, label: typeof item.label === 'string' ? item.label : (item.label?.label ?? '') };
  });
}

/**
 * Polls `read` until `ok` holds (settings and fetches land asynchronously); fails naming `what` and the last
 * value seen once `timeoutMs` has passed.
 */
export async function eventually<T>(read: () => T | Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000, what = 'the condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value)) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}: last saw ${describe(value)}`);
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  return value;
}

function describe(value: unknown): string {
  // Tree rows hold their parents: say what each shows instead.
  if (Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null && 'label' in v && 'item' in v)) {
    return JSON.stringify((value as Row[]).map((row) => [row.label, row.item.description]));
  }
  try {
    return JSON.stringify(value)?.slice(0, 300) ?? String(value);
  } catch {
    return String(value); // tree rows hold their parents: not JSON
  }
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

function menuOf(contextValue: string, inGroup: (group: string) => boolean): string[] {
  const menus = manifest().contributes.menus['view/item/context'] ?? [];
  const holds = (clause: string) => {
    const regex = /^viewItem =~ \/(.+)\/$/.exec(clause);
    if (regex) return new RegExp(regex[1]!).test(contextValue);
    const equal = /^viewItem == (\S+)$/.exec(clause);
    return equal ? equal[1] === contextValue : clause === 'view == spaces.explorer';
  };
  return menus.filter((m) => inGroup(m.group) && m.when.split(' && ').every(holds)).map((m) => m.command.replace('spaces.', ''));
}

/** The extension host's heap in use after a full garbage collection (the host runs without --expose-gc). */
export function heapAfterGc(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}
