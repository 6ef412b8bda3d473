// ThirdPartyNotices.txt: every npm package whose files the VSIX carries, with its version, its licence and the
// licence text it ships with, so that their notices travel with every copy of the extension. The packages are
// read from esbuild's metafile of the shipped bundles (a package counts when one of its files put bytes into a
// bundle) and from the files esbuild.mjs copies as they are (both defined in scripts/bundles.mjs).
// `npm run package` writes the file before vsce packs it, `npm run notices` writes it alone, and
// test/unit/notices.test.ts fails when the committed file lacks a bundled package or is not what this writes.
//   node scripts/notices.mjs
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleOptions, COPIED } from './bundles.mjs';

export const NOTICES_FILE = 'ThirdPartyNotices.txt';

/** A licence or notice file: LICENSE, LICENCE.md, LICENSE-MIT.txt, LICENSE-CODE, COPYING, NOTICE… */
const LICENSE_FILE = /^(licen[cs]e|copying|notice)s?([-._][\w.-]*)?$/i;

/**
 * Where the licence text of a package that publishes none goes, copied verbatim from the package's source at
 * that version, with the address it came from in a file SOURCE beside it.
 * @param {string} root
 * @param {string} name
 * @param {string} version
 */
const suppliedDir = (root, name, version) => path.join(root, 'scripts', 'licenses', `${name}@${version}`);

/**
 * @typedef {object} LicenseText
 * @property {string} file  the licence file, relative to its package (or to scripts/licenses/<name>@<version>)
 * @property {string} text
 * @property {string} [from]  where it was copied from, when the package itself leaves it out
 */

/**
 * @typedef {object} Package
 * @property {string} name
 * @property {string} version
 * @property {string} license  the SPDX expression of its package.json
 * @property {string | undefined} source  its repository's address
 * @property {string[]} usedIn  the files of the VSIX that hold its code or files (dist/webview.js…)
 * @property {LicenseText[]} licenses
 */

/** Orders by UTF-16 code units, as every machine does (localeCompare does not). */
const byCodeUnits = (/** @type {string} */ a, /** @type {string} */ b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The folder of the npm package `file` belongs to (the innermost, for nested node_modules), if any.
 * @param {string} file  an absolute path
 */
function packageDirOf(file) {
  const parts = file.split(path.sep);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || at + 2 >= parts.length) return undefined;
  return parts.slice(0, parts[at + 1].startsWith('@') ? at + 3 : at + 2).join(path.sep);
}

/**
 * The files of npm packages that put bytes into a shipped bundle of `root`'s production build (built in
 * memory, as `npm run package` builds it), each with the bundles it went into.
 * @param {string} root
 * @returns {Map<string, Set<string>>}  absolute file → the bundles (dist/core.js…)
 */
export function bundledFiles(root) {
  /** @type {Map<string, Set<string>>} */
  const found = new Map();
  for (const options of bundleOptions({ production: true }).shipped) {
    const { metafile } = esbuild.buildSync({ ...options, absWorkingDir: root, write: false, metafile: true, logLevel: 'error' });
    for (const [output, { inputs }] of Object.entries(metafile.outputs)) {
      for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
        // Inputs of another namespace than files (esbuild's `(disabled):` stand-in for what a package's
        // `browser` field leaves out, say) are no file of a package and carry none of its code.
        const file = path.resolve(root, input);
        if (bytesInOutput === 0 || !packageDirOf(file) || !existsSync(file)) continue;
        (found.get(file) ?? found.set(file, new Set()).get(file))?.add(output);
      }
    }
  }
  return found;
}

/**
 * The repository address of a package.json, as a browser opens it.
 * @param {{ repository?: string | { url?: string }, homepage?: string }} manifest
 */
