// The Blueworks client's OAuth tokens (fetched once, renewed before expiry and after a rejection, shared by
// waiting requests that may each be cancelled) and what it sends with each request.
import { before, describe, it, mock } from 'node:test';
import * as assert from 'node:assert/strict';
import type { VendorClient } from '../../../../src/core/vendors/vendor';
import { BLUEWORKS_SANDBOX, revokeBlueworksTokens } from '../../../sandbox/vendors/blueworks';
import { eventually } from '../../../harness/wait.mjs';
import { rejectsWith } from '../http-support';
import { S, useBlueworksSuite } from './blueworks-support';

describe('blueworks vendor', () => {
  const { suite, tokenRequests, spaceRequests } = useBlueworksSuite();
  let client: VendorClient;
  before(() => (client = suite.client()));

  describe('authentication and request options', () => {
    it('fetches a token once with the client credentials form and reuses it', async () => {
      const fresh = suite.client();
      const tokensBefore = tokenRequests().length;
      await Promise.all([fresh.getSpace(S.minimal, { refresh: true }), fresh.getSpace(S.archived, { refresh: true })]);
      await fresh.getSpace(S.seed, { refresh: true });
      const tokens = tokenRequests().slice(tokensBefore);
      assert.equal(tokens.length, 1);
      assert.equal(tokens[0]!.headers['content-type'], 'application/x-www-form-urlencoded');
      assert.deepEqual(Object.fromEntries(new URLSearchParams(tokens[0]!.body)), { grant_type: 'client_credentials', client_id: BLUEWORKS_SANDBOX.clientId, client_secret: BLUEWORKS_SANDBOX.clientSecret });
      const { headers } = suite.sandbox.received.at(-1)!;
      assert.match(String(headers.authorization), /^Bearer bwl-[0-9a-f]+$/);
      assert.equal(headers['x-ibm-api-version'], '1.0.0');
      assert.equal(headers['x-on-behalf-of'], undefined);
    });

    it('fetches a new token once the old one is about to expire', async (t) => {
      // The client and the sandbox read this test's clock, moved by hand instead of waited for.
      mock.timers.enable({ apis: ['Date'], now: Date.now() });
      t.after(() => mock.timers.reset());
      const shortLived = suite.client({ settings: { clientId: BLUEWORKS_SANDBOX.shortLivedClientId } });
      const tokensBefore = tokenRequests().length;
      const getsBefore = spaceRequests(S.minimal).length;
      await shortLived.getSpace(S.minimal, { refresh: true });
      await shortLived.getSpace(S.minimal, { refresh: true });
      assert.equal(tokenRequests().length - tokensBefore, 1);
      // Past the second half of the token's life, where the client renews it, and before the server drops it.
      mock.timers.tick(BLUEWORKS_SANDBOX.shortTokenLifetimeSeconds * 1000 * 0.6);
      assert.equal((await shortLived.getSpace(S.minimal, { refresh: true })).name, 'Minimal space');
      assert.equal(tokenRequests().length - tokensBefore, 2);
      assert.equal(spaceRequests(S.minimal).length - getsBefore, 3, 'renewed before use: no request was rejected');
    });

    it('fetches a token anew exactly once when the server rejects the cached one', async () => {
      const fresh = suite.client();
      await fresh.getSpace(S.minimal, { refresh: true });
      const tokensBefore = tokenRequests().length;
      const getsBefore = spaceRequests(S.archived).length;
      revokeBlueworksTokens(suite.sandbox);
      assert.equal((await fresh.getSpace(S.archived, { refresh: true })).name, 'Old projects');
      assert.equal(tokenRequests().length - tokensBefore, 1);
      assert.equal(spaceRequests(S.archived).length - getsBefore, 2); // 401, then 200
    });

    it('a request cancelled while the token is fetched does not cancel the others waiting for that token', async () => {
      const fresh = suite.client();
      const tokensBefore = tokenRequests().length;
      suite.sandbox.addFault({ path: '/oauth/token', kind: 'hold', times: 1 });
      try {
        const controller = new AbortController();
        const leaving = fresh.getSpace(S.minimal, { signal: controller.signal, refresh: true });
        const staying = fresh.getSpace(S.archived, { refresh: true });
        await eventually(() => suite.sandbox.held, (held) => held === 1, 'the token request held');
        controller.abort();
        await rejectsWith(leaving, 'cancelled');
        suite.sandbox.release();
        assert.equal((await staying).name, 'Old projects');
        assert.equal(tokenRequests().length - tokensBefore, 1, 'the token request went on');
      } finally {
        suite.sandbox.release();
      }
    });

    it('a request waiting for a token another request is fetching is cancelled at once', async () => {
      const fresh = suite.client();
      suite.sandbox.addFault({ path: '/oauth/token', kind: 'hold', times: 1 });
      try {
        const first = fresh.getSpace(S.minimal, { refresh: true });
        const controller = new AbortController();
        const second = fresh.getSpace(S.archived, { signal: controller.signal, refresh: true });
        await eventually(() => suite.sandbox.held, (held) => held === 1, 'the token request held');
        controller.abort();
        await rejectsWith(second, 'cancelled');
        assert.equal(suite.sandbox.held, 1, 'cancelled while the token was still held back');
        suite.sandbox.release();
        assert.equal((await first).name, 'Minimal space');
      } finally {
        suite.sandbox.release();
      }
    });

    it('sends X-On-Behalf-Of for a Service ID, and explains a 403 without it', async () => {
      const withoutUser = suite.client({ settings: { clientId: BLUEWORKS_SANDBOX.serviceClientId } });
      await rejectsWith(withoutUser.getSpace(S.seed), 'forbidden', /needs "On behalf of" \(X-On-Behalf-Of\) set: A Service ID must name the acting user in X-On-Behalf-Of\.$/);
      const asEdith = suite.client({ settings: { clientId: BLUEWORKS_SANDBOX.serviceClientId, onBehalfOf: BLUEWORKS_SANDBOX.onBehalfOf } });
      assert.equal((await asEdith.getSpace(S.seed)).name, 'My Space');
      assert.equal(suite.sandbox.received.at(-1)!.headers['x-on-behalf-of'], 'edith');
      assert.equal(suite.sandbox.received.at(-1)!.headers['x-ibm-api-version'], '1.0.0');
    });

    it("sends the account's query options", async () => {
      const options = suite.client({ settings: { includeSubspaces: false, archivedState: 'all', publishedState: 'published' } });
      const space = await options.getSpace(S.seed);
      assert.equal(suite.sandbox.received.at(-1)!.url, '/bwl/spaces/1310cb?include-subspaces=false&archived-state=all&published-state=published');
      assert.ok(!space.groups.some((g) => g.id === 'subspaces'));
      await client.getSpace(S.seed, { refresh: true });
      assert.equal(suite.sandbox.received.at(-1)!.url, '/bwl/spaces/1310cb?include-subspaces=true&archived-state=active&published-state=all');
    });
  });
});
