/**
 * What each tool for AI assistants (VS Code's language model tools) accepts: ids and plain words, checked
 * here against the very shape package.json declares as the tool's `inputSchema` (a unit test compares the
 * two). Any extension can call a tool through `vscode.lm.invokeTool` with any object, so nothing about the
 * input is taken on trust. Pure (no `vscode`), so it is tested in Node.
 */
import * as l10n from '@vscode/l10n';
import * as z from 'zod/mini';
import { ACCOUNT_ID } from '../accounts';
import { VENDOR_IDS } from '../vendors/catalog';

export const TOOL_NAMES = ['spaces_listAccounts', 'spaces_findSpaces', 'spaces_getSpace', 'spaces_recentChanges'] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

/** How long each kind of input may be: ids as a vendor or the settings could hold them, words a person would type. */
const MAX = { accountId: 100, spaceId: 256, words: 200, status: 100 } as const;

const accountId = z.string().check(z.minLength(1), z.maxLength(MAX.accountId), z.regex(ACCOUNT_ID), z.describe("An account's id, as spaces_listAccounts gives it."));
const spaceId = z.string().check(z.minLength(1), z.maxLength(MAX.spaceId), z.describe("A space's id: the vendorText of a spaceId that spaces_findSpaces gave."));

export const TOOL_INPUTS = {
  spaces_listAccounts: z.strictObject({}),
  spaces_findSpaces: z.strictObject({
    words: z.optional(z.string().check(z.maxLength(MAX.words), z.describe("Words that the space's name, id or status must all hold (any case). Empty or absent: every space."))),
    status: z.optional(z.string().check(z.maxLength(MAX.status), z.describe('Only spaces whose status holds this word, or whose tone is it (ok, warn, error, neutral).'))),
    vendor: z.optional(z.enum(VENDOR_IDS).check(z.describe('Only spaces of accounts of this vendor.'))),
    accountId: z.optional(accountId),
    searchVendors: z.optional(
      z.boolean().check(z.describe("Also run the vendors' own search (where a vendor has one) for the words: sends requests with the user's credentials, so the user is asked first. Default false: only what is known."))),
  }),
  spaces_getSpace: z.strictObject({
    accountId,
    spaceId,
    refresh: z.optional(z.boolean().check(z.describe("Fetch the space anew from its vendor even if its details are known: sends a request with the user's credentials, so the user is asked first. Default false."))),
  }),
  spaces_recentChanges: z.strictObject({
    accountId: z.optional(accountId),
    limit: z.optional(z.int().check(z.gte(1), z.lte(200), z.describe('How many changes, newest first (default 50).'))),
  }),
} as const;

export type ToolInput<T extends ToolName> = z.infer<(typeof TOOL_INPUTS)[T]>;

/** The input checked: its value, or what is wrong with it, in words. */
export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

export function checkInput<T extends ToolName>(tool: T, input: unknown): Checked<ToolInput<T>> {
  const parsed = TOOL_INPUTS[tool].safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data as ToolInput<T> };
  return { ok: false, problem: l10n.t('The input was not used: {0}.', parsed.error.issues.map(issueText).join('; ')) };
}

/** One problem of the input, naming the field (zod's own messages say only "Invalid input"). */
function issueText(issue: z.core.$ZodIssue): string {
  const field = issue.path.map(String).join('.') || l10n.t('the input');
  switch (issue.code) {
    case 'unrecognized_keys':
      return l10n.t('unknown field(s) {0}', issue.keys.join(', '));
    case 'invalid_type':
      return l10n.t('{0} must be {1}', field, typeWord(issue.expected));
    case 'too_big':
      return l10n.t('{0} is too long or too large (at most {1})', field, String(issue.maximum));
    case 'too_small':
      return l10n.t('{0} is empty or too small (at least {1})', field, String(issue.minimum));
    case 'invalid_value':
      return l10n.t('{0} must be one of {1}', field, issue.values.map(String).join(', '));
    default:
      return l10n.t('{0} is not in the form expected', field);
  }
}

/** What a field must be, in words. */
function typeWord(expected: string): string {
  switch (expected) {
    case 'object':
      return l10n.t('an object');
    case 'string':
      return l10n.t('text');
    case 'boolean':
      return l10n.t('true or false');
    case 'int':
      return l10n.t('a whole number');
    case 'number':
      return l10n.t('a number');
    default:
      return expected;
  }
}
