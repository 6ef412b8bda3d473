// Shared by the core/http*.test.ts files (and, through vendors/vendor-support.ts, the vendor tests).
import * as assert from 'node:assert/strict';
import { SpacesError, type ErrorKind } from '../../../src/core/errors';

/** An `assert.rejects` validator: a SpacesError of `kind`, its message matching `message`. */
export function failsWith(kind: ErrorKind, message?: RegExp): (err: unknown) => true {
  return (err) => {
    assert.ok(err instanceof SpacesError, `expected a SpacesError, got ${String(err)}`);
    assert.equal(err.kind, kind, err.message);
    if (message) assert.match(err.message, message);
    return true;
  };
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
