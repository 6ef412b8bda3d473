import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Config } from '../config/config';
import type { Account } from '../core/accounts';
import { isSpacesError, type SpacesError } from '../core/errors';
import type { ClosableHttpClient } from '../core/http';
import type { CoreModule } from '../core/index';
import type { SpaceDetails, SpaceRef } from '../core/model';
import { VENDORS, type VendorId } from '../core/vendors/catalog';
import { missingSecret } from '../core/vendors/errorWording';
import { fieldProblemsNote } from '../core/vendors/fieldWording';
import type { FetchOptions, FindQuery, Vendor, VendorClient } from '../core/vendors/vendor';
import { Disposable } from '../util/disposable';
import { forLog } from '../util/text';
import type { AccountSecrets } from './secrets';

/** What a connection test fetched. */
export type ConnectionTest =
  | { readonly kind: 'space'; readonly space: SpaceDetails }
  | { readonly kind: 'listed'; readonly spaces: readonly SpaceRef[] }
  /** No space to fetch, but the vendor accepted the credentials (Sharely.ai, Blueworks without spaces). */
  | { readonly kind: 'accepted' }
  /** Nothing to fetch and no other way to prove the credentials (Alumio without spaces). */
  | { readonly kind: 'untested' };

/**
 * The extension's door to the vendors: loads the network bundle on first use, builds one HTTP client
 * from the settings, and one vendor client per account (rebuilt when its settings or secrets change).
 */
export class SpacesService extends Disposable {
  private core?: CoreModule;
  /** One client for every account: made once, even when several accounts load at the same moment. */
  private http?: Promise<ClosableHttpClient>;
  private readonly clients = new Map<string, { key: string; client: Promise<VendorClient> }>();

  constructor(
    private readonly extensionPath: string,
    private readonly secrets: AccountSecrets,
    private readonly config: Config,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    // An account's own change rebuilds just its client (its settings are the client's key).
    this.register(config.onDidChangeHttp(() => this.reset()));
    this.register(secrets.onDidChange((accountId) => this.clients.delete(accountId)));
    this.register({ dispose: () => void this.http?.then((http) => http.close()) });
  }

  private readonly fetched = this.register(new vscode.EventEmitter<SpaceDetails>());
  /** Fires with every space fetched anywhere (tree, panel, pickers), so every view can show the newest copy. */
  readonly onDidFetchSpace = this.fetched.event;

  /**
   * The details made from each vendor answer. A cached answer is the same object again, so it gives back
   * the same details (and their time of fetching) and announces nothing: a redraw for nothing would also
   * let the workbench pull focus back into the tree, closing a picker that was just opened.
   */
  private readonly madeFrom = new WeakMap<object, SpaceDetails>();

  async getSpace(account: Account, id: string, options?: FetchOptions): Promise<SpaceDetails> {
    const details = await (await this.client(account)).getSpace(id, options);
    const answer = typeof details.raw === 'object' && details.raw !== null ? details.raw : undefined;
    const known = answer && this.madeFrom.get(answer);
    if (known?.accountId === details.accountId && known.id === details.id) return known;
    if (answer) this.madeFrom.set(answer, details);
    // What could not be read is left out of the views: the log says what and why, once per answer.
    for (const problem of details.problems ?? []) this.log.warn(forLog(`${account.id}: space "${id}": ${problem}`));
    const note = fieldProblemsNote(VENDORS[account.vendor].name, details.fieldProblems);
    if (note) this.log.warn(forLog(`${account.id}: space "${id}": ${note}`));
    this.fetched.fire(details);
    return details;
  }

  /** The vendor's own listing where it has one, then the ids configured on the account, without repeats. */
  async listSpaces(account: Account, options?: FetchOptions): Promise<SpaceRef[]> {
    const client = await this.client(account);
    const listed = client.listSpaces ? await client.listSpaces(options) : [];
    const seen = new Set(listed.map((s) => s.id));
    return [...listed, ...account.spaces.filter((id) => !seen.has(id)).map((id) => ({ id }))];
  }

  /** Search by name or tag where the vendor can (Blueworks); undefined where it cannot. */
  async findSpaces(account: Account, query: FindQuery, options?: FetchOptions): Promise<readonly SpaceRef[] | undefined> {
    const client = await this.client(account);
    return client.findSpaces ? client.findSpaces(query, options) : undefined;
  }

  /**
   * The `config` error a request would meet for want of a credential, or undefined when every one is set.
   * For accounts with nothing to fetch, where no request would tell.
   */
  async missingCredentials(account: Account): Promise<SpacesError | undefined> {
    const values = await this.secrets.read(account);
    const field = Object.keys(values).find((key) => !values[key]);
    if (field === undefined) return undefined;
    const label = this.vendor(account.vendor).secretFields.find((spec) => spec.key === field)?.label ?? field;
    return missingSecret(VENDORS[account.vendor].name, label, account.credentialsFromEnv[field]);
  }

