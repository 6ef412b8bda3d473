import * as vscode from 'vscode';
import { forLabel } from '../util/text';
import type { Config } from '../config/config';
import type { Account } from '../core/accounts';
import type { SpaceDetails } from '../core/model';
import type { SpacesService } from '../services/spaces';
import type { RawJsonDocuments } from '../services/rawJson';
import { Disposable } from '../util/disposable';
import { webviewOptions } from './html';
import { SpacePanel, type PanelContext } from './panel';
import { VIEW_TYPE, type PanelIdentity } from './protocol';
import { parsePanelState } from './savedState';

export interface SpacePanelsDeps {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  readonly config: Config;
  readonly service: SpacesService;
  readonly raw: RawJsonDocuments;
  /** Selects a space's row in the Spaces view (the tree's; the panels do not know the tree). */
  readonly reveal: (accountId: string, spaceId: string, options: { focus: boolean; signal?: AbortSignal }) => Promise<unknown>;
  /** The user has the space in front of them (its panel came on screen). */
  readonly seen: (accountId: string, spaceId: string) => void;
  /** Whether the account shows the space, from its settings and fresh listing (the tree's). */
  readonly confirms: (accountId: string, spaceId: string) => Promise<boolean>;
  /** Copies a link to the space (it needs the extension's id). */
  readonly copyLink: (accountId: string, spaceId: string) => Promise<void>;
}

/**
 * One panel per space: opening a space again reveals its panel. Also the serializer VS Code calls to
 * bring panels back after a window reload (the page keeps its identity and last space in its state).
 */
export class SpacePanels extends Disposable implements vscode.WebviewPanelSerializer<unknown> {
  private readonly panels = new Map<string, SpacePanel>();
  private readonly opening = new Map<string, Promise<SpacePanel>>();
  /** Fires whenever the serializer has restored a panel. */
  private readonly restored = this.register(new vscode.EventEmitter<void>());
  private readonly context: PanelContext;

