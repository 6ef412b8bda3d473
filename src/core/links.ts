/**
 * Links to a space: `<scheme>://<extension id>/open?account=<id>&space=<id>`. Anyone can send one (a chat, a
 * ticket, a web page), so a link is read as strictly as a command argument: the one path, the two keys once
 * each, short values of visible characters; anything else is refused whole, with what was wrong. Pure (no
 * `vscode`), so it is tested in Node against hostile links.
 */

/** The one path a link may have. */
export const LINK_PATH = '/open';

/** The longest account or space id a link may carry (ids are short; a longer value is not one). */
export const MAX_LINK_VALUE = 256;

/** Longer than two values and their keys could be, encoded three times over: not read at all. */
const MAX_QUERY = 8 * 1024;

const KEYS = ['account', 'space'] as const;
type LinkKey = (typeof KEYS)[number];

/** The ids a link names. */
export interface SpaceLink {
  readonly accountId: string;
  readonly spaceId: string;
}

/** Why a link was refused; the UI words it. `key` is ours or, for `unknownKey`, the link's (clipped). */
export type LinkProblem =
  | { readonly code: 'path' }
  | { readonly code: 'fragment' }
  | { readonly code: 'malformed' }
  | { readonly code: 'unknownKey'; readonly key: string }
  | { readonly code: 'repeatedKey'; readonly key: string }
  | { readonly code: 'missingKey'; readonly key: string }
  | { readonly code: 'empty'; readonly key: string }
  | { readonly code: 'tooLong'; readonly key: string }
  | { readonly code: 'control'; readonly key: string };

export type LinkResult = { readonly ok: true; readonly link: SpaceLink } | { readonly ok: false; readonly problem: LinkProblem };

/**
 * Control characters (C0, DEL, C1), format characters (bidi controls, zero-width spaces and joiners, BOM, soft
 * hyphen…), line and paragraph separators, and lone surrogates: nothing an id is made of, and all of them
 * can hide or reorder what a message about the link shows.
 */
const UNSEEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

/**
 * The link the workbench handed over, as its parts: `query` as `vscode.Uri.query` has it (decoded once by
 * the workbench). Each key and value is then form-decoded (`+` a space, `%xx` a byte of UTF-8), as the
 * browser workbench's callback page re-encodes the query that way.
 */
export function parseSpaceLink(path: string, query: string, fragment = ''): LinkResult {
  if (path !== LINK_PATH) return refused({ code: 'path' });
  if (fragment !== '') return refused({ code: 'fragment' });
  if (query.length > MAX_QUERY) return refused({ code: 'malformed' });
  const values = new Map<LinkKey, string>();
  for (const part of query === '' ? [] : query.split('&')) {
    const problem = readPart(part, values);
    if (problem) return refused(problem);
  }
  const missing = KEYS.find((key) => !values.has(key));
  if (missing) return refused({ code: 'missingKey', key: missing });
  return { ok: true, link: { accountId: values.get('account')!, spaceId: values.get('space')! } };
}

/** One `key=value` of the query, into `values`; what is wrong with it, if anything. */
function readPart(part: string, values: Map<LinkKey, string>): LinkProblem | undefined {
  const pieces = part.split('=');
  if (pieces.length !== 2) return { code: 'malformed' };
  const key = formDecode(pieces[0]!);
  const value = formDecode(pieces[1]!);
  if (key === undefined || value === undefined) return { code: 'malformed' };
  if (!isKey(key)) return { code: 'unknownKey', key: clipped(key) };
  if (values.has(key)) return { code: 'repeatedKey', key };
  if (value === '') return { code: 'empty', key };
  if (value.length > MAX_LINK_VALUE) return { code: 'tooLong', key };
  if (UNSEEN.test(value)) return { code: 'control', key };
  values.set(key, value);
  return undefined;
}

/**
 * The query of a link to the space: each id percent-encoded twice, so that it reads back the same after the
 * one decoding a desktop workbench does to a link and the two a browser workbench's callback page does
 * (an id of letters, digits and `-._~` is unchanged by either, so most links read plainly).
 */
export function spaceLinkQuery({ accountId, spaceId }: SpaceLink): string {
  const twice = (id: string) => encodeURIComponent(encodeURIComponent(id));
  return `account=${twice(accountId)}&space=${twice(spaceId)}`;
}

function isKey(key: string): key is LinkKey {
  return (KEYS as readonly string[]).includes(key);
}

/** `application/x-www-form-urlencoded` decoding, strict: undefined for a broken `%` escape or bad UTF-8. */
function formDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** An unknown key as a message may quote it: short, and without what the message could not show. */
function clipped(key: string): string {
  const visible = key.replace(new RegExp(UNSEEN.source, 'gu'), '?');
  return visible.length > 40 ? `${visible.slice(0, 40)}…` : visible;
}

function refused(problem: LinkProblem): LinkResult {
  return { ok: false, problem };
}
