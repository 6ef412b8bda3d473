// Property-based tests of every vendor's reading of a space, over real HTTP through the sandbox: answers
// generated from a JSON Schema of the vendor's documented response always show a space with a name and
// every row, and report no problem; the same answers mutated (types changed, fields dropped, nulls, extra
// keys, huge strings, `__proto__` keys) show a space or end as `badResponse`, never another error, and a space
// shown reports every documented field the mutations broke, and no other.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isSpacesError } from '../../../../src/core/errors';
import type { Group, SpaceDetails } from '../../../../src/core/model';
import { fromEpochSeconds, parseBlueworksDate, parseIsoDate } from '../../../../src/core/vendors/dates';
import { alumio } from '../../../../src/core/vendors/alumio';
import { blueworks } from '../../../../src/core/vendors/blueworks';
import { onedata } from '../../../../src/core/vendors/onedata';
import { openlayer } from '../../../../src/core/vendors/openlayer';
import { sharely } from '../../../../src/core/vendors/sharely';
import type { Vendor } from '../../../../src/core/vendors/vendor';
import { ALUMIO_SANDBOX } from '../../../sandbox/vendors/alumio';
import { BLUEWORKS_SANDBOX } from '../../../sandbox/vendors/blueworks';
import { ONEDATA_SANDBOX } from '../../../sandbox/vendors/onedata';
import { OPENLAYER_SANDBOX } from '../../../sandbox/vendors/openlayer';
import { SHARELY_SANDBOX } from '../../../sandbox/vendors/sharely';
import { arbitraryFrom, brokenFields, mutate, mutationArbitrary, type BrokenField, type JsonSchema } from './json-schema-arbitrary';
import { useVendorSuite, type Secrets, type Settings } from './vendor-support';

// --- the vendors' documented responses, copied into this test as JSON Schema ----------------------

const str: JsonSchema = { type: 'string' };
const dateTime: JsonSchema = { type: 'string', format: 'date-time' };
const strings: JsonSchema = { type: 'array', items: str };

const ALUMIO_SPACE: JsonSchema = {
  type: 'object',
  required: ['name', 'identifier', 'purpose'],
  properties: {
    identifier: str,
    name: str,
    description: str,
    purpose: { enum: ['prod', 'uat', 'test', 'dev'] },
    workers: { type: 'integer', minimum: 0 },
    createdAt: dateTime,
    updatedAt: dateTime,
    isLocked: { enum: [0, 1] },
    termsAgreed: { enum: [0, 1] },
    createUser: { type: 'string', format: 'email' },
    expireDate: dateTime,
    cancelUser: { type: 'string', format: 'email' },
    cancelDate: dateTime,
    status: { enum: ['new', 'creating', 'ready', 'error', 'deleting', 'deleted', 'canceled'] },
  },
};

const SHARELY_MEMBER: JsonSchema = { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, name: str, email: { type: 'string', format: 'email' } } };
const SHARELY_SPACE: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: str,
    description: str,
    status: { enum: ['ACTIVE', 'INACTIVE'] },
    createdAt: dateTime,
    workspace: { type: 'object', properties: { id: str, name: str, organizationName: str, organizationId: str } },
    hosts: { type: 'array', items: { type: 'object', required: ['host'], properties: { host: SHARELY_MEMBER } } },
    coHosts: { type: 'array', items: { type: 'object', required: ['coHost'], properties: { coHost: SHARELY_MEMBER } } },
    guests: { type: 'array', items: { type: 'object', required: ['guest'], properties: { guest: SHARELY_MEMBER } } },
    spaceGroupConversation: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: str, name: str, type: { enum: ['PUBLIC', 'PRIVATE'] }, lastMessageAt: dateTime, createdAt: dateTime, updatedAt: dateTime, conversations: { type: 'array', items: { type: 'object', properties: { id: str } } } },
      },
    },
  },
};

