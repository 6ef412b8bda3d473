// Builds what the VSIX ships (scripts/bundles.mjs: the extension, its network stack, the script that runs
// inside the webview, the codicon font) and, with --tests, the test bundles.
//   node esbuild.mjs [--production] [--watch] [--tests]
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { bundleOptions, COPIED } from './scripts/bundles.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

/** Prints the lines the `$esbuild-watch` problem matcher reads to know a rebuild began and ended. */
const watchReporter = {
  name: 'watch-reporter',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of [...result.errors, ...result.warnings]) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const { node, shipped } = bundleOptions({ production, watch, plugins: watch ? [watchReporter] : [] });

/** @type {esbuild.BuildOptions[]} */
const builds = [...shipped];

if (tests) {
  // out/ holds only what this build writes: a test whose source is gone must not run from a stale bundle.
  rmSync('out', { recursive: true, force: true });
  const files = (dir, suffix) => readdirSync(dir, { recursive: true }).filter((f) => f.endsWith(suffix)).map((f) => path.join(dir, f));
  // Unit tests run in plain Node, so `vscode` must never be reached from them. They are laid out like src.
  // esbuild's own API finds its binary at run time and cannot be bundled (the notices test builds with it).
  builds.push({ ...node, sourcemap: true, external: ['esbuild'], entryPoints: files('test/unit', '.test.ts'), outbase: 'test/unit', outdir: 'out/test/unit' });
  // mocha loads its reporters by path at run time, so it stays outside the bundle.
  builds.push({ ...node, sourcemap: true, external: ['vscode', 'mocha'], entryPoints: { index: 'test/host/index.ts' }, outdir: 'out/test/host' });
  builds.push({ ...node, sourcemap: true, external: [], entryPoints: { main: 'test/sandbox/main.ts', index: 'test/sandbox/index.ts' }, outdir: 'out/sandbox' });
  builds.push({ ...node, sourcemap: true, external: [], entryPoints: { vendors: 'test/bench/vendors.ts', http2: 'test/bench/http2.ts', export: 'test/bench/export.ts', figures: 'test/bench/figures.ts' }, outdir: 'out/bench' });
  builds.push({ ...node, sourcemap: true, external: ['vscode'], entryPoints: { host: 'test/bench/host.ts' }, outdir: 'out/bench' });
}

// The panel's icon font and its stylesheet, as they are.
mkdirSync('dist', { recursive: true });
for (const { package: name, files } of COPIED) for (const file of files) copyFileSync(path.join('node_modules', name, file), path.join('dist', path.basename(file)));

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
