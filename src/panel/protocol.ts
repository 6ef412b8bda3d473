/**
 * What the space panel and its page say to each other. The page is untrusted (it renders vendor data), so
 * every message from it is validated here and names an intent, never a command; the extension decides
 * what each intent does. Messages to the page are typed only: the page builds them into text nodes.
 */
import * as z from 'zod/mini';
import type { GroupKind, SpaceDetails } from '../core/model';
import { MAX_FILTER_CHARS } from '../core/tableOrder';
import { VENDORS, type VENDOR_IDS } from '../core/vendors/catalog';
import { fieldProblemsNote } from '../core/vendors/fieldWording';
import { isWebUrl } from '../util/url';

export const VIEW_TYPE = 'spaces.space';

/** Strict objects: a message with an extra field (say a `command`) is rejected as a whole. */
const pageMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('refresh') }),
  z.strictObject({ type: z.literal('copyId') }),
  z.strictObject({ type: z.literal('copyLink') }),
  z.strictObject({ type: z.literal('reveal') }),
  z.strictObject({ type: z.literal('showRawJson') }),
  z.strictObject({ type: z.literal('openExternal'), url: z.string().check(z.refine(isWebUrl)) }),
  z.strictObject({ type: z.literal('openSubspace'), spaceId: z.string().check(z.minLength(1), z.maxLength(512)) }),
  // The page names a table and how the reader has it; the extension builds the file from the space it holds.
  z.strictObject({
    type: z.literal('exportTable'),
    groupId: z.string().check(z.minLength(1), z.maxLength(512)),
    action: z.enum(['copyCsv', 'copyMarkdown', 'saveCsv']),
    filter: z.string().check(z.maxLength(MAX_FILTER_CHARS)),
    sort: z.optional(z.strictObject({ key: z.string().check(z.maxLength(512)), descending: z.boolean() })),
  }),
]);

export type PageMessage = z.infer<typeof pageMessageSchema>;

/** What a table's export buttons ask for. */
export type TableExport = Extract<PageMessage, { type: 'exportTable' }>['action'];

/** The message, or undefined when it is not one the page may send. */
export function parsePageMessage(message: unknown): PageMessage | undefined {
  const parsed = pageMessageSchema.safeParse(message);
  return parsed.success ? parsed.data : undefined;
}

/** Which space a panel shows: what the page keeps in its state and the serializer restores from. */
export interface PanelIdentity {
  readonly vendor: (typeof VENDOR_IDS)[number];
  readonly accountId: string;
  readonly spaceId: string;
}

/**
 * A space as posted to the page: everything but the raw answer, which only Show Raw JSON needs, and with the
 * documented fields the answer broke as the one sentence the page shows (see `fieldProblemsNote`).
 */
export type PanelSpace = Omit<SpaceDetails, 'raw' | 'problems' | 'fieldProblems'> & {
  /** "This answer did not match what … documents: …": shown as a note, as text. */
  readonly fieldProblemsNote?: string;
};

export function toPanelSpace(details: SpaceDetails): PanelSpace {
  // The raw answer stays on this side (Show Raw JSON); the problems go to the log, the fields in our words.
  const { raw, problems, fieldProblems, ...space } = details;
  void raw;
  void problems;
  const note = fieldProblemsNote(VENDORS[details.vendor].name, fieldProblems);
  return note === undefined ? space : { ...space, fieldProblemsNote: note };
}

/** The page's words, posted from the extension so they go through `vscode.l10n`. */
export interface PanelStrings {
  readonly loading: string;
  readonly refresh: string;
  readonly refreshing: string;
  readonly openInBrowser: string;
  readonly copyId: string;
  readonly copyLink: string;
  readonly revealInView: string;
  readonly showRawJson: string;
  readonly retry: string;
  readonly details: string;
  readonly description: string;
  readonly created: string;
  readonly lastModified: string;
  /** "{0}" is a relative time ("3 minutes ago"). */
  readonly updated: string;
  readonly cached: string;
  readonly cachedTitle: string;
  readonly yes: string;
  readonly no: string;
  readonly filter: string;
  /** "{0}" is a group's label. */
  readonly filterLabel: string;
  /** "{0} of {1}" rows. */
  readonly rowsShown: string;
  readonly noMatches: string;
  /** "{0}" is a column's header. */
  readonly sortBy: string;
  readonly total: string;
  readonly empty: string;
  readonly actions: string;
  /** "{0}" is the space's name. */
  readonly openSubspace: string;
  readonly bytes: string;
  /** "{0}" is a group's label: its table's export buttons. */
  readonly exportTable: string;
  readonly copyCsv: string;
  readonly copyMarkdown: string;
  readonly saveCsv: string;
  /** "{0}" is how many rows of a group could not be read. */
  readonly unreadableRows: string;
  /** The header of a table's first column (the items' labels), by group kind. */
  readonly labelColumn: Readonly<Record<GroupKind, string>>;
}

export interface PanelInit {
  readonly identity: PanelIdentity;
  readonly vendorName: string;
  readonly accountLabel: string;
  /** For dates and numbers: VS Code's display language. */
  readonly locale: string;
  readonly vendorIcon: { readonly light: string; readonly dark: string };
  readonly strings: PanelStrings;
}

export interface PanelError {
  readonly kind: string;
  readonly message: string;
}

/** Extension → page. Posted only after the page said `ready`. */
export type ExtensionMessage =
  | { readonly type: 'init'; readonly init: PanelInit }
  | { readonly type: 'space'; readonly space: PanelSpace }
  | { readonly type: 'loading'; readonly loading: boolean }
  | { readonly type: 'error'; readonly error: PanelError | null };
