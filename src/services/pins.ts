/**
 * Pinned spaces: which spaces the tree's "Pinned" group shows, in the order they were pinned, by account id
 * and space id. Kept in the extension's global state, so pins outlive a window reload; an account removed
 * takes its pins with it. No `vscode` import (the store is anything Memento-shaped), so it is tested in Node.
 */
import { isRecord } from '../core/json';
import { ChangeListeners, type StateStore } from './stateStore';

export interface Pin {
  readonly accountId: string;
  readonly spaceId: string;
}

/** Synced between machines with the hidden accounts (`extension.ts`): ids only, read as untrusted. */
export const PINS_KEY = 'spaces.pins';
/** More pins than this are not kept: the group is for a few spaces at hand, and the state stays small. */
export const MAX_PINS = 100;

export class Pins {
  private pins: Pin[];
  private readonly listeners = new ChangeListeners();

  constructor(private readonly store: StateStore) {
    // The stored value is read as untrusted: anything but id pairs is dropped.
    const saved = store.get<unknown>(PINS_KEY);
    this.pins = (Array.isArray(saved) ? saved : [])
      .filter((p): p is Pin => isRecord(p) && typeof p.accountId === 'string' && typeof p.spaceId === 'string')
      .map(({ accountId, spaceId }) => ({ accountId, spaceId }))
      .slice(0, MAX_PINS);
  }

  /** The pins in the order they were pinned. */
  all(): readonly Pin[] {
    return this.pins;
  }

  has(accountId: string, spaceId: string): boolean {
    return this.pins.some((p) => p.accountId === accountId && p.spaceId === spaceId);
  }

  /** Pins the space last in the group; false when it was pinned already or the group is full. */
  async pin(accountId: string, spaceId: string): Promise<boolean> {
    if (this.has(accountId, spaceId) || this.pins.length >= MAX_PINS) return false;
    await this.save([...this.pins, { accountId, spaceId }]);
    return true;
  }

  async unpin(accountId: string, spaceId: string): Promise<boolean> {
    if (!this.has(accountId, spaceId)) return false;
    await this.save(this.pins.filter((p) => p.accountId !== accountId || p.spaceId !== spaceId));
    return true;
  }

  /** Drops the pins of accounts no longer configured. */
  async keepOnly(accountIds: readonly string[]): Promise<void> {
    const kept = this.pins.filter((p) => accountIds.includes(p.accountId));
    if (kept.length !== this.pins.length) await this.save(kept);
  }

  /** Called after every change of the pins. */
  onDidChange(listener: () => void): { dispose(): void } {
    return this.listeners.add(listener);
  }

  private async save(pins: Pin[]): Promise<void> {
    this.pins = pins;
    this.listeners.fire();
    await this.store.update(PINS_KEY, pins);
  }
}
