import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { escapeIcons } from '../../src/util/text';

describe('the space panel, text shown outside the page', () => {
  it('escapes icon syntax so a vendor id shows as text', () => {
    assert.equal(escapeIcons('plain-id'), 'plain-id');
    assert.equal(escapeIcons('$(alert) id'), '\\$(alert) id');
    assert.equal(escapeIcons('a$(x)b$(y~spin)'), 'a\\$(x)b\\$(y~spin)');
    // An escape already in the id stays visible: its backslash is kept, then the `$(` is escaped.
    assert.equal(escapeIcons('\\$(x)'), '\\\\$(x)');
    assert.equal(escapeIcons('$ (x) $x'), '$ (x) $x');
  });
});
