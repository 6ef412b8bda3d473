// Translations in the real workbench: code-server started with `--locale de`, so VS Code gives the extension
// `vscode.env.language` "de" and loads its German bundles (package.nls.de.json, l10n/bundle.l10n.de.json).
// No language pack can be downloaded here, so the workbench's own chrome stays English: what this proves is
// the extension's words, those of src/core included (error rows, the wizard's fields, the panel's groups), in
// German. The sandbox's text (names, the vendors' own error words) is data and stays as the server sent it.
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { accountEntry, ALUMIO_SANDBOX, SHARELY_SANDBOX } from '../../out/sandbox/index.js';
import { useWorkbench } from '../harness/workbench.mjs';
/** @typedef {import('../harness/workbench.mjs').Session} Session */

describe('the extension in German (code-server --locale de, packaged VSIX)', () => {
  const session = useWorkbench({
    codeServer: (sandbox) => ({
      locale: 'de',
      settings: {
        'spaces.accounts': [
          // A token the sandbox refuses: its space shows the auth error row.
          accountEntry('alumio', sandbox.url, 'refused', { label: 'Refused', spaces: [ALUMIO_SANDBOX.spaces.seed], credentialsFromEnv: { token: 'L10N_REFUSED_TOKEN' } }),
          accountEntry('sharely', sandbox.url, 'team', {
            label: 'Team',
            workspaceId: SHARELY_SANDBOX.workspaces.seed,
            spaces: [SHARELY_SANDBOX.spaces.seed],
            credentialsFromEnv: { apiKey: 'L10N_SHARELY_KEY' },
          }),
        ],
      },
      env: { L10N_REFUSED_TOKEN: 'not-the-token', L10N_SHARELY_KEY: SHARELY_SANDBOX.apiKey },
    }),
  });
  /** @type {Session['page']} */ let page;
  /** @type {Session['ui']} */ let ui;
  before(() => ({ page, ui } = session));

  it('shows a refused token as an error row in German (the sentence from src/core, the vendor\'s words as sent)', async () => {
    await ui.expand(ui.accountRow('Refused'));
    // The space's row is named by its failure; expanded, it shows the error row with its actions.
    await ui.expand(page.getByRole('treeitem', { level: 2, name: /^auth: / }));
    const row = page.getByRole('treeitem', { level: 3, name: /^auth: / });
    await row.waitFor({ timeout: 20_000 });
    assert.match(await row.getAttribute('aria-label'), /^auth: Alumio hat die Anmeldeinformationen \(API-Schlüssel\) nicht akzeptiert/);
    await ui.shot('german-error-row');
    // Its menu offers what an auth failure offers, in the manifest's titles from package.nls.de.json.
    await row.click({ button: 'right' });
    await page.getByRole('menu').getByRole('menuitem', { name: /^Anmeldeinformationen aktualisieren…/ }).waitFor({ timeout: 20_000 });
    await ui.closeMenu();
  });

  it('asks the Add Account wizard in German, the vendor\'s fields included', async () => {
    // The command's title comes from package.nls.de.json.
    await ui.runCommand('Spaces: Konto hinzufügen…');
    await ui.step(/^Konto hinzufügen \(1\/\d+\)$/);
    await ui.placeholder('Bei welchem Anbieter besteht das Konto?');
    await ui.answer(/^Konto hinzufügen \(1\/\d+\)$/, 'Alumio');
    // The field's label is src/core's (the network bundle's copy of @vscode/l10n, configured when it loaded).
    await ui.step(/^Konto hinzufügen \(2\/\d+\)$/);
    await ui.message(/URL der Umgebung/);
    await ui.shot('german-wizard');
    await page.keyboard.press('Escape');
    await ui.closed();
  });

  it('shows the panel\'s toolbar, facts and group headings in German', async () => {
    const account = ui.accountRow('Team');
    await ui.expand(account);
    const frame = await ui.openRow(ui.spaceRow('Sales Team Space'), 'Sales Team Space');
    await frame.getByRole('button', { name: 'Aktualisieren' }).waitFor({ timeout: 20_000 });
    await frame.getByRole('button', { name: 'JSON-Rohdaten anzeigen' }).waitFor();
    const headings = await frame.locator('h2').allTextContents();
    for (const heading of ['Details', 'Gastgeber', 'Gäste', 'Mitgastgeber', 'Unterhaltungsgruppen']) {
      assert.ok(
        headings.some((h) => h.startsWith(heading)),
        `no heading "${heading}" in ${JSON.stringify(headings)}`,
      );
    }
    await frame.locator('.fact', { hasText: 'Arbeitsbereichs-ID' }).waitFor();
    await frame.locator('.badge.tone-ok', { hasText: 'Active' }).waitFor(); // Sharely's own status, as sent
    await ui.shot('german-panel');
  });
});
