/**
 * The four tools for AI assistants, each as a plan (what it will read, and the requests it would send with
 * the user's credentials, if any) and an answer. The answer sends requests only when `mayRequest` says the
 * user allowed the plan's requests; without it, everything comes from what is known (`SpacesKnowledge`).
 */
import * as vscode from 'vscode';
import type { Account } from '../core/accounts';
import { asSpacesError } from '../core/errors';
import { hostOf } from '../core/httpErrors';
import type { ToolInput, ToolName } from '../core/tools/inputs';
import { answer, changeAnswer, matchSpaces, refusal, spaceAnswer, spaceMatch, TOOL_LIMITS, type KnownSpace, type SpaceMatch } from '../core/tools/results';
import { VENDORS } from '../core/vendors/catalog';
import type { SpacesService } from '../services/spaces';
import type { StatusHistory } from '../services/statusHistory';
import { forMessage } from '../util/text';
import type { SpacesKnowledge, TargetLookup } from './knowledge';

export interface ToolDeps {
  readonly knowledge: SpacesKnowledge;
  readonly service: SpacesService;
  readonly history: StatusHistory;
}

/** What a call will do: what it reads (the progress message), and the requests the user is asked about. */
export interface Plan {
  readonly reads: string;
  readonly requests?: string;
}

export interface ToolDefinition<T extends ToolName> {
  plan(deps: ToolDeps, input: ToolInput<T>): Promise<Plan>;
  /** The answer as JSON; `mayRequest`: the user allowed the plan's requests. */
  answer(deps: ToolDeps, input: ToolInput<T>, mayRequest: boolean, signal: AbortSignal): Promise<string>;
}

export const TOOLS: { readonly [T in ToolName]: ToolDefinition<T> } = {
  spaces_listAccounts: {
    plan: async () => ({ reads: vscode.l10n.t('Reading the Spaces accounts and what the Spaces view knows of them') }),
    answer: async ({ knowledge }) => answer({ accounts: knowledge.accounts().map((account) => accountAnswer(knowledge, account)) }),
  },
  spaces_findSpaces: {
    plan: planFind,
    answer: find,
  },
  spaces_getSpace: {
    plan: planGet,
    answer: get,
  },
  spaces_recentChanges: {
    plan: async () => ({ reads: vscode.l10n.t('Reading the status changes refreshes have found') }),
    answer: recentChanges,
  },
};

function accountAnswer(knowledge: SpacesKnowledge, account: Account) {
  return {
    accountId: account.id,
    vendor: account.vendor,
    vendorName: VENDORS[account.vendor].name,
    label: account.label,
    ...knowledge.reachability(account),
    spacesKnown: knowledge.spaces(account).length,
  };
}

// --- spaces_findSpaces ---------------------------------------------------------------------------

/** The accounts a search covers: the one named, or those of the vendor named, or all. */
function accountsIn(knowledge: SpacesKnowledge, input: ToolInput<'spaces_findSpaces'>): readonly Account[] {
  return knowledge.accounts().filter((a) => (input.accountId === undefined || a.id === input.accountId) && (input.vendor === undefined || a.vendor === input.vendor));
}

/** The accounts whose vendor's own search would run for this input (none unless asked for, with words). */
async function searchedAccounts({ knowledge, service }: ToolDeps, input: ToolInput<'spaces_findSpaces'>): Promise<Account[]> {
  if (!input.searchVendors || !input.words?.trim()) return [];
  const accounts = accountsIn(knowledge, input);
  const canFind = await Promise.all(accounts.map((account) => service.capabilities(account).then(({ find }) => find, () => false)));
  return accounts.filter((_, index) => canFind[index]);
}

async function planFind(deps: ToolDeps, input: ToolInput<'spaces_findSpaces'>): Promise<Plan> {
  const reads = vscode.l10n.t('Looking through the spaces the Spaces view knows');
  const searched = await searchedAccounts(deps, input);
  if (searched.length === 0) return { reads };
  const labels = searched.map((account) => `"${account.label}"`).join(', ');
  return { reads, requests: vscode.l10n.t('Search {0} for "{1}": requests to their servers with your credentials.', forMessage(labels), forMessage(input.words)) };
}

async function find(deps: ToolDeps, input: ToolInput<'spaces_findSpaces'>, mayRequest: boolean, signal: AbortSignal): Promise<string> {
  const { knowledge } = deps;
  if (input.accountId !== undefined && !knowledge.accounts().some((a) => a.id === input.accountId)) return refusal(unknownAccount(input.accountId));
  const accounts = accountsIn(knowledge, input);
  const known = matchSpaces(accounts.flatMap((account) => knowledge.spaces(account)), input);
  const searched = mayRequest ? await vendorSearch(deps.service, await searchedAccounts(deps, input), input.words ?? '', signal) : undefined;
  const extra = searched ? searched.found.filter((space) => !known.matches.some((m) => m.accountId === space.accountId && m.spaceId.vendorText === space.spaceId.vendorText)) : [];
  const matches = [...known.matches, ...extra].slice(0, TOOL_LIMITS.matches);
  const total = known.total + extra.length;
  return answer({
    matches,
    total,
    more: total > matches.length,
    ...(total > matches.length ? { hint: vscode.l10n.t('Only the first {0} are listed: narrow the words, status, vendor or account to see others.', TOOL_LIMITS.matches) } : {}),
    notYetNamed: known.notYetNamed,
    accountsNotListedYet: accounts.filter((account) => !knowledge.listed(account)).map((account) => account.id),
    ...(searched ? { vendorSearch: { searched: searched.searched, failed: searched.failed } } : {}),
  });
}