const OPENLAYER_WORKSPACE: JsonSchema = {
  type: 'object',
  required: ['id', 'name', 'slug', 'dateCreated', 'dateUpdated', 'creatorId', 'projectCount', 'memberCount', 'inviteCount', 'periodStartDate', 'periodEndDate', 'status'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: str,
    slug: str,
    dateCreated: dateTime,
    dateUpdated: dateTime,
    creatorId: { type: ['string', 'null'], format: 'uuid' },
    wildcardDomains: strings,
    projectCount: { type: 'integer', minimum: 0 },
    memberCount: { type: 'integer', minimum: 0 },
    monthlyUsage: {
      type: 'array',
      items: { type: 'object', properties: { monthYear: { type: 'string', format: 'date' }, predictionCount: { type: 'integer', minimum: 0 }, executionTimeMs: { type: ['integer', 'null'], minimum: 0 } } },
    },
    inviteCount: { type: 'integer', minimum: 0 },
    periodStartDate: { type: ['string', 'null'], format: 'date-time' },
    periodEndDate: { type: ['string', 'null'], format: 'date-time' },
    samlOnlyAccess: { type: 'boolean' },
    status: { enum: ['active', 'past_due', 'unpaid', 'canceled', 'incomplete', 'incomplete_expired', 'trialing', 'paused'] },
  },
};

const ONEDATA_SPACE: JsonSchema = {
  type: 'object',
  properties: {
    spaceId: str,
    name: str,
    providers: { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } },
    creator: { type: 'object', properties: { type: { enum: ['nobody', 'user', 'oneprovider'] }, id: { type: ['string', 'null'] } } },
    creationTime: { type: 'integer', minimum: 0, format: 'unix-time' },
  },
};

/** Blueworks writes dates with a `+0000` offset. */
const bwDate: JsonSchema = { enum: ['2021-03-02T13:20:53.000+0000', '2019-11-05T08:00:00.000-0500', '2024-02-29T23:59:59.999+0100'], format: 'date-time' };
const bwUser: JsonSchema = { type: 'object', properties: { id: str, 'full-name': str, 'email-address': str } };
/** What identifies a row: never empty. */
const rowId: JsonSchema = { type: 'string', minLength: 1 };
const BW_ARTIFACT: JsonSchema = {
  type: 'object',
  required: ['id'],
  properties: {
    id: rowId,
    name: str,
    type: str,
    tags: strings,
    'space-ids': strings,
    'space-names': strings,
    'archived-state': { enum: ['active', 'archived'] },
    'published-state': { enum: ['published', 'unpublished'] },
    'last-modified-date': bwDate,
    'last-modified-by-user': bwUser,
    'created-date': bwDate,
    'created-by-user': bwUser,
  },
};
const BW_SPACE_FIELDS = {
  name: str,
  tags: strings,
  description: str,
  goals: { type: 'array', items: { type: 'object', properties: { description: str, weight: { enum: ['high', 'medium', 'low'] } } } },
  users: {
    type: 'array',
    items: {
      type: 'object',
      required: ['participant'],
      properties: {
        participant: { type: 'object', required: ['type'], properties: { type: { enum: ['user', 'user-group', 'all-editors', 'all-contributors', 'all-community'] }, id: str, name: str } },
        permissions: {
          type: 'object',
          properties: Object.fromEntries(['blueprint-processes', 'automate-processes', 'compose-decisions', 'author-policies', 'manage-and-edit'].map((p) => [p, { type: 'boolean' }])),
        },
      },
    },
  },
  'space-ids': strings,
  'space-names': strings,
  'archived-state': { enum: ['active', 'archived'] },
  'last-modified-date': bwDate,
  'last-modified-by-user': bwUser,
  'created-date': bwDate,
  'created-by-user': bwUser,
} satisfies Record<string, JsonSchema>;
const BW_SPACE: JsonSchema = {
  type: 'object',
  required: ['id', 'name'],
  properties: {
    ...BW_SPACE_FIELDS,
    id: str,
    subspaces: { type: 'array', items: { type: 'object', required: ['id'], properties: { ...BW_SPACE_FIELDS, id: rowId } } },
    blueprints: { type: 'array', items: BW_ARTIFACT },
    decisions: { type: 'array', items: BW_ARTIFACT },
    policies: { type: 'array', items: BW_ARTIFACT },
    'process-apps': { type: 'array', items: BW_ARTIFACT },
  },
};

