import * as vscode from 'vscode';
import { setTimeout as sleep } from 'node:timers/promises';
import { travelsSafely, type Account } from '../../core/accounts';
import { asSpacesError, type SpacesError } from '../../core/errors';
import type { SpaceRef } from '../../core/model';
import { VENDORS } from '../../core/vendors/catalog';
import { vendorIcon } from '../../util/icons';
import type { RememberedSpace } from '../../services/lastKnown';
import { LatestLoad, type Outcome } from '../../util/latestLoad';
import { forLabel, forTooltip } from '../../util/text';
import { ErrorNode } from './errorNode';
import { LoadMoreNode } from './loadMoreNode';
import { MessageNode } from './messageNode';
import { SpaceNode, type Confirmation } from './spaceNode';
import { TreeNode, type PagedNode, type SortedList, type TreeContext } from './treeNode';
import type { TreeFilter } from '../filter';
import { PAGE_SIZE, ROWS_IN_VIEW, ROWS_IN_VIEW_WAIT_MS } from '../../core/limits';
import { RowOrder } from '../order';

/** A configured account: its spaces under it, listed when it is first expanded, a page at a time. */
export class AccountNode extends TreeNode implements PagedNode, SortedList {
  private readonly spaceNodes = new Map<string, SpaceNode>();
  /** Ends with `cancel()`: the rest of a page still waiting for its rows in view is then not asked for. */
  private pageLoading = new AbortController();
  private shown = PAGE_SIZE;
  /** The rows' places in the view's sort, settled when a listing or a page's details come. */
  private readonly order = new RowOrder<SpaceNode>();
  /**
   * The latest listing's end: none yet (the rows remembered from before the reload stand in for it),
   * listed (the spaces it left out are no longer the account's), or failed.
   */
  private listingState: 'none' | 'listed' | 'failed' = 'none';
  /** The rows of the latest listing (its error row if it failed). */
  private latestChildren: TreeNode[] = [];
  private readonly loads = new LatestLoad<TreeNode[]>(
    (signal, refresh) => this.loadSpaces(signal, refresh),
    (outcome) => {
      this.listingState = outcome.ok ? 'listed' : 'failed';
      this.latestChildren = this.childrenOf(outcome);
      // A new listing is sorted anew.
      this.order.reset();
      // A listing that failed is tried again the next time the account is expanded.
      if (!outcome.ok) this.loads.forget();
    },
  );

  constructor(
    readonly account: Account,
    private readonly tree: TreeContext,
  ) {
    super(undefined, `account:${account.id}`);
  }

  /** What "Sort: Name" reads of the account's row. */
  get known(): { name: string } {
    return { name: this.account.label };
  }

  getTreeItem(): vscode.TreeItem {
    const { account } = this;
    const vendorName = VENDORS[account.vendor].name;
    const item = this.item(forLabel(account.label));
    // An account that opted in to plain http says so on its row, every time it is seen.
    const insecure = !travelsSafely(account.baseUrl);
    item.description = insecure ? vscode.l10n.t('{0} · not encrypted (http)', vendorName) : vendorName;
    const tooltip = new vscode.MarkdownString().appendText(forTooltip(`${account.label} · ${vendorName}\n\n${account.baseUrl}`));
    if (insecure) tooltip.appendMarkdown('\n\n').appendText(vscode.l10n.t('Its credentials travel unencrypted: "allowInsecureHttp" is set for this account.'));
    item.tooltip = tooltip;
    item.iconPath = vendorIcon(this.tree.extensionUri, account.vendor);
    item.contextValue = `account.${account.vendor}`;
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    // After a window reload: the rows known from before, at once, until the fresh listing replaces them.
    if (this.remembered()?.length) {
      void this.listing().then(() => this.tree.changed(this));
      return this.page(this.filtered(this.arranged(this.knownRows() ?? [])), false);
    }
    return this.page(this.filtered(this.arranged(await this.listing())), true);
  }

  /** Space rows in the view's sort (an error or message row as it is). */
  private arranged(rows: TreeNode[]): TreeNode[] {
    if (!rows.every((row): row is SpaceNode => row instanceof SpaceNode)) return rows;
    return [...this.order.arrange(rows, this.tree.sortBy, this.tree.locale)];
  }

  /** The rows the view's filter lets through (every row when there is none). */
  private filtered(rows: TreeNode[]): TreeNode[] {
    const { filter } = this.tree;
    return filter ? rows.filter((row) => !(row instanceof SpaceNode) || filter.match(row) === 'match') : rows;
  }

  /** What the last known tree has of this account, while no listing has ended. */
  private remembered(): readonly RememberedSpace[] | undefined {
    return this.awaitingListing ? this.tree.lastKnown.spaces(this.account) : undefined;
  }

  /**
   * The account's rows as known now: its latest listing's (its error row if it failed), or those remembered
   * from before a window reload; undefined until one of them is there.
   */
  knownRows(): TreeNode[] | undefined {
    const remembered = this.remembered();
    if (this.awaitingListing && !remembered?.length) return undefined;
    return remembered ? remembered.map((space) => this.rememberedRow(space)) : this.latestChildren;
  }

