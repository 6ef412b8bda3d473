/**
 * The network settings, read so that no value can turn a limit off: each must be a number within its
 * range, else the default is used and the problem is named. Pure (no `vscode`), so it is tested in Node.
 */

/** Each network setting (under `spaces.`): its range and default, as package.json declares them. */
export const NETWORK_SETTINGS = {
  requestTimeoutSeconds: { min: 1, max: 600, fallback: 30, integer: false },
  cacheTtlSeconds: { min: 0, max: 86_400, fallback: 300, integer: false },
  maxConcurrentRequests: { min: 1, max: 32, fallback: 6, integer: true },
  maxResponseMegabytes: { min: 1, max: 100, fallback: 10, integer: false },
} as const;

export type NetworkSetting = keyof typeof NETWORK_SETTINGS;

export type NetworkLimits = Record<NetworkSetting, number>;

/**
 * The limits from `read` (a setting's value as configured, undefined when unset), and one line per value
 * that was refused and replaced by its default.
 */
export function networkLimits(read: (setting: NetworkSetting) => unknown): { limits: NetworkLimits; problems: string[] } {
  const problems: string[] = [];
  const limits = {} as NetworkLimits;
  for (const [setting, { min, max, fallback, integer }] of Object.entries(NETWORK_SETTINGS) as [NetworkSetting, (typeof NETWORK_SETTINGS)[NetworkSetting]][]) {
    const value = read(setting);
    const fine = typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value));
    if (value !== undefined && !fine) {
      problems.push(`spaces.${setting} = ${JSON.stringify(value) ?? typeof value} is not ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}: using ${fallback}`);
    }
    limits[setting] = fine ? value : fallback;
  }
  return { limits, problems };
}

/** `spaces.autoRefreshMinutes`: 0 is off; any other value at least a minute, so none refreshes without pause. */
const AUTO_REFRESH = { min: 1, max: 1440, off: 0 } as const;

/** The auto-refresh interval in minutes (0: off) from the setting's value, and the problem with a value refused. */
export function autoRefreshMinutes(value: unknown): { minutes: number; problem?: string } {
  if (value === undefined || value === AUTO_REFRESH.off) return { minutes: AUTO_REFRESH.off, problem: undefined };
  if (typeof value === 'number' && value >= AUTO_REFRESH.min && value <= AUTO_REFRESH.max) return { minutes: value, problem: undefined };
  const shown = JSON.stringify(value) ?? typeof value;
  return { minutes: AUTO_REFRESH.off, problem: `spaces.autoRefreshMinutes = ${shown} is not 0 (off) or a number of minutes from ${AUTO_REFRESH.min} to ${AUTO_REFRESH.max}: auto-refresh is off` };
}

/** How many rows a list of the tree shows (and fetches the details of) before "Load more". */
export const PAGE_SIZE = 200;

/** The rows of a page that are on screen when it is first drawn: their details are asked for first. */
export const ROWS_IN_VIEW = 20;

/**
 * The longest the rows in view wait for each other: to be drawn together (then each is drawn as it comes),
 * and before the rest of their page is asked for (so one slow space does not hold back the others).
 */
export const ROWS_IN_VIEW_WAIT_MS = 1000;
