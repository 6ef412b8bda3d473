/**
 * The last known tree: each account's listing with each space's name and status, and which rows were
 * expanded. After a window reload the tree shows it at once (marked as not yet refreshed) while the fresh
 * answers come. It holds no secret, only what the tree showed; it is keyed by account id and server, so a
 * changed server or a removed account drops its copy; it is bounded (`MAX_BYTES` in all). Kept in a JSON file
 * in the extension's global storage; no `vscode` import, so it is tested in Node.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Account } from '../core/accounts';
import { isRecord } from '../core/json';
import type { Status, Tone } from '../core/model';

/** What the tree showed of one space. */
export interface RememberedSpace {
  readonly id: string;
  readonly name?: string;
  readonly status?: { readonly label: string; readonly tone: Tone };
  /** When the vendor says the space last changed (ISO 8601), for "Sort: Recently Changed". */
  readonly updated?: string;
}

interface Saved {
  readonly version: 1;
  /** By account id: the server it was listed from, and its spaces in the order shown. */
  readonly accounts: Record<string, { readonly server: string; readonly spaces: readonly RememberedSpace[] }>;
  /** Tree ids of the rows that were expanded. */
  readonly expanded: string[];
}

/** The whole copy stays under this many bytes of UTF-8 JSON: a window reload reads it before the tree shows anything. */
export const MAX_BYTES = 5 * 1024 * 1024;
/** Names and labels longer than this are cut: a hostile vendor cannot fill the copy with one space. */
const MAX_TEXT = 500;
const MAX_EXPANDED = 500;
const TONES: ReadonlySet<string> = new Set<Tone>(['ok', 'warn', 'error', 'neutral']);

/** The server an account's copy belongs to: another vendor or base URL is another copy. */
const serverOf = (account: Account): string => `${account.vendor} ${account.baseUrl}`;

export class LastKnownTree {
  private accounts = new Map<string, { server: string; spaces: Map<string, RememberedSpace> }>();
  private expanded = new Set<string>();
  private saving?: ReturnType<typeof setTimeout>;
  private writes: Promise<void> = Promise.resolve();

  /** Settles once the saved copy has been read (or found missing or unsound). */
  readonly ready: Promise<void>;

  /** The copy kept in `file` (none when it is missing or unreadable); `file` undefined keeps nothing. */
  constructor(
    private readonly file: string | undefined,
    private readonly saveDelayMs = 1000,
  ) {
    this.ready = file ? readFile(file, 'utf8').then((text) => this.read(text), () => undefined) : Promise.resolve();
  }

  /** The spaces `account` listed last time, from the same server; undefined when there is no such copy. */
  spaces(account: Account): readonly RememberedSpace[] | undefined {
    const known = this.accounts.get(account.id);
    return known && known.server === serverOf(account) ? [...known.spaces.values()] : undefined;
  }

  /** A fresh listing: its ids in order, keeping the names and statuses known for them. */
  listed(account: Account, refs: readonly { id: string; name?: string }[]): void {
    const before = this.accounts.get(account.id);
    const old = before?.server === serverOf(account) ? before.spaces : new Map<string, RememberedSpace>();
    const spaces = new Map(refs.map((ref) => [ref.id, { ...old.get(ref.id), id: ref.id, ...(ref.name === undefined ? {} : { name: clip(ref.name) }) }]));
    this.accounts.set(account.id, { server: serverOf(account), spaces });
    this.changed();
  }

  /** A space's fresh details: its name, status and date of change, if its account's listing holds it. */
  fetched(account: Account, id: string, details: { name: string; status?: Status; updated?: string }): void {
    const known = this.accounts.get(account.id);
    if (!known || known.server !== serverOf(account) || !known.spaces.has(id)) return;
    const { name, status, updated } = details;
    const space: RememberedSpace = {
      id,
      name: clip(name),
      ...(status ? { status: { label: clip(status.label), tone: status.tone } } : {}),
      ...(isDate(updated) ? { updated } : {}),
    };
    const before = known.spaces.get(id);
    if (JSON.stringify(before) === JSON.stringify(space)) return;
    known.spaces.set(id, space);
    this.changed();
  }

  isExpanded(treeId: string): boolean {
    return this.expanded.has(treeId);
  }

