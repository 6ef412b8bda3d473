import { describe, it, mock, type TestContext } from 'node:test';
import * as assert from 'node:assert/strict';
import { jwtLifetimeSeconds, sharely } from '../../../../src/core/vendors/sharely';
import { HOSTILE, hostile, LONG_UNICODE_NAME } from '../../../sandbox/hostile';
import type { RecordedRequest } from '../../../sandbox/server';
import { SHARELY_SANDBOX, SHARELY_SEED_SPACE } from '../../../sandbox/vendors/sharely';
import { rejectsWith } from '../http-support';
import { useVendorSuite, type Secrets, type Settings } from './vendor-support';

const { spaces, workspaces } = SHARELY_SANDBOX;

describe('Sharely.ai client', () => {
  const suite = useVendorSuite(sharely, { settings: (sandbox) => ({ id: 'sharely-test', baseUrl: sandbox.url, workspaceId: workspaces.seed }), secrets: { apiKey: SHARELY_SANDBOX.apiKey } });
  const client = (settings?: Settings, secrets?: Secrets) => suite.client({ settings, secrets });
  const tokenClient = (workspaceId: string = workspaces.seed) => client({ authMode: 'accessToken', organizationId: SHARELY_SANDBOX.organizationId, workspaceId });

  /**
   * Gives the rest of test `t` a clock of its own (Date) that moves only by `mock.timers.tick`: the client and
   * the sandbox (in this process) read it, so a token expires when the test says, not after a wait.
   */
  function mockClock(t: TestContext) {
    mock.timers.enable({ apis: ['Date'], now: Date.now() });
    t.after(() => mock.timers.reset());
  }

  /** What the sandbox received from now on, split into token exchanges and space reads. */
  function watch() {
    const mark = suite.sandbox.received.length;
    const since = () => suite.sandbox.received.slice(mark);
    return {
      exchanges: (): RecordedRequest[] => since().filter((r) => r.method === 'POST'),
      reads: (): RecordedRequest[] => since().filter((r) => r.method === 'GET'),
    };
  }

  it('declares its catalog entry, settings and secret fields', () => {
    assert.equal(sharely.catalog.defaultBaseUrl, 'https://api.sharely.ai');
    assert.deepEqual(sharely.fields.map((f) => f.key), ['baseUrl', 'workspaceId', 'authMode', 'organizationId']);
    assert.deepEqual(sharely.fields.find((f) => f.key === 'authMode')?.choices?.map((c) => c.value), ['apiKey', 'accessToken']);
    assert.deepEqual(sharely.secretFields.map((f) => f.key), ['apiKey']);
  });

  it('reads the seed example field by field', async () => {
    const space = await client().getSpace(spaces.seed);
    assert.equal(space.vendor, 'sharely');
    assert.equal(space.accountId, 'sharely-test');
    assert.equal(space.id, 'space-uuid-123');
    assert.equal(space.name, 'Sales Team Space');
    assert.deepEqual(space.description, { text: 'Space for the sales team', markdown: false });
    assert.deepEqual(space.status, { label: 'Active', tone: 'ok' });
    assert.equal(space.created, '2025-01-15T10:30:00.000Z');
    assert.equal(space.updated, undefined);
    assert.equal(space.webUrl, undefined);
    assert.deepEqual(space.facts, [
      { label: 'Workspace', value: 'My Company', kind: 'text' },
      { label: 'Organization', value: 'My Organization', kind: 'text' },
      { label: 'Workspace ID', value: 'workspace-uuid-456', kind: 'text' },
      { label: 'Organization ID', value: 'org-uuid-789', kind: 'text' },
    ]);
    const emailColumn = [{ key: 'email', label: 'Email', kind: 'email' }];
    assert.deepEqual(space.groups, [
      { id: 'hosts', label: 'Hosts', kind: 'members', columns: emailColumn, items: [{ id: 'user-uuid-1', label: 'John Doe', description: 'john@example.com', values: { email: 'john@example.com' } }] },
      { id: 'coHosts', label: 'Co-hosts', kind: 'members', columns: emailColumn, items: [] },
      { id: 'guests', label: 'Guests', kind: 'members', columns: emailColumn, items: [{ id: 'user-uuid-2', label: 'Jane Smith', description: 'jane@example.com', values: { email: 'jane@example.com' } }] },
      {
        id: 'conversations',
        label: 'Conversation groups',
        kind: 'conversations',
        columns: [
          { key: 'type', label: 'Type', kind: 'text' },
          { key: 'lastMessageAt', label: 'Last message', kind: 'date' },
          { key: 'conversations', label: 'Conversations', kind: 'count' },
        ],
        items: [{ id: 'group-uuid-1', label: 'General', description: 'PUBLIC', values: { type: 'PUBLIC', lastMessageAt: '2025-01-16T14:20:00.000Z', conversations: 1 } }],
      },
    ]);
    assert.deepEqual(space.raw, SHARELY_SEED_SPACE);
  });

  it('sends the seed x-api-key header to /v1/workspaces/{workspaceId}/spaces/{spaceId}', async () => {
    const seen = watch();
    await client().getSpace(spaces.seed, { refresh: true });
    const [read] = seen.reads();
    assert.equal(read?.url, '/v1/workspaces/workspace-uuid-456/spaces/space-uuid-123');
    assert.equal(read?.headers['x-api-key'], SHARELY_SANDBOX.apiKey);
    assert.equal(read?.headers.authorization, undefined);
    assert.equal(seen.exchanges().length, 0);
  });

  it('accepts a space with only an id and a name', async () => {
    const space = await client().getSpace(spaces.minimal);
    assert.equal(space.name, 'Minimal space');
    assert.equal(space.description, undefined);
    assert.equal(space.status, undefined);
    assert.deepEqual(space.facts, []);
    assert.deepEqual(space.groups, []);
  });

  it('ignores unknown fields, reads co-hosts and keeps row ids unique', async () => {
    const space = await client().getSpace(spaces.extra);
    assert.deepEqual(space.status, { label: 'Archived', tone: 'neutral' });
    const group = (id: string) => space.groups.find((g) => g.id === id)!;
    assert.deepEqual(group('hosts').items.map((i) => i.id), ['user-uuid-1']);
    assert.deepEqual(group('coHosts').items.map((i) => [i.id, i.label]), [['user-uuid-3', 'Co Host']]);
    assert.deepEqual(group('guests').items.map((i) => [i.id, i.label]), [
      ['noid@example.com', 'No Id'],
      ['user-uuid-2', 'Jane Smith'],
      ['user-uuid-2#2', 'Jane Smith'],
    ]);
    assert.equal(group('conversations').items[0]?.values.conversations, 3);
  });

  it('sends an opaque id as one encoded path segment and keeps unicode', async () => {
    const seen = watch();
    const space = await client().getSpace(spaces.unicode, { refresh: true });
    assert.equal(seen.reads()[0]?.url, `/v1/workspaces/workspace-uuid-456/spaces/${encodeURIComponent(spaces.unicode)}`);
    assert.equal(space.id, spaces.unicode);
    assert.equal(space.name, LONG_UNICODE_NAME);
    assert.deepEqual(space.groups[0]?.items[0], { id: 'ü-1', label: 'Zoë Ångström 数据', description: 'zoe@exämple.com', values: { email: 'zoe@exämple.com' } });
  });

  it('keeps hostile strings verbatim, as data', async () => {
    const space = await client().getSpace(spaces.hostile);
    assert.equal(space.name, HOSTILE.html);
    assert.deepEqual(space.description, { text: HOSTILE.markdown, markdown: false });
    assert.deepEqual(space.status, { label: HOSTILE.script, tone: 'neutral' });
    assert.deepEqual(space.facts.map((f) => f.value), [hostile(4), hostile(5), hostile(3), hostile(6)]);
    assert.deepEqual(space.groups.map((g) => g.items[0] && [g.items[0].id, g.items[0].label, g.items[0].description]), [
      [hostile(0), hostile(1), hostile(2)],
      [hostile(3), hostile(4), hostile(5)],
      [hostile(6), hostile(7), hostile(8)],
      [HOSTILE.attribute, HOSTILE.link, HOSTILE.template],
    ]);
  });

  describe('errors, from the {error, message} shape', () => {
    it('a wrong API key is auth', async () => {
      await rejectsWith(client({}, { apiKey: 'sk-sharely-wrong' }).getSpace(spaces.seed, { refresh: true }), 'auth', /^Sharely\.ai did not accept the API key: Invalid API key\.$/);
    });

    it('403 is forbidden', async () => {
      await rejectsWith(client().getSpace('status-403'), 'forbidden', /^Sharely\.ai refused access to this space: You do not have access to this space\.$/);
    });

    it('an unknown id is notFound, worded from the seed 404', async () => {
      await rejectsWith(client().getSpace('no-such-space'), 'notFound', /^Sharely\.ai has no space with this id: Space not found\.$/);
    });

    it('429 is rateLimited', async () => {
      await rejectsWith(client().getSpace('status-429'), 'rateLimited', /^Sharely\.ai is limiting requests \(HTTP 429\): Too many requests, slow down\.$/);
    });

    it('500 is server', async () => {
      await rejectsWith(client().getSpace('status-500'), 'server', /^Sharely\.ai could not answer \(HTTP 500\): Internal server error\.$/);
    });

    it('a vendor that echoes the credentials does not put them in the message', async () => {
      const err = await rejectsWith(client().getSpace(spaces.echo), 'forbidden');
      assert.doesNotMatch(err.message, /sk-sharely-sandbox-key/);
    });

    it('a vendor that echoes the exchanged access token does not put it in the message', async () => {
      const err = await rejectsWith(tokenClient().getSpace(spaces.echo), 'forbidden');
      const jwt = /^Bearer (\S+)$/.exec(String(suite.sandbox.received.at(-1)!.headers.authorization))?.[1];
      assert.ok(jwt, 'an access token was sent');
      assert.ok(!err.message.includes(jwt), err.message);
      assert.match(err.message, /Token \*\*\* has no access to this space\.$/);
    });

    it('sandbox faults on Sharely paths answer in Sharely shape, though Openlayer shares /v1/workspaces/', async () => {
      suite.sandbox.addFault({ path: '/v1/workspaces/workspace-uuid-456/spaces/space-uuid-123', kind: 'status', status: 502, times: 1 });
      await rejectsWith(client().getSpace(spaces.seed, { refresh: true }), 'server', /^Sharely\.ai could not answer \(HTTP 502\): Sandbox fault: Bad Gateway\.$/);
    });

    it('a name that is not a string falls back to the id; an answer that is no object is badResponse', async () => {
      assert.equal((await client().getSpace(spaces.badShape)).name, spaces.badShape);
      suite.sandbox.addFault({ path: `/v1/workspaces/${workspaces.seed}/spaces/${spaces.seed}`, kind: 'status', status: 200, body: [1], times: 1 });
      await rejectsWith(client().getSpace(spaces.seed, { refresh: true }), 'badResponse', /^Sharely\.ai answered the space in an unexpected shape/);
    });

    it('a missing API key, workspace id or organization id is config, and nothing is sent', async () => {
      const count = suite.sandbox.stats().requests;
      await rejectsWith(client({}, {}).getSpace(spaces.seed), 'config', /No API key is set for this Sharely\.ai account/);
      const noWorkspace = { ...suite.account(), workspaceId: undefined };
      await rejectsWith(suite.client({ account: noWorkspace, secrets: { apiKey: SHARELY_SANDBOX.apiKey } }).getSpace(spaces.seed), 'config', /no workspace ID/);
      await rejectsWith(client({ authMode: 'accessToken' }).getSpace(spaces.seed), 'config', /no organization ID/);
      assert.equal(suite.sandbox.stats().requests, count);
    });
  });

  describe('access-token mode', () => {
    it('exchanges the API key once and reuses the token, with the organizationid header', async () => {
      const seen = watch();
      const c = tokenClient();
      const first = await c.getSpace(spaces.seed, { refresh: true });
      await c.getSpace(spaces.minimal, { refresh: true });
      assert.equal(first.name, 'Sales Team Space');

      const [exchange, ...more] = seen.exchanges();
      assert.equal(more.length, 0);
      assert.equal(exchange?.url, '/workspaces/workspace-uuid-456/generate-access-key-token');
      assert.equal(exchange?.headers['x-api-key'], SHARELY_SANDBOX.apiKey);
      assert.equal(exchange?.headers['content-type'], 'application/json');
      assert.equal(exchange?.body, '{}');

      const reads = seen.reads();
      assert.equal(reads.length, 2);
      const bearer = reads[0]?.headers.authorization;
      assert.match(bearer ?? '', /^Bearer eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
      for (const read of reads) {
        assert.equal(read.headers.authorization, bearer);
        assert.equal(read.headers.organizationid, SHARELY_SANDBOX.organizationId);
        assert.equal(read.headers['x-api-key'], undefined);
      }
    });

    it('shares one exchange between concurrent requests', async () => {
      const seen = watch();
      const c = tokenClient();
      await Promise.all([spaces.seed, spaces.minimal, spaces.extra].map((id) => c.getSpace(id, { refresh: true })));
      assert.equal(seen.exchanges().length, 1);
      assert.equal(seen.reads().length, 3);
    });

    it('renews a token shortly before the exp it carries', async (t) => {
      mockClock(t);
      const seen = watch();
      const c = tokenClient(workspaces.shortLived);
      await c.getSpace(spaces.seed, { refresh: true });
      // The token lives 1 s; the client renews it in the second half of its life.
      mock.timers.tick(600);
      await c.getSpace(spaces.seed, { refresh: true });
      assert.equal(seen.exchanges().length, 2);
      const [first, second] = seen.reads().map((r) => r.headers.authorization);
      assert.equal(seen.reads().length, 2, 'no request was rejected');
      assert.notEqual(first, second);
    });

    it('fetches a token anew exactly once when the server rejects it', async (t) => {
      mockClock(t);
      const seen = watch();
      const c = tokenClient(workspaces.serverExpiry);
      await c.getSpace(spaces.seed, { refresh: true });
      // No exp in this token, so the client assumes 24 h; the server drops it after 0.3 s.
      mock.timers.tick(400);
      const space = await c.getSpace(spaces.seed, { refresh: true });
      assert.equal(space.name, 'Sales Team Space');
      assert.equal(seen.exchanges().length, 2);
      assert.equal(seen.reads().length, 3, 'read, rejected read, read with the new token');
    });

    it('gives up with auth when the fresh token is rejected too', async () => {
      const seen = watch();
      await rejectsWith(tokenClient(workspaces.rejecting).getSpace(spaces.seed, { refresh: true }), 'auth', /^Sharely\.ai did not accept the access token: Access token revoked\.$/);
      assert.equal(seen.exchanges().length, 2);
      assert.equal(seen.reads().length, 2);
    });

    it('a wrong API key fails at the exchange, before any read', async () => {
      const seen = watch();
      const c = client({ authMode: 'accessToken', organizationId: SHARELY_SANDBOX.organizationId }, { apiKey: 'sk-sharely-wrong' });
      await rejectsWith(c.getSpace(spaces.seed), 'auth', /^Sharely\.ai did not accept the API key: Invalid API key\.$/);
      assert.equal(seen.exchanges().length, 1);
      assert.equal(seen.reads().length, 0);
    });

    it('proves the API key and the workspace without a space through the exchange, in either mode', async () => {
      const seen = watch();
      await client().checkAccess!();
      await rejectsWith(client({}, { apiKey: 'sk-sharely-wrong' }).checkAccess!(), 'auth', /did not accept the API key/);
      await rejectsWith(client({ workspaceId: 'no-such-workspace' }).checkAccess!(), 'notFound');
      assert.equal(seen.exchanges().length, 3);
      assert.equal(seen.reads().length, 0);
    });

    it('an unknown workspace fails at the exchange with notFound', async () => {
      await rejectsWith(tokenClient('no-such-workspace').getSpace(spaces.seed), 'notFound', /^Sharely\.ai has no workspace with this id: Workspace not found\.$/);
    });

    it('reads the lifetime from the JWT, not the local clock', () => {
      const jwt = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
      assert.equal(jwtLifetimeSeconds(jwt({ iat: 1000, exp: 1000 + 86400 })), 86400);
      assert.equal(jwtLifetimeSeconds(jwt({ iat: 1000 })), undefined);
      assert.equal(jwtLifetimeSeconds('not-a-jwt'), undefined);
      assert.equal(jwtLifetimeSeconds('a.%%%.c'), undefined);
    });
  });
});
