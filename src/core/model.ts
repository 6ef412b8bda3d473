/**
 * The normalised shape every view renders from: the tree, its tooltips and the panel. Vendor quirks
 * (Blueworks `+0000` offsets, Onedata epoch seconds, Alumio 0/1 flags, Sharely `hosts[].host`) end in
 * the vendor files; nothing here knows a vendor. Plain JSON all the way down, so it can be cached,
 * posted to a webview and stored in panel state as it is.
 */
import type { VendorId } from './vendors/catalog';

export type Tone = 'ok' | 'warn' | 'error' | 'neutral';

/** How a value is shown: dates in the user's locale, bytes as sizes, booleans as words. */
export type ValueKind = 'text' | 'date' | 'bytes' | 'count' | 'boolean' | 'email' | 'url' | 'duration';

/** Dates are ISO 8601 strings in UTC; bytes, counts and durations (ms) are numbers. */
export type Value = string | number | boolean | null;

export interface Fact {
  readonly label: string;
  readonly value: Value;
  readonly kind: ValueKind;
}

export interface Status {
  readonly label: string;
  readonly tone: Tone;
  /** A sentence explaining the status, where the vendor gives one. */
  readonly detail?: string;
}

export interface Column {
  readonly key: string;
  readonly label: string;
  readonly kind: ValueKind;
}

export interface GroupItem {
  /** Stable within its group: keeps tree expansion and table rows steady across refreshes. */
  readonly id: string;
  /** The primary text of the row (tree label, first table column). */
  readonly label: string;
  readonly description?: string;
  /** Values by column key. */
  readonly values: Readonly<Record<string, Value>>;
  /** Set when the item is itself a space (Blueworks subspaces): the tree nests it, the panel links it. */
  readonly spaceId?: string;
}

export type GroupKind =
  | 'members'
  | 'providers'
  | 'subspaces'
  | 'goals'
  | 'artifacts'
  | 'conversations'
  | 'usage'
  | 'permissions'
  | 'other';

export interface Group {
  /** Stable within the space, e.g. `hosts`, `providers`, `blueprints`. */
  readonly id: string;
  readonly label: string;
  readonly kind: GroupKind;
  readonly columns: readonly Column[];
  readonly items: readonly GroupItem[];
  /** Where a picture reads better than numbers: which column to draw as bars against the labels. */
  readonly chart?: { readonly valueKey: string; readonly unit: 'bytes' | 'count' };
  /** A total shown with the group (e.g. Onedata's total support size). */
  readonly total?: Fact;
  /** How many items there are, where `items` holds only the first of them (a cached copy kept short). */
  readonly itemCount?: number;
  /** How many of the vendor's rows could not be read and are left out (the raw JSON keeps them). */
  readonly unreadable?: number;
}

export interface Description {
  readonly text: string;
  readonly markdown: boolean;
}

export interface SpaceDetails {
  readonly vendor: VendorId;
  readonly accountId: string;
  readonly id: string;
  readonly name: string;
  readonly description?: Description;
  readonly status?: Status;
  readonly created?: string;
  readonly updated?: string;
  readonly webUrl?: string;
  readonly facts: readonly Fact[];
  readonly groups: readonly Group[];
  /** What could not be read (rows left out of a group), one line each, for the log. */
  readonly problems?: readonly string[];
  /** The documented fields this answer broke, each once; absent when it broke none. */
  readonly fieldProblems?: readonly FieldProblem[];
  /** The vendor's response as received (after JSON parsing), for Show Raw JSON. */
  readonly raw: unknown;
  /** When this copy was fetched (epoch ms). */
  readonly fetchedAt: number;
}

/**
 * A documented field an answer broke: sent but not readable (`projectCount: "many"`, a date that is no
 * date), or required by the vendor's documentation and not sent (or null where it may not be). `field` is
 * the documented name, nested ones by their path (`workspace.name`).
 */
export interface FieldProblem {
  readonly field: string;
  readonly kind: 'unreadable' | 'missing';
}

/** A space known by id (and maybe name) before its details are fetched: what listings return. */
export interface SpaceRef {
  readonly id: string;
  readonly name?: string;
}
