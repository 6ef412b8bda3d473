/**
 * The palette's picker over the spaces of every account (Open Space…, Find Space…): each account's rows
 * arrive on their own, first as its listing knows them, then with names and status from the details.
 */
import * as vscode from 'vscode';
import type { Account } from '../core/accounts';
import type { SpaceDetails } from '../core/model';
import type { FindQuery } from '../core/vendors/vendor';
import { VENDORS } from '../core/vendors/catalog';
import type { SpacesService } from '../services/spaces';
import { forPick } from '../util/text';
import type { CommandDeps } from './deps';

/** A space from any account, as the palette's pickers list it. */
export interface SpacePick extends vscode.QuickPickItem {
  readonly account?: Account;
  readonly spaceId?: string;
  /** The space's name as known, for the panel's title until its details arrive. */
  readonly name?: string;
  /** A row that runs a vendor-side search instead of naming a space. */
  readonly search?: FindQuery;
}

/**
 * One picker over every known space of the accounts the view shows (a hidden account is not searched).
 * `extras` adds rows for the typed text (an id to enter, searches); the caller decides what picking one of
 * those means. Resolves with the row picked, or undefined.
 */
export function pickSpace({ tree, service }: Pick<CommandDeps, 'tree' | 'service'>, title: string, extras: (value: string) => SpacePick[]): Promise<SpacePick | undefined> {
  return new SpacePicker(title, tree.shownAccounts(), extras).pick(service);
}

class SpacePicker {
  private readonly quickPick = vscode.window.createQuickPick<SpacePick>();
  /** Each account's rows as they arrived: one slow vendor holds back only its own. */
  private readonly rows = new Map<string, SpacePick[]>();
  /** Aborts what is still being fetched once the picker has closed. */
  private readonly controller = new AbortController();
  /** The accounts whose rows are still loading. */
  private pending: number;

  constructor(
    title: string,
    private readonly accounts: readonly Account[],
    private readonly extras: (value: string) => SpacePick[],
  ) {
    this.quickPick.title = title;
    this.quickPick.placeholder = vscode.l10n.t('Type to filter the spaces of every account');
    this.quickPick.matchOnDescription = true;
    this.quickPick.matchOnDetail = true;
    this.quickPick.keepScrollPosition = true;
    this.pending = accounts.length;
  }

  async pick(service: SpacesService): Promise<SpacePick | undefined> {
    const { quickPick } = this;
    quickPick.busy = this.pending > 0;
    this.update();
    quickPick.onDidChangeValue(() => this.update());
    quickPick.show();
    for (const account of this.accounts) this.load(service, account);
    const chosen = await new Promise<SpacePick | undefined>((resolve) => {
      quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]));
      quickPick.onDidHide(() => resolve(undefined));
    });
    // Closed: what is still being fetched for it is not needed any more.
    this.controller.abort();
    quickPick.dispose();
    return chosen;
  }

  private load(service: SpacesService, account: Account): void {
    const show = (picks: SpacePick[]) => {
      this.rows.set(account.id, picks);
      this.update();
    };
    void spacesOf(service, account, this.controller.signal, show).finally(() => (this.quickPick.busy = --this.pending > 0));
  }

  /** The rows anew: every account's as they are so far, then the extras for the typed text. */
  private update(): void {
    const { quickPick } = this;
    // New items move the highlight to the first row: keep it on the space the user had arrowed to.
    const active = quickPick.activeItems[0];
    quickPick.items = [...this.accounts.flatMap((a) => this.rows.get(a.id) ?? []), ...this.extras(quickPick.value.trim())];
    const again = active?.spaceId !== undefined && quickPick.items.find((item) => item.account?.id === active.account?.id && item.spaceId === active.spaceId);
    if (again) quickPick.activeItems = [again];
  }
}

/**
 * The spaces of `account` (listed or configured) as picker rows naming vendor and account: `show` gets
 * the rows at once with what the listing knows, then again with names and status from the details.
 */
async function spacesOf(service: SpacesService, account: Account, signal: AbortSignal, show: (rows: SpacePick[]) => void): Promise<void> {
  const refs = await service.listSpaces(account, { signal }).catch(() => account.spaces.map((id) => ({ id, name: undefined })));
  if (signal.aborted) return;
  show(refs.map(({ id, name }) => spaceRow(account, id, name)));
  const details = await Promise.all(refs.map(({ id }) => service.getSpace(account, id, { signal }).catch(() => undefined)));
  if (!signal.aborted) show(refs.map(({ id, name }, i) => spaceRow(account, id, name, details[i])));
}

function spaceRow(account: Account, id: string, name?: string, details?: SpaceDetails): SpacePick {
  return {
    label: forPick(details?.name ?? name ?? id),
    description: forPick(`${VENDORS[account.vendor].name} · ${account.label}`),
    detail: forPick(details?.status ? `${id} · ${details.status.label}` : id),
    account,
    spaceId: id,
    name: details?.name ?? name,
  };
}