// --- each vendor: where its answer is served, and which rows each group shows ---------------------

type Payload = Record<string, unknown>;
const rowsIn = (payload: Payload, key: string): number | undefined => (Array.isArray(payload[key]) ? (payload[key] as unknown[]).length : undefined);

interface Case {
  readonly vendor: Vendor;
  readonly schema: JsonSchema;
  readonly settings: (url: string) => Settings & { readonly id: string };
  readonly secrets: Secrets;
  /** The path the space `id` is fetched from, and the answer as that path sends it. */
  readonly path: (id: string) => string;
  /** The id to ask for (default: a new one each time). */
  readonly spaceId?: string;
  readonly wrap?: (payload: unknown) => unknown;
  /** Group id → how many rows the payload gives it. */
  readonly rows: (payload: Payload) => Readonly<Record<string, number | undefined>>;
  /** The vendor's date format: what of a documented date its reader reads. */
  readonly readsDate: (value: unknown) => boolean;
}

const isoDate = (value: unknown) => parseIsoDate(value) !== undefined;

const CASES: readonly Case[] = [
  {
    vendor: alumio,
    schema: ALUMIO_SPACE,
    settings: (url) => ({ id: 'prop-alumio', baseUrl: url }),
    secrets: { token: ALUMIO_SANDBOX.token },
    path: (id) => `/api/v1/spaces/${id}`,
    wrap: (payload) => ({ object: payload }),
    rows: () => ({}),
    readsDate: isoDate,
  },
  {
    vendor: sharely,
    schema: SHARELY_SPACE,
    settings: (url) => ({ id: 'prop-sharely', baseUrl: url, workspaceId: SHARELY_SANDBOX.workspaces.seed }),
    secrets: { apiKey: SHARELY_SANDBOX.apiKey },
    path: (id) => `/v1/workspaces/${SHARELY_SANDBOX.workspaces.seed}/spaces/${id}`,
    rows: (p) => ({ hosts: rowsIn(p, 'hosts'), coHosts: rowsIn(p, 'coHosts'), guests: rowsIn(p, 'guests'), conversations: rowsIn(p, 'spaceGroupConversation') }),
    readsDate: isoDate,
  },
  {
    vendor: openlayer,
    schema: OPENLAYER_WORKSPACE,
    settings: (url) => ({ id: 'prop-openlayer', baseUrl: `${url}/v1`, workspaceId: OPENLAYER_SANDBOX.workspaces.seed }),
    secrets: { apiKey: OPENLAYER_SANDBOX.apiKey },
    // One workspace per account: the id asked for is the account's workspace.
    path: () => `/v1/workspaces/${OPENLAYER_SANDBOX.workspaces.seed}`,
    spaceId: OPENLAYER_SANDBOX.workspaces.seed,
    rows: (p) => ({ monthlyUsage: rowsIn(p, 'monthlyUsage') }),
    readsDate: isoDate,
  },
  {
    vendor: onedata,
    schema: ONEDATA_SPACE,
    settings: (url) => ({ id: 'prop-onedata', baseUrl: url, authMode: 'token' }),
    secrets: { token: ONEDATA_SANDBOX.token },
    path: (id) => `/api/v3/onezone/user/effective_spaces/${id}`,
    rows: (p) => {
      const providers = typeof p.providers === 'object' && p.providers !== null ? Object.keys(p.providers).length : 0;
      return { providers: providers > 0 ? providers : undefined };
    },
    readsDate: (value) => fromEpochSeconds(value) !== undefined,
  },
  {
    vendor: blueworks,
    schema: BW_SPACE,
    settings: (url) => ({ id: 'prop-blueworks', baseUrl: url, clientId: BLUEWORKS_SANDBOX.clientId }),
    secrets: { clientSecret: BLUEWORKS_SANDBOX.clientSecret },
    path: (id) => `/bwl/spaces/${id}`,
    rows: (p) => {
      const nonEmpty = (n: number | undefined) => (n ? n : undefined);
      const subspaces = Array.isArray(p.subspaces) ? new Set((p.subspaces as { id: string }[]).map((s) => s.id)).size : undefined;
      return {
        goals: nonEmpty(rowsIn(p, 'goals')),
        users: nonEmpty(rowsIn(p, 'users')),
        subspaces: nonEmpty(subspaces),
        blueprints: nonEmpty(rowsIn(p, 'blueprints')),
        decisions: nonEmpty(rowsIn(p, 'decisions')),
        policies: nonEmpty(rowsIn(p, 'policies')),
        'process-apps': nonEmpty(rowsIn(p, 'process-apps')),
      };
    },
    readsDate: (value) => parseBlueworksDate(value) !== undefined,
  },
];

