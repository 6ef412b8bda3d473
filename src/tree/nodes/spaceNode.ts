import * as vscode from 'vscode';
import type { Account } from '../../core/accounts';
import { asSpacesError, SpacesError } from '../../core/errors';
import { formatValue } from '../../core/format';
import type { Group, SpaceDetails, Tone } from '../../core/model';
import { VENDORS } from '../../core/vendors/catalog';
import type { KnownSpace } from '../../services/lastKnown';
import type { StatusChange } from '../../services/statusWatch';
import { LatestLoad } from '../../util/latestLoad';
import type { Filterable } from '../filter';
import { forLabel, forTooltip } from '../../util/text';
import { ErrorNode } from './errorNode';
import { GroupNode } from './groupNode';
import { MessageNode } from './messageNode';
import { TreeNode, type SubspaceParent, type TreeContext } from './treeNode';

/** Whether a row's space is shown by the settings or the vendor's fresh answers (see `SpaceNode.confirmed`). */
export type Confirmation = 'pending' | 'confirmed' | 'unlisted';

/** A space: its status on the row, its details (fetched when shown) as groups under it. */
export class SpaceNode extends TreeNode implements SubspaceParent<SpaceNode>, Filterable {
  details?: SpaceDetails;
  error?: SpacesError;
  /** A name learnt before the details (from a listing or the parent's subspace row). */
  knownName?: string;
  /** Listed in the account's `spaces` setting (so "Remove Space" applies). */
  configured = false;
  /** What the row showed before the window reloaded: shown, marked, until the details come. */
  lastKnown?: KnownSpace;
  /**
   * Whether the user's settings or the vendor's fresh answers show this space. A row made from saved state
   * alone (the last-known tree, a pin) is `pending` until its account's listing says: nothing is fetched for
   * it before, and nothing ever once the listing leaves it out (`unlisted`).
   */
  private confirmation: Confirmation;
  /** Group rows survive a redraw, so their "Load more" paging and loaded subspaces stay. */
  private groupNodes = new Map<string, GroupNode<SpaceNode>>();
  private readonly loads = new LatestLoad<SpaceDetails>(
    (signal, refresh) => {
      // A refreshed space refreshes its subspace rows too, when they are next shown.
      if (refresh) for (const group of this.groupNodes.values()) group.markStale();
      return this.tree.progress(this.tree.service.getSpace(this.account, this.spaceId, { signal, refresh }));
    },
    (outcome) => {
      if (outcome.ok) {
        [this.details, this.error] = [outcome.value, undefined];
        this.tree.lastKnown.fetched(this.account, this.spaceId, outcome.value.name, outcome.value.status);
      } else this.error = asSpacesError(outcome.error);
      this.tree.changed(this);
    },
  );

  constructor(
    readonly account: Account,
    readonly spaceId: string,
    parent: TreeNode,
    private readonly tree: TreeContext,
    /** `subspace`: a row under a group of its parent space; `pinned`: a row of the "Pinned" group. */
    private readonly kind: 'listed' | 'subspace' | 'pinned' = 'listed',
  ) {
    // The "Pinned" group holds spaces of every account: its rows' ids name the account too.
    super(parent, kind === 'pinned' ? `account:${account.id}/space:${spaceId}` : `space:${spaceId}`);
    // A subspace row comes from its parent's fetched details: the vendor's answer shows it.
    this.confirmation = kind === 'subspace' ? 'confirmed' : 'pending';
  }

  /** Whether the settings or the vendor's fresh answers show this space, so it may be fetched. */
  get confirmed(): boolean {
    return this.confirmation === 'confirmed';
  }

  /** The account's settings or its fresh listing show this space: it may be fetched from now on. */
  confirm(): void {
    this.confirmation = 'confirmed';
  }

  /** Saved state named this space, but the account's fresh listing does not: shown so, never fetched. */
  markUnlisted(): void {
    this.cancel();
    this.confirmation = 'unlisted';
  }

