import type { StateStore } from '../../../src/services/stateStore';

/**
 * A Memento-shaped store in memory, as globalState is across a window reload: `values` by key, `initial`
 * under `key` to begin with, and `saved`, what `key` holds now.
 */
export function memoryStore(key: string, initial?: unknown): StateStore & { readonly saved: unknown; readonly values: Record<string, unknown> } {
  const values: Record<string, unknown> = initial === undefined ? {} : { [key]: initial };
  return {
    values,
    get saved() {
      return values[key];
    },
    get: <T>(name: string) => values[name] as T | undefined,
    update: async (name: string, value: unknown) => {
      values[name] = value;
    },
  };
}
