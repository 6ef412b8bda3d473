/** How values read to people, wherever they are shown (tree rows, tooltips, the panel, error messages). */
import type { Value, ValueKind } from './model';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB'];

/**
 * 1536 → "1.5 KB" (binary multiples, as storage tools show them). Under 10 of a unit there is always one
 * decimal ("5.0 TB"), so values read alike in a column; `trim` writes a decimal only where it says
 * something ("1 MB", "1.5 MB"), as a limit reads in a sentence.
 */
export function formatBytes(bytes: number, { trim = false }: { trim?: boolean } = {}): string {
  if (!Number.isFinite(bytes) || bytes < 0) return String(bytes);
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = unit === 0 ? String(value) : trim ? String(Math.round(value * 10) / 10) : value.toFixed(value < 10 ? 1 : 0);
  return `${shown} ${UNITS[unit]}`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

export interface FormatOptions {
  readonly locale?: string;
  readonly yes?: string;
  readonly no?: string;
}

/**
 * Intl's formatters by locale: `toLocaleString` makes a new one on every call (about 70 µs for a date), which a
 * table of 5,000 dates pays 5,000 times (a Markdown export took a second). Made once, they format the same.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function formatterFor<T>(formats: Map<string, T>, locale: string | undefined, make: () => T): T {
  const key = locale ?? '';
  let format = formats.get(key);
  if (!format) formats.set(key, (format = make()));
  return format;
}

export function formatValue(value: Value, kind: ValueKind, { locale, yes = 'Yes', no = 'No' }: FormatOptions = {}): string {
  if (value === null) return '';
  switch (kind) {
    case 'date': {
      const date = new Date(String(value));
      if (Number.isNaN(date.getTime())) return String(value);
      return formatterFor(dateFormats, locale, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(date);
    }
    case 'bytes':
      return typeof value === 'number' ? formatBytes(value) : String(value);
    case 'count':
      return typeof value === 'number' ? formatterFor(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(value) : String(value);
    case 'duration':
      return typeof value === 'number' ? formatDuration(value) : String(value);
    case 'boolean':
      return value === true ? yes : value === false ? no : String(value);
    default:
      return String(value);
  }
}

/**
 * Characters that show nothing yet can split or hide a pattern: zero-width spaces and joiners, marks, BOM, soft
 * hyphen, Hangul fillers; and those that can carry a whole hidden text a language model still reads (Unicode tags
 * spell ASCII, the supplementary variation selectors any byte).
 */
// eslint-disable-next-line no-misleading-character-class -- each of these is listed to be removed on its own
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u2060-\u2064\u206A-\u206F\u3164\uFEFF\uFFA0\uFFF9-\uFFFB\u{E0000}-\u{E007F}\u{E0100}-\u{E01EF}]/gu;

/** Vendor text without the characters that show nothing (so none can hide or split what the text says). */
export function dropInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Bidirectional embeddings, overrides and isolates: they can make `abc‮exe.txt` read as `abctxt.exe`. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** Vendor text with every bidi control shown as its code point, so no text can disguise what it says. */
export function revealBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase()}]`);
}

/** How much of a vendor's answer Show Raw JSON and Copy as JSON write out. */
export const RAW_JSON_LIMITS = { maxDepth: 64, maxChars: 5 * 1024 * 1024 } as const;

/**
 * `value` as indented JSON, bounded: objects and arrays nested deeper than `maxDepth` are written as a
 * string saying so (so a hostile answer neither overflows the stack nor grows quadratically with its
 * indentation), and the text stops once it is longer than `maxChars`. `cut` says what was left out.
 */
export function formatJson(value: unknown, { maxDepth, maxChars }: { maxDepth: number; maxChars: number } = RAW_JSON_LIMITS): { text: string; cut: { depth: boolean; size: boolean } } {
  const cut = { depth: false, size: false };
  const parts: string[] = [];
  let length = 0;
  const write = (text: string): void => {
    parts.push(text);
    length += text.length;
    if (length > maxChars) throw CUT;
  };
  const visit = (node: unknown, depth: number): void => {
    if (node === null || typeof node !== 'object') {
      write(JSON.stringify(node) ?? 'null');
      return;
    }
    if (depth >= maxDepth) {
      cut.depth = true;
      write(JSON.stringify(`… nested deeper than ${maxDepth} levels: not shown`));
      return;
    }
    const inner = '\n' + '  '.repeat(depth + 1);
    const entries: [string | undefined, unknown][] = Array.isArray(node) ? node.map((item) => [undefined, item]) : Object.entries(node);
    if (entries.length === 0) {
      write(Array.isArray(node) ? '[]' : '{}');
      return;
    }
    write(Array.isArray(node) ? '[' : '{');
    entries.forEach(([key, item], index) => {
      write(`${index > 0 ? ',' : ''}${inner}${key === undefined ? '' : `${JSON.stringify(key)}: `}`);
      visit(item, depth + 1);
    });
    write(`\n${'  '.repeat(depth)}${Array.isArray(node) ? ']' : '}'}`);
  };
  try {
    visit(value, 0);
  } catch (err) {
    if (err !== CUT) throw err;
    cut.size = true;
  }
  return { text: parts.join('').slice(0, maxChars), cut };
}

const CUT = new Error('cut short');
