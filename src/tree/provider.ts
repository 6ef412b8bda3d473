import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';
import type { Config } from '../config/config';
import type { Account } from '../core/accounts';
import { ROWS_IN_VIEW_WAIT_MS } from '../core/limits';
import type { GroupBy, SortBy } from '../core/treeView';
import { VENDOR_IDS, type VendorId } from '../core/vendors/catalog';
import type { FilterMemory } from '../services/filterMemory';
import type { HiddenAccounts } from '../services/hiddenAccounts';
import type { LastKnownTree } from '../services/lastKnown';
import type { Pins } from '../services/pins';
import type { StatusWatch } from '../services/statusWatch';
import type { SpacesService } from '../services/spaces';
import { Batch } from '../util/batch';
import { showInfo, withViewProgress } from '../util/workbench';
import { TreeFilter } from './filter';
import { AccountNode } from './nodes/accountNode';
import { BrokenAccountNode } from './nodes/brokenAccountNode';
import { ErrorNode } from './nodes/errorNode';
import { PinnedNode } from './nodes/pinnedNode';
import { SpaceNode } from './nodes/spaceNode';
import type { SortedList, TreeContext, TreeNode } from './nodes/treeNode';
import { VendorNode } from './nodes/vendorNode';
import { sorted } from './order';
import { StatusGroups } from './statusGroups';
import { viewBadge, viewDescription, viewMessage, type ViewCounts } from './viewText';

/** What the tree keeps beyond the settings: its last known rows, pins, status marks, hidden accounts, filters. */
export interface TreeMemory {
  readonly lastKnown: LastKnownTree;
  readonly pins: Pins;
  readonly statuses: StatusWatch;
  readonly hidden: HiddenAccounts;
  readonly filters: FilterMemory;
}

export const VIEW_ID = 'spaces.explorer';
/**
 * The least time between two redraws of rows: longer than VS Code's own wait (its extension host holds a
 * tree's changes until 200 ms pass without one), so each redraw is drawn at once rather than held back by
 * the next one until the stream of them stops.
 */
const REDRAW_INTERVAL_MS = 250;

export class SpacesTreeProvider extends Disposable implements vscode.TreeDataProvider<TreeNode>, TreeContext {
  private readonly didChange = this.register(new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>());
  readonly onDidChangeTreeData = this.didChange.event;
  /**
   * Rows to redraw, a few times a second at most: a page of names arriving one by one does not flicker.
   * `undefined` stands for the whole tree, which is what is drawn under a filter, since a name that arrives
   * may show or hide its account.
   */
  private readonly redraws = new Batch<TreeNode | undefined>((nodes) => this.redraw(nodes), REDRAW_INTERVAL_MS);
  /** Rows whose redraws wait to be drawn together with the other rows in view (`drawTogether`). */
  private readonly held = new Set<TreeNode>();
  /** The shown accounts' nodes survive a redraw while their settings stay the same, and keep what they loaded. */
  private accounts = new Map<string, { key: string; node: AccountNode }>();
  /** "Pinned", above the accounts while any pin belongs to one of them. */
  private readonly pinned = new PinnedNode(this, (accountId) => this.accountNode(accountId));
  /** "Group By: Vendor": one row per vendor, kept across redraws. */
  private readonly vendors = new Map<VendorId, VendorNode>();
  /** "Group By: Status": the groups and where each space was placed. */
  private readonly statusGroups = new StatusGroups(this);
  private view?: vscode.TreeView<TreeNode>;
  private currentFilter?: TreeFilter;
  private grouping: GroupBy;
  private sorting: SortBy;
  /** Under the current filter or status grouping: the accounts asked to list and name their page. */
  private named = new Set<string>();
  /** How many configured accounts the user has hidden, as of the last drawing. */
  private hiddenCount = 0;
  /**
   * Under the current filter: the rows expanded to show their matches (true), or collapsed again by the
   * user (false), by row id. Their rows are drawn so, as well as revealed expanded: a whole-tree redraw (a
   * name arriving) that lands while the reveal expands would otherwise draw the row collapsed.
   */
  private expandedForFilter = new Map<string, boolean>();
  /** How many reveals have started: a reveal overtaken by a newer one does not select. */
  private reveals = 0;

  readonly lastKnown: LastKnownTree;
  readonly pins: Pins;
  readonly statuses: StatusWatch;
  readonly hidden: HiddenAccounts;
  private readonly filters: FilterMemory;
  readonly locale = vscode.env.language;

