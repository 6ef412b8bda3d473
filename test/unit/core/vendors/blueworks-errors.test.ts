// The Blueworks client's failures: each HTTP status in its words, a field of the wrong type, a wrong or
// missing secret, and a server that echoes the token.
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { VendorClient } from '../../../../src/core/vendors/vendor';
import { BLUEWORKS_SANDBOX } from '../../../sandbox/vendors/blueworks';
import { rejectsWith } from '../http-support';
import { S, useBlueworksSuite } from './blueworks-support';

describe('blueworks vendor', () => {
  const { suite, tokenRequests, spaceRequests } = useBlueworksSuite();
  let client: VendorClient;
  before(() => (client = suite.client()));

  describe('errors', () => {
    it('reports 401 as auth after exactly one fresh token', async () => {
      const fresh = suite.client();
      const tokensBefore = tokenRequests().length;
      const id = BLUEWORKS_SANDBOX.statusId(401);
      await rejectsWith(fresh.getSpace(id), 'auth', /^IBM Blueworks Live did not accept the access token for space "status-401"/);
      assert.equal(tokenRequests().length - tokensBefore, 2); // the first token, then exactly one re-fetch
      assert.equal(spaceRequests(id).length, 2);
    });

    it('reports 403 as forbidden with the likely reasons', async () => {
      const err = await rejectsWith(client.getSpace(BLUEWORKS_SANDBOX.statusId(403)), 'forbidden');
      assert.match(err.message, /lacks permission/);
      assert.match(err.message, /not enabled API access/);
      assert.match(err.message, /Artifact Reporting category/);
      assert.match(err.message, /X-On-Behalf-Of/);
      assert.match(err.message, /insufficient permissions for the specified space\.$/);
    });

    it('reports 404 as notFound', async () => {
      await rejectsWith(client.getSpace(BLUEWORKS_SANDBOX.statusId(404)), 'notFound', /^IBM Blueworks Live has no space "status-404" in this account: /);
      await rejectsWith(client.getSpace('no-such-space'), 'notFound');
    });

    it('reports 429 as rateLimited', async () => {
      await rejectsWith(client.getSpace(BLUEWORKS_SANDBOX.statusId(429)), 'rateLimited', /limiting requests/);
    });

    it('reports 500 as server and 400 as a request it did not accept', async () => {
      await rejectsWith(client.getSpace(BLUEWORKS_SANDBOX.statusId(500)), 'server', /HTTP 500/);
      await rejectsWith(client.getSpace(BLUEWORKS_SANDBOX.statusId(400)), 'badResponse', /did not accept the request parameters/);
    });

    it('leaves a field of another type out (goals as text), and reports an answer that is no object as badResponse', async () => {
      const space = await client.getSpace(S.badShape);
      assert.equal(space.name, 'Bad shape');
      assert.equal(space.groups.find((g) => g.kind === 'goals'), undefined);
      suite.sandbox.addFault({ path: `/bwl/spaces/${S.seed}`, kind: 'status', status: 200, body: [], times: 1 });
      await rejectsWith(client.getSpace(S.seed, { refresh: true }), 'badResponse', /unexpected shape/);
    });

    it('reports a wrong client secret as auth without repeating it, and asks no further', async () => {
      const count = suite.sandbox.received.length;
      const wrong = suite.client({ secrets: { clientSecret: 'wrong-secret-0042' } });
      const err = await rejectsWith(wrong.getSpace(S.seed), 'auth', /^IBM Blueworks Live did not accept the client ID or client secret: Client authentication failed\.$/);
      assert.doesNotMatch(err.message, /wrong-secret-0042/);
      assert.deepEqual(suite.sandbox.received.slice(count).map((r) => r.url), ['/oauth/token']);
    });

    it('proves the credentials without a space by asking for a token (the connection test)', async () => {
      const count = suite.sandbox.received.length;
      await client.checkAccess!();
      const wrong = suite.client({ secrets: { clientSecret: 'wrong-secret-0042' } });
      await rejectsWith(wrong.checkAccess!(), 'auth', /did not accept the client ID or client secret/);
      assert.deepEqual(suite.sandbox.received.slice(count).map((r) => r.url), ['/oauth/token', '/oauth/token']);
    });

    it('does not repeat the access token when the server echoes it', async () => {
      const err = await rejectsWith(client.getSpace(S.echo), 'forbidden');
      const token = /^Bearer (\S+)$/.exec(String(suite.sandbox.received.at(-1)!.headers.authorization))?.[1];
      assert.ok(token, 'a bearer token was sent');
      assert.doesNotMatch(err.message, new RegExp(token));
      assert.match(err.message, /Token \*\*\* may not read this space\.$/);
    });

    it('reports a missing secret or client id as config before sending anything', async () => {
      const count = suite.sandbox.received.length;
      await rejectsWith(suite.client({ secrets: {} }).getSpace(S.seed), 'config', /client secret/);
      await rejectsWith(suite.client({ secrets: {} }).findSpaces!({ name: 'My Space' }), 'config');
      await rejectsWith(suite.client({ account: { ...suite.account(), clientId: undefined } }).getSpace(S.seed), 'config', /client ID/);
      assert.equal(suite.sandbox.received.length, count);
    });
  });
});