  constructor(deps: SpacePanelsDeps) {
    super();
    this.context = {
      extensionUri: deps.extensionUri,
      log: deps.log,
      findAccount: (id) => deps.config.accounts().accounts.find((account) => account.id === id),
      getSpace: (account, spaceId, options) => deps.service.getSpace(account, spaceId, options),
      showRawJson: (details) => deps.raw.show(details),
      openSpace: (account, spaceId) => this.open(account, spaceId),
      reveal: ({ accountId, spaceId }, options) => deps.reveal(accountId, spaceId, options),
      followActive: () => deps.config.followActivePanel(),
      seen: ({ accountId, spaceId }) => deps.seen(accountId, spaceId),
      confirms: ({ accountId, spaceId }) => deps.confirms(accountId, spaceId),
      copyLink: ({ accountId, spaceId }) => deps.copyLink(accountId, spaceId),
    };
    this.register(vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, this));
    // Our side of each panel (listeners, fetches) goes with the extension; the panels themselves stay to be restored.
    this.register({ dispose: () => [...this.panels.values()].forEach((panel) => panel.dispose()) });
  }

  /** Reveals the space's panel, or opens one; `details` (e.g. the tree's) saves a fetch. */
  open(account: Account, spaceId: string, known: { details?: SpaceDetails; name?: string } = {}): Promise<SpacePanel> {
    const id = key(account.id, spaceId);
    const existing = this.panels.get(id);
    if (existing) {
      existing.reveal();
      return Promise.resolve(existing);
    }
    // A second click while the first is still looking for a restored tab gets the same panel.
    let opening = this.opening.get(id);
    if (!opening) {
      opening = this.openNew(account, spaceId, known).finally(() => this.opening.delete(id));
      this.opening.set(id, opening);
    }
    return opening;
  }

  private async openNew(account: Account, spaceId: string, known: { details?: SpaceDetails; name?: string }): Promise<SpacePanel> {
    const title = forLabel(known.details?.name ?? known.name ?? spaceId);
    const restored = await this.reviveRestoredTab(account.id, spaceId, title);
    if (restored) return restored;
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, title, vscode.ViewColumn.Active, { enableFindWidget: true, ...webviewOptions(this.context.extensionUri) });
    return this.track(new SpacePanel(panel, { vendor: account.vendor, accountId: account.id, spaceId }, this.context, { initial: known.details }));
  }

  /**
   * After a window reload VS Code brings back every panel's tab but revives a panel (calls the serializer)
   * only when its tab is shown. So a tab of ours with the space's title that is none of our panels may be
   * this space: show it and see what the serializer restores, rather than open the space a second time.
   */
  private async reviveRestoredTab(accountId: string, spaceId: string, title: string): Promise<SpacePanel | undefined> {
    const revived = new Set([...this.panels.values()].map(({ panel }) => `${panel.viewColumn}\u0000${panel.title}`));
    const candidates = vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(VIEW_TYPE) && tab.label === title)
      .filter((tab) => !revived.has(`${tab.group.viewColumn}\u0000${tab.label}`));
    for (const tab of candidates) {
      const restoring = new Promise<void>((resolve) => {
        const done = () => {
          listener.dispose();
          clearTimeout(timer);
          resolve();
        };
        const listener = this.restored.event(done);
        const timer = setTimeout(done, REVIVE_TIMEOUT_MS);
      });
      await showTab(tab);
      await restoring;
      const panel = this.get(accountId, spaceId);
      if (panel) return panel;
    }
    return undefined;
  }

  /** Every open panel fetches its space anew (a background refresh: no panel is revealed or focused). */
  refreshAll(): void {
    for (const panel of this.panels.values()) void panel.load(true);
  }

  /** The space panel that is the active editor, if one is. */
  active(): SpacePanel | undefined {
    return [...this.panels.values()].find((panel) => panel.panel.active);
  }

  /** The open panel of a space, if any. */
  get(accountId: string, spaceId: string): SpacePanel | undefined {
    return this.panels.get(key(accountId, spaceId));
  }

  get size(): number {
    return this.panels.size;
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const restored = parsePanelState(state);
    // Nothing to restore from (a page that never got going), or the space is already open elsewhere.
    if (!restored || this.get(restored.accountId, restored.spaceId)) {
      panel.dispose();
      return;
    }
    const { name, ...identity } = restored;
    panel.title = forLabel(name ?? identity.spaceId);
    this.track(new SpacePanel(panel, identity satisfies PanelIdentity, this.context, { restored: true }));
    this.restored.fire();
  }

  private announceActive(): void {
    void vscode.commands.executeCommand('setContext', PANEL_ACTIVE_CONTEXT, this.active() !== undefined);
  }

  private track(panel: SpacePanel): SpacePanel {
    // The walkthrough's "Open a space" step is done.
    void vscode.commands.executeCommand('setContext', 'spaces.panelOpened', true);
    const id = key(panel.identity.accountId, panel.identity.spaceId);
    this.panels.set(id, panel);
    panel.onDidDispose(() => {
      if (this.panels.get(id) === panel) this.panels.delete(id);
      this.announceActive();
    });
    panel.panel.onDidChangeViewState(() => this.announceActive());
    this.announceActive();
    return panel;
  }
}

/** Says whether a space panel is the active editor: Reveal in Spaces View is offered (palette, keybinding) only then. */
export const PANEL_ACTIVE_CONTEXT = 'spaces.spacePanelActive';

/** How long to wait for VS Code to revive a restored tab once shown. */
const REVIVE_TIMEOUT_MS = 2000;

const FOCUS_GROUP = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth'].map((n) => `workbench.action.focus${n}EditorGroup`);

/** Makes `tab` the active editor: there is no API for that, so focus its group and open it by index. */
async function showTab(tab: vscode.Tab): Promise<void> {
  const { group } = tab;
  const focusGroup = FOCUS_GROUP[group.viewColumn - 1];
  if (!group.isActive && focusGroup) await vscode.commands.executeCommand(focusGroup);
  await vscode.commands.executeCommand('workbench.action.openEditorAtIndex', group.tabs.indexOf(tab));
}

function key(accountId: string, spaceId: string): string {
  return JSON.stringify([accountId, spaceId]);
}
