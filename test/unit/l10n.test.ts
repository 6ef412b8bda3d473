// The translations keep up with the code: every language has every key, with the same placeholders,
// icons and command links, and the English bundle is what `npm run l10n` exports from src today.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseAccounts } from '../../src/core/accounts';
import type { HttpClient } from '../../src/core/http';
import { configureL10n } from '../../src/core/l10n';
import { describeHttpError } from '../../src/core/vendors/errorWording';
import { fieldProblemsNote } from '../../src/core/vendors/fieldWording';
import { VENDOR_REGISTRY } from '../../src/core/vendors/registry';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const L10N = path.join(ROOT, 'l10n');

type Bundle = Record<string, string | { message: string; comment: string[] }>;
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const messageOf = (value: Bundle[string]): string => (typeof value === 'string' ? value : value.message);

/** The English file and each translation of it, by language: `package.nls.json` → `package.nls.de.json`… */
function translationsOf(dir: string, base: string): { language: string; file: string }[] {
  const pattern = new RegExp(`^${base.replace(/\./g, '\\.')}\\.([a-z]{2}(?:-[a-z]+)?)\\.json$`, 'i');
  return readdirSync(dir)
    .map((name) => ({ name, match: pattern.exec(name) }))
    .filter(({ match }) => match)
    .map(({ name, match }) => ({ language: match![1]!, file: path.join(dir, name) }));
}

/** What a translation must carry over unchanged: placeholders, `$(icon)` syntax, command links, inline code. */
function fixedParts(text: string): string[] {
  const parts = text.match(/\{\d+\}|\$\([\w~-]+\)|\(command:[^)]+\)|`[^`]+`/g) ?? [];
  return parts.sort();
}

/** Every key of `english` in `translated`, no other key, nothing empty, and the fixed parts of each alike. */
function assertComplete(english: Bundle, translated: Bundle, name: string): void {
  const missing = Object.keys(english).filter((key) => !(key in translated));
  assert.deepEqual(missing, [], `${name} lacks ${missing.length} key(s)`);
  const extra = Object.keys(translated).filter((key) => !(key in english));
  assert.deepEqual(extra, [], `${name} has key(s) the English file no longer has`);
  for (const [key, value] of Object.entries(english)) {
    const text = messageOf(translated[key]!);
    assert.ok(text.trim(), `${name}: "${key}" is empty`);
    assert.deepEqual(fixedParts(text), fixedParts(messageOf(value)), `${name}: "${key}" changes a placeholder, icon, command link or code`);
  }
}

const translations = [
  { base: 'package.nls', dir: ROOT, english: path.join(ROOT, 'package.nls.json') },
  { base: 'bundle.l10n', dir: L10N, english: path.join(L10N, 'bundle.l10n.json') },
];

describe('translations', () => {
  for (const { base, dir, english } of translations) {
    it(`${base}: there is a German translation, and every translation has every key of the English file`, () => {
      const found = translationsOf(dir, base);
      assert.ok(
        found.some((t) => t.language === 'de'),
        `no ${base}.de.json`,
      );
      for (const { file } of found) assertComplete(readJson<Bundle>(english), readJson<Bundle>(file), path.basename(file));
    });
  }

  it('every %key% of package.json is in package.nls.json', () => {
    const manifest = readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const nls = readJson<Bundle>(path.join(ROOT, 'package.nls.json'));
    const used = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
    assert.ok(used.length > 0, 'package.json uses no %key%');
    assert.deepEqual(
      used.filter((key) => !(key in nls)),
      [],
    );
  });

  it('package.json points VS Code at the l10n folder', () => {
    assert.equal(readJson<{ l10n?: string }>(path.join(ROOT, 'package.json')).l10n, './l10n');
  });

  it('l10n/bundle.l10n.json is what `npm run l10n` exports from src today (core included)', async () => {
    // Loaded from the project at run time: the exporter reads its tree-sitter grammars from its own folder.
    const { getL10nJson } = createRequire(path.join(ROOT, 'package.json'))('@vscode/l10n-dev') as {
      getL10nJson: (files: { contents: string; extension: string }[]) => Promise<Bundle>;
    };
    const files = readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => ({ contents: readFileSync(path.join(ROOT, 'src', f), 'utf8'), extension: '.ts' }));
    const exported = await getL10nJson(files);
    const committed = readJson<Bundle>(path.join(L10N, 'bundle.l10n.json'));
    assert.deepEqual(Object.keys(committed).sort(), Object.keys(exported).sort(), 'l10n/bundle.l10n.json is out of date: run `npm run l10n`');
    // The core's own words are in it: the exporter understands @vscode/l10n's `l10n.t` there.
    assert.ok('{0} did not accept the {1}' in exported && 'Storage providers' in exported);
  });
});

describe('core words in the display language', () => {
  it('follow a bundle configured after the core was loaded: labels, fields and error sentences', async () => {
    configureL10n(readJson<Record<string, string>>(path.join(L10N, 'bundle.l10n.de.json')));

    assert.equal(VENDOR_REGISTRY.alumio.fields[0]!.label, 'URL der Umgebung');
    assert.equal(VENDOR_REGISTRY.onedata.secretFields[2]!.label, 'Kennwort');
    const describe = describeHttpError({ vendorName: 'Alumio', what: 'Space', credentials: 'API-Schlüssel' });
    assert.equal(describe(401, { message: 'Invalid token' })?.message, 'Alumio hat die Anmeldeinformationen (API-Schlüssel) nicht akzeptiert: Invalid token.');
    // One field and several are said differently in German, though alike in English.
    const note = (...problems: [string, 'unreadable' | 'missing'][]) => fieldProblemsNote('Openlayer', problems.map(([field, kind]) => ({ field, kind })));
    assert.equal(
      note(['projectCount', 'unreadable'], ['dateCreated', 'unreadable'], ['name', 'missing']),
      'Diese Antwort entsprach nicht dem, was Openlayer dokumentiert: `projectCount`, `dateCreated` konnten nicht gelesen werden; `name` fehlt. „JSON-Rohdaten anzeigen“ zeigt, was ankam.',
    );
    assert.equal(
      note(['projectCount', 'unreadable'], ['id', 'missing'], ['name', 'missing']),
      'Diese Antwort entsprach nicht dem, was Openlayer dokumentiert: `projectCount` konnte nicht gelesen werden; `id`, `name` fehlen. „JSON-Rohdaten anzeigen“ zeigt, was ankam.',
    );

    const { accounts } = parseAccounts([{ id: 'a', vendor: 'alumio', baseUrl: 'https://acme.alumio.com' }]);
    const client = VENDOR_REGISTRY.alumio.createClient(accounts[0]!, { http: {} as HttpClient, secrets: {} });
    await assert.rejects(client.getSpace('x'), { kind: 'config', message: 'Für dieses Alumio-Konto fehlt die Angabe „API-Schlüssel“: Verwenden Sie „Anmeldeinformationen aktualisieren…“.' });
  });
});
