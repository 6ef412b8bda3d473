import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { failuresIn } from '../../harness/tapReport.mjs';

/**
 * node:test's own TAP report of `source`, a test file run in a child Node (it fails, so the exit code is 1);
 * without NODE_TEST_CONTEXT, which would have the child report to this run instead.
 */
async function tapOf(source: string): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tap-report-'));
  try {
    writeFileSync(path.join(dir, 'sample.test.mjs'), source);
    const run = promisify(execFile)(process.execPath, ['--test', '--test-reporter=tap', 'sample.test.mjs'], { cwd: dir, env: withoutTestContext() });
    const { stdout } = await run.catch((err: { stdout: string }) => err);
    return stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function withoutTestContext(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  return env;
}

describe("the runner's reading of a TAP report", () => {
  it('names each failed test with the first lines of its error, not the suites around it', async () => {
    const report = await tapOf(`
      import { describe, it } from 'node:test';
      import * as assert from 'node:assert/strict';
      describe('the view', () => {
        it('passes', () => {});
        it("selects the row (it's late)", () => assert.fail('timed out waiting for the row: last saw ["ACME Production"]'));
        it('counts', () => assert.fail('one\\ntwo\\nthree\\nfour\\nfive\\nsix\\nseven'));
      });
    `);
    assert.deepEqual(failuresIn(report), [
      { title: "selects the row (it's late)", error: 'timed out waiting for the row: last saw ["ACME Production"]' },
      { title: 'counts', error: 'one\ntwo\nthree\nfour\nfive' },
    ]);
  });

  it('names a failed hook, and nothing for a report that passed', async () => {
    const failedHook = await tapOf(`
      import { before, describe, it } from 'node:test';
      describe('the workbench', () => {
        before(() => { throw new Error('code-server did not answer /healthz'); });
        it('opens', () => {});
      });
    `);
    const failures = failuresIn(failedHook);
    assert.ok(failures.some((f) => f.error.includes('code-server did not answer /healthz')), JSON.stringify(failures));
    assert.deepEqual(failuresIn(await tapOf(`import { it } from 'node:test'; it('passes', () => {});`)), []);
  });
});
