// Export, inside a real extension host against the sandbox: a panel table copied as CSV and Markdown (the
// rows its page's filter and sort give, read back from the real clipboard), and Export Spaces…'s records of
// what the tree knows, written to a file and read back, with no request sent. The dialogs (the format's
// quick pick, the save dialog) are driven in the real workbench: test/e2e/export.test.mjs.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { knownSpaces, spacesFile } from '../../src/commands/export';
import { parseAccounts } from '../../src/core/accounts';
import { writeTextFile } from '../../src/util/workbench';
import { accountEntry } from '../sandbox/builders';
import { startSandbox, type RecordedRequest, type Sandbox } from '../sandbox/server';
import { testProfile } from '../sandbox/testProfile';
import { BLUEWORKS_SANDBOX } from '../sandbox/vendors/blueworks';
import { ONEDATA_SANDBOX } from '../sandbox/vendors/onedata';
import { api, eventually, rows, setAccounts } from './support';

/** A Onedata account of 500 spaces (the sandbox's port is new each run, so none is remembered from before). */
const bulkEntry = (id: string, label: string) => accountEntry('onedata', sandbox.url, id, { label, credentialsFromEnv: { token: 'SPACES_TEST_ONEDATA_BULK' } });
let sandbox: Sandbox;

describe('export', function () {
  this.timeout(60_000);
  let folder: string;

  before(async () => {
    sandbox = await startSandbox();
    const profile = testProfile(sandbox.url);
    process.env.SPACES_TEST_ONEDATA_BULK = ONEDATA_SANDBOX.bulkToken;
    Object.assign(process.env, profile.env);
    await setAccounts([...profile.accounts, bulkEntry('bulk', 'Bulk'), bulkEntry('never-listed', 'Never listed')]);
    await eventually(() => rows(), (r) => r.length === 7);
    folder = mkdtempSync(path.join(tmpdir(), 'spaces-export-'));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await setAccounts([]);
    await sandbox?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it("a panel table's Copy as CSV and Copy as Markdown: the rows the page's filter and sort give, in their order", async () => {
    const { panels } = await api();
    await vscode.commands.executeCommand('spaces.open', { accountId: 'process-blueworks', spaceId: BLUEWORKS_SANDBOX.spaces.wide });
    const panel = panels.get('process-blueworks', BLUEWORKS_SANDBOX.spaces.wide)!;
    await eventually(async () => panel.current, (details) => details !== undefined, 'the wide space');
    // Every blueprint whose name holds "499" (no date or other value does): 15 of the 5,000.
    const view = { groupId: 'blueprints', filter: 'blueprint 499', sort: { key: '', descending: true } };
    await panel.handle({ type: 'exportTable', action: 'copyCsv', ...view });
    const csv = await vscode.env.clipboard.readText();
    assert.ok(!csv.startsWith('\uFEFF'), 'no byte order mark on the clipboard');
    const lines = csv.split('\r\n');
    assert.equal(lines.pop(), '', 'every record ends with CRLF');
    const columns = panel.current!.groups.find((g) => g.id === 'blueprints')!.columns;
    assert.deepEqual(lines[0]!.split(','), ['Name', ...columns.map((c) => c.label)]);
    const names = [...Array.from({ length: 10 }, (_, i) => `blueprint ${4999 - i}`), 'blueprint 4499', 'blueprint 3499', 'blueprint 2499', 'blueprint 1499', 'blueprint 499'];
    assert.deepEqual(lines.slice(1).map((line) => line.split(',')[0]), names, 'by name, last first');

    await panel.handle({ type: 'exportTable', action: 'copyMarkdown', ...view, sort: undefined });
    const markdown = (await vscode.env.clipboard.readText()).split('\n');
    assert.equal(markdown.pop(), '');
    assert.match(markdown[1]!, /^\| --- \|/);
    assert.deepEqual(markdown.slice(2).map((row) => row.split(' | ')[0]), [...names].reverse().map((name) => `| ${name}`), "the vendor's order without a sort");
  });

  it('a table the space does not have exports nothing', async () => {
    const { panels } = await api();
    const panel = panels.get('process-blueworks', BLUEWORKS_SANDBOX.spaces.wide)!;
    await vscode.env.clipboard.writeText('before');
    await panel.handle({ type: 'exportTable', action: 'copyCsv', groupId: 'no-such-group', filter: '' });
    assert.equal(await vscode.env.clipboard.readText(), 'before');
  });

  it("Export Spaces…: every space the tree knows of the account, every page, as CSV and JSON, with no request", async () => {
    const { tree } = await api();
    const [account, unlisted] = parseAccounts([bulkEntry('bulk', 'Bulk'), bulkEntry('never-listed', 'Never listed')]).accounts;
    // Nothing known of an account never listed: nothing to export, and no listing asked for.
    const before = sandbox.requests;
    assert.deepEqual(knownSpaces(tree, unlisted!), []);
    assert.equal(sandbox.requests, before);

    const bulk = (await rows()).find((r) => r.label === 'Bulk')!;
    // The first page of 200 named, and the view's own requests answered: what comes after is the export's.
    await eventually(() => rows(bulk.node), (page) => page.filter((r) => r.label.startsWith('Bulk space ')).length === 200, 'the first page named');
    await eventually(async () => sandbox.inFlight, (n) => n === 0, 'the view to have its answers');
    const earlier = new Set(sandbox.received);
    const records = knownSpaces(tree, account!);
    assert.equal(records.length, 500, 'the whole listing, not the page of 200 the view shows');
    assert.deepEqual({ ...records[0], status: undefined }, { name: 'Bulk space 0001', id: 'bulk-0001', status: undefined, vendor: 'Onedata', account: 'Bulk' });
    assert.equal(records[499]!.name, null, 'a space beyond the page is not named yet: exported by its id');

    const csvFile = vscode.Uri.file(path.join(folder, 'bulk.csv'));
    await writeTextFile(csvFile, spacesFile(records, 'csv'));
    const csv = readFileSync(csvFile.fsPath, 'utf8');
    assert.ok(csv.startsWith('\uFEFFName,ID,Status,Vendor,Account\r\n'), 'a byte order mark, then the headers');
    assert.equal(csv.split('\r\n').length, 1 + 500 + 1);
    assert.ok(csv.includes('\r\nBulk space 0001,bulk-0001,'));

    const jsonFile = vscode.Uri.file(path.join(folder, 'bulk.json'));
    await writeTextFile(jsonFile, spacesFile(records, 'json'));
    assert.deepEqual(JSON.parse(readFileSync(jsonFile.fsPath, 'utf8')), records);
    // The view goes on in its own time meanwhile: it may still fetch the first page's details (on VS Code 1.96
    // it asked for 5 more) and the other accounts' rows as it draws them. The export itself lists nothing and
    // fetches no space, so nothing else may have gone out with Bulk's credential.
    const firstPage = /\/bulk-0(0\d\d|1\d\d|200)(\?|$)/;
    const sentAsBulk = (request: RecordedRequest) => JSON.stringify(request.headers).includes(ONEDATA_SANDBOX.bulkToken);
    const since = sandbox.received.filter((request) => !earlier.has(request) && sentAsBulk(request)).map((request) => request.url);
    assert.deepEqual(since.filter((url) => !firstPage.test(url)), [], 'the export asked the vendor nothing');
  });
});