  /** What is known of the space so far (fetched, listed, or from before a window reload): what a filter reads. */
  get known(): { name?: string; status?: string } {
    return { name: this.details?.name ?? this.knownName, status: this.details?.status?.label ?? this.lastKnown?.status?.label };
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

  /** Refreshed elsewhere but not fetched again yet: its details are not to be handed on as current. */
  get stale(): boolean {
    return this.loads.stale;
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

  /** The subspace rows made under this space so far (only expanded groups make them). */
  *subspaceRows(): Iterable<SpaceNode> {
    for (const group of this.groupNodes.values()) yield* group.subspaceRows();
  }

  getTreeItem(): vscode.TreeItem {
    if (this.confirmation === 'unlisted') return this.unlistedItem();
    const { details, error } = this;
    const item = this.item(forLabel(details?.name ?? this.knownName ?? this.spaceId));
    // A subspace row is not fetched until it is expanded or opened: no spinner until then.
    const loading = !details && !error && this.loads.busy;
    // Known from before the window reloaded, not fetched since: said so, on the row and in its tooltip.
    const remembered = !details && !error ? this.lastKnown : undefined;
    const rememberedStatus = remembered?.status ? forLabel(remembered.status.label) : undefined;
    const description = error
      ? error.kind
      : details
        ? forLabel(details.status?.label ?? '')
        : remembered
          ? rememberedStatus
            ? vscode.l10n.t('{0} (not yet refreshed)', rememberedStatus)
            : vscode.l10n.t('(not yet refreshed)')
          : loading
            ? vscode.l10n.t('loading…')
            : undefined;
    // A status changed since the user last looked says so ("Active → Error") until they look.
    const change = details && this.tree.statuses.change(this.account.id, this.spaceId);
    const status = change ? `${forLabel(change.from)} → ${forLabel(change.to)}` : description;
    // A pinned row says which account it is from.
    item.description = this.kind === 'pinned' ? [status, forLabel(this.account.label)].filter(Boolean).join(' · ') : status;
    item.tooltip = details
      ? spaceTooltip(details, change)
      : remembered
        ? rememberedTooltip(this.knownName ?? this.spaceId, this.spaceId, remembered.status?.label)
        : forTooltip(error ? error.toString() : this.spaceId);
    item.iconPath = error
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
      : details
        ? statusIcon(details.status?.tone ?? 'neutral')
        : remembered
          ? new vscode.ThemeIcon('history')
          : loading
            ? new vscode.ThemeIcon('loading~spin')
            : new vscode.ThemeIcon('folder-library');
    const pinned = this.tree.pins.has(this.account.id, this.spaceId);
    const traits = [this.kind === 'subspace' ? 'sub' : '', this.configured ? 'configured' : '', details?.webUrl ? 'web' : '', details ? 'loaded' : '', pinned ? 'pinned' : ''].filter(Boolean);
    item.contextValue = ['space', this.account.vendor, ...traits].join('.');
    item.command = { command: 'spaces.open', title: vscode.l10n.t('Open'), arguments: [this] };
    return item;
  }

  /** A saved row the account no longer lists: its name as it was, said to be gone, with nothing under it. */
  private unlistedItem(): vscode.TreeItem {
    const name = forLabel(this.knownName ?? this.lastKnown?.name ?? this.spaceId);
    const item = this.item(name, vscode.TreeItemCollapsibleState.None);
    item.description = this.kind === 'pinned' ? vscode.l10n.t('no longer listed · {0}', forLabel(this.account.label)) : vscode.l10n.t('no longer listed');
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
    if (this.lastKnown && !this.details && !this.error) {
      void this.load();
      if (this.loads.busy) return [new MessageNode(this, vscode.l10n.t('Loading…'))];
    }
    // A refresh may replace the load under way: wait for the newest one.
    await this.loads.settled();
    if (this.error || !this.details) {
      return [new ErrorNode(this, this.error ?? new SpacesError('badResponse', vscode.l10n.t('No details')), () => void this.load({ refresh: true }), this.account)];
    }
    const groups = [factsGroup(this.details), ...this.details.groups].filter((g) => g.items.length > 0);
    if (groups.length === 0) return [new MessageNode(this, vscode.l10n.t('Nothing more to show'))];
    const kept = new Map<string, GroupNode<SpaceNode>>();
    for (const group of groups) {
      const node = this.groupNodes.get(group.id) ?? new GroupNode<SpaceNode>(group, this, this.tree);
      node.group = group;
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
function spaceTooltip(details: SpaceDetails, change?: StatusChange): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.isTrusted = false;
  md.supportHtml = false;
  const text = (value: string) => md.appendText(forTooltip(value));
  md.appendMarkdown('**');
  text(details.name).appendMarkdown('**');
  if (details.status) text(` · ${details.status.label}`);
  if (change) md.appendMarkdown('\n\n').appendText(vscode.l10n.t('Status changed since you last looked: {0} → {1}. Select the row or open the space to mark it seen.', forTooltip(change.from), forTooltip(change.to)));
  md.appendMarkdown('\n\n');
  text(`${VENDORS[details.vendor].name} · ${details.id}`);
  for (const fact of details.facts.slice(0, 5)) {
    md.appendMarkdown('\n\n');
    text(`${fact.label}: ${formatValue(fact.value, fact.kind, { locale: vscode.env.language })}`);
  }
  return md;
}

/** What the row showed before the window reloaded, said to be that. Untrusted: vendor text goes in as text. */
function rememberedTooltip(name: string, id: string, status: string | undefined): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown('**').appendText(forTooltip(name)).appendMarkdown('**');
  if (status !== undefined) md.appendText(forTooltip(` · ${status}`));
  md.appendMarkdown('\n\n').appendText(forTooltip(id));
  md.appendMarkdown('\n\n').appendText(vscode.l10n.t('As last seen before the window reloaded: not yet refreshed.'));
  return md;
}
