// What the extension's neighbours can do with it, in the real workbench with the packaged VSIX: another
// installed extension that activates it gets nothing to reach the secrets with; a space named with a bare URL,
// a `www.` host and an e-mail address shows a readable row whose hover holds no link; Show Raw JSON of an
// answer naming a remote `$schema` makes VS Code download nothing from it.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { accountEntry, ALUMIO_SANDBOX } from '../../out/sandbox/index.js';
import { eventually } from '../harness/wait.mjs';
import { useWorkbench } from '../harness/workbench.mjs';
/** @typedef {import('../harness/workbench.mjs').Session} Session */

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const TOKEN_VARIABLE = 'SPACES_E2E_ALUMIO_TOKEN';
const LINKY = 'linky';
const LINKY_NAME = 'Portal https://evil.example/login or www.evil.example or help@evil.example';
const SCHEMA = 'with-schema';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'spaces-neighbours-'));
const reportFile = path.join(scratch, 'neighbour-report.json');

/** The neighbour extension (test/e2e/fixtures/neighbour) packaged with vsce, as the harness installs it. */
function packageNeighbour() {
  const out = path.join(scratch, 'neighbour.vsix');
  const vsce = path.join(ROOT, 'node_modules', '.bin', 'vsce');
  execFileSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out], { cwd: path.join(import.meta.dirname, 'fixtures', 'neighbour'), stdio: 'ignore' });
  return out;
}

/** A server on loopback that only counts what it is asked: where a vendor's answer points the workbench. */
function startAttacker() {
  const paths = [];
  const server = http.createServer((req, res) => {
    paths.push(req.url);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"type":"object"}');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, paths, close: () => server.close() })));
}

const alumioSpace = (fields) => ({ object: { identifier: fields.identifier, status: 'active', purpose: 'prod', ...fields } });

describe("the extension's neighbours (packaged VSIX beside another extension)", () => {
  let attacker;
  before(async () => {
    attacker = await startAttacker();
  });
  after(() => {
    attacker?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  const session = useWorkbench({
    codeServer(sandbox) {
      sandbox.addFault({ path: `/api/v1/spaces/${LINKY}`, kind: 'status', status: 200, body: alumioSpace({ identifier: LINKY, name: LINKY_NAME }) });
      const schemaSpace = { $schema: `${attacker.url}/vendor-schema.json`, ...alumioSpace({ identifier: SCHEMA, name: 'Schema space' }) };
      sandbox.addFault({ path: `/api/v1/spaces/${SCHEMA}`, kind: 'status', status: 200, body: schemaSpace });
      return {
        alsoInstall: [packageNeighbour()],
        settings: {
          'spaces.accounts': [accountEntry('alumio', sandbox.url, 'near', { label: 'Near', spaces: [LINKY, SCHEMA], credentialsFromEnv: { token: TOKEN_VARIABLE } })],
          // Since VS Code 1.10x only listed domains' schemas are downloaded; every version before (1.96, the
          // floor this extension supports, among them) downloads from any origin. So this one is listed.
          'json.schemaDownload.trustedDomains': { [`${attacker.url}/`]: true },
        },
        env: { [TOKEN_VARIABLE]: ALUMIO_SANDBOX.token, SPACES_NEIGHBOUR_REPORT: reportFile },
      };
    },
  });
  /** @type {Session['page']} */ let page;
  /** @type {Session['ui']} */ let ui;
  /** @type {Session['server']} */ let server;
  before(() => ({ page, ui, server } = session));

  it('another extension that activates Spaces Explorer gets nothing that reaches its secrets, clients or panels', async () => {
    const report = await eventually(() => (existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, 'utf8')) : undefined), Boolean, "the neighbour's report", 60_000);
    assert.equal(report.found, true, 'the neighbour saw Spaces Explorer installed');
    assert.deepEqual({ exported: report.exported, reachable: report.reachable }, { exported: 'undefined', reachable: [] });
  });

  it('a command another extension runs hands it nothing back (Open gave it the panel, and through it the client)', async () => {
    await ui.runCommand('Neighbour: Open a Space of Near');
    const report = await eventually(() => (existsSync(`${reportFile}.open.json`) ? JSON.parse(readFileSync(`${reportFile}.open.json`, 'utf8')) : undefined), Boolean, "the neighbour's report", 60_000);
    assert.deepEqual(report, { returned: 'undefined', reachable: [] });
    await ui.panel().locator('.space-id').filter({ hasText: LINKY }).waitFor({ timeout: 20_000 });
    await ui.runCommand('View: Close All Editors');
  });

  it('a space named with a bare URL, a www. host and an e-mail address: its row reads the name and its hover has no link', async () => {
    await ui.expand(ui.accountRow('Near'));
    const row = ui.spaceRow('Portal');
    await eventually(() => row.locator('.label-name').innerText(), (text) => text.replace(/\u200B/g, '') === LINKY_NAME, 'the row named');
    const label = await row.locator('.label-name').boundingBox();
    assert.ok(label && label.width > 100, `the label is drawn (${JSON.stringify(label)})`);
    await row.hover();
    const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'evil' }).last();
    await hover.waitFor({ timeout: 20_000 });
    // The hover's spaces are no-break ones (VS Code's appendText writes them as &nbsp;).
    assert.match((await hover.innerText()).replace(/\u200B/g, '').replace(/\u00A0/g, ' '), /https:\/\/evil\.example\/login or www\.evil\.example or help@evil\.example/);
    assert.deepEqual(await hover.locator('a').evaluateAll((links) => links.map((a) => a.textContent)), [], 'links in the hover');
    await page.mouse.move(0, 0);
  });

  it("another extension's Remove Space with an argument asks first; Cancel leaves the settings as they were", async () => {
    const settingsFile = path.join(server.paths.userData, 'User', 'settings.json');
    const before = readFileSync(settingsFile, 'utf8');
    await ui.runCommand('Neighbour: Remove a Space of Near');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 20_000 }).catch(() => {});
    const spaces = JSON.parse(readFileSync(settingsFile, 'utf8'))['spaces.accounts'][0].spaces;
    assert.deepEqual(spaces, [LINKY, SCHEMA], 'the settings changed without asking');
    assert.match((await dialog.innerText()).replace(/\u200B/g, ''), /Remove space "Portal .*" from account "Near"\?/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(readFileSync(settingsFile, 'utf8'), before);
  });

  it('Show Raw JSON of an answer naming a remote $schema: the vendor hears nothing of it', async () => {
    await ui.contextMenu(ui.spaceRow('Schema space'), 'Show Raw JSON');
    const editor = page.locator('.editor-instance .view-lines');
    await editor.filter({ hasText: 'Schema space' }).waitFor({ timeout: 20_000 });
    // A control: a JSON file of the workspace naming the same server's other schema, opened after the raw
    // document. Once that one was asked for, the JSON service has read both.
    writeFileSync(path.join(server.paths.workspace, 'control.json'), JSON.stringify({ $schema: `${attacker.url}/control-schema.json` }));
    await ui.runCommand('Go to File...');
    await ui.input().fill('control.json');
    await ui.option(/control\.json/).first().click();
    await eventually(() => [...attacker.paths], (paths) => paths.includes('/control-schema.json'), 'the control schema to be downloaded', 60_000);
    assert.deepEqual(attacker.paths, ['/control-schema.json'], "the vendor's schema was downloaded");
  });
});
