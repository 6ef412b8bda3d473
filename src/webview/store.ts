// What the panel page knows, and what each message from the extension changes. `apply` updates the state,
// saves it when what is worth keeping changed, and redraws only the parts of the page that show what
// changed. Pure: the page's DOM and `vscode` come in as `effects`, so the unit tests run it in Node.
import type { ExtensionMessage, PanelError, PanelInit, PanelSpace } from '../panel/protocol';
import type { PanelState } from '../panel/savedState';
import { copyForState, savedTables, tableMemories } from './state';
import type { TableMemory } from './tableRows';

/** The parts of the page, each drawn from the state alone. */
export type Part = 'header' | 'banner' | 'content';

export interface PageEffects {
  /** Saves `store.state()` (now: the page may be discarded at any time). */
  save(): void;
  redraw(parts: readonly Part[]): void;
}

export class PageStore {
  init?: PanelInit;
  space?: PanelSpace;
  /** The space shown is the saved copy from before a reload, not yet replaced by fresh data. */
  cached: boolean;
  loading = false;
  error: PanelError | null = null;
  /** The page's saved scroll, until content tall enough to take it has been drawn. */
  pendingScrollY?: number;
  /** The space as saved: undefined when it is too large to keep. */
  private kept?: PanelSpace;
  private memories: Map<string, TableMemory>;

  constructor(
    private readonly saved: PanelState | undefined,
    private readonly effects: PageEffects,
    /** A space larger than this (as JSON) is saved with its groups cut short. */
    private readonly maxStateChars: number,
  ) {
    this.space = saved?.space;
    this.cached = saved?.space !== undefined;
    this.kept = copyForState(this.space, maxStateChars);
    this.memories = tableMemories(saved?.view?.tables ?? []);
    this.pendingScrollY = saved?.view?.scrollY || undefined;
  }

  apply(message: ExtensionMessage): void {
    switch (message.type) {
      case 'init': {
        const { identity } = message.init;
        const { saved } = this;
        // A cached copy of another space (never expected) is not shown, nor is where its reader was.
        if (saved && (saved.accountId !== identity.accountId || saved.spaceId !== identity.spaceId)) {
          this.space = this.kept = undefined;
          this.cached = false;
          this.memories = new Map();
          this.pendingScrollY = undefined;
        }
        this.init = message.init;
        this.effects.save();
        this.effects.redraw(['header', 'banner', 'content']);
        return;
      }
      case 'space':
        this.space = message.space;
        this.kept = copyForState(message.space, this.maxStateChars);
        this.cached = false;
        this.effects.save();
        this.effects.redraw(['header', 'content']);
        return;
      case 'loading':
        this.loading = message.loading;
        this.effects.redraw(['header']);
        return;
      case 'error':
        this.error = message.error;
        // Without a space, the content is the Loading line, which an error replaces.
        this.effects.redraw(this.space ? ['banner'] : ['banner', 'content']);
        return;
    }
  }

  /** Table `groupId`'s filter, sort and scroll: kept across redraws, saved with the page. */
  table(groupId: string): TableMemory {
    let entry = this.memories.get(groupId);
    if (!entry) this.memories.set(groupId, (entry = { filter: '', scrollTop: 0 }));
    return entry;
  }

  /** What to save, with the page scrolled to `scrollY`; undefined until the page knows its space. */
  state(scrollY: number): PanelState | undefined {
    const identity = this.init?.identity;
    if (!identity) return undefined;
    const y = Math.round(this.pendingScrollY ?? scrollY);
    const tables = savedTables(this.memories);
    const view = y > 0 || tables.length > 0 ? { scrollY: y, tables } : undefined;
    return { vendor: identity.vendor, accountId: identity.accountId, spaceId: identity.spaceId, space: this.kept, view };
  }
}
