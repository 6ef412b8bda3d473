import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseAccounts } from '../../../../src/core/accounts';
import type { HttpClient } from '../../../../src/core/http';
import { VENDOR_IDS, type VendorId } from '../../../../src/core/vendors/catalog';
import { describeHttpError } from '../../../../src/core/vendors/errorWording';
import { VENDOR_REGISTRY } from '../../../../src/core/vendors/registry';
import { rejectsWith } from '../http-support';

describe('the wording of a vendor\'s error answers', () => {
  const usual = describeHttpError({ vendorName: 'Acme', what: 'space', credentials: 'API key', secrets: ['s3cret-value'] });

  it('starts with what failed, by status, then the vendor\'s own words; the kind follows the status', () => {
    assert.deepEqual(usual(401, { message: 'Bad key.' }), { kind: 'auth', message: 'Acme did not accept the API key: Bad key.' });
    assert.deepEqual(usual(403, 'No.'), { kind: 'forbidden', message: 'Acme refused access to this space: No.' });
    assert.deepEqual(usual(404, undefined), { kind: 'notFound', message: 'Acme has no space with this id.' });
    assert.deepEqual(usual(422, '<html>'), { kind: 'badResponse', message: 'Acme did not accept the request for this space (HTTP 422).' });
    assert.deepEqual(usual(429, {}), { kind: 'rateLimited', message: 'Acme is limiting requests (HTTP 429).' });
    assert.deepEqual(usual(502, {}), { kind: 'server', message: 'Acme could not answer (HTTP 502).' });
  });

  it('masks the account\'s secrets and anything token-shaped in the vendor\'s words', () => {
    const described = usual(401, { error: { message: 'Key s3cret-value or Bearer abc.def is wrong' } });
    assert.equal(described?.message, 'Acme did not accept the API key: Key *** or *** is wrong.');
  });

  it('names the request in full where given, takes a vendor\'s own lead for a status, and reads the status its body stands for', () => {
    const describe = describeHttpError({
      vendorName: 'Acme',
      what: 'space',
      subject: 'space "x"',
      credentials: 'access token',
      wordsIn: (body) => (body as { why?: string }).why,
      statusOf: (status, body) => ((body as { token?: boolean }).token ? 401 : status),
      leads: { 404: 'Acme has no space "x" in this account' },
    });
    assert.deepEqual(describe(403, { why: 'Private' }), { kind: 'forbidden', message: 'Acme refused access to space "x": Private.' });
    assert.deepEqual(describe(503, {}), { kind: 'server', message: 'Acme could not answer for space "x" (HTTP 503).' });
    assert.deepEqual(describe(404, { why: 'Gone' }), { kind: 'notFound', message: 'Acme has no space "x" in this account: Gone.' });
    assert.deepEqual(describe(400, { token: true, why: 'Expired' }), { kind: 'auth', message: 'Acme did not accept the access token: Expired.' });
  });
});

describe('a credential missing', () => {
  // One account per vendor whose credential comes from a variable that is not set: its secret reads as
  // undefined, and the advice must be the variable, since Update Credentials has nothing to store.
  const settings: Readonly<Record<VendorId, Record<string, unknown>>> = {
    alumio: {},
    sharely: { workspaceId: 'w' },
    openlayer: { workspaceId: 'w' },
    onedata: { authMode: 'token' },
    blueworks: { clientId: 'c' },
  };

  for (const vendor of VENDOR_IDS) {
    it(`${vendor}: names the environment variable it is read from, else says to use Update Credentials`, async () => {
      const [secret] = VENDOR_REGISTRY[vendor].secretFields.map((field) => field.key);
      const entry = { id: 'a', vendor, baseUrl: 'https://vendor.example', ...settings[vendor] };
      const client = (credentialsFromEnv?: Record<string, string>) =>
        VENDOR_REGISTRY[vendor].createClient(parseAccounts([{ ...entry, ...(credentialsFromEnv ? { credentialsFromEnv } : {}) }]).accounts[0]!, { http: {} as HttpClient, secrets: {} });
      await rejectsWith(client({ [secret!]: 'SPACES_NOT_SET' }).getSpace('x'), 'config', /environment variable SPACES_NOT_SET .* is not set/);
      await rejectsWith(client().getSpace('x'), 'config', /Update Credentials/);
    });
  }
});
