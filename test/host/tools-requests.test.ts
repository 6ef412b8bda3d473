// The tools for AI assistants where they could reach a server: a request only for an input the user was asked
// about (`prepareInvocation`'s confirmation, which VS Code shows before it invokes), the status changes a
// refresh found (and Show Status Changes), every vendor's hostile space, and the off switch.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ToolName } from '../../src/core/tools/inputs';
import { HOSTILE, outsideVendorText } from '../sandbox/hostile';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { testProfile } from '../sandbox/testProfile';
import { ALUMIO_SANDBOX, ALUMIO_SEED_SPACE } from '../sandbox/vendors/alumio';
import { BLUEWORKS_SANDBOX } from '../sandbox/vendors/blueworks';
import { ONEDATA_SANDBOX } from '../sandbox/vendors/onedata';
import { OPENLAYER_SANDBOX } from '../sandbox/vendors/openlayer';
import { SHARELY_SANDBOX } from '../sandbox/vendors/sharely';
import { call, callWithoutRequests, fetchedRow, listedTools, OUR_TOOLS } from './tools-support';
import { api, eventually, rows, setAccounts, spacesOf, useDemoTree } from './support';

/** A confirmation's message as text (ours are plain strings). */
const text = (message: string | vscode.MarkdownString | undefined) => (typeof message === 'string' ? message : (message?.value ?? ''));

/** Our tool `name`, called directly as VS Code does: `prepareInvocation`, then (the user having agreed) `invoke`. */
async function tool(name: ToolName) {
  const found = (await api()).tools.tools.find((t) => t.name === name);
  assert.ok(found, name);
  const token = new vscode.CancellationTokenSource().token;
  return {
    prepare: async (input: object) => found.prepareInvocation({ input }),
    invoke: async (input: object) => JSON.parse(((await found.invoke({ input, toolInvocationToken: undefined }, token)).content[0] as vscode.LanguageModelTextPart).value) as Record<string, unknown>,
  };
}

