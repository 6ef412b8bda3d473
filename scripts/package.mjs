// `npm run package`: the VSIX (spaces-explorer.vsix, or the path given), with the README's images inside it and
// ThirdPartyNotices.txt, written first from what the production bundles hold (scripts/notices.mjs). Under CI
// it fails instead when that changes the committed file.
//
// VS Code's extension details page shows only images with an absolute https address: it drops relative and
// data: sources and its content security policy is `img-src https: data:`. So, given the https address
// where this version's files are published (SPACES_IMAGES_BASE_URL, e.g. the repository's raw files at the
// release tag), the README's relative image links are rewritten to it; without one they stay relative, right
// for any other Markdown viewer, and the details page shows the images' alt text.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { NOTICES_FILE, summaryOf, writeNotices } from './notices.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const base = process.env.SPACES_IMAGES_BASE_URL;
if (base !== undefined && !/^https:\/\//.test(base)) {
  console.error(`SPACES_IMAGES_BASE_URL must be an https address (the details page loads no other), not "${base}"`);
  process.exit(1);
}
const notices = writeNotices(ROOT);
console.log(summaryOf(notices));
// CI packs a fresh clone: a rewritten file there means the commit carries a stale one, which the unit test
// (run after packaging) could no longer see.
if (notices.changed && process.env.CI) {
  console.error(`${NOTICES_FILE} in this commit is not what the bundles give: run \`npm run notices\` and commit it`);
  process.exit(1);
}
const links = base ? ['--baseImagesUrl', base.endsWith('/') ? base : `${base}/`] : ['--no-rewrite-relative-links'];
execFileSync('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', ...links, '--out', process.argv[2] ?? 'spaces-explorer.vsix'], { cwd: ROOT, stdio: 'inherit' });