function sourceOf(manifest) {
  const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  if (!repository) return manifest.homepage;
  const shorthand = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(repository);
  if (shorthand) return `https://github.com/${shorthand[1]}`;
  return repository.replace(/^git\+/, '').replace(/^git:\/\//, 'https://').replace(/\.git$/, '');
}

/**
 * The SPDX expression of a package.json.
 * @param {{ license?: string | { type?: string }, licenses?: ({ type?: string } | string)[] }} manifest
 * @param {string} where
 */
function licenseOf(manifest, where) {
  const { license, licenses } = manifest;
  if (typeof license === 'string' && license) return license;
  if (typeof license === 'object' && license.type) return license.type;
  if (Array.isArray(licenses) && licenses.length) return licenses.map((l) => (typeof l === 'string' ? l : l.type)).join(' OR ');
  throw new Error(`${where}: its package.json names no licence`);
}

/** A licence file's text as the notices show it: no byte order mark, \n line ends, no blank lines at its end. */
const textOf = (/** @type {string} */ file) => readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').trimEnd();

/**
 * The licence files of the package in `dir`: those at its top, and those in the folders between it and the
 * files the VSIX takes from it (undici carries one for the fetch code it took from another project).
 * @param {string} dir
 * @param {Iterable<string>} files
 * @returns {LicenseText[]}
 */
function licenseFilesIn(dir, files) {
  const dirs = new Set([dir]);
  for (const file of files) for (let d = path.dirname(file); d.startsWith(dir + path.sep); d = path.dirname(d)) dirs.add(d);
  return [...dirs]
    .flatMap((d) => readdirSync(d, { withFileTypes: true }).filter((e) => e.isFile() && LICENSE_FILE.test(e.name)).map((e) => path.join(d, e.name)))
    .map((file) => ({ file: path.relative(dir, file).split(path.sep).join('/'), text: textOf(file) }))
    .sort((a, b) => a.file.split('/').length - b.file.split('/').length || byCodeUnits(a.file, b.file));
}

/**
 * The packages whose files the VSIX carries, sorted by name: what `root`'s production bundles hold, and the
 * files esbuild.mjs copies. Throws when one of them has no licence to show.
 * @param {string} root  the repository
 * @returns {Package[]}
 */
export function bundledPackages(root) {
  /** @type {Map<string, { files: Set<string>, usedIn: Set<string> }>} */
  const byDir = new Map();
  const add = (/** @type {string} */ dir, /** @type {string} */ file, /** @type {Iterable<string>} */ usedIn) => {
    const entry = byDir.get(dir) ?? byDir.set(dir, { files: new Set(), usedIn: new Set() }).get(dir);
    entry?.files.add(file);
    for (const where of usedIn) entry?.usedIn.add(where);
  };
  for (const [file, bundles] of bundledFiles(root)) add(/** @type {string} */ (packageDirOf(file)), file, bundles);
  for (const { package: name, files } of COPIED) {
    const dir = realpathSync(path.join(root, 'node_modules', name));
    for (const file of files) add(dir, path.join(dir, file), [`dist/${path.basename(file)}`]);
  }

  /** @type {Map<string, Package>} by name@version: one package installed twice is listed once */
  const packages = new Map();
  for (const [dir, { files, usedIn }] of byDir) {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const { name, version } = manifest;
    const where = `${name} ${version} (${dir})`;
    let licenses = licenseFilesIn(dir, files);
    if (licenses.length === 0) {
      const supplied = suppliedDir(root, name, version);
      if (!existsSync(supplied)) {
        throw new Error(
          `${where} publishes no licence file, so there is no licence text to show for it. Copy its licence verbatim from its ` +
            `source at version ${version} into ${path.relative(root, supplied)}/, with the address it came from in a file SOURCE beside it.`,
        );
      }
      const from = textOf(path.join(supplied, 'SOURCE'));
      licenses = licenseFilesIn(supplied, []).map((license) => ({ ...license, from }));
      if (licenses.length === 0) throw new Error(`${path.relative(root, supplied)} holds no licence file for ${where}`);
    }
    const key = `${name}@${version}`;
    const known = packages.get(key);
    if (known) {
      known.usedIn = [...new Set([...known.usedIn, ...usedIn])].sort(byCodeUnits);
      for (const license of licenses) if (!known.licenses.some((l) => l.file === license.file)) known.licenses.push(license);
      continue;
    }
    packages.set(key, { name, version, license: licenseOf(manifest, where), source: sourceOf(manifest), usedIn: [...usedIn].sort(byCodeUnits), licenses });
  }
  return [...packages.values()].sort((a, b) => byCodeUnits(a.name, b.name) || byCodeUnits(a.version, b.version));
}

const RULE = '='.repeat(80);

/**
 * The lines that open a package's notice; the file holds them once per package.
 * @param {Pick<Package, 'name' | 'version'>} pkg
 */
export const headingOf = (pkg) => `${RULE}\n${pkg.name} ${pkg.version}\n`;

/**
 * ThirdPartyNotices.txt's text for `packages`.
 * @param {Package[]} packages
 */
export function renderNotices(packages) {
  const out = [
    'Third-party notices for Spaces Explorer',
    '',
    'The Spaces Explorer VSIX carries code and files of the npm packages below: what esbuild bundled into',
    'dist/extension.js, dist/core.js and dist/webview.js, and the files copied into dist/ unchanged. Each is',
    'listed with its version, its licence (the SPDX expression of its package.json) and the licence text it',
    'ships with. scripts/notices.mjs writes this file from the build (`npm run notices`; `npm run package` writes',
    'it before packing): change that script, not this file.',
    '',
    ...packages.map((p) => `  ${p.name} ${p.version} (${p.license})`),
  ].join('\n');
  const sections = packages.map((p) => {
    const facts = [`Licence: ${p.license}`, ...(p.source ? [`Source: ${p.source}`] : []), `In the VSIX: ${p.usedIn.join(', ')}`];
    const texts = p.licenses.map(({ file, text, from }) => {
      const title = from ? `${file} (the npm package leaves it out; copied from ${from})` : file;
      return `--- ${title} ---\n\n${text}`;
    });
    return `${headingOf(p)}${facts.join('\n')}\n\n${texts.join('\n\n')}`;
  });
  return `${[out, ...sections].join('\n\n')}\n`;
}

/**
 * Writes `root`/ThirdPartyNotices.txt for its production build.
 * @param {string} root
 * @returns {{ packages: Package[], changed: boolean }}  the packages it lists; whether the file was not what it wrote
 */
export function writeNotices(root) {
  const file = path.join(root, NOTICES_FILE);
  const before = existsSync(file) ? readFileSync(file, 'utf8').replace(/\r\n/g, '\n') : undefined;
  const packages = bundledPackages(root);
  const text = renderNotices(packages);
  writeFileSync(file, text);
  return { packages, changed: before !== text };
}

/** One line for the console: the packages, and whether the file changed. */
export const summaryOf = (/** @type {{ packages: Package[], changed: boolean }} */ { packages, changed }) =>
  `${NOTICES_FILE}${changed ? ' (rewritten: commit it)' : ' (unchanged)'}: ${packages.map((p) => `${p.name} ${p.version} (${p.license})`).join(', ')}`;

// Run as a script (and not bundled into a test): the repository is the folder above this one.
if (process.argv[1] && path.basename(process.argv[1]) === 'notices.mjs') {
  console.log(summaryOf(writeNotices(path.resolve(path.dirname(process.argv[1]), '..'))));
}
