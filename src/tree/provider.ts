import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';
import type { Config } from '../config/config';
import type { LastKnownTree } from '../services/lastKnown';
import type { Pins } from '../services/pins';
import type { StatusWatch } from '../services/statusWatch';
import type { SpacesService } from '../services/spaces';
import { Batch } from '../util/batch';
import { showInfo, withViewProgress } from '../util/workbench';
import { forMessage } from '../util/text';
import { TreeFilter } from './filter';
import { AccountNode } from './nodes/accountNode';
import { BrokenAccountNode } from './nodes/brokenAccountNode';
import { PinnedNode } from './nodes/pinnedNode';
import { SpaceNode } from './nodes/spaceNode';
import type { TreeContext, TreeNode } from './nodes/treeNode';

export const VIEW_ID = 'spaces.explorer';
/** The least time between two redraws of rows. */
const REDRAW_INTERVAL_MS = 200;

export class SpacesTreeProvider extends Disposable implements vscode.TreeDataProvider<TreeNode>, TreeContext {
  private readonly didChange = this.register(new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>());
  readonly onDidChangeTreeData = this.didChange.event;
  /**
   * Rows to redraw, a few times a second at most: a page of names arriving one by one does not flicker.
   * Under a filter the whole tree is drawn again, since a name that arrives may show or hide its account.
   */
  private readonly redraws = new Batch<TreeNode>((nodes) => this.didChange.fire(this.currentFilter ? undefined : nodes), REDRAW_INTERVAL_MS);
  /** Account nodes survive a redraw while their settings stay the same, and keep what they loaded. */
  private accounts = new Map<string, { key: string; node: AccountNode }>();
  /** "Pinned", above the accounts while any pin belongs to one of them. */
  private readonly pinned = new PinnedNode(this, (accountId) => this.accountNode(accountId));
  private view?: vscode.TreeView<TreeNode>;
  private currentFilter?: TreeFilter;
  /** Under the current filter: the accounts whose listing was asked for. */
  private listingsAsked = new Set<string>();
  /**
   * Under the current filter: the account rows expanded to show their matches (true), or collapsed again
   * by the user (false), by row id. Their rows are drawn so, as well as revealed expanded: a whole-tree
   * redraw (a name arriving) that lands while the reveal expands would otherwise draw the row collapsed.
   */
  private expandedForFilter = new Map<string, boolean>();
  /** How many reveals have started: a reveal overtaken by a newer one does not select. */
  private reveals = 0;

  readonly lastKnown: LastKnownTree;
  readonly pins: Pins;
  readonly statuses: StatusWatch;

  constructor(
    private readonly config: Config,
    readonly service: SpacesService,
    readonly extensionUri: vscode.Uri,
    memory: { lastKnown: LastKnownTree; pins: Pins; statuses: StatusWatch },
  ) {
    super();
    ({ lastKnown: this.lastKnown, pins: this.pins, statuses: this.statuses } = memory);
    const { pins, statuses } = memory;
    this.register(this.redraws);
    this.register(config.onDidChangeAccounts(() => this.didChange.fire(undefined)));
    // A pin or an unpin shows or hides the group, and changes the menus of the space's rows.
    const hasPins = () => void vscode.commands.executeCommand('setContext', 'spaces.hasPins', pins.all().length > 0);
    hasPins();
    this.register(
      pins.onDidChange(() => {
        hasPins();
        this.didChange.fire(undefined);
      }),
    );
    // A status change found or seen: the space's rows show or drop their mark.
    this.register(statuses.onDidChange((accountId, spaceId) => this.rowsOf(accountId, spaceId).forEach((row) => this.changed(row))));
    // A space refreshed elsewhere (its panel) redraws its rows with the newer copy.
    this.register(
      service.onDidFetchSpace((details) => {
        for (const node of this.rowsOf(details.accountId, details.id)) {
          if (node.details === details) continue;
          node.applyFetched(details);
          this.changed(node);
        }
      }),
    );
  }

  changed(node: TreeNode): void {
    this.redraws.add(node);
  }

  progress<T>(work: Promise<T>): Promise<T> {
    withViewProgress(VIEW_ID, work);
    return work;
  }

  /** The row of the account `accountId` as the tree shows it now. */
  accountNode(accountId: string): AccountNode | undefined {
    return this.accounts.get(accountId)?.node;
  }

  /**
   * A row of space `spaceId` that the account `accountId` shows (listed, or a subspace of one of its
   * spaces): `preferred` when it is one of them, the listed row first otherwise.
   */
  spaceNode(accountId: string, spaceId: string, preferred?: unknown): SpaceNode | undefined {
    const rows = this.rowsOf(accountId, spaceId);
    return rows.find((row) => row === preferred) ?? rows[0];
  }

  /** Every confirmed row of the space: the account's (listed, then subspace rows), then its pinned row. */
  private rowsOf(accountId: string, spaceId: string): SpaceNode[] {
    const pinned = this.pinned.row(accountId, spaceId);
    return [...(this.accountNode(accountId)?.confirmedRows(spaceId) ?? []), ...(pinned?.confirmed ? [pinned] : [])];
  }

