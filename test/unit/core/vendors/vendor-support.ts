// Shared by the vendor tests (core/vendors/*.test.ts): an HTTP suite (one sandbox, one HTTP client), accounts
// and clients built against them, and the group and the fact of a space a test reads.
import * as assert from 'node:assert/strict';
import { parseAccounts, type Account } from '../../../../src/core/accounts';
import type { ClosableHttpClient, HttpClient } from '../../../../src/core/http';
import type { Fact, Group } from '../../../../src/core/model';
import type { Vendor, VendorClient } from '../../../../src/core/vendors/vendor';
import type { Sandbox } from '../../../sandbox/server';
import { useHttpSuite } from '../http-support';

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
 * Call inside a `describe`: an HTTP suite (see useHttpSuite) with an account of `vendor`. `settings` gives the
 * account's entry (less `vendor`) once the sandbox's URL is known.
 */
export function useVendorSuite(vendor: Vendor, setup: { readonly settings: (sandbox: Sandbox) => Settings & { readonly id: string }; readonly secrets: Secrets }): VendorSuite {
  // The vendor tests count what they add to the sandbox's record (before and after), so it is never reset.
  const base = useHttpSuite({ resetEachTest: false });

  const suite: VendorSuite = {
    get sandbox() {
      return base.sandbox;
    },
    get http() {
      return base.http;
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

/** The group `id` of a space; fails the test where there is none. */
export function group(groups: readonly Group[], id: string): Group {
  const found = groups.find((g) => g.id === id);
  assert.ok(found, `no group ${id}`);
  return found;
}

/** The fact labelled `label`, if the space has one. */
export function fact(facts: readonly Fact[], label: string): Fact | undefined {
  return facts.find((f) => f.label === label);
}
