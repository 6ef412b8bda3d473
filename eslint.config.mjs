import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', '.test-output/', '*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Only outside src/core.' }] }],
      // Surfaces that turn text into links and icons: only through src/util/workbench.ts, which makes it inert.
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.property.name='window'][property.name=/^(showInformationMessage|showWarningMessage|showErrorMessage|setStatusBarMessage|withProgress)$/]",
          message: 'Use the function of src/util/workbench.ts for this surface: it makes vendor text inert.',
        },
      ],
    },
  },
  // Typed rules over src and test (typescript-eslint's recommendedTypeChecked). A promise nobody awaits or
  // catches is how a panel closed mid-load became an unhandled rejection.
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: ['src/**/*.ts', 'test/**/*.ts'] })),
  // The e2e files, the harness, the runner and the scripts are JavaScript: the promise rules hold there too,
  // with the types TypeScript reads from them (tsconfig.json's allowJs) and from what they import.
  {
    files: ['test/**/*.mjs', 'scripts/**/*.mjs', '*.mjs'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    languageOptions: { parser: tseslint.parser },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'test/**/*.mjs', 'scripts/**/*.mjs', '*.mjs'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        // node:test's describe/it return promises the runner itself awaits.
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'before', 'after', 'beforeEach', 'afterEach'] }] },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      // An async function that awaits nothing still turns a throw into a rejection, which the vendor seam and
      // the VS Code API (serializers, providers) expect of a promise-returning method.
      '@typescript-eslint/require-await': 'off',
    },
  },
  // Everything outside src/core may use the VS Code API.
  { files: ['src/!(core)/**/*.ts', 'src/*.ts', 'test/host/**/*.ts', 'test/bench/host.ts'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['**/*.mjs'], languageOptions: { globals: { ...globals.node } } },
  // The neighbour extension the e2e tier installs is CommonJS, as a plain VS Code extension is.
  { files: ['test/e2e/fixtures/**/*.js'], languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // Their functions passed to evaluate() run in the workbench's page (the bench's measuring ones in the panel's).
  { files: ['test/bench/workbench.mjs', 'test/e2e/**/*.mjs'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  { files: ['src/webview/**/*.ts'], languageOptions: { globals: { ...globals.browser } } },
);
