/**
 * The filter's input: what is typed filters the view, and the recent filters are offered below it, with a
 * row that clears them. A quick pick rather than an input box, so the recent ones can be picked.
 */
import * as vscode from 'vscode';
import { forPick } from '../util/text';

interface FilterPick extends vscode.QuickPickItem {
  /** The typed text's own row: picking it filters by what is typed then. */
  readonly typed?: true;
  /** A recent filter. */
  readonly query?: string;
  /** "Clear Recent Filters". */
  readonly clear?: true;
}

export interface FilterHistory {
  readonly recent: readonly string[];
  clear(): Promise<void>;
}

/** The filter to set ('' to show everything), or undefined when the input was dismissed. */
export function pickFilter(current: string, history: FilterHistory): Promise<string | undefined> {
  const pick = vscode.window.createQuickPick<FilterPick>();
  pick.title = vscode.l10n.t('Filter Spaces');
  pick.placeholder = vscode.l10n.t('Shows the spaces whose name, id or status holds every word, in every account. Empty shows everything.');
  pick.value = current;
  let recent = history.recent;
  const update = () => (pick.items = filterRows(pick.value.trim(), recent));
  update();
  pick.onDidChangeValue(update);
  return new Promise<string | undefined>((resolve) => {
    pick.onDidAccept(() => {
      const [item] = pick.activeItems;
      if (!item?.clear) return resolve(item?.query ?? pick.value.trim());
      // Cleared: the input stays, with nothing more to offer.
      recent = [];
      void history.clear();
      update();
    });
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  }).finally(() => pick.dispose());
}

/** The typed text's row first (an exact match, so it stays first as the list is filtered), then the recent filters. */
function filterRows(typed: string, recent: readonly string[]): FilterPick[] {
  const own: FilterPick = typed
    ? { label: forPick(typed), description: vscode.l10n.t('filter by these words'), typed: true, alwaysShow: true }
    : { label: vscode.l10n.t('No filter'), description: vscode.l10n.t('show every space'), typed: true, alwaysShow: true };
  const others = recent.filter((query) => query !== typed);
  if (others.length === 0) return [own];
  return [
    own,
    { label: vscode.l10n.t('Recent filters'), kind: vscode.QuickPickItemKind.Separator },
    ...others.map((query): FilterPick => ({ label: forPick(query), query, iconPath: new vscode.ThemeIcon('history') })),
    { label: vscode.l10n.t('Clear Recent Filters'), iconPath: new vscode.ThemeIcon('clear-all'), clear: true, alwaysShow: true },
  ];
}
