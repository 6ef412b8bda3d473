import * as vscode from 'vscode';
import type { Group, GroupItem } from '../../core/model';
import { formatValue } from '../../core/format';
import { forLabel, forTooltip } from '../../util/text';
import { LeafNode, type TreeNode } from './treeNode';

/** One row of a group (a member, an artifact…): its label, its description, its columns in the tooltip. */
export class ItemNode extends LeafNode {
  constructor(
    readonly entry: GroupItem,
    parent: TreeNode,
    /** The group it is a row of, as its parent showed it. */
    private readonly group: Group,
  ) {
    super(parent, `item:${entry.id}`);
  }

  getTreeItem(): vscode.TreeItem {
    const { entry, group } = this;
    const item = this.item(forLabel(entry.label));
    item.description = entry.description === undefined ? undefined : forLabel(entry.description);
    const columns = group.columns.map((c) => `${c.label}: ${formatValue(entry.values[c.key] ?? null, c.kind, { locale: vscode.env.language })}`);
    item.tooltip = new vscode.MarkdownString().appendText(forTooltip([entry.label, ...columns].join('\n\n')));
    item.contextValue = `item.${group.kind}`;
    return item;
  }
}
