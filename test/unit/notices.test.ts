// The VSIX carries the notices its packages' licences ask for: the committed ThirdPartyNotices.txt names every
// npm package whose files the shipped bundles hold (esbuild's metafile of the production build, built in
// memory as `npm run package` builds it) and is exactly what scripts/notices.mjs writes for them today.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundledPackages, headingOf, NOTICES_FILE, renderNotices } from '../../scripts/notices.mjs';

const ROOT = path.resolve(__dirname, '..', '..', '..');

let measured: ReturnType<typeof bundledPackages> | undefined;
/** The packages of this repository's production bundles, built once for the tests that read them. */
const packagesOfRoot = () => (measured ??= bundledPackages(ROOT));
const committed = () => readFileSync(path.join(ROOT, NOTICES_FILE), 'utf8').replace(/\r\n/g, '\n');

/** Writes `files` (path → text) under a new temporary folder, returns it. */
function fixture(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'spaces-notices-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

const manifest = (name: string, license = 'MIT', extra: object = {}) => JSON.stringify({ name, version: '1.0.0', license, main: 'index.js', ...extra });

/** A repository laid out like this one, whose bundles take code from a scoped package with a nested one of its own. */
const FAKE_REPO = {
  'src/extension.ts': "import { plain } from 'plain';\nimport { scoped } from '@scope/nested';\nconsole.log(plain, scoped);\n",
  'src/core/index.ts': 'export const core = 1;\n',
  // `shaken` declares no side effects and nothing of it is used, so none of its code is in the bundle.
  'src/webview/main.ts': "import 'shaken';\nconsole.log('webview');\n",
  'node_modules/plain/package.json': manifest('plain'),
  'node_modules/plain/index.js': 'exports.plain = "plain";\n',
  'node_modules/plain/LICENSE': 'plain licence\r\n',
  'node_modules/@scope/nested/package.json': manifest('@scope/nested', 'Apache-2.0', { repository: 'scope/nested' }),
  'node_modules/@scope/nested/index.js': 'exports.scoped = require("./lib/deep.js").deep + require("inner").inner;\n',
  'node_modules/@scope/nested/lib/deep.js': 'exports.deep = "deep";\n',
  'node_modules/@scope/nested/lib/LICENSE-THEIRS': 'licence of the code in lib\n',
  'node_modules/@scope/nested/LICENSE.md': 'scoped licence\n',
  'node_modules/@scope/nested/NOTICE': 'scoped notice\n',
  'node_modules/@scope/nested/node_modules/inner/package.json': manifest('inner', 'BSD-2-Clause'),
  'node_modules/@scope/nested/node_modules/inner/index.js': 'exports.inner = "inner";\n',
  'node_modules/@scope/nested/node_modules/inner/COPYING': 'inner licence\n',
  'node_modules/shaken/package.json': manifest('shaken', 'MIT', { sideEffects: false, module: 'index.mjs' }),
  'node_modules/shaken/index.mjs': 'export const unused = "unused";\n',
  'node_modules/shaken/LICENSE': 'shaken licence\n',
  'node_modules/@vscode/codicons/package.json': manifest('@vscode/codicons', 'CC-BY-4.0'),
  'node_modules/@vscode/codicons/LICENSE': '\uFEFFAttribution 4.0 International\n',
  'node_modules/@vscode/codicons/dist/codicon.css': '',
  'node_modules/@vscode/codicons/dist/codicon.ttf': '',
};

describe('the third-party notices', () => {
  it('finds the packages this extension is known to bundle, from the bundles themselves', () => {
    const names = packagesOfRoot().map((p) => p.name);
    for (const name of ['undici', 'zod', 'markdown-it', '@vscode/l10n', '@vscode/codicons']) assert.ok(names.includes(name), `${name} is not among ${names.join(', ')}`);
  });

  it('has a notice in ThirdPartyNotices.txt for every package the VSIX carries', () => {
    const text = committed();
    const missing = packagesOfRoot().filter((p) => !text.includes(headingOf(p)));
    assert.deepEqual(
      missing.map((p) => `${p.name} ${p.version}`),
      [],
      `${NOTICES_FILE} has no notice for these bundled packages: run \`npm run notices\` and commit the file`,
    );
  });

  it('is exactly what `npm run notices` writes for the bundles now', () => {
    const expected = renderNotices(packagesOfRoot()).split('\n');
    const actual = committed().split('\n');
    const at = expected.findIndex((line, i) => actual[i] !== line);
    const first = at >= 0 ? at : expected.length < actual.length ? expected.length : -1;
    assert.equal(first, -1, `${NOTICES_FILE} is stale from line ${first + 1} on (it has ${JSON.stringify(actual[first])}, the bundles give ${JSON.stringify(expected[first])}): run \`npm run notices\` and commit the file`);
  });

  it('lists what went into a bundle, nested and scoped packages too, with every licence file on the way, and only that', () => {
    const root = fixture(FAKE_REPO);
    try {
      const packages = bundledPackages(root);
      assert.deepEqual(
        packages.map(({ name, license, usedIn, licenses, source }) => ({ name, license, usedIn, source, licenses: licenses.map((l) => `${l.file}: ${l.text}`) })),
        [
          { name: '@scope/nested', license: 'Apache-2.0', usedIn: ['dist/extension.js'], source: 'https://github.com/scope/nested', licenses: ['LICENSE.md: scoped licence', 'NOTICE: scoped notice', 'lib/LICENSE-THEIRS: licence of the code in lib'] },
          { name: '@vscode/codicons', license: 'CC-BY-4.0', usedIn: ['dist/codicon.css', 'dist/codicon.ttf'], source: undefined, licenses: ['LICENSE: Attribution 4.0 International'] },
          { name: 'inner', license: 'BSD-2-Clause', usedIn: ['dist/extension.js'], source: undefined, licenses: ['COPYING: inner licence'] },
          { name: 'plain', license: 'MIT', usedIn: ['dist/extension.js'], source: undefined, licenses: ['LICENSE: plain licence'] },
        ],
      );
      const text = renderNotices(packages);
      for (const p of packages) assert.equal(text.split(headingOf(p)).length, 2, `${p.name} has one notice`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses a package that publishes no licence file, unless its licence is supplied with where it came from', () => {
    const root = fixture(Object.fromEntries(Object.entries(FAKE_REPO).filter(([file]) => file !== 'node_modules/plain/LICENSE')));
    try {
      assert.throws(() => bundledPackages(root), /plain 1\.0\.0 .*publishes no licence file.*scripts[/\\]licenses[/\\]plain@1\.0\.0/);
      const supplied = path.join(root, 'scripts', 'licenses', 'plain@1.0.0');
      mkdirSync(supplied, { recursive: true });
      writeFileSync(path.join(supplied, 'LICENSE'), 'plain licence, from its repository\n');
      writeFileSync(path.join(supplied, 'SOURCE'), 'https://example.com/plain/blob/v1.0.0/LICENSE\n');
      const plain = bundledPackages(root).find((p) => p.name === 'plain');
      assert.deepEqual(plain?.licenses, [{ file: 'LICENSE', text: 'plain licence, from its repository', from: 'https://example.com/plain/blob/v1.0.0/LICENSE' }]);
      assert.match(renderNotices(plain ? [plain] : []), /--- LICENSE \(the npm package leaves it out; copied from https:\/\/example\.com\/plain\/blob\/v1\.0\.0\/LICENSE\) ---/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
