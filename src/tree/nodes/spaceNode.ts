import * as vscode from 'vscode';
import type { Account } from '../../core/accounts';
import { asSpacesError, SpacesError } from '../../core/errors';
import { formatValue } from '../../core/format';
import type { Group, SpaceDetails, Tone } from '../../core/model';
import { VENDORS } from '../../core/vendors/catalog';
import { fieldProblemsNote } from '../../core/vendors/fieldWording';
import type { RememberedSpace } from '../../services/lastKnown';
import type { StatusChange } from '../../services/statusWatch';
import { LatestLoad } from '../../util/latestLoad';
import type { Filterable } from '../filter';
import { forLabel, forTooltip } from '../../util/text';
import { ErrorNode } from './errorNode';
import { GroupNode } from './groupNode';
import { MessageNode } from './messageNode';
import { TreeNode, type SubspaceParent, type TreeContext } from './treeNode';

/**
 * What a space row knows, and so shows. A row made from saved state alone (the last-known tree, a pin) is
 * `pending` until its account's settings or fresh listing show the space, and `unlisted` once a listing
 * leaves it out: neither fetches anything. Whether a fetch is under way belongs to the row's load, not to
 * this state: a row keeps showing what it has while it fetches.
 */
type RowState =
  | { readonly kind: 'pending'; readonly remembered?: RememberedSpace }
  | { readonly kind: 'unlisted'; readonly remembered?: RememberedSpace }
  | { readonly kind: 'idle' }
  | { readonly kind: 'remembered'; readonly remembered: RememberedSpace }
  | { readonly kind: 'fetched'; readonly details: SpaceDetails }
  | { readonly kind: 'failed'; readonly error: SpacesError; readonly details?: SpaceDetails };

/** Whether the settings or the vendor's fresh answers show a row's space, as far as is known. */
export type Confirmation = 'pending' | 'confirmed' | 'unlisted';

/** How one state draws: the row's description, tooltip and icon. */
interface Look {
  readonly description?: string;
  readonly tooltip: string | vscode.MarkdownString;
  readonly icon: vscode.ThemeIcon;
}

/** A space: its status on the row, its details (fetched when shown) as groups under it. */
export class SpaceNode extends TreeNode implements SubspaceParent<SpaceNode>, Filterable {
  private state: RowState;
  /** A name learnt before the details (from a listing or the parent's subspace row). */
  private learntName?: string;
  /** Group rows survive a redraw, so their "Load more" paging and loaded subspaces stay. */
  private groupNodes = new Map<string, GroupNode<SpaceNode>>();
  /** The tooltip last made, with what it was made from. */
  private madeTooltip?: { details: SpaceDetails; changeKey: string; text: vscode.MarkdownString };
  private readonly loads = new LatestLoad<SpaceDetails>(
    (signal, refresh) => {
      // A refreshed space refreshes its subspace rows too, when they are next shown.
      if (refresh) for (const group of this.groupNodes.values()) group.markStale();
      return this.tree.progress(this.tree.service.getSpace(this.account, this.spaceId, { signal, refresh }));
    },
    (outcome) => {
      if (outcome.ok) {
        this.applyFetched(outcome.value);
        this.tree.lastKnown.fetched(this.account, this.spaceId, outcome.value);
      } else this.applyFailure(asSpacesError(outcome.error));
      this.tree.changed(this);
    },
  );

  constructor(
    readonly account: Account,
    readonly spaceId: string,
    parent: TreeNode,
    private readonly tree: TreeContext,
    /**
     * `subspace`: a row under a group of its parent space; `pinned`: a row of the "Pinned" group; `grouped`:
     * a row under a status group, showing what its account's row knows.
     */
    private readonly kind: 'listed' | 'subspace' | 'pinned' | 'grouped' = 'listed',
    /** A status group's row: the status its group shows, not repeated on the row. */
    private readonly groupStatus?: string,
  ) {
    // The "Pinned" group and the status groups hold spaces of every account: their rows' ids name the account too.
    super(parent, kind === 'pinned' || kind === 'grouped' ? `account:${account.id}/space:${spaceId}` : `space:${spaceId}`);
    // A subspace row comes from its parent's fetched details: the vendor's answer shows it.
    this.state = kind === 'subspace' ? { kind: 'idle' } : { kind: 'pending' };
  }

  // --- what the row knows ------------------------------------------------------------------------

  /** The details last fetched (kept while a refresh failed). */
  get details(): SpaceDetails | undefined {
    return this.state.kind === 'fetched' || this.state.kind === 'failed' ? this.state.details : undefined;
  }

