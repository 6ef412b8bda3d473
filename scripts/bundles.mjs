// What the VSIX ships from the build, defined once: esbuild.mjs builds and copies it, and scripts/notices.mjs
// reads the same bundles' metafile to list the packages whose code went into them.

/**
 * esbuild's options for every build, and the three bundles the VSIX carries: the extension (Node, CommonJS,
 * `vscode` external), the network stack it loads on the first request, and the script that runs inside the
 * webview (browser, IIFE).
 * @param {{ production?: boolean, watch?: boolean, plugins?: import('esbuild').Plugin[] }} [options]
 */
export function bundleOptions({ production = false, watch = false, plugins = [] } = {}) {
  /** @satisfies {import('esbuild').BuildOptions} */
  const common = {
    bundle: true,
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: /** @type {import('esbuild').LogLevel} */ (watch ? 'silent' : 'warning'),
    plugins,
  };
  /** @satisfies {import('esbuild').BuildOptions} */
  const node = { ...common, platform: /** @type {const} */ ('node'), format: /** @type {const} */ ('cjs'), target: 'node20', external: ['vscode'] };
  /** @type {import('esbuild').BuildOptions[]} */
  const shipped = [
    { ...node, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist' },
    // The network stack: loaded on the first request, not at activation.
    { ...node, entryPoints: { core: 'src/core/index.ts' }, outdir: 'dist' },
    { ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: { webview: 'src/webview/main.ts' }, outdir: 'dist' },
  ];
  return { common, node, shipped };
}

/**
 * Files copied from a package into dist/ as they are, by package: the panel's icon font, and codicon.css,
 * which names codicon.ttf beside it.
 * @type {{ package: string, files: string[] }[]}
 */
export const COPIED = [{ package: '@vscode/codicons', files: ['dist/codicon.css', 'dist/codicon.ttf'] }];
