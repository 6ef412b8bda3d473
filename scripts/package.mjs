// `npm run package`: the VSIX (spaces-explorer.vsix, or the path given), with the README's images inside it.
//
// VS Code's extension details page shows only images with an absolute https address: it drops relative and
// data: sources and its content security policy is `img-src https: data:`. So, given the https address
// where this version's files are published (SPACES_IMAGES_BASE_URL, e.g. the repository's raw files at the
// release tag), the README's relative image links are rewritten to it; without one they stay relative, right
// for any other Markdown viewer, and the details page shows the images' alt text.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const base = process.env.SPACES_IMAGES_BASE_URL;
if (base !== undefined && !/^https:\/\//.test(base)) {
  console.error(`SPACES_IMAGES_BASE_URL must be an https address (the details page loads no other), not "${base}"`);
  process.exit(1);
}
const links = base ? ['--baseImagesUrl', base.endsWith('/') ? base : `${base}/`] : ['--no-rewrite-relative-links'];
execFileSync('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', ...links, '--out', process.argv[2] ?? 'spaces-explorer.vsix'], { cwd: ROOT, stdio: 'inherit' });
