import * as vscode from 'vscode';
import { forLabel, forLog } from '../util/text';
import { copySpaceId, openWebUrl } from '../util/workbench';
import type { Account } from '../core/accounts';
import { asSpacesError, SpacesError } from '../core/errors';
import type { SpaceDetails } from '../core/model';
import { VENDORS } from '../core/vendors/catalog';
import { vendorIcon } from '../util/icons';
import { Disposable } from '../util/disposable';
import { LatestLoad, type Outcome } from '../util/latestLoad';
import { exportTable } from './exportTable';
import { panelHtml, webviewOptions } from './html';
import { parsePageMessage, toPanelSpace, type ExtensionMessage, type PageMessage, type PanelError, type PanelIdentity } from './protocol';
import { panelStrings } from './strings';

/** What a panel needs from the extension. */
export interface PanelContext {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  /** The account as configured now (settings may change while a panel is open). */
  findAccount(accountId: string): Account | undefined;
  getSpace(account: Account, spaceId: string, options: { signal: AbortSignal; refresh: boolean }): Promise<SpaceDetails>;
  showRawJson(details: SpaceDetails): Promise<void>;
  openSpace(account: Account, spaceId: string): Promise<unknown>;
  /**
   * Selects the space's row in the Spaces view: shown and focused with `focus`, else only if on screen;
   * given up once `signal` aborts.
   */
  reveal(identity: PanelIdentity, options: { focus: boolean; signal?: AbortSignal }): Promise<unknown>;
  /** Whether the view's selection follows the active panel (a setting). */
  followActive(): boolean;
  /** The panel is on screen: the user sees its space's status. */
  seen(identity: PanelIdentity): void;
  /** Whether the account's settings or its fresh listing show the space (a restored panel asks before fetching). */
  confirms(identity: PanelIdentity): Promise<boolean>;
  /** Copies a link to the space: its ids, nothing else. */
  copyLink(identity: PanelIdentity): Promise<void>;
}

/**
 * One space in one webview panel. Fetches as soon as it exists, posts to the page only after the page
 * said `ready` (and everything again whenever the page reloads, e.g. after being hidden), and keeps the
 * last good details when a refresh fails.
 */
