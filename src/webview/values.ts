// One value as people read it: dates in the user's locale with the exact value on hover, byte sizes
// human-readable with the exact count on hover, booleans as words, http(s) URLs as links.
import { formatValue, type FormatOptions } from '../core/format';
import type { Value, ValueKind } from '../core/model';
import { isWebUrl } from '../util/url';
import { el, fill, icon, textNode } from './dom';

export interface ValueContext {
  readonly locale: string;
  readonly yes: string;
  readonly no: string;
  /** "{0} bytes" */
  readonly bytes: string;
}

/** Formatting a date is slow (~70 µs) and long tables repeat it on every scroll: keep what was made. */
const memo = new Map<string, string>();
const MEMO_LIMIT = 50_000;

function formatted(value: Value, kind: ValueKind, context: ValueContext): string {
  const key = `${context.locale}\u0000${kind}\u0000${typeof value}\u0000${String(value)}`;
  let text = memo.get(key);
  if (text === undefined) {
    const options: FormatOptions = { locale: context.locale, yes: context.yes, no: context.no };
    text = formatValue(value, kind, options);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, text);
  }
  return text;
}

/** The value as a node: `<time>` for dates, a link for http(s) URLs, text otherwise. */
export function valueNode(value: Value, kind: ValueKind, context: ValueContext): Node {
  if (value === null) return textNode('');
  const text = formatted(value, kind, context);
  switch (kind) {
    case 'date': {
      const date = new Date(String(value));
      if (Number.isNaN(date.getTime())) return textNode(text);
      return el('time', { attrs: { datetime: date.toISOString(), title: String(value) } }, text);
    }
    case 'bytes':
      return typeof value === 'number' ? el('span', { attrs: { title: fill(context.bytes, value.toLocaleString(context.locale)) } }, text) : textNode(text);
    case 'url':
      return isWebUrl(value) ? link(value, text) : textNode(text);
    default:
      return textNode(text);
  }
}

/** A check mark, a dash or nothing: how permission matrices read best. The word stays for screen readers. */
export function booleanMark(value: Value, context: ValueContext): Node {
  if (typeof value !== 'boolean') return textNode(value === null ? '' : String(value));
  const word = value ? context.yes : context.no;
  return el('span', { className: `mark ${value ? 'mark-yes' : 'mark-no'}`, attrs: { role: 'img', 'aria-label': word, title: word } }, icon(value ? 'check' : 'dash'));
}

/** An http(s) link; the page's click handler sends it to the extension instead of following it. */
function link(url: string, text: string): HTMLAnchorElement {
  const anchor = el('a', { attrs: { title: url } }, text);
  if (isWebUrl(url)) anchor.setAttribute('href', url);
  return anchor;
}