describe('the tools for AI assistants: requests only once the user is asked', function () {
  let sandbox: Sandbox;
  useDemoTree(this, (started) => (sandbox = started));

  it('spaces_getSpace fetches a space not known yet only for an input whose preparation asked the user', async () => {
    const getSpace = await tool('spaces_getSpace');
    const input = { accountId: 'team-sharely', spaceId: SHARELY_SANDBOX.spaces.seed };
    // Counted for this space only: the view may draw (and fetch) the other accounts' rows meanwhile.
    const askedForSpace = () => sandbox.received.filter((r) => r.url.includes(input.spaceId)).length;
    const before = askedForSpace();
    const unasked = await getSpace.invoke(input);
    assert.match(String(unasked.error), /^Fetching this space needs a request the user has not allowed: nothing was fetched\.$/);
    assert.equal(askedForSpace(), before, 'no request without having asked');

    const prepared = await getSpace.prepare(input);
    assert.equal(prepared.confirmationMessages?.title, 'Send requests with your credentials?');
    assert.match(text(prepared.confirmationMessages?.message), /^Fetch the space "space-uuid-123" from "Team knowledge" \(127\.0\.0\.1:\d+\): a request with your credentials\.$/);
    const space = await getSpace.invoke(input);
    assert.ok(askedForSpace() > before, 'the request the user allowed');
    assert.equal(space.accountId, 'team-sharely');
    assert.ok(space.name && (space.freshness as { ageSeconds: number }).ageSeconds >= 0);
    assert.match(String((await getSpace.invoke(input)).error), /a request the user has not allowed/, 'one question, one call');
  });

  it('asks nothing where it answers from what is known or refuses, and asks before a refresh or a vendor search', async () => {
    await spacesOf('ACME integrations', ['ACME Production']);
    const getSpace = await tool('spaces_getSpace');
    const known = { accountId: 'acme-alumio', spaceId: ALUMIO_SANDBOX.spaces.seed };
    assert.equal((await getSpace.prepare(known)).confirmationMessages, undefined);
    assert.equal((await getSpace.prepare({ accountId: 'nobody', spaceId: 'x' })).confirmationMessages, undefined);
    assert.equal((await getSpace.prepare({ ...known, spaceId: 'not-shown' })).confirmationMessages, undefined);
    assert.equal((await getSpace.prepare({ nonsense: true })).confirmationMessages, undefined);
    assert.match(text((await getSpace.prepare({ ...known, refresh: true })).confirmationMessages?.message), /^Fetch the space "ACME Production" from "ACME integrations"/);

    const findSpaces = await tool('spaces_findSpaces');
    assert.equal((await findSpaces.prepare({ words: 'process' })).confirmationMessages, undefined);
    assert.equal((await findSpaces.prepare({ searchVendors: true })).confirmationMessages, undefined, 'no words: nothing to search for');
    assert.equal((await findSpaces.prepare({ words: 'process', searchVendors: true, vendor: 'onedata' })).confirmationMessages, undefined, 'Onedata has no search');
    // Blueworks' search by tag finds a space the account does not list: only the vendor knows it.
    const search = { words: 'extra', searchVendors: true };
    assert.match(text((await findSpaces.prepare(search)).confirmationMessages?.message), /^Search "Process design" for "extra": requests to their servers with your credentials\.$/);
    const before = sandbox.requests;
    const found = await findSpaces.invoke(search);
    assert.ok(sandbox.requests > before, 'the search the user allowed');
    assert.deepEqual(found.vendorSearch, { searched: ['process-blueworks'], failed: [] });
    assert.deepEqual(
      (found.matches as { from: string }[]).filter((m) => m.from === 'vendorSearch'),
      [{ accountId: 'process-blueworks', spaceId: { vendorText: BLUEWORKS_SANDBOX.spaces.extraFields }, name: { vendorText: 'Space with extras' }, from: 'vendorSearch' }],
    );
  });

  it('spaces_recentChanges and Show Status Changes list a change a refresh found; picking it opens the space', async () => {
    const { panels, history } = await api();
    const node = await fetchedRow('ACME integrations', ALUMIO_SANDBOX.spaces.seed);
    try {
      await node.load({ refresh: true });
      sandbox.addFault({ path: `/api/v1/spaces/${ALUMIO_SANDBOX.spaces.seed}`, kind: 'status', status: 200, body: { object: { ...ALUMIO_SEED_SPACE, status: 'error' } } });
      await node.load({ refresh: true });
      await eventually(() => history.list()[0]?.spaceId, (id) => id === ALUMIO_SANDBOX.spaces.seed, 'the change kept');
      const { changes, total } = (await callWithoutRequests(sandbox, 'spaces_recentChanges', { accountId: 'acme-alumio', limit: 1 })) as { changes: Record<string, unknown>[]; total: number };
      assert.ok(total >= 1);
      assert.deepEqual(changes.length, 1);
      const [change] = changes;
      assert.deepEqual(change, { at: change!.at, accountId: 'acme-alumio', spaceId: { vendorText: ALUMIO_SANDBOX.spaces.seed }, name: { vendorText: 'ACME Production' }, from: { vendorText: 'Active' }, to: { vendorText: 'Error' } });
      assert.ok(Math.abs(Date.parse(String(change.at)) - Date.now()) < 60_000);

      void vscode.commands.executeCommand('spaces.showStatusChanges');
      await eventually(
        async () => {
          await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
          return panels.get('acme-alumio', ALUMIO_SANDBOX.spaces.seed);
        },
        (panel) => panel !== undefined,
        'the newest change picked, its space open',
      );
    } finally {
      sandbox.clearFaults();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  // VS Code goes on listing a contributed tool whose `when` clause is false (lm.tools lists disabled tools
  // too since 1.10x); what matters is that nothing answers: a call fails for want of an implementation.
  it('spaces.ai.tools.enabled off unregisters the tools at once, a workspace cannot turn them on, and on registers them again', async () => {
    const { tools } = await api();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the host tier opens a workspace folder');
    const workspaceSettings = vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json');
    const setting = (value: boolean | undefined) => vscode.workspace.getConfiguration('spaces').update('ai.tools.enabled', value, vscode.ConfigurationTarget.Global);
    try {
      await vscode.workspace.fs.writeFile(workspaceSettings, Buffer.from(JSON.stringify({ 'spaces.ai.tools.enabled': true, 'editor.tabSize': 5 })));
      await eventually(async () => vscode.workspace.getConfiguration('editor').get('tabSize'), (size) => size === 5, 'the workspace settings read');
      await setting(false);
      await eventually(async () => tools.registered, (registered) => registered === false, 'the tools unregistered');
      await assert.rejects(call('spaces_listAccounts', {}), /implementation/);
      await setting(undefined);
      await eventually(async () => [tools.registered, listedTools().join()], ([registered, listed]) => registered === true && listed === OUR_TOOLS.join(), 'the tools back');
      assert.ok(Array.isArray((await call('spaces_listAccounts', {})).accounts));
    } finally {
      await setting(undefined);
      await vscode.workspace.fs.delete(workspaceSettings);
    }
  });
});

describe("the tools for AI assistants: every vendor's hostile space", function () {
  this.timeout(60_000);
  let sandbox: Sandbox;
  const hostileIds: Record<string, string> = {
    'acme-alumio': ALUMIO_SANDBOX.spaces.hostile,
    'team-sharely': SHARELY_SANDBOX.spaces.hostile,
    'ml-openlayer': OPENLAYER_SANDBOX.workspaces.hostile,
    'research-onedata': ONEDATA_SANDBOX.spaces.hostile,
    'process-blueworks': BLUEWORKS_SANDBOX.spaces.hostile,
  };

  before(async () => {
    sandbox = await startSandbox();
    const profile = testProfile(sandbox.url);
    Object.assign(process.env, profile.env);
    const hostile = (account: Record<string, unknown>) => {
      const id = hostileIds[String(account.id)]!;
      return account.vendor === 'openlayer' ? { ...account, workspaceId: id } : { ...account, spaces: [id] };
    };
    await setAccounts(profile.accounts.map(hostile));
    await eventually(() => rows(), (r) => r.length === 5);
  });
  after(async () => {
    await setAccounts([]);
    await sandbox.close();
  });

  it('comes back with every vendor string inside vendorText, from spaces_getSpace and spaces_findSpaces', async () => {
    const hostileStrings = [...Object.values(HOSTILE), '__pwned'];
    const leaked = (answer: unknown) => outsideVendorText(answer).filter((text) => hostileStrings.some((h) => text.includes(h)));
    for (const [accountId, spaceId] of Object.entries(hostileIds)) {
      const label = testProfile(sandbox.url).accounts.find((a) => a.id === accountId)!.label as string;
      await fetchedRow(label, spaceId);
      const space = await callWithoutRequests(sandbox, 'spaces_getSpace', { accountId, spaceId });
      assert.equal(space.error, undefined, accountId);
      assert.deepEqual(leaked(space), [], accountId);
      assert.ok(JSON.stringify(space).includes('__pwned'), `${accountId}: the hostile text is there, inside vendorText`);
    }
    const found = await callWithoutRequests(sandbox, 'spaces_findSpaces', {});
    assert.ok((found.matches as unknown[]).length >= 5);
    assert.deepEqual(leaked(found), []);
  });
});