const RUNS = 60;

const byField = (a: BrokenField, b: BrokenField) => a.field.localeCompare(b.field) || a.kind.localeCompare(b.kind);

for (const test of CASES) {
  describe(`${test.vendor.id}: any answer its documentation allows, and any mutation of one`, () => {
    const suite = useVendorSuite(test.vendor, { settings: (sandbox) => test.settings(sandbox.url), secrets: test.secrets });
    let counter = 0;

    /** Serves `payload` as the answer for a fresh space id, and reads it as the extension does. */
    async function read(payload: unknown): Promise<{ id: string; space?: SpaceDetails; error?: unknown }> {
      const id = test.spaceId ?? `prop-${++counter}`;
      suite.sandbox.addFault({ path: test.path(id), kind: 'status', status: 200, body: test.wrap ? test.wrap(payload) : payload, times: 1 });
      try {
        return { id, space: await suite.client().getSpace(id, { refresh: true }) };
      } catch (error) {
        suite.sandbox.clearFaults();
        return { id, error };
      }
    }

    it('shows a space with a name and every row of every group', async () => {
      await fc.assert(
        fc.asyncProperty(arbitraryFrom(test.schema), async (payload) => {
          const { space, error } = await read(payload);
          assert.ok(space, `refused: ${String(error)}`);
          assert.ok(space.name.length > 0, 'a space has a name (its id at least)');
          for (const [groupId, count] of Object.entries(test.rows(payload as Payload))) {
            const group: Group | undefined = space.groups.find((g) => g.id === groupId);
            if (count === undefined) continue;
            assert.equal(group?.items.length ?? 0, count, `group ${groupId}`);
            assert.equal(group?.unreadable, undefined, `group ${groupId}: nothing unreadable`);
          }
          assert.deepEqual(space.fieldProblems, undefined, 'no field reported');
        }),
        { numRuns: RUNS },
      );
    });

    it('shows a space or says badResponse, whatever is done to the answer', async () => {
      await fc.assert(
        fc.asyncProperty(arbitraryFrom(test.schema), fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 }), async (payload, mutations) => {
          const answer = mutate(payload, mutations);
          const { space, error } = await read(answer);
          if (space) {
            assert.ok(space.name.length > 0);
            for (const group of space.groups) assert.ok(group.items.every((item) => typeof item.id === 'string' && typeof item.label === 'string'));
            // Every field the test's schema documents that the mutations broke, and no other of them (the
            // readers know a few fields more, which no mutation here breaks but by chance).
            const documented = new Set(Object.keys(test.schema.properties ?? {}));
            const reported = (space.fieldProblems ?? []).filter((problem) => documented.has(problem.field.split('.')[0]!));
            const broken = brokenFields(test.schema, answer, test.readsDate);
            assert.deepEqual([...reported].sort(byField), [...broken].sort(byField), `fields reported for ${JSON.stringify(answer)?.slice(0, 2000)}`);
            return;
          }
          assert.ok(isSpacesError(error) && error.kind === 'badResponse', `not badResponse: ${String(error)}`);
        }),
        { numRuns: RUNS },
      );
    });

    it('says badResponse for an answer that is no object at all', async () => {
      // (JSON `null` is left out: a sandbox fault with a null body sends the vendor's error body instead.)
      for (const payload of [42, 'text', [1, 2], true]) {
        const { error } = await read(payload);
        assert.ok(isSpacesError(error) && error.kind === 'badResponse', `${JSON.stringify(payload)}: ${String(error)}`);
      }
    });
  });
}
