import * as vscode from 'vscode';
import type { Account } from '../core/accounts';
import type { SpaceDetails } from '../core/model';
import type { FindQuery } from '../core/vendors/vendor';
import { VENDORS } from '../core/vendors/catalog';
import { copySpaceId, openWebUrl } from '../util/workbench';
import { asSpacesError } from '../core/errors';
import type { SpaceNode } from './nodes';
import type { CommandDeps } from './commands';

/** A space from any account, as the palette's pickers list it. */
interface SpacePick extends vscode.QuickPickItem {
  readonly account?: Account;
  readonly spaceId?: string;
  /** A row that runs a vendor-side search instead of naming a space. */
  readonly search?: FindQuery;
}

/** The commands on spaces: open, find, copy, browse, raw JSON. */
export function registerSpaceCommands({ settings, service, panels, raw }: CommandDeps): vscode.Disposable[] {
  /** The node's details, fetched if the row has not loaded them yet. */
  async function detailsOf(node: SpaceNode): Promise<SpaceDetails | undefined> {
    await node.load();
    if (node.details) return node.details;
    void vscode.window.showErrorMessage(node.error?.toString() ?? vscode.l10n.t('The space could not be loaded.'));
    return undefined;
  }

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
      label: details?.name ?? name ?? id,
      description,
      detail: details?.status ? `${id} · ${details.status.label}` : id,
      account,
      spaceId: id,
    });
    const refs = await service.listSpaces(account, { signal }).catch(() => account.spaces.map((id) => ({ id, name: undefined })));
    if (signal.aborted) return;
    show(refs.map(({ id, name }) => row(id, name)));
    const details = await Promise.all(refs.map(({ id }) => service.getSpace(account, id, { signal }).catch(() => undefined)));
    if (!signal.aborted) show(refs.map(({ id, name }, i) => row(id, name, details[i])));
  }

  async function pickAccount(): Promise<Account | undefined> {
    const { accounts } = settings.read();
    const pick = await vscode.window.showQuickPick(
      accounts.map((account) => ({ label: account.label, description: VENDORS[account.vendor].name, account })),
      { title: vscode.l10n.t('Which account?'), placeHolder: vscode.l10n.t('Pick the account the space belongs to') },
    );
    return pick?.account;
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
    const { accounts } = settings.read();
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
    const searchable = settings.read().accounts.filter((a) => a.vendor === 'blueworks');
    const chosen = await pickSpace(vscode.l10n.t('Find Space'), (value) =>
      value
        ? searchable.flatMap((account) =>
            (['name', 'tag'] as const).map((by) => ({
              label: `$(search) ${by === 'name' ? vscode.l10n.t('Find spaces named "{0}"', value) : vscode.l10n.t('Find spaces tagged "{0}"', value)}`,
              description: `${VENDORS[account.vendor].name} · ${account.label}`,
              alwaysShow: true,
              account,
              search: { [by]: value },
            })),
          )
        : [],
    );
    if (!chosen?.account) return;
    if (!chosen.search) return open(chosen.account, chosen.spaceId!, chosen.label);
    const { account, search } = chosen;
    try {
      const found = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Searching {0}…', account.label), cancellable: true },
        (_, token) => service.findSpaces(account, search, { signal: abortOn(token) }),
      );
      if (!found?.length) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No space in {0} matches.', account.label));
        return;
      }
      const pick = await vscode.window.showQuickPick(
        found.map(({ id, name }) => ({ label: name ?? id, description: id, id })),
        { title: vscode.l10n.t('Spaces found in {0}', account.label) },
      );
      if (pick) await open(account, pick.id, pick.label);
    } catch (err) {
      const error = asSpacesError(err);
      if (error.kind !== 'cancelled') void vscode.window.showErrorMessage(error.toString());
    }
  }

  async function openSpace(): Promise<void> {
    const enterId: SpacePick = { label: `$(edit) ${vscode.l10n.t('Enter an id…')}`, alwaysShow: true };
    const chosen = await pickSpace(vscode.l10n.t('Open Space'), () => [enterId]);
    if (!chosen) return;
    if (chosen.account && chosen.spaceId !== undefined) return open(chosen.account, chosen.spaceId, chosen.label);
    const account = await pickAccount();
    if (!account) return;
    const id = await vscode.window.showInputBox({
      title: vscode.l10n.t('Open Space in {0}', account.label),
      prompt: vscode.l10n.t('The space id'),
      validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Enter an id')),
    });
    if (id) await open(account, id.trim());
  }

  const command = (id: string, run: (...args: never[]) => unknown) => vscode.commands.registerCommand(`spaces.${id}`, run);
  return [
    raw.register(),
    command('open', (node: SpaceNode) => panels.open(node.account, node.spaceId, { details: node.stale ? undefined : node.details, name: node.knownName })),
    command('showRawJson', async (node: SpaceNode) => {
      const details = await detailsOf(node);
      if (details) await raw.show(details);
    }),
    command('openSpace', openSpace),
    command('findSpace', findSpace),
    command('copySpaceId', (node: SpaceNode) => copySpaceId(node.spaceId)),
    command('copyAsJson', async (node: SpaceNode) => {
      const details = await detailsOf(node);
      if (details) await vscode.env.clipboard.writeText(JSON.stringify(details.raw, null, 2));
    }),
    command('openInBrowser', async (node: SpaceNode) => openWebUrl((await detailsOf(node))?.webUrl)),
  ];
}

function abortOn(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}