  constructor(
    private readonly config: Config,
    readonly service: SpacesService,
    readonly extensionUri: vscode.Uri,
    memory: TreeMemory,
  ) {
    super();
    ({ lastKnown: this.lastKnown, pins: this.pins, statuses: this.statuses, hidden: this.hidden, filters: this.filters } = memory);
    const { pins, statuses, hidden } = memory;
    this.grouping = config.groupBy();
    this.sorting = config.sortBy();
    // The filter in effect when the window closed, shown at once from the last known tree.
    this.applyFilter(this.filters.saved);
    this.register(this.redraws);
    this.register(config.onDidChangeAccounts(() => this.didChange.fire(undefined)));
    this.register(config.onDidChangeArrangement(() => this.arrange({ groupBy: config.groupBy(), sortBy: config.sortBy() })));
    this.register(hidden.onDidChange(() => this.didChange.fire(undefined)));
    // A pin or an unpin shows or hides the group, and changes the menus of the space's rows.
    const hasPins = () => void vscode.commands.executeCommand('setContext', 'spaces.hasPins', pins.all().length > 0);
    hasPins();
    this.register(
      pins.onDidChange(() => {
        hasPins();
        this.didChange.fire(undefined);
      }),
    );
    // A status change found or seen: the space's rows show or drop their mark, and the badge counts it.
    this.register(
      statuses.onDidChange((accountId, spaceId) => {
        this.rowsOf(accountId, spaceId).forEach((row) => this.changed(row));
        this.showBadge();
      }),
    );
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
    if (this.held.has(node)) return;
    this.redraws.add(node);
    // A status group's row shows what its account's row knows.
    if (!(node instanceof SpaceNode) || this.grouping !== 'status') return;
    const grouped = this.statusGroups.drawnRowOf(node);
    if (!grouped) return;
    grouped.follow(node);
    this.redraws.add(grouped);
  }

  /**
   * The rows in view are drawn in one redraw once all are named (or after ROWS_IN_VIEW_WAIT_MS): a redraw
   * for each first one would have the last ones wait out the redraw interval after it.
   */
  drawTogether(rows: readonly TreeNode[], named: Promise<unknown>): void {
    const waiting = rows.filter((row) => !this.held.has(row));
    if (waiting.length === 0) return;
    for (const row of waiting) this.held.add(row);
    const release = () => {
      clearTimeout(timer);
      for (const row of waiting) if (this.held.delete(row)) this.changed(row);
    };
    const timer = setTimeout(release, ROWS_IN_VIEW_WAIT_MS);
    void named.then(release);
  }

  private redraw(nodes: (TreeNode | undefined)[]): void {
    const whole = this.currentFilter !== undefined || nodes.includes(undefined);
    this.didChange.fire(whole ? undefined : nodes.filter((node) => node !== undefined));
  }

  progress<T>(work: Promise<T>): Promise<T> {
    withViewProgress(VIEW_ID, work);
    return work;
  }

  get sortBy(): SortBy {
    return this.sorting;
  }

  get groupBy(): GroupBy {
    return this.grouping;
  }

  /**
   * Another grouping or sort (from the view's title or the settings): redrawn from what is known, fetching
   * nothing the rows shown would not. Rows keep their ids, so expanded ones stay expanded.
   */
  arrange({ groupBy = this.grouping, sortBy = this.sorting }: { groupBy?: GroupBy; sortBy?: SortBy }): void {
    if (groupBy === this.grouping && sortBy === this.sorting) return;
    if (groupBy !== this.grouping) {
      this.named = new Set();
      this.statusGroups.reset();
    }
    this.grouping = groupBy;
    this.sorting = sortBy;
    if (this.view) this.view.description = viewDescription(groupBy, sortBy);
    this.didChange.fire(undefined);
  }

  /**
   * The details of a page of `list`'s rows have all come: its rows settle into the sort (the status groups
   * place them anew), and are redrawn if one moved.
   */
  pageArrived(list: SortedList): void {
    // The account's own rows settle too while status groups show them, for when the grouping changes back.
    const moved = list.settleOrder();
    if (this.grouping === 'status' && list instanceof AccountNode) {
      if (this.statusGroups.settle(this.statusMembers())) this.redraws.add(undefined);
      return;
    }
    if (moved) this.changed(list);
  }

  /** The row of the account `accountId` as the tree shows it now (none while it is hidden). */
  accountNode(accountId: string): AccountNode | undefined {
    return this.accounts.get(accountId)?.node;
  }

