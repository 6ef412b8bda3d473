/**
 * The extension's settings, read in one place. Accounts come from user settings only (a workspace must
 * never add or redirect an account); the network settings are machine-scoped and clamped, so no value
 * turns a limit off. A change says what it affects: the accounts (the tree redraws) or the HTTP client
 * (it is built anew), so nobody keeps a hand-made list of which setting matters to whom.
 */
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { parseAccounts, type ParsedAccounts } from '../core/accounts';
import type { HttpOptions } from '../core/http';
import { autoRefreshMinutes, NETWORK_SETTINGS, networkLimits } from '../core/limits';
import { groupByOf, sortByOf, type GroupBy, type SortBy } from '../core/treeView';
import { Disposable } from '../util/disposable';
import { forLog } from '../util/text';

const SECTION = 'spaces';
const ACCOUNTS = 'accounts';
/** Every setting the HTTP client is built from: ours, and VS Code's proxy settings. */
const HTTP_SETTINGS = [...Object.keys(NETWORK_SETTINGS), 'extraCaCertificates'].map((key) => `${SECTION}.${key}`).concat('http');

const AUTO_REFRESH = 'autoRefreshMinutes';
const AI_TOOLS = 'ai.tools.enabled';
const GROUP_BY = 'groupBy';
const SORT_BY = 'sortBy';

/** What a settings change affects. */
export interface ConfigChange {
  readonly accounts: boolean;
  readonly http: boolean;
  readonly autoRefresh: boolean;
  readonly aiTools: boolean;
  /** How the Spaces view groups and sorts its rows. */
  readonly arrangement: boolean;
}

function affects(e: vscode.ConfigurationChangeEvent): ConfigChange {
  return {
    accounts: e.affectsConfiguration(`${SECTION}.${ACCOUNTS}`),
    http: HTTP_SETTINGS.some((setting) => e.affectsConfiguration(setting)),
    autoRefresh: e.affectsConfiguration(`${SECTION}.${AUTO_REFRESH}`),
    aiTools: e.affectsConfiguration(`${SECTION}.${AI_TOOLS}`),
    arrangement: [GROUP_BY, SORT_BY].some((setting) => e.affectsConfiguration(`${SECTION}.${setting}`)),
  };
}

export class Config extends Disposable {
  private readonly accountsChanged = this.register(new vscode.EventEmitter<void>());
  private readonly httpChanged = this.register(new vscode.EventEmitter<void>());
  /** Fires when the accounts changed: the tree lists them anew. */
  readonly onDidChangeAccounts = this.accountsChanged.event;
  /** Fires when what the HTTP client is built from changed: it is built anew. */
  readonly onDidChangeHttp = this.httpChanged.event;
  private readonly autoRefreshChanged = this.register(new vscode.EventEmitter<void>());
  /** Fires when the auto-refresh interval changed. */
  readonly onDidChangeAutoRefresh = this.autoRefreshChanged.event;
  private readonly aiToolsChanged = this.register(new vscode.EventEmitter<void>());
  /** Fires when the tools for AI assistants were turned on or off. */
  readonly onDidChangeAiTools = this.aiToolsChanged.event;
  private readonly arrangementChanged = this.register(new vscode.EventEmitter<void>());
  /** Fires when `spaces.groupBy` or `spaces.sortBy` changed. */
  readonly onDidChangeArrangement = this.arrangementChanged.event;
  private writes: Promise<void> = Promise.resolve();
  private readonly warned = new Set<string>();

  constructor(private readonly log: vscode.LogOutputChannel) {
    super();
    this.register(vscode.workspace.onDidChangeConfiguration((e) => this.changed(affects(e))));
  }

  /** Announces what a change affects (a change to both fires both). */
  private changed(change: ConfigChange): void {
    if (change.accounts) this.accountsChanged.fire();
    if (change.http) this.httpChanged.fire();
    if (change.autoRefresh) this.autoRefreshChanged.fire();
    if (change.aiTools) this.aiToolsChanged.fire();
    if (change.arrangement) this.arrangementChanged.fire();
  }

  /** The accounts, each checked: usable ones, and broken entries saying what is wrong. */
  accounts(): ParsedAccounts {
    return parseAccounts(this.rawAccounts());
  }

  /** The `spaces.accounts` array as it stands in user settings, entries unparsed (broken ones too). */
  rawAccounts(): readonly unknown[] {
    const value = vscode.workspace.getConfiguration(SECTION).inspect<unknown>(ACCOUNTS)?.globalValue;
    return Array.isArray(value) ? value : [];
  }

