// What the panel's polite live region says: the page's state in a sentence (loading, refreshing, updated,
// failed), once per change of that state. The page redraws its parts on every message; a screen reader
// hears only the changes, never a redraw that changed nothing.
import type { PanelError, PanelInit, PanelSpace } from '../panel/protocol';
import { updatedText } from './render';

/** The parts of the page's state the sentence is made of. */
export interface AnnouncedState {
  readonly init?: PanelInit;
  readonly space?: PanelSpace;
  readonly loading: boolean;
  readonly error: PanelError | null;
}

export class Announcer {
  /** The state last announced, as a key that changes only when the sentence would. */
  private last = '';

  /** The sentence to announce for `state`, or undefined when it says what was said last. */
  next(state: AnnouncedState, now = Date.now()): string | undefined {
    const phase = phaseOf(state);
    if (!phase || phase.key === this.last) return undefined;
    this.last = phase.key;
    return phase.sentence(now);
  }
}

function phaseOf({ init, space, loading, error }: AnnouncedState): { key: string; sentence: (now: number) => string } | undefined {
  if (!init) return undefined;
  const { strings } = init;
  if (loading) return space ? { key: 'refreshing', sentence: () => strings.refreshing } : { key: 'loading', sentence: () => strings.loading };
  if (error) return { key: `failed:${error.kind}:${error.message}`, sentence: () => `${error.kind}: ${error.message}` };
  if (space) return { key: `shown:${space.fetchedAt}`, sentence: (now) => updatedText(init, space.fetchedAt, now) };
  return undefined;
}