  /**
   * Whether the configured account `accountId` shows space `spaceId`, from the settings and the vendor's
   * fresh answers only (listing the account if need be): what a restored panel asks before it fetches.
   */
  async confirms(accountId: string, spaceId: string): Promise<boolean> {
    await this.getChildren(); // the account rows, as the settings have them now
    return (await this.accountNode(accountId)?.confirms(spaceId)) ?? false;
  }

  /**
   * Selects the row of the space in the view: under its account (listed and paged on for it if need be),
   * else a subspace row already shown, else its pinned row. With `focus` the view is shown and takes the
   * keyboard; without, nothing happens unless the view is on screen (following the active panel must not
   * open the side bar). False when nothing was selected (an unknown space, a row the filter hides), which
   * a reveal asked for with `focus` tells the user. Once `signal` aborts (the panel that asked is no longer
   * active), it gives up.
   */
  async reveal(accountId: string, spaceId: string, { focus, signal }: { focus: boolean; signal?: AbortSignal }): Promise<boolean> {
    const view = this.view;
    if (!view || (!focus && !view.visible)) return false;
    // The latest reveal wins: one still listing its account when another starts (the user switched panels
    // again) gives up rather than move the selection back.
    const turn = ++this.reveals;
    const overtaken = () => turn !== this.reveals || signal?.aborted === true;
    // VS Code selects only in a view it has drawn: one never yet on screen is shown first.
    if (!view.visible) await this.show(view);
    await this.getChildren(); // the account rows, as the settings have them now
    const account = this.accountNode(accountId);
    if (!account) return false;
    const listed = await account.showRow(spaceId);
    const node = (listed ? account.spaceNode(spaceId) : undefined) ?? this.spaceNode(accountId, spaceId);
    if (!node) return this.notShown(focus && !overtaken(), spaceId);
    const name = node.known.name ?? spaceId;
    const filter = this.currentFilter;
    if (filter && filter.match(node) !== 'match') return this.notShown(focus && !overtaken(), name, { filter, retry: () => this.reveal(accountId, spaceId, { focus }) });
    // VS Code also selects only a row it has read, and quietly does nothing for any other; it reads an
    // expanded row's children again only when told they changed. So the row's parent is announced changed
    // (now, not batched: VS Code's reveal waits for a change already announced), which reads a row paged on
    // to; should the row still not be selected, the whole tree is announced changed and it is tried again.
    const options = { select: true, focus, expand: false };
    for (const changed of [node.parent, undefined]) {
      // VS Code's reveal opens the view: a follow stops if the view was closed meanwhile.
      if (overtaken() || (!focus && !view.visible)) return false;
      this.didChange.fire(changed);
      await Promise.resolve(view.reveal(node, options)).catch(() => undefined);
      if (view.selection.some((row) => row.id === node.id)) return true;
    }
    return this.notShown(focus && !overtaken(), name);
  }

  /**
   * A reveal the user asked for (`tell`) that selected nothing says so: hidden by the filter (which it
   * offers to clear, then reveals again), or not shown at all. A follow says nothing.
   */
  private notShown(tell: boolean, name: string, hidden?: { filter: TreeFilter; retry: () => Promise<boolean> }): false {
    if (!tell) return false;
    if (!hidden) {
      void showInfo(vscode.l10n.t('"{0}" could not be shown in the Spaces view.', name));
      return false;
    }
    const clear = vscode.l10n.t('Clear Filter');
    void showInfo(vscode.l10n.t('"{0}" is hidden by the filter "{1}".', name, hidden.filter.query), clear).then(async (picked) => {
      if (picked !== clear) return;
      this.setFilter('');
      await hidden.retry();
    });
    return false;
  }

  /** Shows the view and settles once VS Code says it is visible. */
  private async show(view: vscode.TreeView<TreeNode>): Promise<void> {
    let listener: vscode.Disposable | undefined;
    const visible = new Promise<void>((resolve) => {
      listener = view.onDidChangeVisibility((event) => event.visible && resolve());
    });
    try {
      await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
      if (!view.visible) await visible;
    } finally {
      listener?.dispose();
    }
  }

  /**
   * A background refresh: the accounts the user has expanded list anew and their shown rows fetch anew, and
   * so do pinned rows. Rows keep their ids, so nothing collapses; nothing takes focus.
   */
  refreshShown(): void {
    for (const { node } of this.accounts.values()) if (this.lastKnown.isExpanded(node.id)) node.refresh();
    this.pinned.refresh();
    if (this.pinned.shown) this.changed(this.pinned);
  }

  /** Forgets everything loaded and fetches it all anew. */
  refreshAll(): void {
    for (const { node } of this.accounts.values()) node.refresh();
    this.pinned.refresh();
    this.didChange.fire(undefined);
  }

