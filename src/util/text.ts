/**
 * The one way vendor and server text reaches a surface the workbench renders. Pure (no `vscode`), so unit
 * tests check it against hostile input.
 *
 * The workbench turns some text into actions: `[label](command:id?args "title")` in a notification, a
 * progress title, an input box's prompt or validation message becomes a link that runs the command; `$(name)`
 * in a quick pick, the status bar or a prompt becomes an icon; `<command:…>` is an autolink in Markdown. A
 * Markdown tooltip (marked with GFM) also links a bare `https://…`, `www.…` or `name@host`, and decodes an
 * entity such as `&shy;` into a character of its own. Each function below makes vendor text inert for one kind
 * of surface: the syntax is broken by a zero-width space (U+200B) where it would start (`$`, ZWSP, `(`; likewise
 * `](`, `<command:` and `command:`; in tooltips also `https:` ZWSP `//`, `www` ZWSP `.`, `name@` ZWSP `host` and
 * `&` ZWSP `shy;`), so the text reads the same and no renderer sees the pattern, even after another string is put
 * right after it. Invisible characters a vendor sends are dropped first (so none of them can hide or split a
 * pattern), bidi controls are shown as code points, line breaks become spaces where a line would break the
 * layout, and the length is clipped. Other surfaces keep URLs, addresses and `&` as they are: none of them
 * links those, and people search and copy them there.
 */
import { dropInvisible, revealBidi } from '../core/format';

/** Where text is going, and how long it may be there. */
const LIMITS = {
  /** Notifications, modals, progress titles, the status bar: short, one line. */
  message: 300,
  /** Quick pick labels, descriptions, details and placeholders; input box prompts and validation messages. */
  pick: 300,
  /** Tree rows (label, description) and panel titles. */
  label: 256,
  /** Tree tooltips: several lines. */
  tooltip: 2000,
  /** One line of the log. */
  log: 4000,
} as const;

type Surface = keyof typeof LIMITS;

/** Vendor text for a notification, a modal, a progress title or a status bar message. */
export function forMessage(text: unknown): string {
  return inert(text, 'message');
}

/** Vendor text for a quick pick (label, description, detail, placeholder, title) or an input box (prompt, validation). */
export function forPick(text: unknown): string {
  return inert(text, 'pick');
}

/** Vendor text for a tree row's label or description, or a panel's title. */
export function forLabel(text: unknown): string {
  return inert(text, 'label');
}

/** Vendor text for a tooltip (line breaks kept; Markdown tooltips also take it through `appendText`). */
export function forTooltip(text: unknown): string {
  return inert(text, 'tooltip');
}

/** Vendor text for one line of the log: a line break in it cannot forge another log line. */
export function forLog(text: unknown): string {
  return inert(text, 'log');
}

function inert(value: unknown, surface: Surface): string {
  const text = revealBidi(dropInvisible(textOf(value)));
  const lines = surface === 'tooltip' ? text.replace(/\r\n?/g, '\n').replace(CONTROLS_BUT_NEWLINE, ' ') : text.replace(LINE_BREAKS, ' ').replace(CONTROLS, ' ');
  const inertText = breakSyntax(clip(lines, LIMITS[surface]));
  return surface === 'tooltip' ? breakMarkdownLinks(inertText) : inertText;
}

const LINE_BREAKS = /\r\n|[\n\r\u0085\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS_BUT_NEWLINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/g;

/** At most `max` code points (a surrogate pair is never cut in two), ending in "…" when cut. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`;
}

const ZWSP = '\u200B';

/**
 * Breaks what any renderer would act on: an icon `$(`, a link `](`, an autolink `<scheme:`, a `command:` URI.
 * One at the very end (`$`, `]`, `<scheme`, `command`) is broken too, so text put after it cannot complete it.
 */
function breakSyntax(text: string): string {
  return text
    .replace(/\$(?=\(|$)/g, `$$${ZWSP}`)
    .replace(/\](?=\(|$)/g, `]${ZWSP}`)
    .replace(/<(?=[A-Za-z][A-Za-z0-9+.-]*(?::|$)|$)/g, `<${ZWSP}`)
    .replace(/(command)(?=:|$)/gi, `$1${ZWSP}`);
}

/**
 * Breaks what Markdown alone makes of plain text: a bare URL (`://`, `www.`), an e-mail address (`@` before its
 * host) and an entity (`&` before a name or `#`). One at the very end (`https:`, `www`, `name@`, `&`) is broken
 * too, so text put after it cannot complete it.
 */
function breakMarkdownLinks(text: string): string {
  return text
    .replace(/:(?=\/\/|$)/g, `:${ZWSP}`)
    .replace(/(www)(?=\.|$)/gi, `$1${ZWSP}`)
    .replace(/@(?=[\w-]|$)/g, `@${ZWSP}`)
    .replace(/&(?=[#A-Za-z]|$)/g, `&${ZWSP}`);
}

/** Any value as text: strings as they are, errors as "Name: message", other objects as JSON. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  if (value instanceof Error) return value.toString();
  if (typeof value === 'object') return JSON.stringify(value) ?? '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return typeof value; // a function or a symbol: nothing a person should read
}
