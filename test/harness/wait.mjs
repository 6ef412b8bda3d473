// Waiting on what the sandbox, the extension and the workbench do in their own time. Every tier waits
// through this one loop: plain-Node unit tests, the extension host's suite, the e2e files and the bench.
import * as assert from 'node:assert/strict';

/**
 * Reads until `ok` holds, every 50 ms, and returns the value that passed. Once `timeoutMs` has passed it
 * fails naming `what` and the last value seen, so a test that waits too long says what it waited for.
 * @template T
 * @param {() => T | Promise<T>} read
 * @param {(value: T) => boolean} ok
 * @param {string} [what]
 * @param {number} [timeoutMs]
 * @returns {Promise<T>}
 */
export async function eventually(read, ok, what = 'the condition', timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value)) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}: last saw ${shown(value)}`);
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  return value;
}

/**
 * `value` as the failure shows it: JSON cut short, or its string when it is not JSON (a cycle).
 * @param {unknown} value
 */
function shown(value) {
  try {
    return JSON.stringify(value)?.slice(0, 300) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * `text` as a regular expression that matches it literally.
 * @param {string} text
 */
export const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