  setExpanded(treeId: string, expanded: boolean): void {
    if (expanded === this.expanded.has(treeId)) return;
    if (expanded) this.expanded.add(treeId);
    else this.expanded.delete(treeId);
    // The oldest go first once there are too many.
    for (const id of this.expanded) {
      if (this.expanded.size <= MAX_EXPANDED) break;
      this.expanded.delete(id);
    }
    this.changed();
  }

  /** Drops the copies of accounts no longer configured, and the rows under them. */
  keepOnly(accountIds: readonly string[]): void {
    const kept = new Set(accountIds);
    let dropped = false;
    for (const id of this.accounts.keys()) {
      if (kept.has(id)) continue;
      this.accounts.delete(id);
      dropped = true;
    }
    for (const treeId of this.expanded) {
      // Any row under an account, wherever it is drawn: `account:a/…`, `pinned/account:a/…`, `status:s/account:a/…`.
      const account = /(?:^|\/)account:([^/]+)/.exec(treeId)?.[1];
      if (account !== undefined && !kept.has(account)) {
        this.expanded.delete(treeId);
        dropped = true;
      }
    }
    if (dropped) this.changed();
  }

  /** Writes what is waiting now (the window is closing). */
  async flush(): Promise<void> {
    if (this.saving === undefined) return this.writes;
    clearTimeout(this.saving);
    this.saving = undefined;
    return this.write();
  }

  /** The copy as it would be saved: the largest account lists are cut (the first spaces kept) until it fits. */
  serialize(): string {
    const accounts = [...this.accounts].map(([id, { server, spaces }]): [string, { server: string; spaces: RememberedSpace[] }] => [id, { server, spaces: [...spaces.values()] }]);
    for (;;) {
      const text = JSON.stringify({ version: 1, accounts: Object.fromEntries(accounts), expanded: [...this.expanded] } satisfies Saved);
      // Bytes as the file holds them (UTF-8): a name in another script takes up to four a character.
      if (Buffer.byteLength(text) <= MAX_BYTES) return text;
      const largest = accounts.reduce((a, b) => (b[1].spaces.length > a[1].spaces.length ? b : a));
      largest[1].spaces = largest[1].spaces.slice(0, Math.floor(largest[1].spaces.length / 2));
    }
  }

  private changed(): void {
    if (!this.file || this.saving !== undefined) return;
    this.saving = setTimeout(() => {
      this.saving = undefined;
      void this.write();
    }, this.saveDelayMs);
  }

  private write(): Promise<void> {
    const file = this.file;
    if (!file) return Promise.resolve();
    const text = this.serialize();
    // One write at a time, each whole: a new file renamed over the old one.
    this.writes = this.writes.then(async () => {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(`${file}.new`, text);
      await rename(`${file}.new`, file);
    }).catch(() => undefined);
    return this.writes;
  }

  /** Takes what is sound of a saved copy (it outlives versions of this extension); the rest is dropped. */
  private read(text: string): void {
    let saved: unknown;
    try {
      saved = JSON.parse(text);
    } catch {
      return;
    }
    if (!isRecord(saved) || saved.version !== 1) return;
    if (isRecord(saved.accounts)) {
      for (const [id, value] of Object.entries(saved.accounts)) {
        if (!isRecord(value) || typeof value.server !== 'string' || !Array.isArray(value.spaces)) continue;
        // Anything learnt since the window opened is newer than the saved copy.
        if (this.accounts.has(id)) continue;
        const spaces = new Map(value.spaces.flatMap(readSpace).map((space) => [space.id, space]));
        this.accounts.set(id, { server: value.server, spaces });
      }
    }
    if (Array.isArray(saved.expanded)) {
      for (const id of saved.expanded.slice(0, MAX_EXPANDED)) if (typeof id === 'string') this.expanded.add(id);
    }
  }
}

function readSpace(value: unknown): RememberedSpace[] {
  if (!isRecord(value) || typeof value.id !== 'string') return [];
  const name = typeof value.name === 'string' ? { name: clip(value.name) } : {};
  const status = value.status;
  const sound = isRecord(status) && typeof status.label === 'string' && typeof status.tone === 'string' && TONES.has(status.tone);
  const updated = isDate(value.updated) ? { updated: value.updated } : {};
  return [{ id: value.id, ...name, ...(sound ? { status: { label: clip(status.label as string), tone: status.tone as Tone } } : {}), ...updated }];
}

/** An ISO 8601 date as the model gives them (short, and one that parses). */
function isDate(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value));
}


function clip(text: string): string {
  return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
}
