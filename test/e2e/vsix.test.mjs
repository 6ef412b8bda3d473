// The packaged VSIX itself: small, and carrying exactly the allow-list of .vscodeignore, the README's images included.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { packagedVsix } from '../harness/workbench.mjs';

/** Entry names from a zip's central directory (a VSIX is a zip). */
function zipEntries(file) {
  const zip = readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(offset), 0x02014b50, 'corrupt central directory');
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names.sort();
}

describe('the packaged VSIX', () => {
  it('is under 2 MB', () => {
    const size = statSync(packagedVsix()).size;
    assert.ok(size < 2 * 1024 * 1024, `VSIX is ${size} bytes`);
  });

  it('holds exactly the allow-list: dist bundles, media, manifest, nls, translation bundles, README and its images, CHANGELOG, LICENSE, third-party notices', () => {
    // vsce's own files sit beside `extension/`; README, CHANGELOG and LICENSE get its names for them.
    const files = zipEntries(packagedVsix()).filter((f) => f.startsWith('extension/')).map((f) => f.slice('extension/'.length));
    const allowed = [/^dist\/(extension|core|webview)\.js$/, /^dist\/codicon\.(css|ttf)$/, /^media\/[\w./-]+$/, /^package\.json$/, /^package\.nls(\.[\w-]+)?\.json$/, /^l10n\/bundle\.l10n(\.[\w-]+)?\.json$/, /^readme\.md$/, /^changelog\.md$/, /^LICENSE\.txt$/, /^ThirdPartyNotices\.txt$/, /^docs\/images\/[\w-]+\.png$/];
    assert.deepEqual(files.filter((f) => !allowed.some((re) => re.test(f))), []);
    for (const required of ['dist/extension.js', 'dist/core.js', 'dist/webview.js', 'dist/codicon.css', 'dist/codicon.ttf', 'media/panel.css', 'package.json', 'package.nls.json', 'package.nls.de.json', 'l10n/bundle.l10n.json', 'l10n/bundle.l10n.de.json', 'readme.md', 'changelog.md', 'LICENSE.txt', 'ThirdPartyNotices.txt', 'media/spaces.svg']) {
      assert.ok(files.includes(required), `${required} is missing from the VSIX`);
    }
    const readme = readFileSync(path.resolve(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length > 0);
    for (const image of images) assert.ok(files.includes(image), `${image}, shown by the README, is missing from the VSIX`);
  });
});
