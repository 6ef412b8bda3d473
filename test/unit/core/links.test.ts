// Links to a space, read as an untrusted caller's: the one path, the two keys once each, short values of
// visible characters, or refused whole with what was wrong. And a link made by Copy Link reads back the same
// ids after the decoding each kind of workbench does on its way to the handler.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseSpaceLink, spaceLinkQuery, type LinkProblem } from '../../../src/core/links';

/** The query as the desktop workbench hands it over: the link's text decoded once (`URI.parse`). */
const desktop = (query: string) => decodeURIComponent(query);

/**
 * The query as a browser workbench hands it over: `asExternalUri` puts it into its callback page's address
 * (`vscode-query`, encoded); the page reads it (decoded), decodes it again, and re-encodes it as a form.
 */
function browser(query: string): string {
  const callback = new URL(`http://127.0.0.1:8080/callback?vscode-reqid=1&vscode-scheme=code-oss&vscode-query=${encodeURIComponent(query)}`);
  const read = decodeURIComponent(callback.searchParams.get('vscode-query')!);
  const params = new URLSearchParams();
  new URLSearchParams(read).forEach((value, key) => params.set(key, value));
  return params.toString();
}

describe('links to a space', () => {
  it('reads the ids of a plain link', () => {
    assert.deepEqual(parseSpaceLink('/open', 'account=acme&space=acme-production'), { ok: true, link: { accountId: 'acme', spaceId: 'acme-production' } });
    assert.deepEqual(parseSpaceLink('/open', 'space=131934&account=bw'), { ok: true, link: { accountId: 'bw', spaceId: '131934' } }, 'in either order');
  });

  it('writes plain ids plainly', () => {
    assert.equal(spaceLinkQuery({ accountId: 'acme', spaceId: 'acme-production_2.x~1' }), 'account=acme&space=acme-production_2.x~1');
  });

  it('reads back every id it wrote, after the desktop and the browser workbench have decoded it', () => {
    const ids = ['a&space=b', 'x=y', '100%', '50%25', 'a+b', 'a b', 'ü/ß?#', '東京', '😀', '"quoted"', 'a%2526b', "it's", '~-._', '/etc/passwd', '..%2F..'];
    for (const spaceId of ids) {
      const query = spaceLinkQuery({ accountId: 'acme', spaceId });
      for (const [name, decode] of [['desktop', desktop], ['browser', browser]] as const) {
        assert.deepEqual(parseSpaceLink('/open', decode(query)), { ok: true, link: { accountId: 'acme', spaceId } }, `${name}: ${JSON.stringify(spaceId)}`);
      }
    }
  });

  it('refuses every hostile or broken link, saying what was wrong', () => {
    const long = 'x'.repeat(257);
    const table: [string, string, string, LinkProblem][] = [
      // path, query (as the handler gets it), what it is, the problem
      ['/', 'account=a&space=b', 'no path', { code: 'path' }],
      ['/Open', 'account=a&space=b', 'the path in another case', { code: 'path' }],
      ['/open/', 'account=a&space=b', 'a trailing slash', { code: 'path' }],
      ['/open/../settings', 'account=a&space=b', 'a path going elsewhere', { code: 'path' }],
      ['/addAccount', 'account=a&space=b', 'another verb', { code: 'path' }],
      ['/open', '', 'no query', { code: 'missingKey', key: 'account' }],
      ['/open', 'account=a', 'no space', { code: 'missingKey', key: 'space' }],
      ['/open', 'space=b', 'no account', { code: 'missingKey', key: 'account' }],
      ['/open', 'account=a&space=b&baseUrl=https://evil.example', 'an extra key', { code: 'unknownKey', key: 'baseUrl' }],
      ['/open', 'account=a&space=b&credentialsFromEnv=HOME', 'a setting smuggled in', { code: 'unknownKey', key: 'credentialsFromEnv' }],
      ['/open', 'Account=a&space=b', 'a key in another case', { code: 'unknownKey', key: 'Account' }],
      ['/open', 'account=a&space=b&label=Pay+here', 'a label', { code: 'unknownKey', key: 'label' }],
      ['/open', 'account=a&account=b&space=c', 'a repeated key', { code: 'repeatedKey', key: 'account' }],
      ['/open', 'account=a&space=b&space=c', 'a repeated space', { code: 'repeatedKey', key: 'space' }],
      ['/open', 'account=&space=b', 'an empty account', { code: 'empty', key: 'account' }],
      ['/open', 'account=a&space=', 'an empty space', { code: 'empty', key: 'space' }],
      ['/open', `account=a&space=${long}`, 'a space id of 257 characters', { code: 'tooLong', key: 'space' }],
      ['/open', `account=${long}&space=b`, 'an account id of 257 characters', { code: 'tooLong', key: 'account' }],
      ['/open', 'account=a&space=b%00', 'NUL', { code: 'control', key: 'space' }],
      ['/open', 'account=a\u0007&space=b', 'BEL (C0)', { code: 'control', key: 'account' }],
      ['/open', 'account=a&space=b%0Aevil', 'a line break', { code: 'control', key: 'space' }],
      ['/open', 'account=a&space=b%7F', 'DEL', { code: 'control', key: 'space' }],
      ['/open', 'account=a&space=b%C2%85', 'NEL (C1)', { code: 'control', key: 'space' }],
      ['/open', 'account=a&space=b\u009b', 'CSI (C1)', { code: 'control', key: 'space' }],
      ['/open', 'account=a&space=abc%E2%80%AEexe.txt', 'a right-to-left override', { code: 'control', key: 'space' }],
      ['/open', 'account=a&space=ab\u2067c', 'a bidi isolate', { code: 'control', key: 'space' }],
      ['/open', 'account=a&space=a%E2%80%8Bb', 'a zero-width space', { code: 'control', key: 'space' }],
      ['/open', 'account=a\u200d&space=b', 'a zero-width joiner', { code: 'control', key: 'account' }],
      ['/open', 'account=a&space=%EF%BB%BFb', 'a byte order mark', { code: 'control', key: 'space' }],
      ['/open', 'account=a&space=a\u00adb', 'a soft hyphen', { code: 'control', key: 'space' }],
      ['/open', 'account=a&space=a\u2028b', 'a line separator', { code: 'control', key: 'space' }],
      ['/open', 'account=a&space=\ud800', 'a lone surrogate', { code: 'control', key: 'space' }],
      ['/open', 'account=a&space=%E0%A4%A', 'a broken escape', { code: 'malformed' }],
      ['/open', 'account=a&space=%FF', 'bytes that are not UTF-8', { code: 'malformed' }],
      ['/open', 'account=a&space=b=c', 'a second "="', { code: 'malformed' }],
      ['/open', 'account=a&space', 'a key without a value', { code: 'malformed' }],
      ['/open', 'account=a&&space=b', 'an empty part', { code: 'malformed' }],
      ['/open', 'account=a&space=b&', 'a trailing "&"', { code: 'malformed' }],
      ['/open', `account=a&space=b&${'x'.repeat(9000)}`, 'a huge query', { code: 'malformed' }],
      ['/open', 'account=a&space=b&%E2%80%AEevil=1', 'an unknown key with a bidi override', { code: 'unknownKey', key: '?evil' }],
      ['/open', `account=a&space=b&${'k'.repeat(100)}=1`, 'an unknown key too long to quote', { code: 'unknownKey', key: `${'k'.repeat(40)}…` }],
    ];
    for (const [path, query, what, problem] of table) {
      assert.deepEqual(parseSpaceLink(path, query), { ok: false, problem }, what);
    }
  });

  it('refuses a fragment, and takes 256 characters but not 257', () => {
    assert.deepEqual(parseSpaceLink('/open', 'account=a&space=b', 'top'), { ok: false, problem: { code: 'fragment' } });
    assert.equal(parseSpaceLink('/open', `account=a&space=${'x'.repeat(256)}`).ok, true);
    assert.equal(parseSpaceLink('/open', `account=a&space=${'é'.repeat(256)}`).ok, true, 'characters, not bytes');
  });
});