  /** The latest fetch's failure, until a fetch succeeds. */
  get error(): SpacesError | undefined {
    return this.state.kind === 'failed' ? this.state.error : undefined;
  }

  /** The name known before the details: from a listing, the parent's subspace row, or before the reload. */
  get knownName(): string | undefined {
    return this.learntName ?? this.remembered?.name;
  }

  /** What the row showed before the window reloaded, while nothing fresher is known. */
  private get remembered(): RememberedSpace | undefined {
    return 'remembered' in this.state ? this.state.remembered : undefined;
  }

  /** Listed in the account's `spaces` setting (so "Remove Space" applies). */
  get configured(): boolean {
    return this.kind === 'listed' && this.account.spaces.includes(this.spaceId);
  }

  /** Whether the settings or the vendor's fresh answers show this space, so it may be fetched. */
  get confirmed(): boolean {
    return this.state.kind !== 'pending' && this.state.kind !== 'unlisted';
  }

  /** What is known of the space so far (fetched, listed, or from before a window reload): what a filter and a sort read. */
  get known(): { name?: string; status?: string; tone?: Tone; updated?: string } {
    const { details, remembered } = this;
    const status = details?.status ?? remembered?.status;
    return { name: details?.name ?? this.knownName, status: status?.label, tone: status?.tone, updated: details?.updated ?? remembered?.updated };
  }

  /** Whether its details are being fetched. */
  get busy(): boolean {
    return this.loads.busy;
  }

  /** Refreshed elsewhere but not fetched again yet: its details are not to be handed on as current. */
  get stale(): boolean {
    return this.loads.stale;
  }

  // --- how it changes -----------------------------------------------------------------------------

  /** A name for the row until its details come (a listing's, or the parent's subspace row's). */
  learnName(name: string | undefined): void {
    this.learntName = name ?? this.learntName;
  }

  /** What the row showed before the window reloaded: shown, marked, until the details come. */
  remember(space: RememberedSpace): void {
    const { kind } = this.state;
    if (kind === 'pending' || kind === 'unlisted') this.state = { kind, remembered: space };
    else if (kind === 'idle' || kind === 'remembered') this.state = { kind: 'remembered', remembered: space };
  }

  /** The account's settings or its fresh listing show this space: it may be fetched from now on. */
  confirm(): void {
    if (this.confirmed) return;
    const { remembered } = this;
    this.state = remembered ? { kind: 'remembered', remembered } : { kind: 'idle' };
  }

  /** Saved state named this space, but the account's fresh listing does not: shown so, never fetched. */
  markUnlisted(): void {
    this.cancel();
    this.state = { kind: 'unlisted', remembered: this.remembered };
  }

  /**
   * Shows what `row` (its account's row of the same space) knows: a status group's row fetches nothing by
   * itself. While it fetches for itself (expanded or opened), it keeps its own.
   */
  follow(row: SpaceNode): void {
    if (this.busy) return;
    this.state = row.state;
    this.learntName = row.learntName ?? this.learntName;
  }

  /** Fresh details, fetched by this row or by another view of the same space (its panel, its listed row). */
  applyFetched(details: SpaceDetails): void {
    this.state = { kind: 'fetched', details };
  }

  /** A fetch failed: the row says so, and keeps the details it had for those who ask. */
  applyFailure(error: SpacesError): void {
    this.state = { kind: 'failed', error, details: this.details };
  }

  /** Retry on this row's error row: fetch the space anew. */
  retry(): void {
    void this.load({ refresh: true });
  }

  /** Stops an unfinished load, so the next one starts afresh rather than waiting on an aborted one. */
  cancel(): void {
    this.loads.cancel();
    for (const group of this.groupNodes.values()) group.cancel();
  }

  /** The next load fetches anew (its account or parent was refreshed); the details shown stay until then. */
  markStale(): void {
    this.cancel();
    this.loads.markStale();
  }

  /** Fetches the details (once, or anew with `refresh`); the row redraws when they arrive. Not before it is confirmed. */
  async load(options: { refresh?: boolean } = {}): Promise<void> {
    if (!this.confirmed) return;
    await (options.refresh ? this.loads.start(true) : this.loads.current());
  }

  /** A row for subspace `spaceId` under `group`, one of this space's groups. */
  subspaceRow(spaceId: string, group: TreeNode): SpaceNode {
    return new SpaceNode(this.account, spaceId, group, this.tree, 'subspace');
  }

  /** Whether its groups have been drawn (it was expanded): only then can it have subspace rows. */
  get hasGroups(): boolean {
    return this.groupNodes.size > 0;
  }

  /** The subspace rows made under this space so far (only expanded groups make them). */
  *subspaceRows(): Iterable<SpaceNode> {
    for (const group of this.groupNodes.values()) yield* group.subspaceRows();
  }

