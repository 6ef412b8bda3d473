// Waiting on things the workbench and the extension do in their own time.
import * as assert from 'node:assert/strict';

/** Reads until `ok` holds, every 100 ms; fails naming `what` and the last value seen once `timeoutMs` has passed. */
export async function poll(read, ok, what, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value)) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}: last saw ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

/** `text` as a regular expression that matches it literally. */
export const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
