// The fault matrix: every error kind of the contract (but `cancelled`, which is never shown) for every
// vendor, on the tree and on the panel. Each case breaks one vendor's space in the sandbox and checks the
// row (`<kind>: …`, with its context value) or the panel's failure, that another account's row is untouched,
// that Retry or Refresh recovers once the fault is cleared, and that nothing ends in an unhandled rejection.
// A timeout is a held answer, never a slow one: no case depends on how busy the machine is.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseAccounts } from '../../src/core/accounts';
import { ERROR_ACTIONS, type ErrorKind } from '../../src/core/errors';
import { testProfile } from '../sandbox/testProfile';
import { startSandbox, type FaultSpec, type Sandbox } from '../sandbox/server';
import { ALUMIO_SANDBOX } from '../sandbox/vendors/alumio';
import { BLUEWORKS_SANDBOX } from '../sandbox/vendors/blueworks';
import { ONEDATA_SANDBOX } from '../sandbox/vendors/onedata';
import { OPENLAYER_SANDBOX } from '../sandbox/vendors/openlayer';
import { SHARELY_SANDBOX } from '../sandbox/vendors/sharely';
import { api, eventually, inlineActionsFor, rows, setAccounts, type Row } from './support';

type Entry = Record<string, unknown> & { readonly id: string };

interface VendorCase {
  readonly vendor: string;
  readonly spaceId: string;
  /** The secret field its credentials come from (the `config` case unsets it). */
  readonly secret: string;
  /** The paths its space is fetched from (Onedata falls back to a second one). */
  readonly paths: (spaceId: string) => string[];
}

const VENDOR_CASES: readonly VendorCase[] = [
  { vendor: 'alumio', spaceId: ALUMIO_SANDBOX.spaces.seed, secret: 'token', paths: (id) => [`/api/v1/spaces/${id}`] },
  { vendor: 'sharely', spaceId: SHARELY_SANDBOX.spaces.seed, secret: 'apiKey', paths: (id) => [`/v1/workspaces/${SHARELY_SANDBOX.workspaces.seed}/spaces/${id}`] },
  { vendor: 'openlayer', spaceId: OPENLAYER_SANDBOX.workspaces.seed, secret: 'apiKey', paths: (id) => [`/v1/workspaces/${id}`] },
  { vendor: 'onedata', spaceId: ONEDATA_SANDBOX.spaces.seed, secret: 'token', paths: (id) => [`/api/v3/onezone/user/effective_spaces/${id}`, `/api/v3/onezone/spaces/${id}`] },
  { vendor: 'blueworks', spaceId: BLUEWORKS_SANDBOX.spaces.seed, secret: 'clientSecret', paths: (id) => [`/bwl/spaces/${id}`] },
];

interface KindCase {
  readonly kind: string;
  /** What to do to the vendor's space paths. */
  readonly fault?: Omit<FaultSpec, 'path'>;
  /** How the account's entry changes (tls, config). */
  readonly entry?: (entry: Entry, vendor: VendorCase) => Entry;
  /** A short request timeout, for the held answer to time out. */
  readonly shortTimeout?: boolean;
  /** The row's inline actions besides Retry and Show Log. */
  readonly inline?: readonly string[];
}

