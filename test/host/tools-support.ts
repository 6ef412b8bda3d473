// What the host tests of the tools for AI assistants share: a call through VS Code's own door
// (`vscode.lm.invokeTool`, as an agent's call arrives), its JSON answer, and a space row fetched.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SpaceNode } from '../../src/tree/nodes/spaceNode';
import type { Sandbox } from '../sandbox/server';
import { eventually, rows } from './support';

export const OUR_TOOLS = ['spaces_findSpaces', 'spaces_getSpace', 'spaces_listAccounts', 'spaces_recentChanges'];

/** The JSON answer of a tool: what it found, or `error` in words. */
export type Answer = Record<string, unknown> & { readonly error?: string };

/** Calls tool `name` as VS Code's agent would, outside a chat (no invocation token), and reads its one text part. */
export async function call(name: string, input: object): Promise<Answer> {
  const source = new vscode.CancellationTokenSource();
  try {
    const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined }, source.token);
    const texts = result.content.filter((part): part is vscode.LanguageModelTextPart => typeof (part as { value?: unknown }).value === 'string');
    assert.equal(texts.length, 1, `${name} answers with one text part`);
    return JSON.parse(texts[0]!.value) as Answer;
  } finally {
    source.dispose();
  }
}

/** Calls tool `name` and checks that the sandbox received no request meanwhile. */
export async function callWithoutRequests(sandbox: Sandbox, name: string, input: object): Promise<Answer> {
  const before = sandbox.requests;
  const answer = await call(name, input);
  assert.equal(sandbox.requests, before, `${name} sent no request for ${JSON.stringify(input)}`);
  return answer;
}

/** The names of our tools VS Code lists now (its own tools are listed too). */
export function listedTools(): string[] {
  return vscode.lm.tools.map((tool) => tool.name).filter((name) => name.startsWith('spaces_')).sort();
}

/**
 * The row of `spaceId` under the account labelled `accountLabel`, its details fetched, once every row the
 * account shows has settled (as expanding it fetches them all): nothing is left in flight to count later.
 */
export async function fetchedRow(accountLabel: string, spaceId: string): Promise<SpaceNode> {
  const account = (await rows()).find((r) => r.label === accountLabel);
  assert.ok(account, `no account row "${accountLabel}"`);
  const list = await eventually(() => rows(account.node), (found) => found.some((r) => (r.node as SpaceNode).spaceId === spaceId), `the row of ${spaceId}`);
  const spaces = list.map((r) => r.node).filter((node): node is SpaceNode => 'spaceId' in node);
  await Promise.all(spaces.map((node) => node.load()));
  const node = spaces.find((row) => row.spaceId === spaceId)!;
  assert.ok(node.details, `${spaceId} was fetched`);
  return node;
}