  get filter(): TreeFilter | undefined {
    return this.currentFilter;
  }

  /**
   * Narrows the tree to the spaces matching `query` (every account's, listed for it if need be), or shows
   * everything again for an empty query. The view's message says what is filtered and what could not be.
   */
  setFilter(query: string): void {
    this.currentFilter = query.trim() ? new TreeFilter(query.trim()) : undefined;
    this.listingsAsked = new Set();
    this.expandedForFilter = new Map();
    void vscode.commands.executeCommand('setContext', 'spaces.filtered', this.currentFilter !== undefined);
    if (this.view && !this.currentFilter) this.view.message = undefined;
    this.didChange.fire(undefined);
  }

  /** Keeps which rows the user expands, so a window reload opens them again. */
  watch(view: vscode.TreeView<TreeNode>): void {
    this.view = view;
    // Shown again while filtered: the matches it could not expand while hidden are expanded now.
    this.register(view.onDidChangeVisibility(({ visible }) => visible && this.currentFilter && this.didChange.fire(undefined)));
    this.register(view.onDidExpandElement(({ element }) => this.lastKnown.setExpanded(element.id, true)));
    // A selected space has been looked at: a status change it showed is seen.
    this.register(
      view.onDidChangeSelection(({ selection }) => {
        for (const node of selection) if (node instanceof SpaceNode) this.statuses.seen(node.account.id, node.spaceId);
      }),
    );
    this.register(
      view.onDidCollapseElement(({ element }) => {
        this.lastKnown.setExpanded(element.id, false);
        if (this.expandedForFilter.has(element.id)) this.expandedForFilter.set(element.id, false);
      }),
    );
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = node.getTreeItem();
    if (item.collapsibleState === vscode.TreeItemCollapsibleState.Collapsed && (this.lastKnown.isExpanded(node.id) || this.expandedForFilter.get(node.id) === true)) {
      item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
    }
    return item;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) return (await node.getChildren()) ?? [];
    // The rows known from before a window reload, read before the first row is drawn.
    await this.lastKnown.ready;
    const { accounts, broken } = this.config.accounts();
    // Drives the welcome view: shown only when there is nothing at all to list.
    void vscode.commands.executeCommand('setContext', 'spaces.accountCount', accounts.length + broken.length);
    const next = new Map<string, { key: string; node: AccountNode }>();
    for (const account of accounts) {
      const key = JSON.stringify(account);
      const known = this.accounts.get(account.id);
      next.set(account.id, known?.key === key ? known : { key, node: new AccountNode(account, this) });
    }
    // Dropped or changed entries stop fetching for rows nobody will see.
    for (const [id, { node }] of this.accounts) if (next.get(id)?.node !== node) node.cancel();
    this.accounts = next;
    const pinned = this.pinned.shown ? [this.pinned] : [];
    const accountRows = [...next.values()].map((a) => a.node);
    if (this.currentFilter) return [...pinned, ...this.filtered(accountRows, this.currentFilter)];
    return [...pinned, ...accountRows, ...broken.map((b) => new BrokenAccountNode(b))];
  }

  /**
   * The accounts with a space matching `filter` (or whose listing failed, so the failure is not hidden),
   * expanded to show them. Each account is listed once for the filter and its first page named; the tree is
   * filtered again as listings and names arrive. Broken settings entries have no spaces to match: left out.
   */
  private filtered(accounts: AccountNode[], filter: TreeFilter): AccountNode[] {
    let matched = 0;
    let unnamed = 0;
    let listing = 0;
    const shown = accounts.filter((node) => {
      if (!this.listingsAsked.has(node.account.id)) {
        this.listingsAsked.add(node.account.id);
        void node.nameForFilter().then(() => this.currentFilter === filter && this.didChange.fire(undefined));
      }
      const counts = node.filterCounts(filter);
      if (!counts) listing++;
      matched += counts?.matched ?? 0;
      unnamed += counts?.unnamed ?? 0;
      return counts !== undefined && (counts.matched > 0 || counts.failed);
    });
    // Matches are shown expanded, once per filter (a row the user collapses again stays so). A view not on
    // screen has no rows to expand: it is tried again when the tree is next drawn.
    for (const node of shown) {
      if (!this.view?.visible || this.expandedForFilter.has(node.id)) continue;
      this.expandedForFilter.set(node.id, true);
      this.view.reveal(node, { expand: true, select: false, focus: false }).then(undefined, () => this.expandedForFilter.delete(node.id));
    }
    if (this.view) {
      const parts = [vscode.l10n.t('Filtered by "{0}": {1} matching.', forMessage(filter.query), matched)];
      if (unnamed > 0) parts.push(vscode.l10n.t('{0} not yet named could not be matched.', unnamed));
      if (listing > 0) parts.push(vscode.l10n.t('{0} account(s) still listing.', listing));
      parts.push(vscode.l10n.t('Clear Filter (Escape) shows everything again.'));
      this.view.message = parts.join(' ');
    }
    return shown;
  }
}