  // --- how it draws -------------------------------------------------------------------------------

  getTreeItem(): vscode.TreeItem {
    if (this.state.kind === 'unlisted') return this.unlistedItem();
    const item = this.item(forLabel(this.details?.name ?? this.knownName ?? this.spaceId));
    const look = this.look();
    // A pinned or grouped row says which account it is from.
    item.description = this.namesAccount ? [this.ownDescription(look), forLabel(this.account.label)].filter(Boolean).join(' · ') : look.description;
    item.tooltip = look.tooltip;
    item.iconPath = look.icon;
    item.contextValue = ['space', this.account.vendor, ...this.traits()].join('.');
    item.command = { command: 'spaces.open', title: vscode.l10n.t('Open'), arguments: [this] };
    return item;
  }

  /** The look's description, unless it only repeats the status its status group shows. */
  private ownDescription(look: Look): string | undefined {
    const { status } = this.known;
    const repeats = this.groupStatus !== undefined && status === this.groupStatus && look.description === forLabel(status);
    return repeats ? undefined : look.description;
  }

  /** Whether the row is drawn among other accounts' spaces, so it names its account. */
  private get namesAccount(): boolean {
    return this.kind === 'pinned' || this.kind === 'grouped';
  }

  /** The row's description, tooltip and icon: one state, one look. */
  private look(): Look {
    const { state } = this;
    switch (state.kind) {
      case 'failed':
        return this.failedLook(state.error, state.details);
      case 'fetched':
        return this.fetchedLook(state.details);
      case 'pending':
      case 'remembered':
        return state.remembered ? rememberedLook(this.knownName ?? this.spaceId, this.spaceId, state.remembered) : this.idleLook();
      default:
        return this.idleLook();
    }
  }

  private fetchedLook(details: SpaceDetails): Look {
    // A status changed since the user last looked says so ("Active → Error") until they look.
    const change = this.tree.statuses.change(this.account.id, this.spaceId);
    const description = change ? `${forLabel(change.from)} → ${forLabel(change.to)}` : forLabel(details.status?.label ?? '');
    return { description, tooltip: this.tooltipOf(details, change), icon: statusIcon(details.status?.tone ?? 'neutral') };
  }

  /**
   * The failure's kind on the row; the tooltip keeps the details fetched before (so the row still reads as
   * its space, to a screen reader too), else says the failure, which the error row under it spells out.
   */
  private failedLook(error: SpacesError, details: SpaceDetails | undefined): Look {
    const tooltip = details ? this.tooltipOf(details, this.tree.statuses.change(this.account.id, this.spaceId)) : forTooltip(error.toString());
    return { description: error.kind, tooltip, icon: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) };
  }

  /**
   * The tooltip of `details` and `change`, made again only when either is new: a switch of grouping or sort
   * redraws thousands of rows, and a tooltip formats up to five facts.
   */
  private tooltipOf(details: SpaceDetails, change: StatusChange | undefined): vscode.MarkdownString {
    const changeKey = change ? `${change.from}\u0000${change.to}` : '';
    if (this.madeTooltip?.details !== details || this.madeTooltip.changeKey !== changeKey) {
      this.madeTooltip = { details, changeKey, text: spaceTooltip(details, change) };
    }
    return this.madeTooltip.text;
  }

  /** Nothing known yet: a spinner while fetching (a subspace row is not fetched until expanded or opened). */
  private idleLook(): Look {
    const loading = this.loads.busy;
    return {
      description: loading ? vscode.l10n.t('loading…') : undefined,
      tooltip: forTooltip(this.spaceId),
      icon: new vscode.ThemeIcon(loading ? 'loading~spin' : 'folder-library'),
    };
  }

  /** What the menus read from the context value: `space.<vendor>.sub.configured.web.loaded.pinned`. */
  private traits(): string[] {
    const pinned = this.tree.pins.has(this.account.id, this.spaceId);
    const { details } = this;
    return [this.kind === 'subspace' ? 'sub' : '', this.configured ? 'configured' : '', details?.webUrl ? 'web' : '', details ? 'loaded' : '', pinned ? 'pinned' : ''].filter(Boolean);
  }

  /** A saved row the account no longer lists: its name as it was, said to be gone, with nothing under it. */
  private unlistedItem(): vscode.TreeItem {
    const name = forLabel(this.knownName ?? this.spaceId);
    const item = this.item(name, vscode.TreeItemCollapsibleState.None);
    item.description = this.namesAccount ? vscode.l10n.t('no longer listed · {0}', forLabel(this.account.label)) : vscode.l10n.t('no longer listed');
    item.tooltip = new vscode.MarkdownString().appendText(
      forTooltip(vscode.l10n.t('"{0}" ({1}) is no longer listed by account "{2}", so nothing is fetched for it.', name, this.spaceId, this.account.label)),
    );
    item.iconPath = new vscode.ThemeIcon('circle-slash');
    item.contextValue = ['space', this.account.vendor, 'unlisted', this.tree.pins.has(this.account.id, this.spaceId) ? 'pinned' : ''].filter(Boolean).join('.');
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    // Remembered but not yet confirmed by a listing: nothing is fetched; the account's listing redraws it.
    if (!this.confirmed) return [new MessageNode(this, vscode.l10n.t('Loading…'))];
    // A row restored expanded after a reload must not hold up the tree's first draw (VS Code waits for the
    // children of expanded rows): a loading row until its details come, then it is asked again.
    if (this.state.kind === 'remembered') {
      void this.load();
      if (this.loads.busy) return [new MessageNode(this, vscode.l10n.t('Loading…'))];
    }
    // A refresh may replace the load under way: wait for the newest one.
    await this.loads.settled();
    const { details, error } = this;
    if (error || !details) return [new ErrorNode(this, error ?? new SpacesError('badResponse', vscode.l10n.t('No details')), this.account)];
    return this.groupRows(details);
  }

  /** The details' groups as rows (the facts first), kept across redraws; empty groups left out. */
  private groupRows(details: SpaceDetails): TreeNode[] {
    const groups = [factsGroup(details), ...details.groups].filter((g) => g.items.length > 0);
    if (groups.length === 0) return [new MessageNode(this, vscode.l10n.t('Nothing more to show'))];
    const kept = new Map<string, GroupNode<SpaceNode>>();
    for (const group of groups) {
      const node = this.groupNodes.get(group.id) ?? new GroupNode<SpaceNode>(group, this, this.tree);
      node.update(group);
      kept.set(group.id, node);
    }
    // Groups the space no longer has go, with what their rows held.
    for (const [id, node] of this.groupNodes) if (!kept.has(id)) node.cancel();
    this.groupNodes = kept;
    return [...kept.values()];
  }
}

