import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { redactUrl } from '../../../src/core/httpErrors';

const H = 'https://h.example';

// [what the row is about, the URL, what logs and messages may show of it]
const ROWS: readonly (readonly [string, string, string])[] = [
  // The fragment: OAuth's implicit flow returns tokens there; it never reaches a server, so none of it is shown.
  ['a fragment of OAuth implicit flow', `${H}/cb#access_token=abc&token_type=bearer&state=xyz`, `${H}/cb#***`],
  ['a plain fragment', `${H}/docs#section-2`, `${H}/docs#***`],
  ['an empty fragment', `${H}/docs#`, `${H}/docs#`],
  ['a query and a fragment', `${H}/x?page=2#id_token=abc`, `${H}/x?page=2#***`],
  // Names of signed URLs (S3, GCS, Azure SAS), in any case.
  ['S3 presigned names', `${H}/o?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20240101&X-Amz-Signature=abc123`, `${H}/o?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=***&X-Amz-Signature=***`],
  ['S3 names in lower case', `${H}/o?x-amz-credential=AKIA&x-amz-signature=abc&x-amz-security-token=t`, `${H}/o?x-amz-credential=***&x-amz-signature=***&x-amz-security-token=***`],
  ['an Azure SAS sig', `${H}/c/b?sv=2022-11-02&se=2030-01-01&sp=r&sig=abc%3D`, `${H}/c/b?sv=2022-11-02&se=2030-01-01&sp=r&sig=***`],
  ['a GCS credential', `${H}/o?X-Goog-Credential=svc&X-Goog-Date=20240101`, `${H}/o?X-Goog-Credential=***&X-Goog-Date=20240101`],
  // Passwords and one-time codes.
  ['pwd and passwd', `${H}/login?user=ann&pwd=hunter2&passwd=hunter3`, `${H}/login?user=ann&pwd=***&passwd=***`],
  ['password and pass', `${H}/login?Password=a&pass=b`, `${H}/login?Password=***&pass=***`],
  ['otp', `${H}/verify?otp=123456&otpCode=654321`, `${H}/verify?otp=***&otpCode=***`],
  // OAuth and OpenID Connect: the code is a credential, the state is not.
  ['an authorization code beside its state', `${H}/cb?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz`, `${H}/cb?code=***&state=xyz`],
  ['access, id and refresh tokens', `${H}/cb?access_token=a&id_token=b&refresh_token=c`, `${H}/cb?access_token=***&id_token=***&refresh_token=***`],
  ['a client secret beside its client id', `${H}/token?client_id=app&client_secret=s`, `${H}/token?client_id=app&client_secret=***`],
  ['a JWT bearer assertion', `${H}/token?grant_type=jwt-bearer&assertion=eyJ.a.b&jwt=eyJ.c.d`, `${H}/token?grant_type=jwt-bearer&assertion=***&jwt=***`],
  ['a verification code and a PKCE verifier', `${H}/v?verification_code=1&code_verifier=2`, `${H}/v?verification_code=***&code_verifier=***`],
  // Sessions.
  ['session, sessionid, sid', `${H}/x?session=a&sessionid=b&sid=c`, `${H}/x?session=***&sessionid=***&sid=***`],
  ['sessionId and JSESSIONID', `${H}/x?sessionId=a&JSESSIONID=b`, `${H}/x?sessionId=***&JSESSIONID=***`],
  // Keys and other names the old rule knew.
  ['api_key, apikey, private_token', `${H}/x?api_key=a&apikey=b&private_token=c`, `${H}/x?api_key=***&apikey=***&private_token=***`],
  ['Authorization and credential', `${H}/x?Authorization=Bearer%20a&credential=b`, `${H}/x?Authorization=***&credential=***`],
  // Names that are no credential keep their values, even where a credential word hides inside them.
  ['paging and sorting', `${H}/spaces?page=2&limit=50&sort=name&spaceId=42&include-subspaces=true`, `${H}/spaces?page=2&limit=50&sort=name&spaceId=42&include-subspaces=true`],
  ['codec, zipcode, design, side, passage', `${H}/x?codec=h264&zipcode=1234AB&design=flat&side=left&passage=3`, `${H}/x?codec=h264&zipcode=1234AB&design=flat&side=left&passage=3`],
  // How the query is written.
  ['a repeated name: every value, none dropped', `${H}/x?token=a&page=1&token=b`, `${H}/x?token=***&page=1&token=***`],
  ['an encoded name', `${H}/x?access%5Ftoken=a&page=1`, `${H}/x?access%5Ftoken=***&page=1`],
  ['the rest of the query as it was written', `${H}/x?q=a%20b&token=t&tag=c+d`, `${H}/x?q=a%20b&token=***&tag=c+d`],
  ['values already empty', `${H}/x?token=&sig&page=`, `${H}/x?token=&sig&page=`],
  // User info and what is no URL.
  ['user info', 'https://u:p@h.example/x?token=a&page=2', `${H}/x?token=***&page=2`],
  ['a user without password', 'https://ann@h.example/x', `${H}/x`],
  ['an invalid URL', 'not a url?token=a', '(invalid URL)'],
  ['a relative URL', '/spaces?token=a', '(invalid URL)'],
  ['a URL with nothing to hide', `${H}/spaces/42?include=children`, `${H}/spaces/42?include=children`],
];

describe('redactUrl: what logs and messages show of a URL', () => {
  for (const [what, url, shown] of ROWS) {
    it(what, () => assert.equal(redactUrl(url), shown));
  }
});
