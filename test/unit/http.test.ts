import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { createHttpClient, redactUrl, type ClosableHttpClient } from '../../src/core/http';
import { type SpacesError } from '../../src/core/errors';
import { startSandbox, type Sandbox } from '../sandbox/server';

describe('http: basics', () => {
  let sandbox: Sandbox;
  let http: ClosableHttpClient;
  const lines: string[] = [];
  before(async () => {
    sandbox = await startSandbox();
    sandbox
      .route('GET', '/ok', () => ({ status: 200, body: { fine: true } }))
      .route('GET', '/html', () => ({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html>login</html>' }))
      .route('GET', '/big', () => ({ status: 200, body: 'x'.repeat(4096) }))
      .route('GET', '/teapot', () => ({ status: 503, body: { reason: 'busy' } }));
    http = createHttpClient({ maxResponseBytes: 1024, log: (l) => lines.push(l) });
  });
  after(async () => {
    await http.close();
    await sandbox.close();
  });

  it('returns parsed JSON and logs one line without header values', async () => {
    assert.deepEqual(await http.json({ url: `${sandbox.url}/ok?api_key=s3cret`, headers: { authorization: 'Bearer s3cret' } }), { fine: true });
    const line = lines.at(-1)!;
    assert.match(line, /^GET http:\/\/127\.0\.0\.1:\d+\/ok\?api_key=\*\*\* 200 \d+ms/);
    assert.doesNotMatch(line, /s3cret/);
  });

  it('reports HTML instead of JSON as badResponse', async () => {
    await assert.rejects(http.json({ url: `${sandbox.url}/html` }), (e: SpacesError) => e.kind === 'badResponse' && /HTML/.test(e.message));
  });

  it('cuts off a body over the size cap', async () => {
    await assert.rejects(http.json({ url: `${sandbox.url}/big` }), (e: SpacesError) => e.kind === 'badResponse' && /larger than/.test(e.message));
  });

  it('lets the vendor word an error answer', async () => {
    const describeError = (status: number, body: unknown) => ({ message: `busy: ${(body as { reason: string }).reason} (${status})` });
    await assert.rejects(http.json({ url: `${sandbox.url}/teapot`, describeError }), (e: SpacesError) => e.kind === 'server' && e.message === 'busy: busy (503)');
  });

  it('reports a refused connection as network', async () => {
    const closed = await startSandbox();
    const url = closed.url;
    await closed.close();
    await assert.rejects(http.json({ url: `${url}/ok` }), (e: SpacesError) => e.kind === 'network');
  });

  it('redacts user info and secret query values', () => {
    assert.equal(redactUrl('https://u:p@h.example/x?token=a&page=2'), 'https://h.example/x?token=***&page=2');
  });
});
