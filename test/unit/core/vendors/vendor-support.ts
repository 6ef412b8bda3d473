// Shared by the vendor tests (core/vendors/*.test.ts): one sandbox and one HTTP client per suite, and accounts and
// clients built against them.
import { after, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseAccounts, type Account } from '../../../../src/core/accounts';
import { createHttpClient, type ClosableHttpClient, type HttpClient } from '../../../../src/core/http';
import type { Vendor, VendorClient } from '../../../../src/core/vendors/vendor';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

export type Secrets = Readonly<Record<string, string | undefined>>;
export type Settings = Readonly<Record<string, unknown>>;

export interface VendorSuite {
  /** The sandbox, started before the suite's tests and closed after them. */
  readonly sandbox: Sandbox;
  /** The suite's HTTP client, closed after its tests. */
  readonly http: ClosableHttpClient;
  /** The suite's account with `extra` settings on top; asserts that it parses cleanly. */
  account(extra?: Settings): Account;
  /** A new client: for `account` (or the suite's account with `settings`), with `secrets` (or the suite's), over `http` (or the suite's). */
  client(options?: { readonly settings?: Settings; readonly account?: Account; readonly secrets?: Secrets; readonly http?: HttpClient }): VendorClient;
}

/**
 * Call inside a `describe`: registers the `before` that starts the sandbox and an HTTP client and the
 * `after` that closes both. `settings` gives the account's entry (less `vendor`) once the sandbox's URL is known.
 */
export function useVendorSuite(vendor: Vendor, setup: { readonly settings: (sandbox: Sandbox) => Settings & { readonly id: string }; readonly secrets: Secrets }): VendorSuite {
  let sandbox: Sandbox | undefined;
  let http: ClosableHttpClient | undefined;
  before(async () => {
    sandbox = await startSandbox();
    http = createHttpClient();
  });
  after(async () => {
    await http?.close();
    await sandbox?.close();
  });

  const suite: VendorSuite = {
    get sandbox() {
      assert.ok(sandbox, 'the sandbox starts in before()');
      return sandbox;
    },
    get http() {
      assert.ok(http, 'the HTTP client is created in before()');
      return http;
    },
    account(extra = {}) {
      const { accounts, broken } = parseAccounts([{ ...setup.settings(suite.sandbox), vendor: vendor.id, ...extra }]);
      assert.deepEqual(broken, []);
      return accounts[0]!;
    },
    client(options = {}) {
      return vendor.createClient(options.account ?? suite.account(options.settings), { http: options.http ?? suite.http, secrets: options.secrets ?? setup.secrets });
    },
  };
  return suite;
}
