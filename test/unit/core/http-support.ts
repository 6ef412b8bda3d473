// Shared by the core tests: the HTTP suites (core/http*.test.ts) and, through vendors/vendor-support.ts, the
// vendor suites.
import { after, before, beforeEach } from 'node:test';
import * as assert from 'node:assert/strict';
import { SpacesError, type ErrorKind } from '../../../src/core/errors';
import { createHttpClient, type ClosableHttpClient, type HttpOptions } from '../../../src/core/http';
import { startSandbox, type Sandbox } from '../../sandbox/server';

export interface HttpSuite {
  /** The sandbox, started before the suite's tests and closed after them. */
  readonly sandbox: Sandbox;
  /** The suite's HTTP client, made with the suite's options on first use. */
  readonly http: ClosableHttpClient;
  /** Another client: the suite's options with `options` on top. Closed after the suite's tests, as `http` is. */
  client(options?: Partial<HttpOptions>): ClosableHttpClient;
}

export interface HttpSuiteSetup {
  /** Adds the suite's routes (and error shapes) to the sandbox once it has started. */
  readonly routes?: (sandbox: Sandbox) => void;
  /** The options every client of the suite is made with. */
  readonly http?: Partial<HttpOptions>;
  /**
   * Resets the sandbox's faults, recorded requests and counters before each test (the default). Off where
   * tests run concurrently, since a reset would clear another test's faults mid-flight.
   */
  readonly resetEachTest?: boolean;
}

/**
 * Call inside a `describe`: registers the `before` that starts the sandbox and the `after` that closes every
 * client of the suite and then the sandbox.
 */
export function useHttpSuite(setup: HttpSuiteSetup = {}): HttpSuite {
  let sandbox: Sandbox | undefined;
  let shared: ClosableHttpClient | undefined;
  const clients: ClosableHttpClient[] = [];
  before(async () => {
    sandbox = await startSandbox();
    setup.routes?.(sandbox);
  });
  if (setup.resetEachTest ?? true) beforeEach(() => suite.sandbox.reset());
  after(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await sandbox?.close();
  });

  const suite: HttpSuite = {
    get sandbox() {
      assert.ok(sandbox, 'the sandbox starts in before()');
      return sandbox;
    },
    get http() {
      return (shared ??= suite.client());
    },
    client(options = {}) {
      const made = createHttpClient({ ...setup.http, ...options });
      clients.push(made);
      return made;
    },
  };
  return suite;
}

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
