import * as vscode from 'vscode';
import { forgetRemovedAccounts } from './accounts/forgetRemoved';
import { Config } from './config/config';
import { AccountSecrets } from './services/secrets';
import { SpacePanels } from './panel/manager';
import { SpacesService } from './services/spaces';
import { registerCommands } from './commands/table';
import { SpacesTreeProvider, VIEW_ID } from './tree/provider';
import type { TreeNode } from './tree/nodes/treeNode';
import { RawJsonDocuments } from './services/rawJson';
import { LastKnownTree } from './services/lastKnown';
import { Pins, PINS_KEY } from './services/pins';
import { HiddenAccounts, HIDDEN_ACCOUNTS_KEY } from './services/hiddenAccounts';
import { FilterMemory } from './services/filterMemory';
import { StatusWatch } from './services/statusWatch';
import { StatusHistory } from './services/statusHistory';
import { AssistantTools } from './tools/tools';
import { SpacesKnowledge } from './tools/knowledge';
import type { AutoRefresh } from './services/autoRefresh';
import { startBackground } from './background';
import { CommandTargets } from './commands/targets';
import { SpaceLinks } from './commands/links';
import { configureL10n } from './core/l10n';
import { copySpaceLink } from './util/workbench';

/**
 * What `activate` hands back to the in-host tests (and nobody else: see `activate`): the tree and the panels,
 * so they can read exactly what is shown.
 */
export interface SpacesExplorerApi {
  readonly tree: SpacesTreeProvider;
  readonly view: vscode.TreeView<TreeNode>;
  readonly secrets: AccountSecrets;
  readonly panels: SpacePanels;
  /** The background refresh, which the tests run rather than wait for. */
  readonly autoRefresh: AutoRefresh;
  /** The tools for AI assistants, and the status changes they read. */
  readonly tools: AssistantTools;
  readonly history: StatusHistory;
  /** The URI handler, to see what became of a link the workbench handed over. */
  readonly links: SpaceLinks;
}

export function activate(context: vscode.ExtensionContext): SpacesExplorerApi | undefined {
  // The core words this bundle carries (settings problems, missing credentials) in the display language;
  // the network bundle gets the same when it loads (SpacesService).
  configureL10n(vscode.l10n.bundle);
  const log = vscode.window.createOutputChannel(vscode.l10n.t('Spaces Explorer'), { log: true });
  const config = new Config(log);
  const secrets = new AccountSecrets(context.secrets);
  const service = new SpacesService(context.extensionPath, secrets, config, log);
  lastKnown = new LastKnownTree(vscode.Uri.joinPath(context.globalStorageUri, 'last-known-tree.json').fsPath);
  const pins = new Pins(context.globalState);
  const hidden = new HiddenAccounts(context.globalState);
  // Pins and hidden accounts follow the user to their other machines (Settings Sync), as their accounts do.
  context.globalState.setKeysForSync([PINS_KEY, HIDDEN_ACCOUNTS_KEY]);
  const filters = new FilterMemory(context.globalState, context.workspaceState);
  // A space in front of the user (its panel on screen) shows its new status: nothing to mark.
  const statuses = new StatusWatch((accountId, spaceId): boolean => panels.get(accountId, spaceId)?.panel.visible === true);
  const history = new StatusHistory(context.globalState);
  const tree = new SpacesTreeProvider(config, service, context.extensionUri, { lastKnown, pins, statuses, hidden, filters });
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });
  tree.watch(view);
  const raw = new RawJsonDocuments();
  const panels = new SpacePanels({
    extensionUri: context.extensionUri,
    log,
    config,
    service,
    raw,
    reveal: (accountId, spaceId, options) => tree.reveal(accountId, spaceId, options),
    seen: (accountId, spaceId) => statuses.seen(accountId, spaceId),
    confirms: (accountId, spaceId) => tree.confirms(accountId, spaceId),
    copyLink: (accountId, spaceId) => copySpaceLink(context.extension.id, { accountId, spaceId }),
  });
  const background = startBackground({ config, service, tree, panels, pins, statuses });
  const forgetting = forgetRemovedAccounts({ config, service, lastKnown, pins, statuses, history, secrets, log });
  const tools = new AssistantTools(config, { knowledge: new SpacesKnowledge(config, tree), service, history });

  const targets = new CommandTargets(config, tree);
  const deps = { context, tree, config, secrets, service, log, panels, raw, targets, history };
  const links = new SpaceLinks(deps);
  context.subscriptions.push(log, config, secrets, service, forgetting, tree, view, panels, ...background.disposables, raw.register(), ...registerCommands(deps));
  context.subscriptions.push(history.follow(statuses), tools, vscode.window.registerUriHandler(links));
  log.info(`Spaces Explorer ${(context.extension.packageJSON as { version: string }).version} activated`);
  // Any extension can call `activate()` and gets what it returns: outside the extension's own tests that is
  // nothing, so no other extension reaches the secrets, the vendors' clients or the panels around the commands.
  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return { tree, view, secrets, panels, autoRefresh: background.refresh, tools, history, links };
}

/** What the tree shows, kept for the next window; written when the window closes too. */
let lastKnown: LastKnownTree | undefined;

export function deactivate(): Promise<void> | undefined {
  return lastKnown?.flush();
}
