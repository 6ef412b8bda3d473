/**
 * The one sentence that says an answer did not match its vendor's documentation (see `fieldProblems` in
 * fields.ts): the panel's note, a line of the row's tooltip, and once in the log. In our words, with the
 * documented field names in backticks; each surface makes the sentence inert as it makes vendor text.
 */
import * as l10n from '@vscode/l10n';
import type { FieldProblem } from '../model';

/**
 * "This answer did not match what Openlayer documents: `projectCount`, `dateCreated` could not be read; `name`
 * is missing. Show Raw JSON shows what came." Undefined for an answer that broke no documented field.
 */
export function fieldProblemsNote(vendorName: string, problems: readonly FieldProblem[] | undefined): string | undefined {
  if (!problems?.length) return undefined;
  const fields = (kind: FieldProblem['kind']) => problems.filter((problem) => problem.kind === kind).map((problem) => `\`${problem.field}\``);
  const unreadable = fields('unreadable');
  const missing = fields('missing');
  const parts: string[] = [];
  if (unreadable.length === 1) parts.push(l10n.t('{0} could not be read', unreadable[0]!));
  // The same English words, a key of their own: other languages say one and several differently.
  else if (unreadable.length > 1) parts.push(l10n.t({ message: '{0} could not be read', args: [unreadable.join(', ')], comment: ['{0} is several field names'] }));
  if (missing.length === 1) parts.push(l10n.t('{0} is missing', missing[0]!));
  else if (missing.length > 1) parts.push(l10n.t('{0} are missing', missing.join(', ')));
  return l10n.t('This answer did not match what {0} documents: {1}. Show Raw JSON shows what came.', vendorName, parts.join('; '));
}
