/** What every vendor builds its SpaceDetails with: the rules they all follow (`spaceDetails`), facts, status labels, group item ids, lists as text. */
import type { Fact, FieldProblem, SpaceDetails, Value, ValueKind } from '../model';

/** Facts with no value are left out, so every view shows only what the vendor said. */
export function facts(...entries: readonly (readonly [label: string, value: Value | undefined, kind: ValueKind])[]): Fact[] {
  return entries.filter(([, value]) => value !== undefined && value !== null && value !== '').map(([label, value, kind]) => ({ label, value: value as Value, kind }));
}

/** `past_due` → `Past due`, `ACTIVE` → `Active`: a vendor's status code as a label. Other text stays as it is. */
export function humanize(code: string): string {
  if (!/^[A-Za-z]+(?:[_-][A-Za-z]+)*$/.test(code)) return code;
  const spaced = code.replace(/[_-]+/g, ' ').trim();
  const words = spaced === spaced.toUpperCase() ? spaced.toLowerCase() : spaced;
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Keeps group item ids unique: the first use of an id stays as it is, repeats get `#2`, `#3`… */
export function uniqueIds(): (id: string) => string {
  const seen = new Map<string, number>();
  return (id) => {
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    return count === 1 ? id : `${id}#${count}`;
  };
}

/** A list of tags or names as one text value, or undefined when there are none. */
export function listText(values: readonly string[] | null | undefined): string | undefined {
  return values && values.length > 0 ? values.join(', ') : undefined;
}

/** A space as a vendor read it, before the rules every vendor's details follow (see `spaceDetails`). */
export interface SpaceParts extends Omit<SpaceDetails, 'name' | 'description' | 'problems' | 'fieldProblems' | 'fetchedAt'> {
  /** The vendor's name for the space; where it gives none, the id stands in. */
  readonly name: string | null | undefined;
  /** Left out where the vendor gives no text. */
  readonly description?: { readonly text: string | null | undefined; readonly markdown: boolean };
  /** What could not be read, one line each; none, and the details carry none. */
  readonly problems?: readonly string[];
  /** The documented fields the answer broke (see `fieldProblems` in fields.ts); none, and the details carry none. */
  readonly fieldProblems?: readonly FieldProblem[];
}

/** The SpaceDetails of a space as read, fetched now: named (by its id where need be), with only the description and problems there are. */
export function spaceDetails({ name, description, problems = [], fieldProblems = [], ...parts }: SpaceParts): SpaceDetails {
  const fields = onceEach(fieldProblems);
  return {
    ...parts,
    name: name || parts.id,
    description: description?.text ? { text: description.text, markdown: description.markdown } : undefined,
    problems: problems.length ? problems : undefined,
    fieldProblems: fields.length ? fields : undefined,
    fetchedAt: Date.now(),
  };
}

/** Each field's problem once, in the order first met: a field read twice is still one field. */
function onceEach(problems: readonly FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter(({ field, kind }) => !seen.has(`${kind}:${field}`) && seen.add(`${kind}:${field}`));
}
