// An account gone from the settings, however it went (Remove Account, an edit of settings.json, another
// window), takes with it what was kept for it: its client, its last known tree, its pins, its status marks
// and the status changes seen, and its stored secrets.
import type * as vscode from 'vscode';
import type { Config } from '../config/config';
import type { LastKnownTree } from '../services/lastKnown';
import type { Pins } from '../services/pins';
import type { AccountSecrets } from '../services/secrets';
import type { SpacesService } from '../services/spaces';
import type { StatusHistory } from '../services/statusHistory';
import type { StatusWatch } from '../services/statusWatch';
import { forLog } from '../util/text';
import { takenIds } from './entries';

export interface AccountKeepers {
  readonly config: Config;
  readonly service: SpacesService;
  readonly lastKnown: LastKnownTree;
  readonly pins: Pins;
  readonly statuses: StatusWatch;
  readonly history: StatusHistory;
  readonly secrets: AccountSecrets;
  readonly log: vscode.LogOutputChannel;
}

/** Forgets the accounts removed before this window and, from now on, each account as it is removed. */
export function forgetRemovedAccounts(keepers: AccountKeepers): vscode.Disposable {
  const forget = () => {
    const { config, service, lastKnown, pins, statuses, history, secrets, log } = keepers;
    const ids = config.accounts().accounts.map((a) => a.id);
    service.keepClientsOf(ids);
    void lastKnown.ready.then(() => lastKnown.keepOnly(ids));
    void pins.keepOnly(ids);
    statuses.keepOnly(ids);
    void history.keepOnly(ids);
    // Broken entries count: an entry being fixed keeps its secrets.
    void secrets.keepOnly(takenIds(config.rawAccounts())).then((gone) => gone.length > 0 && log.info(`stored credentials of removed account(s) deleted: ${forLog(gone.join(', '))}`));
  };
  forget();
  return keepers.config.onDidChangeAccounts(forget);
}
