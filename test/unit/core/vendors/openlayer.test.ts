import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { openlayer } from '../../../../src/core/vendors/openlayer';
import { HOSTILE, LONG_UNICODE_NAME } from '../../../sandbox/hostile';
import { OPENLAYER_SANDBOX, OPENLAYER_SEED_WORKSPACE } from '../../../sandbox/vendors/openlayer';
import { rejectsWith } from '../http-support';
import { useVendorSuite, type Secrets } from './vendor-support';

const { workspaces } = OPENLAYER_SANDBOX;

describe('Openlayer client', () => {
  // The vendor's base URL ends in /v1, so the sandbox's does too.
  const suite = useVendorSuite(openlayer, { settings: (sandbox) => ({ id: 'openlayer-test', baseUrl: `${sandbox.url}/v1`, workspaceId: workspaces.seed }), secrets: { apiKey: OPENLAYER_SANDBOX.apiKey } });
  const client = (secrets?: Secrets) => suite.client({ secrets });
  const facts = (space: { facts: readonly { label: string; value: unknown }[] }) => Object.fromEntries(space.facts.map((f) => [f.label, f.value]));

  it('declares its catalog entry, settings and secret fields', () => {
    assert.equal(openlayer.catalog.defaultBaseUrl, 'https://api.openlayer.com/v1');
    assert.deepEqual(openlayer.fields.map((f) => [f.key, f.required]), [
      ['baseUrl', false],
      ['workspaceId', true],
    ]);
    assert.deepEqual(openlayer.secretFields.map((f) => f.key), ['apiKey']);
  });

  it('reads the seed-shaped workspace field by field', async () => {
    const space = await client().getSpace(workspaces.seed);
    assert.equal(space.fieldProblems, undefined);
    assert.equal(space.vendor, 'openlayer');
    assert.equal(space.accountId, 'openlayer-test');
    assert.equal(space.id, '182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e');
    assert.equal(space.name, 'Openlayer');
    assert.equal(space.description, undefined);
    assert.deepEqual(space.status, { label: 'Active', tone: 'ok' });
    assert.equal(space.created, '2024-01-10T12:00:00.000Z');
    assert.equal(space.updated, '2024-06-02T08:30:00.000Z');
    assert.equal(space.webUrl, undefined, 'app.openlayer.com/{slug} is a guess');
    assert.deepEqual(space.facts, [
      { label: 'Slug', value: 'openlayer', kind: 'text' },
      { label: 'Projects', value: 12, kind: 'count' },
      { label: 'Members', value: 8, kind: 'count' },
      { label: 'Invites', value: 3, kind: 'count' },
      { label: 'Billing period start', value: '2024-06-01T00:00:00.000Z', kind: 'date' },
      { label: 'Billing period end', value: '2024-07-01T00:00:00.000Z', kind: 'date' },
      { label: 'SAML-only access', value: false, kind: 'boolean' },
      { label: 'Wildcard domains', value: 'openlayer.com, unbox.ai', kind: 'text' },
      { label: 'Creator ID', value: '6ea1f2b0-3c1d-4a5e-9f7a-2b8c0d1e4f5a', kind: 'text' },
    ]);
    assert.deepEqual(space.groups, [
      {
        id: 'monthlyUsage',
        label: 'Monthly usage',
        kind: 'usage',
        columns: [
          { key: 'predictions', label: 'Predictions', kind: 'count' },
          { key: 'executionTime', label: 'Execution time', kind: 'duration' },
        ],
        // Oldest first, whatever order the API used.
        items: [
          { id: '2024-04-01', label: '2024-04', values: { predictions: 95000, executionTime: null } },
          { id: '2024-05-01', label: '2024-05', values: { predictions: 120000, executionTime: 3600000 } },
          { id: '2024-06-01', label: '2024-06', values: { predictions: 40000, executionTime: 1250000 } },
        ],
        chart: { valueKey: 'predictions', unit: 'count' },
        total: { label: 'Predictions', value: 255000, kind: 'count' },
      },
    ]);
    assert.deepEqual(space.raw, OPENLAYER_SEED_WORKSPACE);
  });

  it('sends the API key as a Bearer token to {base}/workspaces/{workspaceId}', async () => {
    await client().getSpace(workspaces.seed, { refresh: true });
    const request = suite.sandbox.received.at(-1)!;
    assert.equal(request.url, '/v1/workspaces/182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e');
    assert.equal(request.headers.authorization, 'Bearer sk-ol-sandbox-key');
  });

  it('lists the account workspace as its one space, named once fetched', async () => {
    const c = client();
    const count = suite.sandbox.stats().requests;
    assert.deepEqual(await c.listSpaces!(), [{ id: workspaces.seed }]);
    assert.equal(suite.sandbox.stats().requests, count, 'listing needs no request');
    await c.getSpace(workspaces.seed);
    assert.deepEqual(await c.listSpaces!(), [{ id: workspaces.seed, name: 'Openlayer' }]);
  });

  it('accepts a workspace with nulls and missing fields', async () => {
    const space = await client().getSpace(workspaces.minimal);
    assert.equal(space.name, 'Minimal workspace');
    assert.equal(space.status, undefined);
    assert.equal(space.created, undefined);
    assert.deepEqual(space.facts, []);
    assert.deepEqual(space.groups, []);
    // Null where the seed allows it (the creator, the billing period) is no problem; a required field left out is.
    assert.deepEqual(
      space.fieldProblems?.map((p) => `${p.field} ${p.kind}`),
      ['slug missing', 'dateCreated missing', 'dateUpdated missing', 'projectCount missing', 'memberCount missing', 'inviteCount missing', 'status missing'],
    );
  });

  it('names each documented field it could not read or did not get, once, and leaves rows it could not read to their count', async () => {
    const { id, name, ...rest } = OPENLAYER_SEED_WORKSPACE;
    void id;
    void name;
    const body = { ...rest, projectCount: 'many', dateCreated: 'yesterday', monthlyUsage: [{ monthYear: '2024-05-01', predictionCount: 1 }, 'no row'] };
    suite.sandbox.addFault({ path: `/v1/workspaces/${workspaces.seed}`, kind: 'status', status: 200, body, times: 1 });
    const space = await client().getSpace(workspaces.seed, { refresh: true });
    assert.equal(space.name, workspaces.seed);
    assert.deepEqual(space.fieldProblems, [
      { field: 'id', kind: 'missing' },
      { field: 'name', kind: 'missing' },
      { field: 'dateCreated', kind: 'unreadable' },
      { field: 'projectCount', kind: 'unreadable' },
    ]);
    assert.equal(space.created, undefined);
    assert.equal(facts(space).Projects, undefined);
    assert.equal(space.groups[0]?.unreadable, 1);
    assert.match(space.problems?.[0] ?? '', /^Monthly usage: 1 of 2 rows could not be read/);
  });

  it('ignores unknown fields', async () => {
    const space = await client().getSpace(workspaces.extra);
    assert.equal(space.name, 'Workspace with extras');
    assert.deepEqual(space.status, { label: 'Trialing', tone: 'ok' });
    assert.equal(facts(space)['SAML-only access'], true);
    assert.deepEqual(space.groups[0]?.items, [{ id: '2024-06-01', label: '2024-06', values: { predictions: 7, executionTime: 12 } }]);
  });

  it('sends an opaque id as one encoded path segment and keeps a long unicode name', async () => {
    const space = await client().getSpace(workspaces.unicode, { refresh: true });
    assert.equal(suite.sandbox.received.at(-1)!.url, `/v1/workspaces/${encodeURIComponent(workspaces.unicode)}`);
    assert.equal(space.id, workspaces.unicode);
    assert.equal(space.name, LONG_UNICODE_NAME);
    assert.equal(facts(space)['Wildcard domains'], 'exämple.com, 例え.jp');
  });

  it('keeps hostile strings verbatim, as data', async () => {
    const space = await client().getSpace(workspaces.hostile);
    assert.equal(space.name, HOSTILE.html);
    assert.deepEqual(space.status, { label: HOSTILE.template, tone: 'neutral' });
    assert.equal(facts(space).Slug, HOSTILE.attribute);
    assert.equal(facts(space)['Creator ID'], HOSTILE.script);
    assert.equal(facts(space)['Wildcard domains'], `${HOSTILE.link}, ${HOSTILE.bidi}`);
    assert.deepEqual(space.groups[0]?.items[0], { id: HOSTILE.markdown, label: HOSTILE.markdown, values: { predictions: 1, executionTime: 1 } });
  });

  it('gives every billing status a label and a tone', async () => {
    const c = client();
    const seen = await Promise.all(OPENLAYER_SANDBOX.statuses.map(async (status) => [status, (await c.getSpace(`${OPENLAYER_SANDBOX.statePrefix}${status}`)).status]));
    assert.deepEqual(Object.fromEntries(seen), {
      active: { label: 'Active', tone: 'ok' },
      trialing: { label: 'Trialing', tone: 'ok' },
      past_due: { label: 'Past due', tone: 'warn' },
      unpaid: { label: 'Unpaid', tone: 'warn' },
      incomplete: { label: 'Incomplete', tone: 'warn' },
      canceled: { label: 'Canceled', tone: 'error' },
      incomplete_expired: { label: 'Incomplete expired', tone: 'error' },
      paused: { label: 'Paused', tone: 'neutral' },
    });
  });

  describe('errors, from the {code, error} shape', () => {
    it('a wrong API key is auth', async () => {
      await rejectsWith(client({ apiKey: 'sk-ol-wrong-key' }).getSpace(workspaces.seed, { refresh: true }), 'auth', /^Openlayer did not accept the API key: Invalid API key\.$/);
    });

    it('403 is forbidden', async () => {
      await rejectsWith(client().getSpace('status-403'), 'forbidden', /^Openlayer refused access to this workspace: You do not have access to this space\.$/);
    });

    it('an unknown id is notFound', async () => {
      await rejectsWith(client().getSpace('no-such-workspace'), 'notFound', /^Openlayer has no workspace with this id: Workspace not found\.$/);
    });

    it('429 is rateLimited', async () => {
      await rejectsWith(client().getSpace('status-429'), 'rateLimited', /^Openlayer is limiting requests \(HTTP 429\): Too many requests, slow down\.$/);
    });

    it('500 is server', async () => {
      await rejectsWith(client().getSpace('status-500'), 'server', /^Openlayer could not answer \(HTTP 500\): Internal server error\.$/);
    });

    it('sandbox faults answer in the {code, error} shape', async () => {
      suite.sandbox.addFault({ path: `/v1/workspaces/${workspaces.seed}`, kind: 'status', status: 502, times: 1 });
      await rejectsWith(client().getSpace(workspaces.seed, { refresh: true }), 'server', /^Openlayer could not answer \(HTTP 502\): Sandbox fault: Bad Gateway\.$/);
    });

    it('a name that is not a string falls back to the id; an answer that is no object is badResponse', async () => {
      const workspace = await client().getSpace(workspaces.badShape);
      assert.equal(workspace.name, workspaces.badShape);
      assert.ok((workspace.groups[0]?.items.length ?? 0) > 0, 'the usage is read');
      suite.sandbox.addFault({ path: `/v1/workspaces/${workspaces.seed}`, kind: 'status', status: 200, body: ['not', 'a', 'workspace'], times: 1 });
      await rejectsWith(client().getSpace(workspaces.seed, { refresh: true }), 'badResponse', /^Openlayer answered the workspace in an unexpected shape/);
    });

    it('a missing API key or workspace id is config, and nothing is sent', async () => {
      const count = suite.sandbox.stats().requests;
      await rejectsWith(client({}).getSpace(workspaces.seed), 'config', /No API key is set for this Openlayer account/);
      const noWorkspace = suite.client({ account: { ...suite.account(), workspaceId: undefined }, secrets: { apiKey: OPENLAYER_SANDBOX.apiKey } });
      await rejectsWith(noWorkspace.listSpaces!(), 'config', /no workspace ID/);
      assert.equal(suite.sandbox.stats().requests, count);
    });
  });
});
