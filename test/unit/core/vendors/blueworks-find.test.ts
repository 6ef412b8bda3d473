// What the Blueworks account offers besides reading a space: finding spaces by name or tag, and the
// settings it asks for (the documented regions as base URLs, the client secret).
import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { blueworks } from '../../../../src/core/vendors/blueworks';
import type { VendorClient } from '../../../../src/core/vendors/vendor';
import { useBlueworksSuite } from './blueworks-support';

describe('blueworks vendor', () => {
  const { suite } = useBlueworksSuite();
  let client: VendorClient;
  before(() => (client = suite.client()));

  describe('find by name or tag', () => {
    it('finds by exact name (the answer as a bare array)', async () => {
      assert.deepEqual(await client.findSpaces!({ name: 'My Space' }), [{ id: '1310cb', name: 'My Space' }]);
      assert.equal(suite.sandbox.received.at(-1)!.url, '/bwl/spaces?name=My+Space');
      assert.deepEqual(await client.findSpaces!({ name: 'My' }), []);
    });

    it('finds by tag (the answer wrapped in {spaces})', async () => {
      assert.deepEqual(await client.findSpaces!({ tag: 'subspace' }), [{ id: '131934', name: 'My Subspace' }]);
      assert.equal(suite.sandbox.received.at(-1)!.url, '/bwl/spaces?tag=subspace');
      assert.equal((await client.findSpaces!({ tag: 'generated' })).length, 201);
    });

    it('sends nothing for an empty query', async () => {
      const count = suite.sandbox.received.length;
      assert.deepEqual(await client.findSpaces!({ name: '  ' }), []);
      assert.equal(suite.sandbox.received.length, count);
    });
  });

  it('offers the documented regions as base URL choices', () => {
    assert.deepEqual(blueworks.fields.find((f) => f.key === 'baseUrl')?.choices?.map((c) => c.value), [
      'https://www.blueworkslive.com',
      'https://ibm.blueworkslive.com',
      'https://ams001.blueworkslive.com',
      'https://che001.blueworkslive.com',
      'https://mel001.blueworkslive.com',
      'https://us001.blueworkslive.com',
      'https://us006.blueworkslive.com',
    ]);
    assert.deepEqual(blueworks.secretFields.map((s) => s.key), ['clientSecret']);
  });
});