  /**
   * Reads the user-settings array, applies `change` and writes the result back to user settings (never
   * to a workspace). Updates run one after another, so two quick changes never lose one another.
   */
  updateAccounts(change: (entries: readonly unknown[]) => unknown[]): Promise<void> {
    const next = this.writes.then(async () => {
      const entries = change(this.rawAccounts());
      await vscode.workspace.getConfiguration(SECTION).update(ACCOUNTS, entries.length ? entries : undefined, vscode.ConfigurationTarget.Global);
    });
    this.writes = next.catch(() => undefined);
    return next;
  }

  /** Minutes between background refreshes of what is shown (0: off). */
  autoRefreshMinutes(): number {
    const { minutes, problem } = autoRefreshMinutes(vscode.workspace.getConfiguration(SECTION).get<unknown>(AUTO_REFRESH));
    if (problem) this.warnOnce(problem);
    return minutes;
  }

  /** How the Spaces view groups its rows (`spaces.groupBy`). */
  groupBy(): GroupBy {
    return groupByOf(vscode.workspace.getConfiguration(SECTION).get<unknown>(GROUP_BY));
  }

  /** How the Spaces view sorts its space rows (`spaces.sortBy`). */
  sortBy(): SortBy {
    return sortByOf(vscode.workspace.getConfiguration(SECTION).get<unknown>(SORT_BY));
  }

  /** Keeps a grouping or sort chosen in the view's title in user settings, for every window and the next. */
  async arrange(change: { groupBy?: GroupBy; sortBy?: SortBy }): Promise<void> {
    const spaces = vscode.workspace.getConfiguration(SECTION);
    if (change.groupBy) await spaces.update(GROUP_BY, change.groupBy, vscode.ConfigurationTarget.Global);
    if (change.sortBy) await spaces.update(SORT_BY, change.sortBy, vscode.ConfigurationTarget.Global);
  }

  /** Whether a pinned space whose status changes in a background refresh says so in a notification. */
  notifyOnStatusChange(): boolean {
    return vscode.workspace.getConfiguration(SECTION).get<boolean>('notifyOnStatusChange', false) === true;
  }

  /** Whether the tools for AI assistants are offered (an application setting: a workspace cannot turn them on). */
  aiToolsEnabled(): boolean {
    return vscode.workspace.getConfiguration(SECTION).get<unknown>(AI_TOOLS, true) !== false;
  }

  /** Whether the tree selects the row of the space whose panel is active (as the Explorer follows the editor). */
  followActivePanel(): boolean {
    return vscode.workspace.getConfiguration(SECTION).get<boolean>('followActivePanel', true);
  }

  /** The HTTP client's options: limits, extra CAs, VS Code's proxy settings, and where it logs. */
  async httpOptions(): Promise<Partial<HttpOptions>> {
    const spaces = vscode.workspace.getConfiguration(SECTION);
    const http = vscode.workspace.getConfiguration('http');
    const proxyUrl = http.get<string>('proxy') || undefined;
    const { limits, problems } = networkLimits((setting) => spaces.get(setting));
    for (const problem of problems) this.warnOnce(problem);
    return {
      timeoutSeconds: limits.requestTimeoutSeconds,
      cacheTtlSeconds: limits.cacheTtlSeconds,
      maxConcurrentPerOrigin: limits.maxConcurrentRequests,
      maxResponseBytes: limits.maxResponseMegabytes * 1024 * 1024,
      ca: await this.extraCertificates(spaces.get<string[]>('extraCaCertificates', [])),
      proxy: {
        url: proxyUrl,
        noProxy: http.get<string[]>('noProxy', []),
        strictSSL: http.get<boolean>('proxyStrictSSL', true),
        authorization: http.get<string>('proxyAuthorization') || undefined,
        fromEnvironment: proxyUrl === undefined,
      },
      log: (line) => this.log.info(forLog(line)),
    };
  }

  /** The PEM certificates in `files`; a file that cannot be read is named in the log and left out. */
  private async extraCertificates(files: readonly string[]): Promise<string[]> {
    const pems = await Promise.all(
      files.map((file) =>
        readFile(file, 'utf8').catch((err: Error) => {
          this.log.warn(`extra CA certificate ${file} could not be read: ${err.message}`);
          return '';
        }),
      ),
    );
    return pems.filter((pem) => pem.includes('BEGIN CERTIFICATE'));
  }

  /** A settings problem goes to the log once, not at every client rebuilt from the same settings. */
  private warnOnce(line: string): void {
    if (this.warned.has(line)) return;
    this.warned.add(line);
    this.log.warn(line);
  }
}
