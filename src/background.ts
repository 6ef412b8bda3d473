import * as vscode from 'vscode';
import type { Config } from './config/config';
import type { SpacePanels } from './panel/manager';
import { AutoRefresh } from './services/autoRefresh';
import type { Pins } from './services/pins';
import type { SpacesService } from './services/spaces';
import type { StatusWatch } from './services/statusWatch';
import type { SpacesTreeProvider } from './tree/provider';
import { forMessage } from './util/text';
import { showInfo } from './util/workbench';

interface BackgroundDeps {
  readonly config: Config;
  readonly service: SpacesService;
  readonly tree: SpacesTreeProvider;
  readonly panels: SpacePanels;
  readonly pins: Pins;
  readonly statuses: StatusWatch;
}

/**
 * What happens without the user asking: every `spaces.autoRefreshMinutes` (while the window has focus) the
 * expanded accounts, pinned spaces and open panels fetch anew; every fetched status is watched for changes;
 * and, with `spaces.notifyOnStatusChange`, a pinned space's change says so in a notification.
 */
export function startBackground({ config, service, tree, panels, pins, statuses }: BackgroundDeps): { refresh: AutoRefresh; disposables: vscode.Disposable[] } {
  const refresh = new AutoRefresh(() => {
    tree.refreshShown();
    panels.refreshAll();
  });
  refresh.every(config.autoRefreshMinutes());
  refresh.setFocused(vscode.window.state.focused);

  const notify = (change: { accountId: string; spaceId: string; name: string; from: string; to: string }) => {
    if (!config.notifyOnStatusChange() || !pins.has(change.accountId, change.spaceId)) return;
    const account = config.accounts().accounts.find((a) => a.id === change.accountId);
    if (!account) return;
    const open = vscode.l10n.t('Open');
    const message = vscode.l10n.t('"{0}" ({1}): the status changed from {2} to {3}.', forMessage(change.name), forMessage(account.label), forMessage(change.from), forMessage(change.to));
    void showInfo(message, open).then(async (choice) => {
      if (choice === open) await panels.open(account, change.spaceId);
    });
  };

  return {
    refresh,
    disposables: [
      { dispose: () => refresh.dispose() },
      config.onDidChangeAutoRefresh(() => refresh.every(config.autoRefreshMinutes())),
      vscode.window.onDidChangeWindowState((state) => refresh.setFocused(state.focused)),
      service.onDidFetchSpace((details) => statuses.observe({ accountId: details.accountId, id: details.id, name: details.name, status: details.status })),
      statuses.onDidFind(notify),
    ],
  };
}
