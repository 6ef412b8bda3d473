import * as vscode from 'vscode';
import { travelsSafely, type Account, type BrokenAccount } from '../core/accounts';
import { asSpacesError, ERROR_ACTIONS, SpacesError, type ErrorKind } from '../core/errors';
import type { Group, GroupItem, SpaceDetails, Tone } from '../core/model';
import { formatValue } from '../core/format';
import { vendorIcon } from '../util/icons';
import { forLabel, forTooltip } from '../util/text';
import { VENDORS } from '../core/vendors/catalog';
import { describeBrokenAccount } from '../accounts/settings';
import type { SpacesService } from '../services/spaces';

/** What nodes need from their tree: the vendors, and a way to redraw themselves. */
export interface TreeContext {
  readonly service: SpacesService;
  readonly extensionUri: vscode.Uri;
  /** Redraws `node` (and asks for its children again when expanded). */
  changed(node: SpacesNode): void;
  /** Runs `work` with the view's progress indicator. */
  progress<T>(work: Promise<T>): Promise<T>;
}

/** Every row of the Spaces tree is one of these. */
export interface SpacesNode {
  readonly parent?: SpacesNode;
  getTreeItem(): vscode.TreeItem;
  getChildren(): vscode.ProviderResult<SpacesNode[]>;
}

/** How many rows a group shows before "Load more". */
export const PAGE_SIZE = 200;

/** A node whose children come a page at a time, with a "Load more" row after the page. */
export interface PagedNode extends SpacesNode {
  readonly id: string;
  loadMore(): void;
}

export class AccountNode implements PagedNode {
  readonly parent = undefined;
  private spaces?: Promise<SpacesNode[]>;
  private readonly spaceNodes = new Map<string, SpaceNode>();
  private controller?: AbortController;
  private refreshNext = false;
  private shown = PAGE_SIZE;

  constructor(
    readonly account: Account,
    private readonly tree: TreeContext,
  ) {}

  get id(): string {
    return `account:${this.account.id}`;
  }

