import type * as vscode from 'vscode';
import type { Config } from '../config/config';
import type { SpacePanels } from '../panel/manager';
import type { RawJsonDocuments } from '../services/rawJson';
import type { AccountSecrets } from '../services/secrets';
import type { StatusHistory } from '../services/statusHistory';
import type { SpacesService } from '../services/spaces';
import type { SpacesTreeProvider } from '../tree/provider';
import type { CommandTargets } from './targets';

/** What every command is given (`table.ts`): the extension's parts, made once in `activate`. */
export interface CommandDeps {
  readonly context: vscode.ExtensionContext;
  readonly tree: SpacesTreeProvider;
  readonly config: Config;
  readonly secrets: AccountSecrets;
  readonly service: SpacesService;
  readonly log: vscode.LogOutputChannel;
  readonly panels: SpacePanels;
  readonly raw: RawJsonDocuments;
  readonly targets: CommandTargets;
  /** The status changes refreshes found, kept across reloads. */
  readonly history: StatusHistory;
}
