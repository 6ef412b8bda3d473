// The export writers: a table as CSV (RFC 4180, for spreadsheets) or as a GitHub-flavoured Markdown table, and
// records as JSON. Every cell may be vendor text, and each format has its own way to make text act: a formula
// in a spreadsheet (OWASP's "CSV injection"), markup, links and HTML in Markdown, bidi controls anywhere that
// shows text. Each writer makes a cell inert for its format and keeps what it says.
import { revealBidi } from './format';

/** A cell: vendor text, a number, or nothing. */
export type Cell = string | number | null;

export interface ExportTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

/** Spreadsheets (Excel above all) read a CSV as UTF-8 only when it starts with a byte order mark. */
export const BYTE_ORDER_MARK = '\uFEFF';

/**
 * A cell a spreadsheet would run as a formula: one starting with `=`, `+`, `-` or `@` (also after spaces, which
 * some spreadsheets drop, and in their full-width forms, which some fold), or with a tab or a carriage return.
 */
const FORMULA_START = /^(?:[\t\r]|[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;
const CSV_QUOTED = /[",\r\n]/;

/** The table as CSV: a record per line, each ended by CRLF; every cell inert. */
export function toCsv(table: ExportTable): string {
  const lines = [table.headers, ...table.rows].map((cells) => cells.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The table as a CSV file: a byte order mark first (on the clipboard it would stick to the first cell). */
export function toCsvFile(table: ExportTable): string {
  return `${BYTE_ORDER_MARK}${toCsv(table)}`;
}

/**
 * One CSV field. Text that would start a formula gets a leading `'` (which spreadsheets read as "this is
 * text") and is quoted; text with a comma, a quote or a line break is quoted, its quotes doubled. Numbers are
 * ours (parsed from the vendor's answer), so a negative one stays a number.
 */
export function csvField(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = revealBidi(cell);
  const formula = FORMULA_START.test(text);
  const value = formula ? `'${text}` : text;
  return formula || CSV_QUOTED.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The table as a GFM table: a header row, its delimiter row, a row per record; every cell plain text. */
export function toMarkdown(table: ExportTable): string {
  const row = (cells: readonly Cell[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
  const delimiter = `| ${table.headers.map(() => '---').join(' | ')} |`;
  return `${[row(table.headers), delimiter, ...table.rows.map(row)].join('\n')}\n`;
}

/** One line: a table row cannot hold a line break. */
const LINE_BREAKS = /\r\n|[\n\r\u0085\u2028\u2029]/g;
/**
 * Every ASCII punctuation character that Markdown or a common extension of it gives a meaning inside a line:
 * emphasis, code, links and images, HTML and entities, the table's `|`, strikethrough, math, and the `:`, `.`
 * and `@` of bare links (`https://…`, `www.…`, `name@host`). A backslash before each makes it the character
 * itself (CommonMark lets any ASCII punctuation be escaped), so the text reads the same and does nothing.
 */
const MARKDOWN_SYNTAX = /[\\`*_{}[\]()<>#+\-.!|~:@&$^=]/g;

/** One Markdown table cell: the text as it reads, with nothing in it markup, a link or a second line. */
export function markdownCell(cell: Cell): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? String(cell) : revealBidi(cell);
  return text.replace(LINE_BREAKS, ' ').replace(MARKDOWN_SYNTAX, '\\$&');
}

/** Bidi controls (as `revealBidi` knows them), escaped in JSON text: the same string, seen for what it is. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** Records as indented JSON; a bidi control in a value is written as its `\uXXXX` escape, so it shows. */
export function toJson(records: readonly Readonly<Record<string, Cell>>[]): string {
  const text = JSON.stringify(records, null, 2).replace(BIDI_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  return `${text}\n`;
}

/** Characters no file name may hold on some system, controls, and bidi and invisible format characters. */
// eslint-disable-next-line no-control-regex -- controls are what it removes
const NOT_IN_FILE_NAMES = /[<>:"/\\|?*\u0000-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const MAX_NAME_CHARS = 100;
/** Names Windows keeps for devices, whatever the extension. */
const DEVICE_NAMES = /^(?:con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A file name for the save dialog to suggest, made of vendor text: whatever could move it to another folder
 * or break it on some system becomes a space, and it is kept short. `fallback` when nothing is left.
 */
export function fileNameFor(name: string, extension: string, fallback = 'export'): string {
  const base = name.replace(NOT_IN_FILE_NAMES, ' ').replace(/\s+/g, ' ').trim().replace(/^[.\s]+|[.\s]+$/g, '').slice(0, MAX_NAME_CHARS).trim();
  const safe = DEVICE_NAMES.test(base) ? `${base}_` : base;
  return `${safe || fallback}.${extension}`;
}