  getTreeItem(): vscode.TreeItem {
    const { account } = this;
    const vendorName = VENDORS[account.vendor].name;
    const item = new vscode.TreeItem(forLabel(account.label), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
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

  async getChildren(): Promise<SpacesNode[]> {
    const rows = await this.listing();
    if (!rows.every((row): row is SpaceNode => row instanceof SpaceNode)) return rows;
    // A long listing (hundreds of Onedata spaces) shows a page at a time; only shown rows fetch details.
    const page = rows.slice(0, this.shown);
    for (const node of page) void node.load();
    return rows.length > this.shown ? [...page, new LoadMoreNode(this, rows.length - this.shown)] : page;
  }

  /** The account's rows, listed once (anew after a refresh), whether or not the view has shown them. */
  listing(): Promise<SpacesNode[]> {
    this.spaces ??= this.loadSpaces();
    return this.spaces;
  }

  /** The row of space `spaceId` under this account, if it has been listed. */
  spaceNode(spaceId: string): SpaceNode | undefined {
    return this.spaceNodes.get(spaceId);
  }

  /** Every row of space `spaceId` this account shows: its listing's, then subspace rows under any space. */
  rowsOf(spaceId: string): SpaceNode[] {
    const rows: SpaceNode[] = [];
    const visit = (node: SpaceNode) => {
      if (node.spaceId === spaceId) rows.push(node);
      for (const sub of node.subspaceRows()) visit(sub);
    };
    for (const node of this.spaceNodes.values()) visit(node);
    return rows;
  }

  /** Lists the spaces anew (Refresh); the details of each are fetched anew too. */
  refresh(): void {
    this.cancel();
    this.spaces = undefined;
    this.refreshNext = true;
    this.tree.changed(this);
  }

  loadMore(): void {
    this.shown += PAGE_SIZE;
    this.tree.changed(this);
  }

  /** Stops what this node is fetching: it is being refreshed, or dropped with its settings entry. */
  cancel(): void {
    this.controller?.abort();
    for (const node of this.spaceNodes.values()) node.cancel();
  }

  private async loadSpaces(): Promise<SpacesNode[]> {
    const controller = (this.controller = new AbortController());
    const refresh = this.refreshNext;
    this.refreshNext = false;
    try {
      const refs = await this.tree.progress(this.tree.service.listSpaces(this.account, { signal: controller.signal, refresh }));
      const listed = new Set(refs.map((ref) => ref.id));
      for (const [id, node] of this.spaceNodes) {
        if (listed.has(id)) continue;
        node.cancel();
        this.spaceNodes.delete(id);
      }
      const nodes = refs.map(({ id, name }) => {
        let node = this.spaceNodes.get(id);
        if (!node) this.spaceNodes.set(id, (node = new SpaceNode(this.account, id, this, this.tree, this.id)));
        node.configured = this.account.spaces.includes(id);
        node.knownName ??= name;
        // The rows on the page fetch their details as getChildren shows them: anew after a refresh.
        if (refresh) node.markStale();
        return node;
      });
      if (nodes.length > 0) return nodes;
      // Nothing to fetch, so nothing would say that credentials are missing: say it here.
      const missing = await this.tree.service.missingCredentials(this.account);
      if (missing) return [new ErrorNode(this, missing, () => this.refresh(), this.account)];
      return [new MessageNode(this, vscode.l10n.t('No spaces yet: use "Add Space…"'), this.id)];
    } catch (err) {
      // A refresh that replaced this load has its own; only the current load reports.
      if (controller.signal.aborted || this.controller !== controller) return [];
      this.spaces = undefined;
      return [new ErrorNode(this, asSpacesError(err), () => this.refresh(), this.account)];
    }
  }
}

export class SpaceNode implements SpacesNode {
  details?: SpaceDetails;
  error?: SpacesError;
  /** A name learnt before the details (from a listing or the parent's subspace row). */
  knownName?: string;
  /** Listed in the account's `spaces` setting (so "Remove Space" applies). */
  configured = false;
  private loading?: Promise<void>;
  private controller?: AbortController;
  /** Group rows survive a redraw, so their "Load more" paging and loaded subspaces stay. */
  private groupNodes = new Map<string, GroupNode>();
  private refreshNext = false;

  constructor(
    readonly account: Account,
    readonly spaceId: string,
    readonly parent: SpacesNode,
    private readonly tree: TreeContext,
    /** The parent's tree id: a space can show up under more than one parent. */
    private readonly parentId: string,
    private readonly subspace = false,
  ) {}

  get id(): string {
    return `${this.parentId}/space:${this.spaceId}`;
  }

  /** Stops an unfinished load, so the next one starts afresh rather than waiting on an aborted one. */
  cancel(): void {
    if (this.controller) {
      this.controller.abort();
      this.controller = undefined;
      this.loading = undefined;
    }
    for (const group of this.groupNodes.values()) group.cancel();
  }

  /** The next load fetches anew (its account or parent was refreshed); the details shown stay until then. */
  markStale(): void {
    this.cancel();
    this.loading = undefined;
    this.refreshNext = true;
  }

  /** Refreshed elsewhere but not fetched again yet: its details are not to be handed on as current. */
  get stale(): boolean {
    return this.refreshNext;
  }

  /** Fetches the details (once, or anew with `refresh`), then redraws the row. */
  load(options: { refresh?: boolean } = {}): Promise<void> {
    const refresh = options.refresh === true || this.refreshNext;
    if (this.loading && !refresh) return this.loading;
    this.refreshNext = false;
    this.controller?.abort();
    // A refreshed space refreshes its subspace rows too, when they are next shown.
    if (refresh) for (const group of this.groupNodes.values()) group.markStale();
    const controller = (this.controller = new AbortController());
    const loading = this.tree.progress(
      this.tree.service.getSpace(this.account, this.spaceId, { signal: controller.signal, refresh }).then(
        (details) => {
          this.details = details;
          this.error = undefined;
        },
        (err: unknown) => {
          if (controller.signal.aborted) return;
          this.error = asSpacesError(err);
        },
      ),
    );
    this.loading = loading;
    void loading.then(() => {
      if (this.controller === controller) this.controller = undefined;
      if (!controller.signal.aborted) this.tree.changed(this);
    });
    return loading;
  }

  /** The subspace rows made under this space so far (only expanded groups make them). */
  *subspaceRows(): Iterable<SpaceNode> {
    for (const group of this.groupNodes.values()) yield* group.subspaceRows();
  }

  getTreeItem(): vscode.TreeItem {
    const { details, error } = this;
    const item = new vscode.TreeItem(forLabel(details?.name ?? this.knownName ?? this.spaceId), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    // A subspace row is not fetched until it is expanded or opened: no spinner until then.
    const loading = !details && !error && this.loading !== undefined;
    item.description = error ? error.kind : details ? forLabel(details.status?.label ?? '') : loading ? vscode.l10n.t('loading…') : undefined;
    item.tooltip = details ? spaceTooltip(details) : forTooltip(error ? error.toString() : this.spaceId);
    item.iconPath = error
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
      : details
        ? statusIcon(details.status?.tone ?? 'neutral')
        : loading
          ? new vscode.ThemeIcon('loading~spin')
          : new vscode.ThemeIcon('folder-library');
    const traits = [this.subspace ? 'sub' : '', this.configured ? 'configured' : '', details?.webUrl ? 'web' : '', details ? 'loaded' : ''].filter(Boolean);
    item.contextValue = ['space', this.account.vendor, ...traits].join('.');
    item.command = { command: 'spaces.open', title: vscode.l10n.t('Open'), arguments: [this] };
    return item;
  }

  async getChildren(): Promise<SpacesNode[]> {
    // A refresh may replace the load under way: wait for the newest one.
    let load: Promise<void>;
    do await (load = this.load());
    while (load !== this.loading);
    if (this.error || !this.details) {
      return [new ErrorNode(this, this.error ?? new SpacesError('badResponse', vscode.l10n.t('No details')), () => void this.load({ refresh: true }), this.account)];
    }
    const groups = [factsGroup(this.details), ...this.details.groups].filter((g) => g.items.length > 0);
    if (groups.length === 0) return [new MessageNode(this, vscode.l10n.t('Nothing more to show'), this.id)];
    const kept = new Map<string, GroupNode>();
    for (const group of groups) {
      const node = this.groupNodes.get(group.id) ?? new GroupNode(group, this, this.tree);
      node.group = group;
      kept.set(group.id, node);
    }
    // Groups the space no longer has go, with what their rows held.
    for (const [id, node] of this.groupNodes) if (!kept.has(id)) node.cancel();
    this.groupNodes = kept;
    return [...kept.values()];
  }
}

export class GroupNode implements PagedNode {
  private shown = PAGE_SIZE;
  private readonly subspaces = new Map<string, SpaceNode>();

  constructor(
    private current: Group,
    readonly parent: SpaceNode,
    private readonly tree: TreeContext,
  ) {}

  get group(): Group {
    return this.current;
  }

  /** The newest copy: a refreshed space hands its group rows their new items; subspaces gone are dropped. */
  set group(group: Group) {
    this.current = group;
    const present = new Set(group.items.map((item) => item.spaceId));
    for (const [spaceId, node] of this.subspaces) {
      if (present.has(spaceId)) continue;
      node.cancel();
      this.subspaces.delete(spaceId);
    }
  }

  get id(): string {
    return `${this.parent.id}/group:${this.group.id}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.group.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const { items, unreadable } = this.group;
    item.description = unreadable ? vscode.l10n.t('{0} ({1} could not be read)', items.length, unreadable) : String(items.length);
    if (unreadable) item.tooltip = vscode.l10n.t('{0} rows of the answer could not be read and are left out: Show Log says why, Show Raw JSON shows them.', unreadable);
    item.iconPath = new vscode.ThemeIcon(GROUP_ICONS[this.group.kind] ?? 'list-unordered');
    item.contextValue = `group.${this.group.kind}`;
    return item;
  }

  getChildren(): SpacesNode[] {
    const rows: SpacesNode[] = this.group.items.slice(0, this.shown).map((entry) =>
      entry.spaceId !== undefined ? this.subspace(entry.spaceId, entry.label) : new ItemNode(entry, this),
    );
    const remaining = this.group.items.length - this.shown;
    if (remaining > 0) rows.push(new LoadMoreNode(this, remaining));
    return rows;
  }

  /** Shows the next page (the "Load more" row). */
  loadMore(): void {
    this.shown += PAGE_SIZE;
    this.tree.changed(this);
  }

  cancel(): void {
    for (const node of this.subspaces.values()) node.cancel();
  }

  subspaceRows(): Iterable<SpaceNode> {
    return this.subspaces.values();
  }

  markStale(): void {
    for (const node of this.subspaces.values()) node.markStale();
  }

  private subspace(spaceId: string, label: string): SpaceNode {
    let node = this.subspaces.get(spaceId);
    if (!node) this.subspaces.set(spaceId, (node = new SpaceNode(this.parent.account, spaceId, this, this.tree, this.id, true)));
    node.knownName = label;
    return node;
  }
}

export class ItemNode implements SpacesNode {
  constructor(
    readonly entry: GroupItem,
    readonly parent: GroupNode,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(forLabel(this.entry.label), vscode.TreeItemCollapsibleState.None);
    item.id = `${this.parent.id}/item:${this.entry.id}`;
    item.description = this.entry.description === undefined ? undefined : forLabel(this.entry.description);
    item.tooltip = new vscode.MarkdownString().appendText(
      forTooltip([this.entry.label, ...this.parent.group.columns.map((c) => `${c.label}: ${formatValue(this.entry.values[c.key] ?? null, c.kind, { locale: vscode.env.language })}`)].join('\n\n')),
    );
    item.contextValue = `item.${this.parent.group.kind}`;
    return item;
  }

  getChildren(): SpacesNode[] {
    return [];
  }
}

export class LoadMoreNode implements SpacesNode {
  constructor(
    readonly parent: PagedNode,
    private readonly remaining: number,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Load more ({0} more)', this.remaining), vscode.TreeItemCollapsibleState.None);
    item.id = `${this.parent.id}/more`;
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.contextValue = 'loadMore';
    item.command = { command: 'spaces.loadMore', title: vscode.l10n.t('Load More'), arguments: [this] };
    return item;
  }

  getChildren(): SpacesNode[] {
    return [];
  }
}

/** A failure, as a row: "<kind>: <message>", with Retry (and the actions its kind calls for) inline. */
export class ErrorNode implements SpacesNode {
  constructor(
    readonly parent: SpacesNode,
    readonly error: SpacesError,
    readonly retry: () => void,
    readonly account?: Account,
  ) {}

  get kind(): ErrorKind {
    return this.error.kind;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(forLabel(this.error.toString()), vscode.TreeItemCollapsibleState.None);
    item.id = `${(this.parent.getTreeItem().id ?? '')}/error`;
    item.tooltip = new vscode.MarkdownString().appendText(forTooltip(this.error.toString()));
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    item.contextValue = ['error', this.error.kind, ...ERROR_ACTIONS[this.error.kind]].join('.');
    return item;
  }

  getChildren(): SpacesNode[] {
    return [];
  }
}

/** A settings entry that could not be used: says which and why, and offers to open the settings. */
export class BrokenAccountNode implements SpacesNode {
  readonly parent = undefined;
  constructor(private readonly broken: BrokenAccount) {}

  getTreeItem(): vscode.TreeItem {
    const message = describeBrokenAccount(this.broken);
    const item = new vscode.TreeItem(forLabel(`config: ${message}`), vscode.TreeItemCollapsibleState.None);
    item.id = `broken:${this.broken.index}:${this.broken.id ?? ''}`;
    item.tooltip = forTooltip(message);
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    item.contextValue = 'brokenAccount';
    item.command = { command: 'spaces.openSettings', title: vscode.l10n.t('Open Settings') };
    return item;
  }

  getChildren(): SpacesNode[] {
    return [];
  }
}

/** A quiet informational row ("No spaces yet"). */
export class MessageNode implements SpacesNode {
  constructor(
    readonly parent: SpacesNode,
    private readonly message: string,
    private readonly parentId: string,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.message, vscode.TreeItemCollapsibleState.None);
    item.id = `${this.parentId}/message`;
    item.contextValue = 'message';
    return item;
  }

  getChildren(): SpacesNode[] {
    return [];
  }
}

const GROUP_ICONS: Partial<Record<Group['kind'], string>> = {
  members: 'person',
  providers: 'server',
  subspaces: 'folder-library',
  goals: 'target',
  artifacts: 'file',
  conversations: 'comment-discussion',
  usage: 'graph',
  permissions: 'shield',
};

const TONE_ICONS: Record<Tone, [string, string | undefined]> = {
  ok: ['pass-filled', 'testing.iconPassed'],
  warn: ['warning', 'list.warningForeground'],
  error: ['error', 'list.errorForeground'],
  neutral: ['circle-large-outline', undefined],
};

function statusIcon(tone: Tone): vscode.ThemeIcon {
  const [icon, color] = TONE_ICONS[tone];
  return new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
}


/** The space's facts as the first group ("Details"), each value formatted for people. */
function factsGroup(details: SpaceDetails): Group {
  const options = { locale: vscode.env.language, yes: vscode.l10n.t('Yes'), no: vscode.l10n.t('No') };
  return {
    id: 'details',
    label: vscode.l10n.t('Details'),
    kind: 'other',
    columns: [],
    items: details.facts.map((fact) => ({ id: fact.label, label: fact.label, description: formatValue(fact.value, fact.kind, options), values: {} })),
  };
}

/** A short summary. Untrusted: every vendor value is appended as text, so no link or command can run. */
function spaceTooltip(details: SpaceDetails): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.isTrusted = false;
  md.supportHtml = false;
  const text = (value: string) => md.appendText(forTooltip(value));
  md.appendMarkdown('**');
  text(details.name).appendMarkdown('**');
  if (details.status) text(` · ${details.status.label}`);
  md.appendMarkdown('\n\n');
  text(`${VENDORS[details.vendor].name} · ${details.id}`);
  for (const fact of details.facts.slice(0, 5)) {
    md.appendMarkdown('\n\n');
    text(`${fact.label}: ${formatValue(fact.value, fact.kind, { locale: vscode.env.language })}`);
  }
  return md;
}
