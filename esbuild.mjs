// Builds the extension (Node, CommonJS, `vscode` external), the script that runs inside the webview
// (browser, IIFE) and, with --tests, the test bundles.
//   node esbuild.mjs [--production] [--watch] [--tests]
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

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

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: watch ? 'silent' : 'warning',
  plugins: watch ? [watchReporter] : [],
};

const node = { ...common, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] };

/** @type {esbuild.BuildOptions[]} */
const builds = [
  { ...node, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist' },
  // The network stack: loaded on the first request, not at activation.
  { ...node, entryPoints: { core: 'src/core/index.ts' }, outdir: 'dist' },
  { ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: { webview: 'src/webview/main.ts' }, outdir: 'dist' },
];

if (tests) {
  // out/ holds only what this build writes: a test whose source is gone must not run from a stale bundle.
  rmSync('out', { recursive: true, force: true });
  const files = (dir, suffix) => readdirSync(dir, { recursive: true }).filter((f) => f.endsWith(suffix)).map((f) => path.join(dir, f));
  // Unit tests run in plain Node, so `vscode` must never be reached from them. They are laid out like src.
  builds.push({ ...node, sourcemap: true, external: [], entryPoints: files('test/unit', '.test.ts'), outbase: 'test/unit', outdir: 'out/test/unit' });
  // mocha loads its reporters by path at run time, so it stays outside the bundle.
  builds.push({ ...node, sourcemap: true, external: ['vscode', 'mocha'], entryPoints: { index: 'test/host/index.ts' }, outdir: 'out/test/host' });
  builds.push({ ...node, sourcemap: true, external: [], entryPoints: { main: 'test/sandbox/main.ts', index: 'test/sandbox/index.ts' }, outdir: 'out/sandbox' });
  builds.push({ ...node, sourcemap: true, external: [], entryPoints: { vendors: 'test/bench/vendors.ts', http2: 'test/bench/http2.ts', figures: 'test/bench/figures.ts' }, outdir: 'out/bench' });
  builds.push({ ...node, sourcemap: true, external: ['vscode'], entryPoints: { host: 'test/bench/host.ts' }, outdir: 'out/bench' });
}

// The panel's icon font: codicon.css names codicon.ttf beside it, so both go to dist/ as they are.
mkdirSync('dist', { recursive: true });
for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(path.join('node_modules', '@vscode', 'codicons', 'dist', file), path.join('dist', file));

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
