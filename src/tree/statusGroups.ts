import { WORST_FIRST } from './order';
import { NO_STATUS, StatusGroupNode, statusKeyOf } from './nodes/statusGroupNode';
import type { SpaceNode } from './nodes/spaceNode';
import type { TreeContext } from './nodes/treeNode';

/**
 * "Group By: Status": which group each space is in. Like a sort, a space is placed when first met and placed
 * anew only at chosen moments (a page's details came, Refresh, a switch to this grouping), so its row does not
 * move while the statuses of others arrive. Groups survive redraws, with their paging and rows.
 */
export class StatusGroups {
  private readonly groups = new Map<string, StatusGroupNode>();
  /** Each account row met, and the id of the group it was placed in. */
  private placed = new Map<SpaceNode, string>();

  constructor(private readonly tree: TreeContext) {}

  /**
   * The groups of `members` (the shown accounts' rows, in the accounts' order) that have a row to show:
   * worst status first, then by name, "Not yet known" last.
   */
  groupsOf(members: readonly SpaceNode[]): StatusGroupNode[] {
    const byGroup = new Map<string, SpaceNode[]>();
    const placed = new Map<SpaceNode, string>();
    for (const member of members) {
      const id = this.placed.get(member) ?? this.place(member);
      placed.set(member, id);
      const list = byGroup.get(id);
      if (list) list.push(member);
      else byGroup.set(id, [member]);
    }
    this.placed = placed;
    for (const [id, group] of this.groups) {
      if (byGroup.has(id)) continue;
      group.cancel();
      this.groups.delete(id);
    }
    for (const [id, list] of byGroup) this.groups.get(id)!.setMembers(list);
    return [...this.groups.values()].filter((group) => group.visible().length > 0).sort(worstFirst);
  }

  /** Places every member anew by what is known now, and sorts each group anew; true when a row moved. */
  settle(members: readonly SpaceNode[]): boolean {
    const before = this.placed;
    this.placed = new Map();
    this.groupsOf(members);
    let moved = members.some((member) => before.get(member) !== this.placed.get(member));
    for (const group of this.groups.values()) moved = group.settleOrder() || moved;
    return moved;
  }

  /** Forgets where rows were placed: the next drawing places them all by what is known then. */
  reset(): void {
    this.placed = new Map();
  }

  /** The row the groups have drawn of `member`, if any. */
  drawnRowOf(member: SpaceNode): SpaceNode | undefined {
    return this.groupOf(member)?.drawnRowOf(member);
  }

  /** Pages `member`'s group on to it: its row there, or undefined when no group shows it. */
  showRow(member: SpaceNode): SpaceNode | undefined {
    return this.groupOf(member)?.showRow(member);
  }

  private groupOf(member: SpaceNode): StatusGroupNode | undefined {
    const id = this.placed.get(member);
    return id === undefined ? undefined : this.groups.get(id);
  }

  private place(member: SpaceNode): string {
    const key = statusKeyOf(member);
    if (!this.groups.has(key.id)) this.groups.set(key.id, new StatusGroupNode(key, this.tree));
    return key.id;
  }
}

/** Worst first; then the spaces without a status, then those not yet known. */
const rank = (group: StatusGroupNode): number => {
  if (group.key.label !== undefined) return WORST_FIRST[group.key.tone ?? 'neutral'];
  return group.key.id === NO_STATUS.id ? 10 : 11;
};

function worstFirst(a: StatusGroupNode, b: StatusGroupNode): number {
  return rank(a) - rank(b) || (a.key.label ?? '').localeCompare(b.key.label ?? '');
}
