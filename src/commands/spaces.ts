import * as vscode from 'vscode';
import type { Account } from '../core/accounts';
import type { SpaceDetails } from '../core/model';
import type { FindQuery } from '../core/vendors/vendor';
import { VENDORS } from '../core/vendors/catalog';
import { copySpaceId, openWebUrl, showError, showInfo, showStatus, withNotificationProgress } from '../util/workbench';
import { forPick } from '../util/text';
import { registerCommand } from '../util/commands';
import { asSpacesError } from '../core/errors';
import { rawJsonText } from '../services/rawJson';
import type { CommandDeps } from './deps';
import { idsOf, type SpaceTarget } from './targets';

/** A space from any account, as the palette's pickers list it. */
interface SpacePick extends vscode.QuickPickItem {
  readonly account?: Account;
  readonly spaceId?: string;
  /** The space's name as known, for the panel's title until its details arrive. */
  readonly name?: string;
  /** A row that runs a vendor-side search instead of naming a space. */
  readonly search?: FindQuery;
}

/** The commands on spaces: open, find, pin, copy, browse, raw JSON. */
export function registerSpaceCommands({ config, service, panels, raw, targets, log, tree }: CommandDeps): vscode.Disposable[] {
  /** The space's details: its row's (loaded if need be), else fetched for the configured account. */
  async function detailsOf({ account, spaceId, node }: SpaceTarget): Promise<SpaceDetails | undefined> {
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

  /** Runs `run` on the space `arg` names, resolved from the settings (`CommandTargets`); nothing when it names none. */
  const onSpace =
    (run: (target: SpaceTarget) => unknown) =>
    async (arg: unknown): Promise<unknown> => {
      const target = await targets.space(arg);
      return target && run(target);
    };

  /** The space's panel: it fetches and shows progress and errors itself. */
  async function open(account: Account, spaceId: string, name?: string): Promise<void> {
    await panels.open(account, spaceId, { name });
  }

  /**
   * The spaces of `account` (listed or configured) as picker rows naming vendor and account: `show` gets
   * the rows at once with what the listing knows, then again with names and status from the details.
   */
  async function spacesOf(account: Account, signal: AbortSignal, show: (rows: SpacePick[]) => void): Promise<void> {
    const description = `${VENDORS[account.vendor].name} · ${account.label}`;
    const row = (id: string, name?: string, details?: SpaceDetails): SpacePick => ({
      label: forPick(details?.name ?? name ?? id),
      description: forPick(description),
      detail: forPick(details?.status ? `${id} · ${details.status.label}` : id),
      account,
      spaceId: id,
      name: details?.name ?? name,
    });
    const refs = await service.listSpaces(account, { signal }).catch(() => account.spaces.map((id) => ({ id, name: undefined })));
    if (signal.aborted) return;
    show(refs.map(({ id, name }) => row(id, name)));
    const details = await Promise.all(refs.map(({ id }) => service.getSpace(account, id, { signal }).catch(() => undefined)));
    if (!signal.aborted) show(refs.map(({ id, name }, i) => row(id, name, details[i])));
  }

  /**
   * One picker over every known space. `extras` adds rows for the typed text (an id to enter, searches);
   * the caller decides what picking one of those means.
   */
  async function pickSpace(title: string, extras: (value: string) => SpacePick[]): Promise<SpacePick | undefined> {
    const quickPick = vscode.window.createQuickPick<SpacePick>();
    quickPick.title = title;
    quickPick.placeholder = vscode.l10n.t('Type to filter the spaces of every account');
    quickPick.matchOnDescription = true;
    quickPick.matchOnDetail = true;
    quickPick.keepScrollPosition = true;
    // Each account's rows arrive on their own, so one slow vendor holds back only its own rows.
    const { accounts } = config.accounts();
    const rows = new Map<string, SpacePick[]>();
    const update = () => {
      // New items move the highlight to the first row: keep it on the space the user had arrowed to.
      const active = quickPick.activeItems[0];
      quickPick.items = [...accounts.flatMap((a) => rows.get(a.id) ?? []), ...extras(quickPick.value.trim())];
      const again = active?.spaceId !== undefined && quickPick.items.find((item) => item.account?.id === active.account?.id && item.spaceId === active.spaceId);
      if (again) quickPick.activeItems = [again];
    };
    const controller = new AbortController();
    let pending = accounts.length;
    quickPick.busy = pending > 0;
    update();
    quickPick.onDidChangeValue(update);
    quickPick.show();
    for (const account of accounts) {
      const show = (picks: SpacePick[]) => {
        rows.set(account.id, picks);
        update();
      };
      void spacesOf(account, controller.signal, show).finally(() => (quickPick.busy = --pending > 0));
    }
    const chosen = await new Promise<SpacePick | undefined>((resolve) => {
      quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]));
      quickPick.onDidHide(() => resolve(undefined));
    });
    // Closed: what is still being fetched for it is not needed any more.
    controller.abort();
    quickPick.dispose();
    return chosen;
  }

  async function findSpace(): Promise<void> {
    // The accounts whose vendor can search (Blueworks today), as each client says, not as a list here says.
    const accounts = config.accounts().accounts;
    const canFind = await Promise.all(accounts.map((account) => service.capabilities(account).then(({ find }) => find, () => false)));
    const searchable = accounts.filter((_, index) => canFind[index]);
    const chosen = await pickSpace(vscode.l10n.t('Find Space'), (value) =>
      value
        ? searchable.flatMap((account) =>
            (['name', 'tag'] as const).map((by) => ({
              label: `$(search) ${forPick(by === 'name' ? vscode.l10n.t('Find spaces named "{0}"', value) : vscode.l10n.t('Find spaces tagged "{0}"', value))}`,
              description: forPick(`${VENDORS[account.vendor].name} · ${account.label}`),
              alwaysShow: true,
              account,
              search: { [by]: value },
            })),
          )
        : [],
    );
    if (!chosen?.account) return;
    if (!chosen.search) return open(chosen.account, chosen.spaceId!, chosen.name);
    const { account, search } = chosen;
    try {
      const found = await withNotificationProgress(vscode.l10n.t('Searching {0}…', account.label), (signal) => service.findSpaces(account, search, { signal }));
      if (!found?.length) {
        void showInfo(vscode.l10n.t('No space in {0} matches.', account.label));
        return;
      }
      const pick = await vscode.window.showQuickPick(
        found.map(({ id, name }) => ({ label: forPick(name ?? id), description: forPick(id), id, name })),
        { title: forPick(vscode.l10n.t('Spaces found in {0}', account.label)) },
      );
      if (pick) await open(account, pick.id, pick.name);
    } catch (err) {
      const error = asSpacesError(err);
      if (error.kind !== 'cancelled') void showError(error.toString());
    }
  }

  async function openSpace(): Promise<void> {
    const enterId: SpacePick = { label: `$(edit) ${vscode.l10n.t('Enter an id…')}`, alwaysShow: true };
    const chosen = await pickSpace(vscode.l10n.t('Open Space'), () => [enterId]);
    if (!chosen) return;
    if (chosen.account && chosen.spaceId !== undefined) return open(chosen.account, chosen.spaceId, chosen.name);
    const account = await targets.pickAccount(vscode.l10n.t('Pick the account the space belongs to'));
    if (!account) return;
    const id = await vscode.window.showInputBox({
      title: forPick(vscode.l10n.t('Open Space in {0}', account.label)),
      prompt: vscode.l10n.t('The space id'),
      validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Enter an id')),
    });
    if (id) await open(account, id.trim());
  }

  const command = (id: string, run: (...args: never[]) => unknown) => registerCommand(log, id, run);
  return [
    raw.register(),
    command(
      'open',
      onSpace(({ account, spaceId, node }) => panels.open(account, spaceId, { details: node && !node.stale ? node.details : undefined, name: node?.knownName })),
    ),
    command(
      'showRawJson',
      onSpace(async (target) => {
        const details = await detailsOf(target);
        if (details) await raw.show(details);
      }),
    ),
    command('openSpace', openSpace),
    command('findSpace', findSpace),
    command('copySpaceId', onSpace(({ spaceId }) => copySpaceId(spaceId))),
    command('pin', onSpace(({ account, spaceId }) => tree.pins.pin(account.id, spaceId))),
    // Unpinning takes a saved id away and fetches nothing: a pin the account no longer lists can go too.
    command('unpin', async (arg: unknown) => {
      const { spaceId } = idsOf(arg);
      const account = targets.account(arg);
      if (account && spaceId !== undefined) await tree.pins.unpin(account.id, spaceId);
    }),
    command(
      'copyAsJson',
      onSpace(async (target) => {
        const details = await detailsOf(target);
        if (!details) return;
        // Bounded like Show Raw JSON; a cut copy says so in the status bar (JSON has no comments to say it in).
        const { text, note } = rawJsonText(details.raw);
        await vscode.env.clipboard.writeText(text);
        if (note) showStatus(note, 5000);
      }),
    ),
    command('openInBrowser', onSpace(async (target) => openWebUrl((await detailsOf(target))?.webUrl))),
  ];
}
