/**
 * What the services keep their state in, and how they say it changed: the part of VS Code's `Memento`
 * (globalState, workspaceState) they use, and listeners without VS Code's event emitter, so that the services
 * are tested in plain Node against a store in memory.
 */

/** A `Memento`'s get and update: globalState or workspaceState in the extension, a map in the tests. */
export interface StateStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

/** The listeners of a service's one "changed" event. */
export class ChangeListeners {
  private readonly listeners = new Set<() => void>();

  /** Calls `listener` after every change, until disposed. */
  add(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  fire(): void {
    for (const listener of this.listeners) listener();
  }
}
