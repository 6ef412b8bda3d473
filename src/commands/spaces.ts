/** The commands on spaces: open, find, pin, copy, browse, raw JSON. */
import * as vscode from 'vscode';
import type { Account } from '../core/accounts';
import type { SpaceDetails } from '../core/model';
import type { FindQuery } from '../core/vendors/vendor';
import { VENDORS } from '../core/vendors/catalog';
import { asSpacesError } from '../core/errors';
import { rawJsonText } from '../services/rawJson';
import { MAX_PINS } from '../services/pins';
import { forPick } from '../util/text';
import { confirmModal, copySpaceIds, openWebUrl, showError, showInfo, showStatus, withNotificationProgress } from '../util/workbench';
import type { CommandDeps } from './deps';
import { pickSpace, type SpacePick } from './spacePicker';
import { idsOf, type SpaceTarget } from './targets';

/** Above this many spaces, Open asks first: each space opens a panel of its own. */
const OPEN_WITHOUT_ASKING = 10;

/** Each space's panel; above 10, once asked. */
export async function open(deps: CommandDeps, arg: unknown, selected?: unknown): Promise<void> {
  const { targets } = deps;
  const spaces = await targets.spaces(targets.selection(arg, selected));
  if (spaces.length > OPEN_WITHOUT_ASKING && !(await confirmOpen(spaces.length))) return;
  for (const target of spaces) await openTarget(deps, target);
}

/** The space's panel, given what its row knows already (details still fresh, its name). */
export async function openTarget({ panels }: CommandDeps, { account, spaceId, node }: SpaceTarget): Promise<void> {
  await panels.open(account, spaceId, { details: node && !node.stale ? node.details : undefined, name: node?.knownName });
}

async function confirmOpen(count: number): Promise<boolean> {
  const openAll = vscode.l10n.t('Open All');
  return (await confirmModal(vscode.l10n.t('Open {0} spaces? Each opens in a panel of its own.', count), openAll)) === openAll;
}

export async function showRawJson(deps: CommandDeps, arg: unknown): Promise<void> {
  const target = await deps.targets.space(arg);
  const details = target && (await detailsOf(deps, target));
  if (details) await deps.raw.show(details);
}

/** Open Space… from the palette: a space of any account, or an id typed for an account picked next. */
export async function openSpace(deps: CommandDeps): Promise<void> {
  const enterId: SpacePick = { label: `$(edit) ${vscode.l10n.t('Enter an id…')}`, alwaysShow: true };
  const chosen = await pickSpace(deps, vscode.l10n.t('Open Space'), () => [enterId]);
  if (!chosen) return;
  if (chosen.account && chosen.spaceId !== undefined) return openPanel(deps, chosen.account, chosen.spaceId, chosen.name);
  const account = await deps.targets.pickAccount(vscode.l10n.t('Pick the account the space belongs to'));
  if (!account) return;
  const id = await vscode.window.showInputBox({
    title: forPick(vscode.l10n.t('Open Space in {0}', account.label)),
    prompt: vscode.l10n.t('The space id'),
    validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Enter an id')),
  });
  if (id) await openPanel(deps, account, id.trim());
}

/** Find Space… from the palette: a space of any account, or a vendor-side search on the typed text. */
export async function findSpace(deps: CommandDeps): Promise<void> {
  const searchable = await searchableAccounts(deps);
  const chosen = await pickSpace(deps, vscode.l10n.t('Find Space'), (value) => searchRows(searchable, value));
  if (!chosen?.account) return;
  if (!chosen.search) return openPanel(deps, chosen.account, chosen.spaceId!, chosen.name);
  await searchAndOpen(deps, chosen.account, chosen.search);
}

/** The spaces' ids, one a line, each once. */
export async function copySpaceId({ targets }: CommandDeps, arg: unknown, selected?: unknown): Promise<void> {
  const spaces = await targets.spaces(targets.selection(arg, selected));
  await copySpaceIds([...new Set(spaces.map((target) => target.spaceId))]);
}

/** Pins the spaces in the order given; says so when the group is full before they are all in. */
export async function pin({ targets, tree }: CommandDeps, arg: unknown, selected?: unknown): Promise<void> {
  for (const { account, spaceId } of await targets.spaces(targets.selection(arg, selected))) {
    if (tree.pins.has(account.id, spaceId)) continue;
    if (!(await tree.pins.pin(account.id, spaceId))) {
      void showInfo(vscode.l10n.t('"Pinned" holds {0} spaces at most: unpin one to pin another.', MAX_PINS));
      return;
    }
  }
}

