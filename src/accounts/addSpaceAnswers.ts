/**
 * Add Space's answers and the rules its steps follow, without the UI: which steps the answers ask for, the
 * vendor search they make, which spaces found can still be added, and when a space id whose check failed
 * is added anyway. Pure (no `vscode`), so it is tested in Node; `addSpace.ts` asks and words.
 */
import type { ErrorKind } from '../core/errors';
import type { SpaceRef } from '../core/model';
import type { FindQuery } from '../core/vendors/vendor';
import { checkRequired, type InputProblem } from './answers';

/** How the space is found: by its id, or by a vendor search on its exact name or on a tag. */
export type FindBy = 'id' | 'name' | 'tag';

export interface AddSpaceAnswers {
  readonly how: FindBy;
  /** The name or tag to search for, trimmed. */
  readonly query: string;
  /** The spaces to add. */
  readonly chosen: readonly SpaceRef[];
}

/** Before the first step: an id, nothing searched, nothing chosen. */
export const NO_ANSWERS: AddSpaceAnswers = { how: 'id', query: '', chosen: [] };

export type AddSpaceStepId = 'how' | 'id' | 'query' | 'results';

/** The steps for the answers so far: an account whose vendor cannot search is asked for an id only. */
export function addSpaceSteps(answers: Pick<AddSpaceAnswers, 'how'>, canFind: boolean): AddSpaceStepId[] {
  if (!canFind) return ['id'];
  return answers.how === 'id' ? ['how', 'id'] : ['how', 'query', 'results'];
}

/** The vendor search the answers stand for. */
export function findQueryOf(answers: Pick<AddSpaceAnswers, 'how' | 'query'>): FindQuery {
  return answers.how === 'name' ? { name: answers.query } : { tag: answers.query };
}

/** A typed space id: required, and not one the account shows already. */
export function checkNewSpaceId(value: string, shown: readonly string[]): InputProblem | 'alreadyShown' | undefined {
  return shown.includes(value.trim()) ? 'alreadyShown' : checkRequired(value);
}

/**
 * Whether a typed id whose check failed is added anyway: the same id accepted again after a failure that
 * may pass (not "not found"; a cancelled check is no answer at all).
 */
export function addAnyway(kind: ErrorKind, spaceId: string, failedBefore: string | undefined): boolean {
  return kind !== 'notFound' && kind !== 'cancelled' && failedBefore === spaceId;
}

/** What a search found, for its list: the spaces the account does not show yet, and why there are none. */
export interface SearchResults {
  readonly fresh: readonly SpaceRef[];
  /** Why `fresh` is empty: nothing found, or everything found is shown already. */
  readonly empty?: 'noneFound' | 'allShown';
  /** A single fresh space is picked for the user already. */
  readonly preselect: boolean;
}

export function searchResults(found: readonly SpaceRef[], shown: readonly string[]): SearchResults {
  const fresh = found.filter((ref) => !shown.includes(ref.id));
  const empty = found.length === 0 ? 'noneFound' : fresh.length === 0 ? 'allShown' : undefined;
  return { fresh, empty, preselect: fresh.length === 1 };
}