  /**
   * Under `filter`: how many of the account's spaces match it, how many could not be matched yet (only
   * their ids are known), and whether its listing failed; undefined until its spaces are known (listed,
   * or remembered from before a window reload).
   */
  filterCounts(filter: TreeFilter): { matched: number; unnamed: number; failed: boolean } | undefined {
    const rows = this.knownRows();
    if (!rows) return undefined;
    const counts = { matched: 0, unnamed: 0, failed: rows.some((row) => row instanceof ErrorNode) };
    for (const row of rows) {
      if (!(row instanceof SpaceNode)) continue;
      const match = filter.match(row);
      if (match === 'match') counts.matched++;
      else if (match === 'unnamed') counts.unnamed++;
    }
    return counts;
  }

  /** The account's space rows as far as they are known without a request (Export Spaces…): every page of them. */
  knownSpaces(): SpaceNode[] {
    return (this.knownRows() ?? []).filter((row) => row instanceof SpaceNode);
  }

  /** A page of `rows` and "Load more"; with `load`, the page's spaces fetch their details. */
  private page(rows: TreeNode[], load: boolean): TreeNode[] {
    if (!rows.every((row): row is SpaceNode => row instanceof SpaceNode)) return rows;
    // A long listing (hundreds of Onedata spaces) shows a page at a time; only shown rows fetch details.
    const page = rows.slice(0, this.shown);
    if (load) this.loadPage(page);
    return rows.length > this.shown ? [...page, new LoadMoreNode(this, rows.length - this.shown)] : page;
  }

  /**
   * Fetches the details of `page`'s rows in their order, so those in view are asked for first, and draws
   * those together once named. Once every row's have come the tree is told (the rows settle into the
   * view's sort then, not at every name); a page whose details were all known already brings nothing new.
   */
  private loadPage(page: readonly SpaceNode[]): void {
    const { signal } = this.pageLoading;
    const inView = loadRows(page.slice(0, ROWS_IN_VIEW));
    if (inView.fetching.length > 0) this.tree.drawTogether(inView.fetching, inView.done);
    // The rest once those in view are named, or have had their time: their requests come after them.
    const rest = Promise.race([inView.done, sleep(ROWS_IN_VIEW_WAIT_MS)]).then(() => loadRows(signal.aborted ? [] : page.slice(ROWS_IN_VIEW)));
    void rest.then(async ({ fetching, done }) => {
      await Promise.all([inView.done, done]);
      if (!signal.aborted && (inView.fetching.length > 0 || fetching.length > 0)) this.tree.pageArrived(this);
    });
  }

  /** Sorts the rows anew by what is known now (a page's details came); true when a row moved. */
  settleOrder(): boolean {
    const rows = this.knownRows()?.filter((row) => row instanceof SpaceNode) ?? [];
    return this.order.settle(rows, this.tree.sortBy, this.tree.locale);
  }

  /** The account's rows, listed once (anew after a refresh), whether or not the view has shown them. */
  async listing(): Promise<TreeNode[]> {
    return this.childrenOf(await this.loads.current());
  }

  /**
   * Lists the account and fetches the details of the page it shows, as expanding it would: a filter can then
   * match those spaces by name, and the status groups place them. Rows beyond the page stay unnamed (and are
   * counted so) until shown.
   */
  async namePage(): Promise<void> {
    this.page(this.arranged(await this.listing()), true);
  }

  /** The space rows of the latest listing as they are now, asking nothing: none before a listing ended. */
  listedRows(): SpaceNode[] {
    return this.latestChildren.filter((row) => row instanceof SpaceNode);
  }

  /** Why the latest listing failed (or found nothing and no credentials to ask with), if it did. */
  get listingError(): SpacesError | undefined {
    return this.latestChildren.find((row) => row instanceof ErrorNode)?.error;
  }

  /** The row of space `spaceId` under this account, if it has been listed. */
  spaceNode(spaceId: string): SpaceNode | undefined {
    return this.spaceNodes.get(spaceId);
  }

  /**
   * Every confirmed row of space `spaceId` this account shows: its listing's, then subspace rows under any
   * space. A row known only from before the window reloaded is not one of them.
   */
  confirmedRows(spaceId: string): SpaceNode[] {
    const listed = this.spaceNodes.get(spaceId);
    const rows = listed?.confirmed ? [listed] : [];
    const visit = (node: SpaceNode) => {
      for (const sub of node.subspaceRows()) {
        if (sub.spaceId === spaceId) rows.push(sub);
        visit(sub);
      }
    };
    // Asked at every answer: only the rows drawn expanded are walked, a few of hundreds.
    for (const node of this.spaceNodes.values()) if (node.confirmed && node.hasGroups) visit(node);
    return rows;
  }