  /** A vendor's fields and secret fields (the wizard is generated from them): loads the network bundle. */
  vendor(id: VendorId): Vendor {
    return this.loadCore().VENDOR_REGISTRY[id];
  }

  /**
   * What the vendor's client can do beyond fetching a space by id. No credential changes that, so none is
   * read: asking it of every account (Find Space) must not reach into SecretStorage for each.
   */
  async capabilities(account: Account): Promise<{ list: boolean; find: boolean }> {
    const client = this.loadCore().VENDOR_REGISTRY[account.vendor].createClient(account, { http: await this.httpClient(), secrets: {} });
    return { list: client.listSpaces !== undefined, find: client.findSpaces !== undefined };
  }

  /**
   * Fetches something real for `account`, which need not be saved: the first configured space, else the
   * vendor's listing (and the first listed space when the listing did not fetch it). `secrets` override
   * the stored ones. Uses a client of its own and bypasses the cache, so neither the clients the tree
   * uses nor their cached answers are touched.
   */
  async testAccount(account: Account, secrets: Readonly<Record<string, string>> = {}, options: { signal?: AbortSignal } = {}): Promise<ConnectionTest> {
    const client = await this.newClient(account, secrets);
    const fetch = { signal: options.signal, refresh: true };
    if (account.spaces.length > 0) return { kind: 'space', space: await client.getSpace(account.spaces[0]!, fetch) };
    if (!client.listSpaces) {
      if (!client.checkAccess) return { kind: 'untested' };
      await client.checkAccess(fetch);
      return { kind: 'accepted' };
    }
    const listed = await client.listSpaces(fetch);
    if (listed[0] && listed[0].name === undefined) return { kind: 'space', space: await client.getSpace(listed[0].id, fetch) };
    return { kind: 'listed', spaces: listed };
  }

  /**
   * The spaces the vendor lists for `account` (which need not be saved), with `secrets` over the stored ones,
   * named: a listing of ids only (Onedata) is named from each space's details, as many at once as the HTTP
   * client allows per server. A space whose details fail keeps its id.
   */
  async listWith(account: Account, secrets: Readonly<Record<string, string>> = {}, options: { signal?: AbortSignal } = {}): Promise<readonly SpaceRef[]> {
    const client = await this.newClient(account, secrets);
    const fetch = { signal: options.signal, refresh: true };
    const listed = client.listSpaces ? await client.listSpaces(fetch) : [];
    return Promise.all(
      listed.map(async (ref): Promise<SpaceRef> => {
        if (ref.name !== undefined) return ref;
        const details = await client.getSpace(ref.id, fetch).catch((err: unknown) => {
          if (isSpacesError(err) && err.kind === 'cancelled') throw err;
          return undefined;
        });
        return details ? { id: ref.id, name: details.name } : ref;
      }),
    );
  }

  /** Accounts gone from the settings take their clients (and any token they hold) with them. */
  keepClientsOf(accountIds: readonly string[]): void {
    for (const id of this.clients.keys()) if (!accountIds.includes(id)) this.clients.delete(id);
  }

  /** Drops the account's client, so the next request reads its secrets anew (after they were stored). */
  forget(accountId: string): void {
    this.clients.delete(accountId);
  }

  /** The tree's and panels' client of `account`: one per account, made anew when its settings change. */
  private async client(account: Account): Promise<VendorClient> {
    const key = JSON.stringify(account);
    const known = this.clients.get(account.id);
    if (known?.key === key) return known.client;
    const client = this.newClient(account);
    this.clients.set(account.id, { key, client });
    client.catch(() => this.clients.delete(account.id));
    return client;
  }

  /** A client of `account` on the shared HTTP client, with `secrets` (non-empty ones) over the stored ones. */
  private async newClient(account: Account, secrets: Readonly<Record<string, string>> = {}): Promise<VendorClient> {
    const core = this.loadCore();
    const http = await this.httpClient();
    const given = Object.fromEntries(Object.entries(secrets).filter(([, value]) => value !== ''));
    return core.VENDOR_REGISTRY[account.vendor].createClient(account, { http, secrets: { ...(await this.secrets.read(account)), ...given } });
  }

  private httpClient(): Promise<ClosableHttpClient> {
    this.http ??= this.config.httpOptions().then((options) => this.loadCore().createHttpClient(options));
    return this.http;
  }

  private loadCore(): CoreModule {
    if (!this.core) {
      const started = Date.now();
      // A separate bundle, so activation never pays for undici and the schemas.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      this.core = require(path.join(this.extensionPath, 'dist', 'core.js')) as CoreModule;
      // Its own copy of @vscode/l10n, so its error sentences and labels need the display language's bundle too.
      this.core.configureL10n(vscode.l10n.bundle);
      this.log.info(`network stack loaded in ${Date.now() - started} ms`);
    }
    return this.core;
  }

  /** HTTP settings changed: the next request builds a fresh HTTP client and fresh vendor clients. */
  private reset(): void {
    const old = this.http;
    this.http = undefined;
    this.clients.clear();
    void old?.then((http) => http.close());
  }
}