/** Unpinning takes a saved id away and fetches nothing: a pin the account no longer lists can go too. */
export async function unpin({ targets, tree }: CommandDeps, arg: unknown, selected?: unknown): Promise<void> {
  for (const row of targets.selection(arg, selected)) {
    const { spaceId } = idsOf(row);
    const account = targets.account(row);
    if (account && spaceId !== undefined) await tree.pins.unpin(account.id, spaceId);
  }
}

export async function copyAsJson(deps: CommandDeps, arg: unknown): Promise<void> {
  const target = await deps.targets.space(arg);
  const details = target && (await detailsOf(deps, target));
  if (!details) return;
  // Bounded like Show Raw JSON; a cut copy says so in the status bar (JSON has no comments to say it in).
  const { text, note } = rawJsonText(details.raw);
  await vscode.env.clipboard.writeText(text);
  if (note) showStatus(note, 5000);
}

export async function openInBrowser(deps: CommandDeps, arg: unknown): Promise<void> {
  const target = await deps.targets.space(arg);
  if (target) await openWebUrl((await detailsOf(deps, target))?.webUrl);
}

/** The space's details: its row's (loaded if need be), else fetched for the configured account. */
async function detailsOf({ service }: CommandDeps, { account, spaceId, node }: SpaceTarget): Promise<SpaceDetails | undefined> {
  try {
    if (!node) return await service.getSpace(account, spaceId);
    await node.load();
    if (node.details) return node.details;
    throw node.error ?? new Error(vscode.l10n.t('The space could not be loaded.'));
  } catch (err) {
    void showError(vscode.l10n.t('"{0}": {1}', spaceId, asSpacesError(err).toString()));
    return undefined;
  }
}

/** The space's panel: it fetches and shows progress and errors itself. */
async function openPanel({ panels }: CommandDeps, account: Account, spaceId: string, name?: string): Promise<void> {
  await panels.open(account, spaceId, { name });
}

/** The accounts whose vendor can search (Blueworks today), as each client says, not as a list here says. */
async function searchableAccounts({ tree, service }: CommandDeps): Promise<Account[]> {
  const accounts = tree.shownAccounts();
  const canFind = await Promise.all(accounts.map((account) => service.capabilities(account).then(({ find }) => find, () => false)));
  return accounts.filter((_, index) => canFind[index]);
}

/** For the typed text: a search by name and one by tag in each account that can search. */
function searchRows(searchable: readonly Account[], value: string): SpacePick[] {
  if (!value) return [];
  return searchable.flatMap((account) => [searchRow(account, { name: value }), searchRow(account, { tag: value })]);
}

function searchRow(account: Account, search: { name: string } | { tag: string }): SpacePick {
  const label = 'name' in search ? vscode.l10n.t('Find spaces named "{0}"', search.name) : vscode.l10n.t('Find spaces tagged "{0}"', search.tag);
  return {
    label: `$(search) ${forPick(label)}`,
    description: forPick(`${VENDORS[account.vendor].name} · ${account.label}`),
    alwaysShow: true,
    account,
    search,
  };
}

/** Runs the vendor's search and opens the space picked from what it found. */
async function searchAndOpen(deps: CommandDeps, account: Account, search: FindQuery): Promise<void> {
  try {
    const found = await withNotificationProgress(vscode.l10n.t('Searching {0}…', account.label), (signal) => deps.service.findSpaces(account, search, { signal }));
    if (!found?.length) {
      void showInfo(vscode.l10n.t('No space in {0} matches.', account.label));
      return;
    }
    const pick = await vscode.window.showQuickPick(
      found.map(({ id, name }) => ({ label: forPick(name ?? id), description: forPick(id), id, name })),
      { title: forPick(vscode.l10n.t('Spaces found in {0}', account.label)) },
    );
    if (pick) await openPanel(deps, account, pick.id, pick.name);
  } catch (err) {
    const error = asSpacesError(err);
    if (error.kind !== 'cancelled') void showError(error.toString());
  }
}

/** Reveal in Spaces View for the active space panel (the palette, a keybinding), as its toolbar button does. */
export async function revealInView({ panels }: CommandDeps): Promise<void> {
  const panel = panels.active();
  if (!panel) {
    void showInfo(vscode.l10n.t("Reveal in Spaces View selects the active space panel's row: open a space first."));
    return;
  }
  await panel.revealInView();
}