  /** The configured accounts the user has not hidden: those the tree, its filter and the pickers search. */
  shownAccounts(): Account[] {
    return this.config.accounts().accounts.filter((account) => !this.hidden.has(account.id));
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
   * A hidden account shows nothing.
   */
  async confirms(accountId: string, spaceId: string): Promise<boolean> {
    await this.getChildren(); // the account rows, as the settings have them now
    return (await this.accountNode(accountId)?.confirms(spaceId)) ?? false;
  }

  /**
   * Selects the row of the space in the view: under its account (listed and paged on for it if need be),
   * or its status group, else a subspace row already shown, else its pinned row. With `focus` the view is
   * shown and takes the keyboard; without, nothing happens unless the view is on screen (following the
   * active panel must not open the side bar). False when nothing was selected (an unknown space, a row the
   * filter hides), which a reveal asked for with `focus` tells the user. Once `signal` aborts (the panel
   * that asked is no longer active), it gives up.
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
    const node = this.revealable(account, spaceId, listed);
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

  /** The row of the space that the tree, as grouped now, can select: its account's or its status group's. */
  private revealable(account: AccountNode, spaceId: string, listed: boolean): SpaceNode | undefined {
    const row = listed ? account.spaceNode(spaceId) : undefined;
    if (this.grouping !== 'status') return row ?? this.spaceNode(account.account.id, spaceId);
    this.statusGroups.groupsOf(this.statusMembers()); // placed as the tree shows them now
    return (row && this.statusGroups.showRow(row)) ?? this.pinned.row(account.account.id, spaceId);
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
   * A background refresh: the accounts the user has expanded (every shown one under the status groups) list
   * anew and their shown rows fetch anew, and so do pinned rows. Rows keep their ids, so nothing collapses;
   * nothing takes focus. Hidden accounts are not in the tree, so they are not refreshed.
   */
  refreshShown(): void {
    const all = this.grouping === 'status';
    for (const { node } of this.accounts.values()) if (all || this.lastKnown.isExpanded(node.id)) node.refresh();
    this.pinned.refresh();
    if (this.pinned.shown) this.changed(this.pinned);
    if (all) this.renameAll();
  }

  /** Forgets everything loaded and fetches it all anew. */
  refreshAll(): void {
    for (const { node } of this.accounts.values()) node.refresh();
    this.pinned.refresh();
    this.renameAll();
  }

  /** Under the filter or the status groups, every shown account lists and names its page anew. */
  private renameAll(): void {
    this.named = new Set();
    this.didChange.fire(undefined);
  }

  get filter(): TreeFilter | undefined {
    return this.currentFilter;
  }

  /**
   * Narrows the tree to the spaces matching `query` (every account's, listed for it if need be), or shows
   * everything again for an empty query. The view's message says what is filtered and what could not be.
   * The filter is kept for the next window, and among the recent ones its input offers.
   */
  setFilter(query: string): void {
    this.applyFilter(query);
    void this.filters.use(query);
    this.didChange.fire(undefined);
  }

  /** The filters used last, the latest first, for the filter's input to offer. */
  get recentFilters(): readonly string[] {
    return this.filters.recent;
  }

  clearRecentFilters(): Promise<void> {
    return this.filters.clearRecent();
  }

  private applyFilter(query: string): void {
    this.currentFilter = query.trim() ? new TreeFilter(query.trim()) : undefined;
    this.named = new Set();
    this.expandedForFilter = new Map();
    void vscode.commands.executeCommand('setContext', 'spaces.filtered', this.currentFilter !== undefined);
    if (this.view && !this.currentFilter) this.view.message = viewMessage({ listing: 0, hidden: this.hiddenCount });
  }

  /** Keeps which rows the user expands, so a window reload opens them again; keeps the view's badge. */
  watch(view: vscode.TreeView<TreeNode>): void {
    this.view = view;
    view.description = viewDescription(this.grouping, this.sorting);
    this.showBadge();
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

  /** The badge counts the shown accounts' spaces whose status changed since the user last looked. */
  private showBadge(): void {
    if (this.view) this.view.badge = viewBadge(this.statuses.unseen((accountId) => !this.hidden.has(accountId)));
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = node.getTreeItem();
    if (item.collapsibleState === vscode.TreeItemCollapsibleState.Collapsed && (this.lastKnown.isExpanded(node.id) || this.expandedForFilter.get(node.id) === true)) {
      item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
    }
    return item;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    // An account's row keeps its id in every grouping; under "Group By: Vendor" its vendor's row holds it.
    if (node instanceof AccountNode) return this.grouping === 'vendor' ? this.vendors.get(node.account.vendor) : undefined;
    return node.parent;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) return (await node.getChildren()) ?? [];
    // The rows known from before a window reload, read before the first row is drawn.
    await this.lastKnown.ready;
    const { accounts, broken } = this.config.accounts();
    // Drives the welcome view: shown only when there is nothing at all to list.
    void vscode.commands.executeCommand('setContext', 'spaces.accountCount', accounts.length + broken.length);
    const shown = this.keepAccountNodes(accounts);
    this.showBadge();
    const filter = this.currentFilter;
    if (filter || this.grouping === 'status') this.nameEach(shown);
    const matching = filter ? shown.filter((node) => this.lets(filter, node)) : shown;
    const rows = this.grouped(matching);
    if (filter) this.expandForFilter(rows);
    this.describe(shown, filter);
    const pinned = this.pinned.shown ? [this.pinned] : [];
    // Broken settings entries have no spaces to match: left out under a filter.
    return [...pinned, ...rows, ...(filter ? [] : broken.map((b) => new BrokenAccountNode(b)))];
  }

  /**
   * The nodes of the configured accounts the user has not hidden, in the settings' order: kept while their
   * settings stay the same. Hidden, dropped or changed entries stop fetching for rows nobody will see.
   */
  private keepAccountNodes(accounts: readonly Account[]): AccountNode[] {
    const next = new Map<string, { key: string; node: AccountNode }>();
    for (const account of accounts) {
      if (this.hidden.has(account.id)) continue;
      const key = JSON.stringify(account);
      const known = this.accounts.get(account.id);
      next.set(account.id, known?.key === key ? known : { key, node: new AccountNode(account, this) });
    }
    for (const [id, { node }] of this.accounts) if (next.get(id)?.node !== node) node.cancel();
    this.accounts = next;
    this.hiddenCount = accounts.length - next.size;
    return [...next.values()].map((a) => a.node);
  }

  /**
   * Each account is listed once for the filter or the status groups, and the page it would show expanded is
   * named; the tree is drawn again as listings arrive (and as names do, under a filter).
   */
  private nameEach(accounts: readonly AccountNode[]): void {
    const named = this.named;
    for (const node of accounts) {
      if (named.has(node.account.id)) continue;
      named.add(node.account.id);
      void node.namePage().then(() => this.named === named && this.redraws.add(undefined));
    }
  }

  /** Whether the filter shows `account`: a space of it matches, or its listing failed (so the failure shows). */
  private lets(filter: TreeFilter, account: AccountNode): boolean {
    const counts = account.filterCounts(filter);
    return counts !== undefined && (counts.matched > 0 || counts.failed);
  }

  /** The top rows for `accounts` (shown and let through by the filter), as the view groups them now. */
  private grouped(accounts: readonly AccountNode[]): TreeNode[] {
    const ordered = this.sorting === 'name' ? sorted(accounts, 'name', this.locale) : accounts;
    if (this.grouping === 'vendor') return this.byVendor(ordered);
    if (this.grouping === 'status') return this.byStatus(ordered);
    return [...ordered];
  }

  private byVendor(accounts: readonly AccountNode[]): VendorNode[] {
    return VENDOR_IDS.flatMap((vendor) => {
      const own = accounts.filter((node) => node.account.vendor === vendor);
      if (own.length === 0) return [];
      let node = this.vendors.get(vendor);
      if (!node) this.vendors.set(vendor, (node = new VendorNode(vendor, this)));
      node.setAccounts(own);
      return [node];
    });
  }

  /** The status groups of the accounts' spaces, then the accounts whose listing failed (their error row under them). */
  private byStatus(accounts: readonly AccountNode[]): TreeNode[] {
    const groups = this.statusGroups.groupsOf(this.statusMembers(accounts));
    const failed = accounts.filter((node) => node.knownRows()?.some((row) => row instanceof ErrorNode));
    return [...groups, ...failed];
  }

  /** The space rows the status groups place: every shown account's, as known now, in the accounts' order. */
  private statusMembers(accounts: readonly AccountNode[] = [...this.accounts.values()].map((a) => a.node)): SpaceNode[] {
    return accounts.flatMap((node) => node.knownRows() ?? []).filter((row) => row instanceof SpaceNode);
  }

  /**
   * Rows with matches are shown expanded, once per filter (a row the user collapses again stays so). A view
   * not on screen has no rows to expand: it is tried again when the tree is next drawn.
   */
  private expandForFilter(rows: readonly TreeNode[]): void {
    const expandable = rows.flatMap((row) => (row instanceof VendorNode ? row.getChildren() : [row]));
    for (const node of expandable) {
      if (!this.view?.visible || this.expandedForFilter.has(node.id)) continue;
      this.expandedForFilter.set(node.id, true);
      this.view.reveal(node, { expand: true, select: false, focus: false }).then(undefined, () => this.expandedForFilter.delete(node.id));
    }
  }

  /** The view's message: what the filter matched, which accounts are still listing, how many are hidden. */
  private describe(accounts: readonly AccountNode[], filter: TreeFilter | undefined): void {
    if (!this.view) return;
    let matched = 0;
    let unnamed = 0;
    let listing = 0;
    for (const node of accounts) {
      if (!filter) {
        if (this.grouping === 'status' && !node.knownRows()) listing++;
        continue;
      }
      const counts = node.filterCounts(filter);
      if (!counts) listing++;
      matched += counts?.matched ?? 0;
      unnamed += counts?.unnamed ?? 0;
    }
    const counts: ViewCounts = { filter: filter && { filter, matched, unnamed }, listing, hidden: this.hiddenCount };
    this.view.message = viewMessage(counts);
  }
}
