/**
 * What the tools for AI assistants read when they answer from what is known: the accounts in the user's
 * settings and what the Spaces view holds of them now (listings, fetched details, the last failure), or,
 * before an account's first listing in this window, what the view showed last time. Reading asks nothing
 * of any server: a request happens only in `tools.ts`, after the user allowed it.
 */
import type { Account } from '../core/accounts';
import type { ErrorKind, SpacesError } from '../core/errors';
import type { KnownSpace } from '../core/tools/results';
import type { Config } from '../config/config';
import type { AccountNode } from '../tree/nodes/accountNode';
import type { SpaceNode } from '../tree/nodes/spaceNode';
import type { SpacesTreeProvider } from '../tree/provider';

/** Failures that say the account could not be reached with its settings and credentials (not that one space is missing). */
const UNREACHABLE: ReadonlySet<ErrorKind> = new Set<ErrorKind>(['auth', 'network', 'timeout', 'tls', 'server', 'redirect', 'config', 'rateLimited']);

/** Whether an account answered when it was last asked in this window. */
export type Reachability = { readonly reachable: 'yes' | 'unknown' } | { readonly reachable: 'no'; readonly problem: ErrorKind };

/** A space a tool may read: configured, or shown by the account's fresh answers; its row when the view has one. */
export interface KnownTarget {
  readonly account: Account;
  readonly node?: SpaceNode;
}

export type TargetLookup =
  | { readonly kind: 'found'; readonly target: KnownTarget }
  | { readonly kind: 'unknownAccount' }
  /** Not a space the account shows, as far as is known without asking; `remembered` when only the last window named it. */
  | { readonly kind: 'unknownSpace'; readonly account: Account; readonly remembered: boolean };

export class SpacesKnowledge {
  constructor(
    private readonly config: Config,
    private readonly tree: SpacesTreeProvider,
  ) {}

  accounts(): readonly Account[] {
    return this.config.accounts().accounts;
  }

  /** The spaces of `account` known now: its listing's rows, else those remembered from the last window and the configured ids. */
  spaces(account: Account): KnownSpace[] {
    const node = this.nodeOf(account);
    if (node && !node.awaitingListing) return node.listedRows().map((row) => fromRow(account, row));
    const remembered = this.tree.lastKnown.spaces(account) ?? [];
    const named = new Set(remembered.map((space) => space.id));
    return [
      ...remembered.map((space): KnownSpace => ({ accountId: account.id, vendor: account.vendor, spaceId: space.id, name: space.name, status: space.status, from: 'lastWindow' })),
      ...account.spaces.filter((id) => !named.has(id)).map((id): KnownSpace => ({ accountId: account.id, vendor: account.vendor, spaceId: id, from: 'configured' })),
    ];
  }

  /** Whether the account's listing has ended in this window, so `spaces` holds what it lists now. */
  listed(account: Account): boolean {
    return this.nodeOf(account)?.awaitingListing === false;
  }

  /** Whether `account` answered when last asked: a failed listing, a fetched space, or a space that failed to reach it. */
  reachability(account: Account): Reachability {
    const node = this.nodeOf(account);
    if (!node) return { reachable: 'unknown' };
    const listing = node.listingError;
    if (listing && UNREACHABLE.has(listing.kind)) return { reachable: 'no', problem: listing.kind };
    const rows = node.listedRows();
    if (rows.some((row) => row.details && !row.error)) return { reachable: 'yes' };
    const failure = rows.map((row) => row.error).find((error): error is SpacesError => error !== undefined && UNREACHABLE.has(error.kind));
    return failure ? { reachable: 'no', problem: failure.kind } : { reachable: 'unknown' };
  }

  /**
   * The space `spaceId` of account `accountId`, by the commands' rules but without asking anyone: the account
   * must be configured, and the space configured on it or shown by its fresh answers (a row of the view).
   */
  target(accountId: string, spaceId: string): TargetLookup {
    const account = this.accounts().find((a) => a.id === accountId);
    if (!account) return { kind: 'unknownAccount' };
    const node = this.nodeOf(account) && this.tree.spaceNode(account.id, spaceId);
    if (node || account.spaces.includes(spaceId)) return { kind: 'found', target: { account, node } };
    const remembered = (this.tree.lastKnown.spaces(account) ?? []).some((space) => space.id === spaceId);
    return { kind: 'unknownSpace', account, remembered };
  }

  /** The view's row of `account`, if the view has one for the account as configured now. */
  private nodeOf(account: Account): AccountNode | undefined {
    const node = this.tree.accountNode(account.id);
    return node && JSON.stringify(node.account) === JSON.stringify(account) ? node : undefined;
  }
}

function fromRow(account: Account, row: SpaceNode): KnownSpace {
  const { details } = row;
  const { name, status } = row.known;
  return {
    accountId: account.id,
    vendor: account.vendor,
    spaceId: row.spaceId,
    name,
    status: details?.status ?? (status === undefined ? undefined : { label: status }),
    from: details ? 'fetched' : account.spaces.includes(row.spaceId) ? 'configured' : 'listed',
  };
}