export class SpacePanel extends Disposable {
  private details?: SpaceDetails;
  private error?: PanelError;
  private readonly loads = new LatestLoad<SpaceDetails>(
    (signal, refresh) => {
      this.post({ type: 'loading', loading: true });
      return this.fetch(signal, refresh);
    },
    (outcome) => this.show(outcome),
  );
  /**
   * Restored from its page's saved state, which names a space nobody has confirmed in this window: it is
   * fetched only once the account's settings or fresh listing show it.
   */
  private unconfirmed: boolean;
  private ready = false;
  /** The view's latest move to this panel's row (the host tests wait for it). */
  followed?: Promise<unknown>;
  private readonly closed = new vscode.EventEmitter<void>();
  /** Fires once, when the panel is closed or disposed. */
  readonly onDidDispose = this.closed.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly identity: PanelIdentity,
    private readonly context: PanelContext,
    { initial, restored = false }: { initial?: SpaceDetails; restored?: boolean } = {},
  ) {
    super();
    this.details = initial;
    this.unconfirmed = restored;
    panel.webview.options = webviewOptions(context.extensionUri);
    panel.iconPath = vendorIcon(context.extensionUri, identity.vendor);
    this.register(panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)));
    // The view's selection follows the active panel, as the Explorer's follows the active editor.
    // A follow still listing when the panel stops being active (or closes) gives up: the row it would
    // select is no longer the active panel's.
    let following: AbortController | undefined;
    const follow = () => {
      if (panel.visible) context.seen(identity);
      following?.abort();
      following = undefined;
      if (!panel.active || !context.followActive()) return;
      following = new AbortController();
      this.followed = context.reveal(identity, { focus: false, signal: following.signal }).catch(() => undefined);
    };
    this.register(panel.onDidChangeViewState(follow));
    this.register({ dispose: () => following?.abort() });
    follow();
    this.register(
      panel.onDidDispose(() => {
        this.closed.fire();
        this.dispose();
      }),
    );
    this.register({ dispose: () => this.loads.cancel() });
    this.register(this.closed);
    panel.webview.html = panelHtml(panel.webview, context.extensionUri);
    if (!initial) void this.load(false);
  }

  get loading(): boolean {
    return this.loads.busy;
  }

  /** The last details fetched (undefined until the first fetch succeeds). */
  get current(): SpaceDetails | undefined {
    return this.details;
  }

  /** The last fetch's failure, cleared by the next success. */
  get failure(): PanelError | undefined {
    return this.error;
  }

  /** Whether the page has loaded and said `ready` (its script ran under the CSP). */
  get pageReady(): boolean {
    return this.ready;
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** Reveal in Spaces View: selects this panel's space in the view, shown and focused. */
  async revealInView(): Promise<void> {
    await this.context.reveal(this.identity, { focus: true });
  }

  /** Fetches the space (anew with `refresh`), replacing any fetch under way. */
  async load(refresh: boolean): Promise<void> {
    await this.loads.start(refresh);
  }

  private async fetch(signal: AbortSignal, refresh: boolean): Promise<SpaceDetails> {
    const account = this.account();
    if (this.unconfirmed && !(await this.context.confirms(this.identity))) {
      throw new SpacesError('notFound', vscode.l10n.t('Account "{0}" no longer lists this space, so it was not fetched.', account.label));
    }
    this.unconfirmed = false;
    return this.context.getSpace(account, this.identity.spaceId, { signal, refresh });
  }

  /** The space as this side has it: fetched now if it has not been yet (a restored panel, say). */
  private async space(): Promise<SpaceDetails | undefined> {
    if (!this.details) await (this.loading ? this.loads.settled() : this.load(false));
    return this.details;
  }

  /** The latest fetch's outcome, on the page; a failure keeps the last good details. */
  private show(outcome: Outcome<SpaceDetails>): void {
    if (outcome.ok) {
      const details = (this.details = outcome.value);
      this.error = undefined;
      this.panel.title = forLabel(details.name);
      this.post({ type: 'space', space: toPanelSpace(details) });
      this.post({ type: 'error', error: null });
      this.post({ type: 'loading', loading: false });
    } else {
      const error = asSpacesError(outcome.error);
      this.error = { kind: error.kind, message: error.message };
      // The outcome before the end of loading, as for a space: the page announces what loading ended in.
      this.post({ type: 'error', error: this.error });
      this.post({ type: 'loading', loading: false });
    }
  }

  /** Everything the page shows, as messages: on its first `ready` and whenever it reloads. */
  private sendAll(): void {
    const { identity } = this;
    const account = this.context.findAccount(identity.accountId);
    const icon = vendorIcon(this.context.extensionUri, identity.vendor);
    this.post({
      type: 'init',
      init: {
        identity,
        vendorName: VENDORS[identity.vendor].name,
        accountLabel: account?.label ?? identity.accountId,
        locale: vscode.env.language,
        vendorIcon: { light: this.panel.webview.asWebviewUri(icon.light).toString(), dark: this.panel.webview.asWebviewUri(icon.dark).toString() },
        strings: panelStrings(),
      },
    });
    if (this.details) this.post({ type: 'space', space: toPanelSpace(this.details) });
    this.post({ type: 'loading', loading: this.loading });
    this.post({ type: 'error', error: this.error ?? null });
  }

  private post(message: ExtensionMessage): void {
    // A panel closed while its space loads: the answer has nowhere to go (posting would throw).
    if (!this.ready || this.isDisposed) return;
    void this.panel.webview.postMessage(message).then(undefined, () => undefined);
  }

  private receive(raw: unknown): void {
    const message = parsePageMessage(raw);
    if (!message) {
      this.context.log.warn(`space panel: ignored a message the page may not send: ${forLog(JSON.stringify(raw)?.slice(0, 200))}`);
      return;
    }
    void this.handle(message).catch((err: unknown) => this.context.log.error(`space panel: ${forLog(String(err))}`));
  }

  /** Public for the host tests, which cannot click inside the page. */
  async handle(message: PageMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.sendAll();
        return;
      case 'refresh':
        return this.load(true);
      case 'openExternal':
        return openWebUrl(message.url);
      case 'copyId':
        return copySpaceId(this.identity.spaceId);
      case 'copyLink':
        return this.context.copyLink(this.identity);
      case 'reveal':
        await this.revealInView();
        return;
      case 'showRawJson': {
        const details = await this.space();
        if (details) await this.context.showRawJson(details);
        return;
      }
      case 'openSubspace': {
        // Only a subspace this space lists: the page asks by intent, it does not choose what gets fetched.
        // A restored panel shows its cached copy before this side has the space: wait for it.
        const listed = (await this.space())?.groups.some((group) => group.items.some((item) => item.spaceId === message.spaceId));
        const account = this.context.findAccount(this.identity.accountId);
        if (listed && account) await this.context.openSpace(account, message.spaceId);
        else this.context.log.warn(`space panel: ignored opening "${forLog(message.spaceId)}", which this space does not list`);
        return;
      }
      case 'exportTable': {
        // Built from the space this side holds: a restored panel shows its cached copy before it has one.
        const details = await this.space();
        if (!details || !(await exportTable(details, message))) this.context.log.warn(`space panel: ignored exporting "${forLog(message.groupId)}", which this space does not have`);
        return;
      }
    }
  }

  /** The panel's account as configured now; a `config` error when it was removed or changed vendor. */
  private account(): Account {
    const account = this.context.findAccount(this.identity.accountId);
    if (account && account.vendor === this.identity.vendor) return account;
    throw new SpacesError('config', vscode.l10n.t('The account "{0}" is no longer configured.', this.identity.accountId));
  }
}
