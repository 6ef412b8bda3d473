import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parsePageMessage, toPanelSpace } from '../../../src/panel/protocol';
import { isPanelSpace, parsePanelState } from '../../../src/panel/savedState';
import { isWebUrl } from '../../../src/util/url';
import type { SpaceDetails } from '../../../src/core/model';

describe('the space panel protocol: what the page may ask', () => {
  it('accepts each intent in its exact shape', () => {
    const messages = [
      { type: 'ready' },
      { type: 'refresh' },
      { type: 'copyId' },
      { type: 'copyLink' },
      { type: 'showRawJson' },
      { type: 'openExternal', url: 'https://shop.example.com/path?q=1#top' },
      { type: 'openExternal', url: 'http://127.0.0.1:8080/' },
      { type: 'openSubspace', spaceId: '131934' },
      { type: 'exportTable', groupId: 'blueprints', action: 'copyCsv', filter: '' },
      { type: 'exportTable', groupId: 'blueprints', action: 'copyMarkdown', filter: 'order 7', sort: { key: '', descending: false } },
      { type: 'exportTable', groupId: 'blueprints', action: 'saveCsv', filter: '', sort: { key: 'modified', descending: true } },
    ];
    for (const message of messages) assert.deepEqual(parsePageMessage(message), message, JSON.stringify(message));
  });

  it('rejects unknown types and anything that is not a message', () => {
    for (const message of [{ type: 'runCommand', command: 'workbench.action.quit' }, { type: 'READY' }, { type: '' }, {}, null, undefined, 'ready', 42, [], [{ type: 'ready' }]]) {
      assert.equal(parsePageMessage(message), undefined, JSON.stringify(message));
    }
  });

  it('rejects extra fields, so no message can carry a command or arguments', () => {
    for (const message of [
      { type: 'ready', command: 'workbench.action.quit' },
      { type: 'refresh', args: ['x'] },
      { type: 'copyId', text: 'something else' },
      { type: 'copyLink', url: 'vscode://spaces-explorer.spaces-explorer/open?account=a&space=b' },
      { type: 'openExternal', url: 'https://example.com', command: 'vscode.open' },
      { type: 'openSubspace', spaceId: 'a', accountId: 'someone-else' },
      { type: 'showRawJson', __proto__: { command: 'x' }, extra: 1 },
    ]) {
      assert.equal(parsePageMessage(message), undefined, JSON.stringify(message));
    }
  });

  it('opens only http(s) URLs: no javascript:, command:, file:, data: or other schemes', () => {
    for (const url of [
      'javascript:window.__pwned=3',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'command:workbench.action.quit',
      'vscode://file/etc/passwd',
      'file:///etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'mailto:a@example.com',
      'ftp://example.com/',
      '//example.com/',
      '/relative/path',
      'https://',
      'https://exa mple.com/',
      'https://example.com/\nx',
      `https://example.com/${'a'.repeat(3000)}`,
      '',
    ]) {
      assert.equal(parsePageMessage({ type: 'openExternal', url }), undefined, url);
      assert.equal(isWebUrl(url), false, url);
    }
    assert.equal(parsePageMessage({ type: 'openExternal', url: 42 }), undefined);
  });

  it('an export names a table, one of its three actions and how the reader has it: never content, a path or a format of its own', () => {
    const good = { type: 'exportTable', groupId: 'blueprints', action: 'saveCsv', filter: '' };
    for (const message of [
      { ...good, text: 'a,b\r\n=1+1' },
      { ...good, path: '/etc/passwd' },
      { ...good, uri: 'file:///tmp/x.csv' },
      { ...good, rows: [0, 1] },
      { ...good, action: 'saveMarkdown' },
      { ...good, action: 'writeFile' },
      { ...good, groupId: '' },
      { ...good, groupId: 'x'.repeat(513) },
      { ...good, filter: 'x'.repeat(1001) },
      { ...good, filter: undefined },
      { ...good, sort: { key: 'size', descending: 'yes' } },
      { ...good, sort: { key: 'size', descending: true, command: 'x' } },
      { ...good, sort: { key: 'x'.repeat(513), descending: true } },
    ]) {
      assert.equal(parsePageMessage(message), undefined, JSON.stringify(message).slice(0, 120));
    }
  });

  it('wants a subspace id that is a short non-empty string', () => {
    for (const spaceId of ['', 'x'.repeat(513), 7, null]) assert.equal(parsePageMessage({ type: 'openSubspace', spaceId }), undefined, String(spaceId));
  });
});

describe('the space panel state (what the serializer restores from)', () => {
  it('reads the identity and the cached name, and ignores what is not ours', () => {
    const space = { vendor: 'blueworks', accountId: 'bw', id: '1310cb', name: 'My Space', facts: [], groups: [], fetchedAt: 1 };
    assert.deepEqual(parsePanelState({ vendor: 'blueworks', accountId: 'bw', spaceId: '1310cb', space }), {
      vendor: 'blueworks',
      accountId: 'bw',
      spaceId: '1310cb',
      name: 'My Space',
    });
    // The page's own reading of its state: a cached space it would not show gives no title either.
    assert.equal(parsePanelState({ vendor: 'blueworks', accountId: 'bw', spaceId: '1310cb', space: { name: 'My Space', groups: [] } })?.name, undefined);
    assert.deepEqual(parsePanelState({ vendor: 'alumio', accountId: 'a', spaceId: 's' }), { vendor: 'alumio', accountId: 'a', spaceId: 's', name: undefined });
    for (const state of [undefined, null, {}, { vendor: 'salesforce', accountId: 'a', spaceId: 's' }, { vendor: 'alumio', accountId: '', spaceId: 's' }, { vendor: 'alumio', accountId: 'a' }]) {
      assert.equal(parsePanelState(state), undefined, JSON.stringify(state));
    }
  });

  it('posts everything but the raw answer to the page', () => {
    const details: SpaceDetails = { vendor: 'alumio', accountId: 'a', id: 's', name: 'S', facts: [], groups: [], raw: { secret: 'large' }, fetchedAt: 1 };
    const space = toPanelSpace(details);
    assert.equal('raw' in space, false);
    assert.deepEqual(space, { vendor: 'alumio', accountId: 'a', id: 's', name: 'S', facts: [], groups: [], fetchedAt: 1 });
  });

  it('posts the documented fields the answer broke as the one sentence the page shows, not as a list', () => {
    const details: SpaceDetails = {
      vendor: 'openlayer',
      accountId: 'ol',
      id: 'w',
      name: 'w',
      facts: [],
      groups: [],
      problems: ['Monthly usage: 1 of 2 rows could not be read (row 2: not an object)'],
      fieldProblems: [
        { field: 'projectCount', kind: 'unreadable' },
        { field: 'dateCreated', kind: 'unreadable' },
        { field: 'name', kind: 'missing' },
      ],
      raw: {},
      fetchedAt: 1,
    };
    assert.deepEqual(toPanelSpace(details), {
      vendor: 'openlayer',
      accountId: 'ol',
      id: 'w',
      name: 'w',
      facts: [],
      groups: [],
      fetchedAt: 1,
      fieldProblemsNote: 'This answer did not match what Openlayer documents: `projectCount`, `dateCreated` could not be read; `name` is missing. Show Raw JSON shows what came.',
    });
    // What the page saves of it reads back as a space, the sentence included (see state.test.ts for the checks).
    assert.equal(isPanelSpace(JSON.parse(JSON.stringify(toPanelSpace(details)))), true);
  });
});
