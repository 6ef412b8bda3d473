import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { formatBytes, formatDuration, formatJson, formatValue, revealBidi } from '../../../src/core/format';

describe('formatting values for people', () => {
  it('shows byte counts in binary units', () => {
    assert.equal(formatBytes(0), '0 B');
    assert.equal(formatBytes(1023), '1023 B');
    assert.equal(formatBytes(1536), '1.5 KB');
    assert.equal(formatBytes(10_737_418_240), '10 GB');
    assert.equal(formatBytes(5 * 1024 ** 4), '5.0 TB');
  });

  it('shows durations in the largest sensible unit', () => {
    assert.deepEqual([450, 1500, 90_000, 5_400_000].map(formatDuration), ['450 ms', '1.5 s', '2 min', '1.5 h']);
  });

  it('formats by kind: booleans as words, dates in the locale, nulls as nothing', () => {
    assert.equal(formatValue(true, 'boolean', { yes: 'Ja', no: 'Nein' }), 'Ja');
    assert.equal(formatValue(false, 'boolean'), 'No');
    assert.equal(formatValue(null, 'text'), '');
    assert.equal(formatValue(12345, 'count', { locale: 'en-US' }), '12,345');
    assert.match(formatValue('2017-01-13T04:34:47.073Z', 'date', { locale: 'en-US' }), /Jan 13, 2017/);
    assert.equal(formatValue('not a date', 'date'), 'not a date');
    assert.equal(formatValue('<b>x</b>', 'text'), '<b>x</b>');
  });

  it('formats dates and counts as toLocaleString does, in each locale asked for (its formatters are kept)', () => {
    const iso = '2017-01-13T04:34:47.073Z';
    for (const locale of ['en-US', 'de', 'ja', 'en-US', undefined]) {
      assert.equal(formatValue(iso, 'date', { locale }), new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }), String(locale));
      assert.equal(formatValue(1234567.5, 'count', { locale }), (1234567.5).toLocaleString(locale), String(locale));
    }
    assert.throws(() => formatValue(iso, 'date', { locale: 'not a locale!' }), RangeError);
  });
});

describe('bidi controls in vendor text', () => {
  it('are shown as code points, so "abc<RLO>exe.txt" cannot pass for "abctxt.exe"', () => {
    assert.equal(revealBidi('abc\u202Eexe.txt'), 'abc[U+202E]exe.txt');
    assert.equal(revealBidi('a\u2066b\u2069c\u202Ad'), 'a[U+2066]b[U+2069]c[U+202A]d');
    // Marks that right-to-left text needs stay as they are.
    assert.equal(revealBidi('שלום\u200F abc'), 'שלום\u200F abc');
  });
});

describe('raw JSON, bounded', () => {
  const nested = (depth: number): unknown => {
    let value: unknown = { leaf: true };
    for (let i = 0; i < depth; i++) value = { child: value, list: [i] };
    return value;
  };

  it('writes an ordinary answer exactly as JSON.stringify indents it', () => {
    const answer: unknown = JSON.parse('{"a":1,"b":[true,null,"x",{"c":[]}],"d":{},"e":"\\u202e","__proto__":{"f":2}}');
    assert.deepEqual(formatJson(answer), { text: JSON.stringify(answer, null, 2), cut: { depth: false, size: false } });
  });

  it('survives an answer nested 20,000 deep, and stays small: deeper levels are named, not written', () => {
    const answer = nested(20_000);
    const { text, cut } = formatJson(answer);
    assert.deepEqual(cut, { depth: true, size: false });
    assert.ok(text.length < 100_000, `${text.length} characters`);
    assert.match(text, /nested deeper than 64 levels: not shown/);
  });

  it('stops after the size limit', () => {
    const { text, cut } = formatJson({ big: 'x'.repeat(2000) }, { maxDepth: 64, maxChars: 1000 });
    assert.deepEqual(cut, { depth: false, size: true });
    assert.equal(text.length, 1000);
  });
});
