// Shared by the core/http*.test.ts files (and, through vendors/vendor-support.ts, the vendor tests).
import * as assert from 'node:assert/strict';
import { SpacesError, type ErrorKind } from '../../../src/core/errors';

/** Awaits `promise`'s rejection and asserts a SpacesError of `kind` whose message matches `message`; returns it, for what else a test checks. */
export async function rejectsWith(promise: Promise<unknown>, kind: ErrorKind, message?: RegExp): Promise<SpacesError> {
  let caught: unknown;
  await assert.rejects(promise, (err: unknown) => ((caught = err), true));
  assert.ok(caught instanceof SpacesError, `expected a SpacesError, got ${String(caught)}`);
  assert.equal(caught.kind, kind, caught.message);
  if (message) assert.match(caught.message, message);
  return caught;
}

/** Resolves after `ms`; for letting a request get under way before cancelling it. */
export function later(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}


/** Reads until `ok` holds (every 20 ms); fails naming `what` after `timeoutMs`. For states the sandbox reaches in its own time. */
export async function poll<T>(read: () => T, ok: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let value = read(); ; value = read()) {
    if (ok(value)) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}: last saw ${JSON.stringify(value)}`);
    await later(20);
  }
}
