// The Blueworks client reading spaces: the seed's example field by field, then its variants (minimal, extra
// fields, archived, long and hostile names, 5,000 artifacts, odd rows, a subspace listed twice, odd ids).
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { VendorClient } from '../../../../src/core/vendors/vendor';
import { HOSTILE, hostile, LONG_UNICODE_NAME } from '../../../sandbox/hostile';
import { BLUEWORKS_SEED_EXAMPLE } from '../../../sandbox/vendors/blueworks';
import { rejectsWith } from '../http-support';
import { S, useBlueworksSuite } from './blueworks-support';
import { fact, group } from './vendor-support';

describe('blueworks vendor', () => {
  const { suite, spaceRequests } = useBlueworksSuite();
  let client: VendorClient;
  before(() => (client = suite.client()));

  describe('the seed and its variants', () => {
    it('parses the seed example field by field', async () => {
      const space = await client.getSpace(S.seed);
      assert.equal(space.vendor, 'blueworks');
      assert.equal(space.accountId, 'bw');
      assert.equal(space.id, '1310cb');
      assert.equal(space.name, 'My Space');
      assert.deepEqual(space.description, { text: 'Space Details API Example Output', markdown: false });
      assert.deepEqual(space.status, { label: 'Active', tone: 'ok' });
      assert.equal(space.updated, '2017-01-15T00:21:55.841Z'); // from 2017-01-15T00:21:55.841+0000
      assert.equal(space.created, undefined);
      assert.equal(space.webUrl, undefined);
      assert.deepEqual(space.facts, [
        { label: 'Space ID', value: '1310cb', kind: 'text' },
        { label: 'Tags', value: 'demo, space-details-api', kind: 'text' },
        { label: 'Last modified', value: '2017-01-15T00:21:55.841Z', kind: 'date' },
        { label: 'Subspaces', value: 1, kind: 'count' },
        { label: 'Artifacts', value: 4, kind: 'count' },
      ]);
      assert.deepEqual(space.groups.map((g) => [g.id, g.kind, g.items.length]), [
        ['goals', 'goals', 3],
        ['users', 'permissions', 5],
        ['subspaces', 'subspaces', 1],
        ['blueprints', 'artifacts', 1],
        ['decisions', 'artifacts', 1],
        ['policies', 'artifacts', 1],
        ['process-apps', 'artifacts', 1],
      ]);
      assert.deepEqual(group(space.groups, 'goals').items, [
        { id: 'goal-1', label: 'Goal 1', values: { weight: 'high' } },
        { id: 'goal-2', label: 'Goal 2', values: { weight: 'medium' } },
        { id: 'goal-3', label: 'Goal 3', values: { weight: 'low' } },
      ]);

      const users = group(space.groups, 'users');
      assert.deepEqual(users.columns.map((c) => [c.key, c.kind]), [
        ['type', 'text'],
        ['blueprint-processes', 'boolean'],
        ['automate-processes', 'boolean'],
        ['compose-decisions', 'boolean'],
        ['author-policies', 'boolean'],
        ['manage-and-edit', 'boolean'],
      ]);
      const matrix = users.items.map((i) => [i.id, i.label, i.values.type, i.values['blueprint-processes'], i.values['automate-processes'], i.values['compose-decisions'], i.values['author-policies'], i.values['manage-and-edit']]);
      assert.deepEqual(matrix, [
        ['user:50023', 'Edith Editor', 'User', true, true, true, true, true],
        ['all-editors', 'All editors', 'All editors', true, true, true, true, false],
        ['all-contributors', 'All contributors', 'All contributors', false, true, false, false, false],
        ['all-community', 'All community members', 'All community members', false, false, false, false, false],
        ['user-group:1310d7', 'My Custom Group', 'User group', true, true, false, true, false],
      ]);

      assert.deepEqual(group(space.groups, 'subspaces').items, [
        {
          id: '131934',
          label: 'My Subspace',
          spaceId: '131934',
          values: { tags: 'child-of-root-space, subspace', archivedState: 'active', goals: 3, users: 4, modified: '2017-01-13T04:34:47.073Z', modifiedBy: 'Edith Editor' },
        },
      ]);
      assert.deepEqual(group(space.groups, 'blueprints').items, [
        {
          id: '1310dc',
          label: 'My Blueprint',
          values: { type: 'blueprint', tags: 'lambda', archivedState: 'active', publishedState: 'unpublished', modified: '2017-01-12T22:32:57.146Z', modifiedBy: 'Edith Editor', created: '2017-01-12T22:29:51.106Z' },
        },
      ]);
      const decisions = group(space.groups, 'decisions');
      assert.deepEqual(decisions.columns.slice(-3).map((c) => [c.key, c.kind]), [
        ['published', 'date'],
        ['snapshot', 'text'],
        ['snapshotDate', 'date'],
      ]);
      assert.deepEqual(decisions.items, [
        {
          id: '1c002a',
          label: 'My Published Decision',
          values: {
            type: 'decision',
            tags: null,
            archivedState: 'active',
            publishedState: 'published',
            modified: '2017-01-13T20:34:15.237Z',
            modifiedBy: 'Edith Editor',
            created: '2017-01-12T22:29:51.106Z',
            published: '2017-01-13T20:34:15.237Z',
            snapshot: 'v1',
            snapshotDate: '2017-01-13T20:34:11.362Z',
          },
        },
      ]);
      assert.deepEqual(group(space.groups, 'policies').items.map((i) => [i.id, i.label, i.values.archivedState, i.values.publishedState, i.values.modified]), [
        ['1a001d', 'My Archived Policy', 'archived', null, '2017-01-13T15:10:55.676Z'],
      ]);
      assert.deepEqual(group(space.groups, 'process-apps').items.map((i) => [i.id, i.label, i.values.type, i.values.modified]), [
        ['131902', 'My Process App', 'process-app', '2017-01-12T22:34:02.175Z'],
      ]);
      assert.deepEqual(space.raw, BLUEWORKS_SEED_EXAMPLE);
    });

    it('opens the seed subspace on its own: creator and parent, a plain user name not taken for an e-mail', async () => {
      const space = await client.getSpace(S.seedSubspace);
      assert.equal(space.name, 'My Subspace');
      assert.equal(space.description, undefined);
      assert.equal(space.created, '2017-01-12T22:29:51.106Z');
      assert.equal(space.updated, '2017-01-13T04:34:47.073Z');
      assert.deepEqual(fact(space.facts, 'Parent spaces'), { label: 'Parent spaces', value: 'My Space', kind: 'text' });
      assert.deepEqual(fact(space.facts, 'Created by'), { label: 'Created by', value: 'Edith Editor', kind: 'text' });
      assert.deepEqual(fact(space.facts, 'Created by (user name)'), { label: 'Created by (user name)', value: 'edith', kind: 'text' });
      assert.equal(fact(space.facts, 'Created by (e-mail)'), undefined);
      assert.deepEqual(group(space.groups, 'goals').items.map((i) => i.values.weight), ['low', 'medium', 'high']);
    });

    it('marks a real e-mail address as an e-mail', async () => {
      const space = await client.getSpace('large-sub-007');
      assert.deepEqual(fact(space.facts, 'Last modified by (e-mail)'), { label: 'Last modified by (e-mail)', value: 'edith@example.com', kind: 'email' });
    });

    it('takes a space with only an id and a name', async () => {
      const space = await client.getSpace(S.minimal);
      assert.equal(space.name, 'Minimal space');
      assert.deepEqual(space.groups, []);
      assert.equal(space.status, undefined);
      assert.deepEqual(space.facts, [{ label: 'Space ID', value: S.minimal, kind: 'text' }]);
    });

    it('ignores unknown fields at every level', async () => {
      const space = await client.getSpace(S.extraFields);
      assert.equal(space.name, 'Space with extras');
      assert.equal(group(space.groups, 'users').columns.length, 6);
      assert.equal(group(space.groups, 'blueprints').items[0]!.id, 'bp-extra');
      assert.equal(space.updated, '2023-06-30T23:59:59.999Z');
    });

    it('reads an archived space and a negative offset', async () => {
      const space = await client.getSpace(S.archived);
      assert.deepEqual(space.status, { label: 'Archived', tone: 'neutral', detail: 'This space is archived.' });
      assert.equal(space.updated, '2018-03-04T10:06:07.089Z'); // 05:06:07.089-0500
    });

    it('keeps a very long unicode name as it is', async () => {
      const space = await client.getSpace(S.longName);
      assert.equal(space.name, LONG_UNICODE_NAME);
      assert.equal(group(space.groups, 'blueprints').items[0]!.label, LONG_UNICODE_NAME);
    });

    it('keeps hostile strings verbatim as data, in every field', async () => {
      const space = await client.getSpace(S.hostile);
      assert.equal(space.name, HOSTILE.html);
      assert.deepEqual(space.description, { text: HOSTILE.markdown, markdown: false });
      assert.equal(fact(space.facts, 'Tags')?.value, `${HOSTILE.script}, ${HOSTILE.link}`);
      assert.equal(fact(space.facts, 'Created by')?.value, HOSTILE.script);
      assert.deepEqual(fact(space.facts, 'Created by (user name)'), { label: 'Created by (user name)', value: HOSTILE.attribute, kind: 'text' });
      assert.deepEqual(group(space.groups, 'goals').items, [{ id: 'goal-1', label: HOSTILE.attribute, values: { weight: HOSTILE.template } }]);
      assert.deepEqual(group(space.groups, 'users').items.map((i) => [i.id, i.label]), [[`user:${HOSTILE.html}`, HOSTILE.bidi]]);
      const sub = group(space.groups, 'subspaces').items[0]!;
      assert.deepEqual([sub.id, sub.label, sub.spaceId, sub.values.tags, sub.values.modifiedBy], [HOSTILE.attribute, HOSTILE.script, HOSTILE.attribute, hostile(3), HOSTILE.script]);
      const blueprint = group(space.groups, 'blueprints').items[0]!;
      assert.deepEqual([blueprint.id, blueprint.label, blueprint.values.tags], [HOSTILE.script, HOSTILE.markdown, HOSTILE.bidi]);
      const decision = group(space.groups, 'decisions').items[0]!;
      assert.deepEqual([decision.id, decision.label, decision.values.snapshot], [HOSTILE.link, HOSTILE.template, HOSTILE.html]);
    });

    it('parses the space with 5,000 artifacts and 200 subspaces', async () => {
      let started = performance.now();
      await client.getSpace(S.large);
      const fetched = performance.now() - started;
      // Again from the HTTP cache: what is left is validation and normalisation.
      started = performance.now();
      const space = await client.getSpace(S.large);
      console.log(`blueworks: 5,000-artifact space fetched and parsed in ${fetched.toFixed(1)} ms; parsed from cache in ${(performance.now() - started).toFixed(1)} ms`);
      assert.equal(fact(space.facts, 'Artifacts')?.value, 5000);
      assert.equal(fact(space.facts, 'Subspaces')?.value, 200);
      assert.deepEqual(space.groups.filter((g) => g.kind === 'artifacts').map((g) => g.items.length), [1250, 1250, 1250, 1250]);
      const subspaces = group(space.groups, 'subspaces').items;
      assert.equal(subspaces.length, 200);
      assert.deepEqual([subspaces[0]!.id, subspaces[0]!.spaceId, subspaces[199]!.spaceId], ['large-sub-001', 'large-sub-001', 'large-sub-200']);
      assert.equal(new Set(group(space.groups, 'blueprints').items.map((i) => i.id)).size, 1250);
    });

    it('shows a participant type that names an object property (constructor, __proto__) as the type it is', async () => {
      const space = await client.getSpace(S.protoKeys);
      const users = space.groups.find((g) => g.kind === 'permissions');
      assert.deepEqual(users?.items.map((i) => [i.label, i.values.type]), [
        ['constructor 1', 'constructor'],
        ['__proto__ 2', '__proto__'],
        ['toString 3', 'toString'],
      ]);
    });

    it('reads odd rows one by one: an unreadable one is left out and counted, the rest are shown', async () => {
      const all = { 'blueprint-processes': true, 'automate-processes': false, 'compose-decisions': true, 'author-policies': true, 'manage-and-edit': false };
      const body = {
        id: 'odd-rows',
        users: [
          { participant: { type: 'user', id: '1', name: 'Edith' }, permissions: all },
          { permissions: all }, // no participant: unreadable
          { participant: { id: '9' } }, // no type: shown all the same
          { participant: { type: 'user', id: '7' }, permissions: { ...all, 'run-simulations': 'sometimes' } }, // an extra key of another type
        ],
        blueprints: [{ id: 'bp-1', name: 'Kept' }, { name: 'No id' }],
        subspaces: [{ name: 'No id either' }, { id: 'sub-1', name: 'Sub' }],
      };
      suite.sandbox.addFault({ path: '/bwl/spaces/odd-rows', kind: 'status', status: 200, body, times: 1 });
      const space = await client.getSpace('odd-rows');
      assert.equal(space.name, 'odd-rows', 'no name: the id');
      const group = (id: string) => space.groups.find((g) => g.id === id);
      assert.deepEqual(group('users')?.items.map((i) => i.label), ['Edith', 'Participant 9', 'User 7']);
      assert.deepEqual(group('users')?.items[2]?.values['blueprint-processes'], true);
      assert.deepEqual([group('users')?.unreadable, group('blueprints')?.unreadable, group('subspaces')?.unreadable], [1, 1, 1]);
      assert.deepEqual(group('blueprints')?.items.map((i) => i.label), ['Kept']);
      assert.deepEqual(group('subspaces')?.items.map((i) => i.spaceId), ['sub-1']);
      assert.equal(space.problems?.length, 3);
      assert.match(space.problems[0]!, /^Participants and permissions: 1 of 4 rows could not be read \(row 2 at "participant": /);
    });

    it('shows a subspace listed twice once', async () => {
      const space = await client.getSpace(S.duplicateSubspace);
      const subspaces = space.groups.find((g) => g.kind === 'subspaces');
      assert.deepEqual(subspaces?.items.map((i) => i.spaceId), ['large-sub-001', 'large-sub-002']);
    });

    it('encodes ids as one opaque path segment', async () => {
      await rejectsWith(client.getSpace('a/b c?d'), 'notFound');
      assert.equal(spaceRequests('a/b c?d').length, 1);
      assert.match(spaceRequests('a/b c?d')[0]!.url, /^\/bwl\/spaces\/a%2Fb%20c%3Fd\?/);
    });
  });
});