const TONE_ICONS: Record<Tone, [string, string | undefined]> = {
  ok: ['pass-filled', 'testing.iconPassed'],
  warn: ['warning', 'list.warningForeground'],
  error: ['error', 'list.errorForeground'],
  neutral: ['circle-large-outline', undefined],
};

/** A status's icon: its tone as a shape and a colour. */
export function statusIcon(tone: Tone): vscode.ThemeIcon {
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
function spaceTooltip(details: SpaceDetails, change?: StatusChange): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.isTrusted = false;
  md.supportHtml = false;
  const text = (value: string) => md.appendText(forTooltip(value));
  md.appendMarkdown('**');
  text(details.name).appendMarkdown('**');
  if (details.status) text(` · ${details.status.label}`);
  if (change) md.appendMarkdown('\n\n').appendText(vscode.l10n.t('Status changed since you last looked: {0} → {1}. Select the row or open the space to mark it seen.', forTooltip(change.from), forTooltip(change.to)));
  // An answer that did not match its vendor's documentation says so: what shows may be less than it seems.
  const note = fieldProblemsNote(VENDORS[details.vendor].name, details.fieldProblems);
  if (note) md.appendMarkdown('\n\n').appendText(forTooltip(note));
  md.appendMarkdown('\n\n');
  text(`${VENDORS[details.vendor].name} · ${details.id}`);
  for (const fact of details.facts.slice(0, 5)) {
    md.appendMarkdown('\n\n');
    text(`${fact.label}: ${formatValue(fact.value, fact.kind, { locale: vscode.env.language })}`);
  }
  return md;
}

/** What the row showed before the window reloaded, said to be that. Untrusted: vendor text goes in as text. */
function rememberedLook(name: string, id: string, remembered: RememberedSpace): Look {
  const status = remembered.status ? forLabel(remembered.status.label) : undefined;
  const md = new vscode.MarkdownString();
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown('**').appendText(forTooltip(name)).appendMarkdown('**');
  if (remembered.status) md.appendText(forTooltip(` · ${remembered.status.label}`));
  md.appendMarkdown('\n\n').appendText(forTooltip(id));
  md.appendMarkdown('\n\n').appendText(vscode.l10n.t('As last seen before the window reloaded: not yet refreshed.'));
  const description = status ? vscode.l10n.t('{0} (not yet refreshed)', status) : vscode.l10n.t('(not yet refreshed)');
  return { description, tooltip: md, icon: new vscode.ThemeIcon('history') };
}
