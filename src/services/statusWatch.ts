/**
 * Which spaces changed status since the user last looked. The status a user has seen is the first one
 * fetched, or the one shown when they last selected the space's row or had its panel on screen; a later
 * fetch with another status is a change ("Active → Error") until they look again. No `vscode` import.
 */

/** A change the user has not seen yet: from the status they last saw to the one fetched since. */
export interface StatusChange {
  readonly from: string;
  readonly to: string;
}

/** A change just found, with what a notification needs to name the space. */
export interface FoundChange extends StatusChange {
  readonly accountId: string;
  readonly spaceId: string;
  readonly name: string;
}

const key = (accountId: string, spaceId: string) => JSON.stringify([accountId, spaceId]);

export class StatusWatch {
  /** By space: the status last seen, and the change since, if any. */
  private readonly spaces = new Map<string, { seen: string; change?: StatusChange }>();
  private readonly changedListeners = new Set<(accountId: string, spaceId: string) => void>();
  private readonly foundListeners = new Set<(change: FoundChange) => void>();

  /** `onScreen`: whether the space is in front of the user now (its panel visible), so a new status is seen. */
  constructor(private readonly onScreen: (accountId: string, spaceId: string) => boolean) {}

  /** A space fetched with `status` (its label; undefined when the vendor gives none, which changes nothing). */
  observe(space: { accountId: string; id: string; name: string; status?: { label: string } }): void {
    const status = space.status?.label;
    if (status === undefined) return;
    const id = key(space.accountId, space.id);
    const known = this.spaces.get(id);
    if (!known || this.onScreen(space.accountId, space.id)) {
      this.spaces.set(id, { seen: status });
      if (known?.change) this.announce(space.accountId, space.id);
      return;
    }
    if (status === known.seen) {
      if (!known.change) return;
      known.change = undefined;
    } else {
      if (known.change?.to === status) return;
      known.change = { from: known.seen, to: status };
      for (const listener of this.foundListeners) listener({ accountId: space.accountId, spaceId: space.id, name: space.name, ...known.change });
    }
    this.announce(space.accountId, space.id);
  }

  /** The user looked at the space (selected its row, or its panel came on screen): its change is seen. */
  seen(accountId: string, spaceId: string): void {
    const known = this.spaces.get(key(accountId, spaceId));
    if (!known?.change) return;
    known.seen = known.change.to;
    known.change = undefined;
    this.announce(accountId, spaceId);
  }

  /** The change of the space not seen yet, if any. */
  change(accountId: string, spaceId: string): StatusChange | undefined {
    return this.spaces.get(key(accountId, spaceId))?.change;
  }

  /** How many spaces of the accounts `counted` lets through have a change not seen yet (the view's badge). */
  unseen(counted: (accountId: string) => boolean): number {
    let count = 0;
    for (const [id, { change }] of this.spaces) if (change && counted((JSON.parse(id) as [string])[0])) count++;
    return count;
  }

  /** Forgets the spaces of accounts no longer configured. */
  keepOnly(accountIds: readonly string[]): void {
    for (const id of this.spaces.keys()) {
      const [accountId] = JSON.parse(id) as [string, string];
      if (!accountIds.includes(accountId)) this.spaces.delete(id);
    }
  }

  /** A space's mark came or went: its rows redraw. */
  onDidChange(listener: (accountId: string, spaceId: string) => void): { dispose(): void } {
    this.changedListeners.add(listener);
    return { dispose: () => this.changedListeners.delete(listener) };
  }

  /** A new change was found (once per new status). */
  onDidFind(listener: (change: FoundChange) => void): { dispose(): void } {
    this.foundListeners.add(listener);
    return { dispose: () => this.foundListeners.delete(listener) };
  }

  private announce(accountId: string, spaceId: string): void {
    for (const listener of this.changedListeners) listener(accountId, spaceId);
  }
}