const KIND_CASES: readonly KindCase[] = [
  { kind: 'auth', fault: { kind: 'status', status: 401 }, inline: ['setCredentials'] },
  { kind: 'forbidden', fault: { kind: 'status', status: 403 }, inline: ['setCredentials'] },
  { kind: 'notFound', fault: { kind: 'status', status: 404 } },
  { kind: 'rateLimited', fault: { kind: 'status', status: 429, headers: { 'retry-after': '3600' } } },
  { kind: 'server', fault: { kind: 'status', status: 500 } },
  { kind: 'timeout', fault: { kind: 'hold' }, shortTimeout: true },
  { kind: 'network', fault: { kind: 'reset' } },
  { kind: 'tls', inline: ['openSettings'], entry: (entry) => ({ ...entry, baseUrl: String(entry.baseUrl).replace(/^http:\/\/([^/]+)/, (_m, host: string) => `https://${host}`) }) },
  { kind: 'badResponse', fault: { kind: 'html' } },
  { kind: 'redirect', fault: { kind: 'redirect', location: 'http://localhost:1/elsewhere' }, inline: ['openSettings'] },
  { kind: 'config', entry: (entry, vendor) => ({ ...entry, credentialsFromEnv: { [vendor.secret]: 'SPACES_NO_SUCH_VARIABLE' } }), inline: ['setCredentials', 'openSettings'] },
];