  /**
   * Whether the account shows space `spaceId`, as far as is known now: configured, in its latest listing or
   * a subspace row of one of its spaces (`confirmed`); left out of a listing that came (`unlisted`); or not
   * known until a listing comes (`pending`). What was saved (the last-known tree, pins) counts for nothing.
   */
  confirmation(spaceId: string): Confirmation {
    if (this.account.spaces.includes(spaceId) || this.confirmedRows(spaceId).length > 0) return 'confirmed';
    return this.listingState === 'listed' ? 'unlisted' : 'pending';
  }

  /** Whether no listing of this account has ended yet. */
  get awaitingListing(): boolean {
    return this.listingState === 'none';
  }

  /** Whether the account shows space `spaceId`, listing it first if need be (one request to its own server). */
  async confirms(spaceId: string): Promise<boolean> {
    if (this.account.spaces.includes(spaceId)) return true;
    await this.listing();
    return this.confirmation(spaceId) === 'confirmed';
  }

  /** Retry on this account's error row: list it anew. */
  retry(): void {
    this.refresh();
  }

  /** Lists the spaces anew (Refresh); the details of each are fetched anew too. */
  refresh(): void {
    this.cancel();
    this.loads.markStale();
    this.tree.changed(this);
  }

  /** Pages on until the row of `spaceId` is shown (when next drawn); false when the listing has no such row. */
  async showRow(spaceId: string): Promise<boolean> {
    const index = this.arranged(await this.listing()).findIndex((row) => row instanceof SpaceNode && row.spaceId === spaceId);
    if (index < 0) return false;
    this.shown = Math.max(this.shown, Math.ceil((index + 1) / PAGE_SIZE) * PAGE_SIZE);
    return true;
  }

  loadMore(): void {
    this.shown += PAGE_SIZE;
    this.tree.changed(this);
  }

  /** Stops what this node is fetching: it is being refreshed, or dropped with its settings entry. */
  cancel(): void {
    this.loads.cancel();
    this.pageLoading.abort();
    this.pageLoading = new AbortController();
    for (const node of this.spaceNodes.values()) node.cancel();
  }

  private async loadSpaces(signal: AbortSignal, refresh: boolean): Promise<TreeNode[]> {
    const refs = await this.tree.progress(this.tree.service.listSpaces(this.account, { signal, refresh }));
    // The first listing may come before the view draws the account (Alumio lists without asking, and a
    // restored panel lists its account to follow itself): its rows still show what was known before.
    const remembered = this.awaitingListing ? (this.tree.lastKnown.spaces(this.account) ?? []) : [];
    this.tree.lastKnown.listed(this.account, refs);
    const nodes = this.rowsFromListing(refs, refresh, remembered);
    if (nodes.length > 0) return nodes;
    // Nothing to fetch, so nothing would say that credentials are missing: say it here.
    const missing = await this.tree.service.missingCredentials(this.account);
    if (missing) return [new ErrorNode(this, missing, this.account)];
    return [new MessageNode(this, vscode.l10n.t('No spaces yet: use "Add Space…"'))];
  }

  /** The row of a space remembered from before the reload: its name and status then, marked as such. */
  private rememberedRow(space: RememberedSpace): SpaceNode {
    const node = this.ensureRow(space.id);
    node.remember(space);
    return node;
  }

  /**
   * A row per listed space: rows already shown are kept (with their details), rows gone are dropped. Rows
   * with no details yet show what is `remembered` of them from before the reload.
   */
  private rowsFromListing(refs: readonly SpaceRef[], refresh: boolean, remembered: readonly RememberedSpace[]): SpaceNode[] {
    const listed = new Set(refs.map((ref) => ref.id));
    for (const [id, node] of this.spaceNodes) {
      if (listed.has(id)) continue;
      node.cancel();
      this.spaceNodes.delete(id);
    }
    const rememberedById = new Map(remembered.map((space) => [space.id, space]));
    return refs.map(({ id, name }) => {
      const node = this.ensureRow(id);
      const before = rememberedById.get(id);
      if (before) node.remember(before);
      node.learnName(name);
      node.confirm();
      // The rows on the page fetch their details as getChildren shows them: anew after a refresh.
      if (refresh) node.markStale();
      return node;
    });
  }

  /** The account's row of space `id`, made on first use (confirmed at once when configured); kept while listed. */
  private ensureRow(id: string): SpaceNode {
    let node = this.spaceNodes.get(id);
    if (!node) this.spaceNodes.set(id, (node = new SpaceNode(this.account, id, this, this.tree)));
    if (node.configured) node.confirm();
    return node;
  }

  /** The rows a listing gives: its spaces, the failure as an error row, nothing when superseded. */
  private childrenOf(outcome: Outcome<TreeNode[]> | undefined): TreeNode[] {
    if (!outcome) return [];
    if (outcome.ok) return outcome.value;
    return [new ErrorNode(this, asSpacesError(outcome.error), this.account)];
  }
}

/** Starts loading `rows`: those whose details are being fetched now, and when every load has ended. */
function loadRows(rows: readonly SpaceNode[]): { fetching: SpaceNode[]; done: Promise<unknown> } {
  const done = Promise.allSettled(rows.map((row) => row.load()));
  return { fetching: rows.filter((row) => row.busy), done };
}
