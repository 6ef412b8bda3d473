// Links to a space, handed to the extension by the workbench itself: `vscode.open` of a URI in the
// workbench's own scheme goes through its URL service to the extension's URI handler, as a link opened from
// the desktop or the browser's callback page does. A link is an untrusted caller: only a configured account
// and a space it shows are opened; everything else is one message, and no request.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LinkOutcome } from '../../src/commands/links';
import { accountEntry } from '../sandbox/builders';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { ALUMIO_SANDBOX } from '../sandbox/vendors/alumio';
import { ONEDATA_SANDBOX } from '../sandbox/vendors/onedata';
import { api, EXTENSION_ID, eventually, setAccounts, settleAccounts } from './support';

const ALUMIO_TOKEN = 'SPACES_HOST_LINKS_ALUMIO';
const ONEDATA_TOKEN = 'SPACES_HOST_LINKS_ONEDATA';
const ONEDATA_ADMIN = { username: 'SPACES_HOST_LINKS_ADMIN_USER', password: 'SPACES_HOST_LINKS_ADMIN_PASSWORD' };

/** A link as a user would have one: `<scheme>://spaces-explorer.spaces-explorer/open?<query>`. */
const link = (query: string, path = '/open') => `${vscode.env.uriScheme}://${EXTENSION_ID}${path}?${query}`;

/**
 * The URI the workbench routes for a copied link. On the desktop the link is that URI; in a browser it is
 * the workbench's callback page, which hands its `vscode-*` parts on as they are read here.
 */
function routedUri(text: string): vscode.Uri {
  if (text.startsWith(`${vscode.env.uriScheme}:`)) return vscode.Uri.parse(text);
  const params = new URL(text).searchParams;
  const query = new URLSearchParams(decodeURIComponent(params.get('vscode-query') ?? '')).toString();
  return vscode.Uri.from({ scheme: params.get('vscode-scheme')!, authority: params.get('vscode-authority')!, path: params.get('vscode-path')!, query });
}

/** Hands `uri` to the workbench to open, and what became of it once the extension's handler is done. */
async function follow(uri: vscode.Uri): Promise<LinkOutcome | undefined> {
  const { links } = await api();
  const before = links.handled;
  await vscode.commands.executeCommand('vscode.open', uri);
  await eventually(async () => links.handled, (n) => n > before, 'the workbench to hand the link to the extension');
  return links.latest;
}