describe('the fault matrix: every error kind × every vendor, on the tree and on the panel', function () {
  this.timeout(60_000);
  let sandbox: Sandbox;
  let profile: ReturnType<typeof testProfile>;
  const names = new Map<string, string>();
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  let cases = 0;

  const entryOf = (vendor: string): Entry => profile.accounts.find((a) => a.vendor === vendor) as Entry;
  /** Another account, on another vendor's paths: it must go on working while one vendor fails. */
  const control = (vendor: string): Entry => entryOf(vendor === 'alumio' ? 'sharely' : 'alumio');
  const config = () => vscode.workspace.getConfiguration('spaces');

  /** Turns the fault on: the sandbox's, the account's entry, the timeout. */
  async function arrange(vendor: VendorCase, kind: KindCase): Promise<Entry> {
    const entry = kind.entry ? kind.entry(entryOf(vendor.vendor), vendor) : entryOf(vendor.vendor);
    if (kind.shortTimeout) await config().update('requestTimeoutSeconds', 1, vscode.ConfigurationTarget.Global);
    for (const path of vendor.paths(vendor.spaceId)) if (kind.fault) sandbox.addFault({ ...kind.fault, path });
    return entry;
  }

  /** Turns it off again. */
  async function clear(kind: KindCase): Promise<void> {
    sandbox.clearFaults();
    sandbox.release();
    if (kind.shortTimeout) await config().update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
  }

  const accountRow = (id: string) => eventually(() => rows(), (r) => r.some((row) => (row.node as { account?: { id: string } }).account?.id === id)).then((r) => r.find((row) => (row.node as { account?: { id: string } }).account?.id === id)!);
  const spaceRowIn = async (account: Row, spaceId: string): Promise<Row | undefined> => (await rows(account.node)).find((row) => (row.node as { spaceId?: string }).spaceId === spaceId);

  before(async () => {
    sandbox = await startSandbox();
    profile = testProfile(sandbox.url);
    Object.assign(process.env, profile.env);
    process.on('unhandledRejection', onUnhandled);
    const { tree } = await api();
    for (const vendor of VENDOR_CASES) {
      const account = parseAccounts([entryOf(vendor.vendor)]).accounts[0]!;
      names.set(vendor.vendor, (await tree.service.getSpace(account, vendor.spaceId, { refresh: true })).name);
    }
  });

  after(async () => {
    process.off('unhandledRejection', onUnhandled);
    console.log(`      fault matrix: ${cases} cases (${KIND_CASES.length} kinds × ${VENDOR_CASES.length} vendors × tree and panel)`);
    sandbox.clearFaults();
    sandbox.release();
    await config().update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await setAccounts([]);
    await sandbox?.close();
  });

  afterEach(() => assert.deepEqual(unhandled.splice(0).map(String), [], 'an unhandled rejection'));

  for (const vendor of VENDOR_CASES) {
    for (const kind of KIND_CASES) {
      it(`${vendor.vendor} × ${kind.kind} in the tree: its row, the others untouched, Retry recovers`, async () => {
        cases++;
        const normal = entryOf(vendor.vendor);
        await setAccounts([normal, control(vendor.vendor)]);
        const entry = await arrange(vendor, kind);
        if (entry !== normal) await setAccounts([entry, control(vendor.vendor)]);
        await accountRow(entry.id);
        await vscode.commands.executeCommand('spaces.refreshAll');

        // The failure's row: under the space, or under the account where its listing failed (Onedata).
        const contextValue = ['error', kind.kind, ...ERROR_ACTIONS[kind.kind as ErrorKind]].join('.');
        const failed = (row: Row | undefined) => row?.item.description === kind.kind || row?.item.contextValue === contextValue;
        const where = await eventually(
          async () => {
            const account = await accountRow(entry.id);
            const listingError = (await rows(account.node)).find((row) => row.item.contextValue?.startsWith('error.'));
            return listingError ?? (await spaceRowIn(account, vendor.spaceId));
          },
          failed,
          `the ${kind.kind} row`,
          20_000,
        );
        assert.ok(failed(where), `the row says ${where?.item.description ?? where?.label}`);
        const [error] = where!.item.contextValue?.startsWith('error.') ? [where!] : await rows(where!.node);
        assert.match(error!.label, new RegExp(`^${kind.kind}: \\S`));
        assert.equal(error!.item.contextValue, contextValue);
        const actions = inlineActionsFor(contextValue);
        for (const action of ['retry', 'showLog', ...(kind.inline ?? [])]) assert.ok(actions.includes(action), `${kind.kind} rows offer ${action} (inline: ${actions.join(', ')})`);
        for (const secret of Object.values(profile.env)) assert.ok(!error!.label.includes(secret), 'the message holds a credential');
        // The other account's space is shown as usual.
        const other = control(vendor.vendor);
        const otherSpaceId = (other.spaces as string[])[0]!;
        const untouched = await eventually(async () => spaceRowIn(await accountRow(other.id), otherSpaceId), (row) => row !== undefined && !!(row.node as { details?: unknown }).details);
        assert.ok(!String(untouched?.item.contextValue).startsWith('error'), 'the other account failed too');

        await clear(kind);
        if (entry !== normal) await setAccounts([normal, control(vendor.vendor)]);
        const again = await spaceRowIn(await accountRow(entry.id), vendor.spaceId);
        const [errorNow] = again ? await rows(again.node) : (await rows((await accountRow(entry.id)).node)).filter((row) => row.item.contextValue?.startsWith('error.'));
        if (errorNow?.item.contextValue?.startsWith('error.')) await vscode.commands.executeCommand('spaces.retry', errorNow.node);
        const recovered = await eventually(async () => spaceRowIn(await accountRow(entry.id), vendor.spaceId), (row) => row?.label === names.get(vendor.vendor), 'the space recovered', 20_000);
        assert.equal(recovered?.label, names.get(vendor.vendor));
      });

      it(`${vendor.vendor} × ${kind.kind} in the panel: its failure shown over the last good data, Refresh recovers`, async () => {
        cases++;
        const normal = entryOf(vendor.vendor);
        await setAccounts([normal]);
        await vscode.commands.executeCommand('spaces.open', { accountId: normal.id, spaceId: vendor.spaceId });
        const { panels } = await api();
        const panel = await eventually(async () => panels.get(normal.id, vendor.spaceId), (p) => p?.current !== undefined);
        assert.ok(panel?.current, 'the panel shows the space');

        const entry = await arrange(vendor, kind);
        if (entry !== normal) await setAccounts([entry]);
        await panel.load(true);
        assert.equal(panel.failure?.kind, kind.kind, `the panel says ${panel.failure?.kind}: ${panel.failure?.message}`);
        assert.equal(panel.current?.name, names.get(vendor.vendor), 'the last good data stays');

        await clear(kind);
        if (entry !== normal) await setAccounts([normal]);
        await panel.load(true);
        assert.equal(panel.failure, undefined);
        panel.panel.dispose();
      });
    }
  }
});