/** The vendors' own search in `accounts` (by name and by tag, as Find Space… does); a failure is its kind only. */
async function vendorSearch(service: SpacesService, accounts: readonly Account[], words: string, signal: AbortSignal) {
  const found: SpaceMatch[] = [];
  const failed: { accountId: string; problem: string }[] = [];
  await Promise.all(
    accounts.map(async (account) => {
      try {
        const refs = (await Promise.all([{ name: words }, { tag: words }].map((query) => service.findSpaces(account, query, { signal })))).flatMap((list) => list ?? []);
        const unique = [...new Map(refs.map((ref) => [ref.id, ref])).values()];
        found.push(...unique.map((ref) => spaceMatch({ accountId: account.id, vendor: account.vendor, spaceId: ref.id, name: ref.name, from: 'vendorSearch' } satisfies KnownSpace)));
      } catch (err) {
        failed.push({ accountId: account.id, problem: asSpacesError(err).kind });
      }
    }),
  );
  return { found, failed, searched: accounts.map((account) => account.id) };
}

// --- spaces_getSpace -----------------------------------------------------------------------------

async function planGet({ knowledge }: ToolDeps, input: ToolInput<'spaces_getSpace'>): Promise<Plan> {
  const reads = vscode.l10n.t('Reading a space the Spaces view knows');
  const lookup = knowledge.target(input.accountId, input.spaceId);
  if (lookup.kind !== 'found' || (lookup.target.node?.details && !input.refresh)) return { reads };
  const { account, node } = lookup.target;
  const name = node?.known.name ?? input.spaceId;
  return { reads, requests: vscode.l10n.t('Fetch the space "{0}" from "{1}" ({2}): a request with your credentials.', forMessage(name), forMessage(account.label), hostOf(account.baseUrl)) };
}

async function get({ knowledge, service }: ToolDeps, input: ToolInput<'spaces_getSpace'>, mayRequest: boolean, signal: AbortSignal): Promise<string> {
  const lookup = knowledge.target(input.accountId, input.spaceId);
  if (lookup.kind !== 'found') return refusal(notFound(lookup, input.accountId));
  const { account, node } = lookup.target;
  const known = node?.details;
  if (known && !input.refresh) return answer(spaceAnswer(known, { now: Date.now(), refreshPending: node.stale }));
  if (!mayRequest) return refusal(vscode.l10n.t('Fetching this space needs a request the user has not allowed: nothing was fetched.'));
  try {
    const details = await service.getSpace(account, input.spaceId, { signal, refresh: input.refresh === true });
    return answer(spaceAnswer(details, { now: Date.now(), refreshPending: false }));
  } catch (err) {
    return refusal(vscode.l10n.t('Fetching the space failed ({0}); the Spaces view shows what went wrong.', asSpacesError(err).kind));
  }
}

/** Why no space was read, in words: nothing was fetched for an id that is not known. */
function notFound(lookup: Exclude<TargetLookup, { kind: 'found' }>, accountId: string): string {
  if (lookup.kind === 'unknownAccount') return unknownAccount(accountId);
  if (lookup.remembered) return vscode.l10n.t('Account "{0}" showed this space before the window reloaded, but has not confirmed it since: nothing was fetched. Expanding the account in the Spaces view lists it anew.', accountId);
  return vscode.l10n.t('Account "{0}" does not show a space with this id, as far as is known: nothing was fetched. spaces_findSpaces lists the spaces known.', accountId);
}

function unknownAccount(accountId: string): string {
  return vscode.l10n.t('No account with the id "{0}" is configured: nothing was read. spaces_listAccounts lists the accounts.', accountId);
}

// --- spaces_recentChanges ------------------------------------------------------------------------

/** How many changes an answer lists when the input does not say. */
const CHANGES_SHOWN = 50;

async function recentChanges({ knowledge, history }: ToolDeps, input: ToolInput<'spaces_recentChanges'>): Promise<string> {
  const configured = knowledge.accounts().map((account) => account.id);
  if (input.accountId !== undefined && !configured.includes(input.accountId)) return refusal(unknownAccount(input.accountId));
  const changes = history.list(input.accountId === undefined ? configured : [input.accountId]);
  const shown = changes.slice(0, input.limit ?? CHANGES_SHOWN);
  return answer({ changes: shown.map(changeAnswer), total: changes.length, more: changes.length > shown.length, keptAtMost: TOOL_LIMITS.changes });
}