describe('links to a space', function () {
  this.timeout(60_000);
  let sandbox: Sandbox;
  const unicode = ALUMIO_SANDBOX.spaces.unicode;

  before(async () => {
    sandbox = await startSandbox();
    process.env[ALUMIO_TOKEN] = ALUMIO_SANDBOX.token;
    process.env[ONEDATA_TOKEN] = ONEDATA_SANDBOX.token;
    // The admin sees every space through /spaces/{id}, even one the account does not list.
    process.env[ONEDATA_ADMIN.username] = ONEDATA_SANDBOX.username;
    process.env[ONEDATA_ADMIN.password] = ONEDATA_SANDBOX.password;
    // A desktop workbench asks before handing an extension a link (the browser's callback page does not).
    await vscode.workspace.getConfiguration('extensions').update('confirmedUriHandlerExtensionIds', [EXTENSION_ID], vscode.ConfigurationTarget.Global);
    await setAccounts([
      accountEntry('alumio', sandbox.url, 'acme', { label: 'ACME', spaces: [ALUMIO_SANDBOX.spaces.seed, unicode], credentialsFromEnv: { token: ALUMIO_TOKEN } }),
      accountEntry('onedata', sandbox.url, 'research', { label: 'Research', authMode: 'token', credentialsFromEnv: { token: ONEDATA_TOKEN } }),
      accountEntry('onedata', sandbox.url, 'vault', { label: 'Vault', authMode: 'basic', credentialsFromEnv: ONEDATA_ADMIN }),
    ]);
    await eventually(async () => (await (await api()).tree.getChildren())?.length, (n) => n === 3, 'three accounts');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await setAccounts([]);
    await vscode.workspace.getConfiguration('extensions').update('confirmedUriHandlerExtensionIds', undefined, vscode.ConfigurationTarget.Global);
    await sandbox?.close();
  });

  beforeEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await eventually(async () => (await api()).panels.size, (n) => n === 0, 'no panel');
    sandbox.reset();
  });

  it("Copy Link copies the ids and nothing else; the link opens the space's panel and selects its row", async () => {
    const { panels, view, tree } = await api();
    await vscode.commands.executeCommand('spaces.copyLink', { accountId: 'acme', spaceId: unicode });
    const text = await vscode.env.clipboard.readText();
    for (const secret of [sandbox.url, ALUMIO_SANDBOX.token, 'ACME', 'alumio']) assert.ok(!text.includes(secret), `the link holds ${secret}: ${text}`);
    const uri = routedUri(text);
    assert.equal(uri.authority, EXTENSION_ID);
    assert.equal(uri.path, '/open');
    assert.deepEqual([...new URLSearchParams(uri.query).keys()], ['account', 'space'], `only the ids: ${uri.query}`);

    assert.deepEqual(await follow(uri), { kind: 'opened' });
    const panel = panels.get('acme', unicode);
    assert.ok(panel, 'the panel of the linked space is open');
    await eventually(async () => panel.current?.id, (id) => id === unicode, 'the panel to show the space');
    const selected = () => view.selection.map((node) => tree.getTreeItem(node).id);
    await eventually(async () => selected(), (ids) => ids[0] === `account:acme/space:${unicode}`, 'the row to be selected');
    assert.ok(panel.panel.active, 'the panel has the focus, as when opened from the tree');
  });

  it('a space the account lists (not one of its settings) opens too, listed first if need be', async () => {
    const { panels } = await api();
    assert.deepEqual(await follow(vscode.Uri.parse(link(`account=research&space=${ONEDATA_SANDBOX.spaces.minimal}`))), { kind: 'opened' });
    await eventually(async () => panels.get('research', ONEDATA_SANDBOX.spaces.minimal)?.current, (details) => details !== undefined, 'the panel to show the space');
  });

  /** The three accounts as the view leaves them, the record emptied: then any request is the link's. */
  async function quietSandbox(): Promise<void> {
    await settleAccounts(['acme', 'research', 'vault']);
    sandbox.reset();
  }

  it('an unknown account is named, offers Add Account…, and nothing is sent or stored', async () => {
    await quietSandbox();
    const settings = () => JSON.stringify(vscode.workspace.getConfiguration('spaces').get('accounts'));
    const before = settings();
    const outcome = await follow(vscode.Uri.parse(link(`account=nobody-here&space=${ALUMIO_SANDBOX.spaces.seed}`)));
    assert.equal(outcome?.kind, 'unknownAccount');
    assert.match(outcome && 'message' in outcome ? outcome.message : '', /the account "nobody-here", which is not configured on this machine/);
    assert.deepEqual(sandbox.received, []);
    assert.equal((await api()).panels.size, 0);
    assert.equal(settings(), before, 'the settings are as they were');
  });

  it('a space the account does not show is not opened, even one its server would answer', async () => {
    const outcome = await follow(vscode.Uri.parse(link(`account=vault&space=${ONEDATA_SANDBOX.spaces.adminOnly}`)));
    assert.deepEqual(outcome, { kind: 'unknownSpace' });
    assert.equal((await api()).panels.size, 0);
    // The account's listing may be asked for (its own server, its own credentials); the space never is.
    const asked = sandbox.received.map((r) => r.url);
    assert.deepEqual(asked.filter((url) => url.includes(ONEDATA_SANDBOX.spaces.adminOnly)), [], `asked: ${asked.join(', ')}`);
  });

  it('an id of 256 characters is read (the limit is over 256), and one the account does not show opens nothing', async () => {
    const longest = 'x'.repeat(256);
    assert.deepEqual(await follow(vscode.Uri.parse(link(`account=acme&space=${longest}`))), { kind: 'unknownSpace' });
    assert.equal((await api()).panels.size, 0);
    const asked = sandbox.received.map((r) => r.url);
    assert.deepEqual(asked.filter((url) => url.includes(longest)), [], `asked: ${asked.join(', ')}`);
  });

  it('hostile links are refused whole, with what was wrong, before anything is sent', async () => {
    const seed = ALUMIO_SANDBOX.spaces.seed;
    await quietSandbox();
    const hostile: [string, string][] = [
      [link(`account=acme&space=${seed}`, '/settings'), 'it asks for something other than opening a space'],
      [link(`account=acme&space=${seed}&baseUrl=${encodeURIComponent(sandbox.url)}`), 'it has "baseUrl", which a link to a space does not have'],
      [link(`account=acme&space=${seed}&token=${ALUMIO_SANDBOX.token}`), 'it has "token", which a link to a space does not have'],
      [`${link(`account=acme&space=${seed}`)}#panel`, 'it has a part after "#", which a link to a space never has'],
      [link(`account=acme&account=research&space=${seed}`), 'it has "account" more than once'],
      [link(`account=acme&space=${seed}&space=${seed}`), 'it has "space" more than once'],
      [link(`account=acme&space=${'x'.repeat(257)}`), 'its "space" is longer than 256 characters'],
      [link(`account=${'a'.repeat(257)}&space=${seed}`), 'its "account" is longer than 256 characters'],
      [link(`account=acme&space=${seed}%E2%80%AE`), 'its "space" holds control or invisible characters'],
      [link(`account=acme&space=${seed}%E2%80%8B`), 'its "space" holds control or invisible characters'],
      [link(`account=acme&space=${seed}%0D%0Aevil`), 'its "space" holds control or invisible characters'],
      [link(`account=acme&space=${seed}%00`), 'its "space" holds control or invisible characters'],
      [link(`account=acme&space=${seed}%C2%9B`), 'its "space" holds control or invisible characters'],
      // Refused before the account is looked up, so the message about an unknown account never quotes it.
      [link(`account=ac%07me&space=${seed}`), 'its "account" holds control or invisible characters'],
      [link('account=acme&space='), 'its "space" is empty'],
      [link('account=acme'), 'it has no "space"'],
    ];
    for (const [text, reason] of hostile) {
      const outcome = await follow(vscode.Uri.parse(text));
      assert.equal(outcome?.kind, 'refused', text);
      assert.equal(outcome && 'message' in outcome ? outcome.message : '', `Spaces Explorer refused the link: ${reason}. Nothing was opened.`, text);
    }
    assert.deepEqual(sandbox.received, [], 'no request was sent');
    assert.equal((await api()).panels.size, 0);
  });
});
