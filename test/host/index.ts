// Entry point the extension host loads as `extensionTestsPath`: runs the mocha suite inside the real
// VS Code and writes the counts (and the titles of the failed and the skipped tests) to the file named by
// SPACES_TEST_RESULTS (the runner's second channel, besides the exit code the workbench reports), with the
// version of the VS Code it ran in, which the runner checks for the tier that runs on the oldest one.
import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';
import * as vscode from 'vscode';

/** Printed before the suite starts, so the runner can show the suite's output without the workbench's. */
export const HOST_SUITE_MARKER = '--- spaces host suite ---';

export async function run(): Promise<void> {
  // SPACES_HOST_GREP runs only the tests whose full title matches it (node test/run.mjs host, while working on one).
  const grep = process.env.SPACES_HOST_GREP;
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec', ...(grep ? { grep } : {}) });
  // Bundled suites call describe/it at load time, so the globals go in first, then the suites load.
  mocha.suite.emit('pre-require', globalThis, 'host', mocha);
  console.log(HOST_SUITE_MARKER);
  /* eslint-disable @typescript-eslint/no-require-imports -- the suites load after the globals exist */
  require('./extension.test');
  require('./tree-rows.test');
  require('./tree-reload.test');
  require('./tree-pins.test');
  require('./tree-filter.test');
  require('./tree-arrange.test');
  require('./tree-hidden.test');
  require('./tree-refresh.test');
  require('./tree-selection.test');
  require('./accounts.test');
  require('./panel.test');
  require('./export.test');
  require('./security.test');
  require('./links.test');
  require('./robustness.test');
  require('./savedState.test');
  require('./faults.test');
  require('./soak.test');
  require('./tools.test');
  require('./tools-requests.test');
  /* eslint-enable @typescript-eslint/no-require-imports */

  const failures: { title: string; error: string }[] = [];
  /** The tests skipped (`it.skip`, `this.skip()`, an `it` without a body): the runner counts each as failed. */
  const pending: string[] = [];
  let passed = 0;
  await new Promise<void>((resolve) => {
    mocha
      .run()
      .on('pass', () => passed++)
      .on('fail', (test, err: Error) => failures.push({ title: test.fullTitle(), error: err?.stack ?? String(err) }))
      .on('pending', (test) => pending.push(test.fullTitle()))
      .on('end', () => resolve());
  });

  const file = process.env.SPACES_TEST_RESULTS;
  if (file) writeFileSync(file, JSON.stringify({ passed, failed: failures.length, pending, failures, vscode: vscode.version }));
  if (failures.length) throw new Error(`${failures.length} host test(s) failed`);
}
