// Runs inside the space panel's webview (browser, no Node, no `vscode`). It says `ready`, receives its
// strings and the space as messages, and builds the page with DOM APIs only. Its saved state holds the
// space's identity and last data, so after a window reload the cached copy shows (marked) until fresh
// data arrives, and where the reader was (tables' filter, sort and scroll; the page's scroll), since
// hiding the panel recreates the page. It asks the extension for things by intent; it never names a command.
import type { ExtensionMessage, PageMessage, PanelError, PanelInit, PanelSpace, PanelState } from '../panel/protocol';
import { isWebUrl } from '../util/url';
import { el, replaceKeepingFocus } from './dom';
import { content, errorBanner, header, updatedText, type Actions } from './render';
import { copyForState, readState, savedTables, tableMemories } from './state';
import type { TableMemories, TableMemory } from './table';

interface VsCodeApi {
  postMessage(message: PageMessage): void;
  getState(): unknown;
  setState(state: PanelState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/**
 * A space larger than this (as JSON) is kept in state with its groups cut short: VS Code stores the state
 * with the window, and a space of thousands of artifacts (1.4 MB) would weigh on every save.
 */
const MAX_STATE_CHARS = 500_000;
const TICK_MS = 15_000;
/** Scrolling saves once it pauses: each save serializes the whole state (the space included). */
const SAVE_DELAY_MS = 250;

const vscode = acquireVsCodeApi();
// Checked: the state outlives versions of this page, and a cached space of another shape would break it.
const saved = readState(vscode.getState());

const view: { init?: PanelInit; space?: PanelSpace; cached: boolean; loading: boolean; error: PanelError | null } = {
  space: saved?.space,
  cached: saved?.space !== undefined,
  loading: false,
  error: null,
};
/** The space as saved: undefined when it is too large to keep. */
let kept = keepable(view.space);
let memories = tableMemories(saved?.view?.tables ?? []);
/** The page's saved scroll, until content tall enough to take it has been drawn. */
let pendingScrollY = saved?.view?.scrollY || undefined;
let saveTimer: ReturnType<typeof setTimeout> | undefined;

const tables: TableMemories = {
  of: (groupId: string): TableMemory => {
    let entry = memories.get(groupId);
    if (!entry) memories.set(groupId, (entry = { filter: '', scrollTop: 0 }));
    return entry;
  },
  changed: () => saveSoon(),
};

const post = (message: PageMessage): void => vscode.postMessage(message);
const actions: Actions = {
  refresh: () => post({ type: 'refresh' }),
  copyId: () => post({ type: 'copyId' }),
  showRawJson: () => post({ type: 'showRawJson' }),
  openExternal: (url) => {
    if (isWebUrl(url)) post({ type: 'openExternal', url });
  },
  openSubspace: (spaceId) => post({ type: 'openSubspace', spaceId }),
};

const root = document.getElementById('root') ?? document.body;
const progress = el('div', { className: 'progress', attrs: { role: 'progressbar', 'aria-hidden': 'true' } }, el('div', { className: 'progress-bit' }));
const headerSlot = el('div');
const bannerSlot = el('div');
const contentSlot = el('div', { className: 'content' });
root.replaceChildren(progress, headerSlot, bannerSlot, contentSlot);

function renderHeader(): void {
  const { init } = view;
  if (!init) return;
  replaceKeepingFocus(headerSlot, [header(init, view, actions)]);
  progress.classList.toggle('active', view.loading);
  root.setAttribute('aria-busy', String(view.loading));
}

function renderBanner(): void {
  if (!view.init) return;
  // When Retry goes (the refresh worked), focus moves to Refresh rather than falling to the body.
  const refresh = headerSlot.querySelector<HTMLElement>('[data-focus-key="refresh"]') ?? undefined;
  replaceKeepingFocus(bannerSlot, view.error ? [errorBanner(view.init, view.error, actions)] : [], refresh);
}

function renderContent(): void {
  const { init, space } = view;
  if (!init) return;
  if (space) {
    replaceKeepingFocus(contentSlot, [content(init, space, actions, tables)]);
    restoreScroll();
  } else replaceKeepingFocus(contentSlot, view.error ? [] : [el('p', { className: 'loading' }, init.strings.loading)]);
}

/** Back to the saved page scroll, once, after layout (and after the tables have taken their own). */
function restoreScroll(): void {
  const y = pendingScrollY;
  if (y === undefined) return;
  requestAnimationFrame(() => {
    if (pendingScrollY === undefined) return;
    pendingScrollY = undefined;
    window.scrollTo(0, y);
  });
}

function keepable(space: PanelSpace | undefined): PanelSpace | undefined {
  return copyForState(space, MAX_STATE_CHARS);
}

function save(): void {
  clearTimeout(saveTimer);
  saveTimer = undefined;
  const identity = view.init?.identity;
  if (!identity) return;
  const scrollY = Math.round(pendingScrollY ?? window.scrollY);
  const saving = savedTables(memories);
  const memory = scrollY > 0 || saving.length > 0 ? { scrollY, tables: saving } : undefined;
  const state: PanelState = { vendor: identity.vendor, accountId: identity.accountId, spaceId: identity.spaceId, space: kept, view: memory };
  vscode.setState(state);
}

function saveSoon(): void {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(save, SAVE_DELAY_MS);
}

function receive(message: ExtensionMessage): void {
  switch (message.type) {
    case 'init': {
      const { identity } = message.init;
      // A cached copy of another space (never expected) is not shown, nor is where its reader was.
      if (saved && (saved.accountId !== identity.accountId || saved.spaceId !== identity.spaceId)) {
        view.space = kept = undefined;
        view.cached = false;
        memories = new Map();
        pendingScrollY = undefined;
      }
      view.init = message.init;
      document.documentElement.lang = message.init.locale;
      save();
      renderHeader();
      renderBanner();
      renderContent();
      return;
    }
    case 'space':
      view.space = message.space;
      kept = keepable(message.space);
      view.cached = false;
      save();
      renderHeader();
      renderContent();
      return;
    case 'loading':
      view.loading = message.loading;
      renderHeader();
      return;
    case 'error':
      view.error = message.error;
      renderBanner();
      if (!view.space) renderContent();
      return;
  }
}

window.addEventListener('message', (event: MessageEvent<ExtensionMessage>) => {
  const message = event.data;
  if (message && typeof message === 'object' && typeof message.type === 'string') receive(message);
});

// Links (descriptions, URL values) open through the extension, which checks them again. Stopping the
// event here also keeps VS Code's own link handling (on the window) from opening them a second time.
const onLink = (event: MouseEvent): void => {
  const anchor = event.target instanceof Element ? event.target.closest('a') : null;
  if (!anchor) return;
  event.preventDefault();
  event.stopPropagation();
  const url = anchor.getAttribute('href');
  if (event.type === 'click' && isWebUrl(url)) actions.openExternal(url);
};
document.addEventListener('click', onLink);
document.addEventListener('auxclick', onLink);

// The page's scroll is saved when it pauses, and anything waiting is saved as the page goes (best effort:
// hiding the panel discards the page, and a timer may not get to run).
window.addEventListener(
  'scroll',
  () => {
    if (pendingScrollY === undefined) saveSoon();
  },
  { passive: true },
);
const flush = (): void => {
  if (saveTimer !== undefined) save();
};
window.addEventListener('pagehide', flush);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') flush();
});

// "Updated N minutes ago" keeps up without a re-render.
setInterval(() => {
  const { init, space } = view;
  const label = headerSlot.querySelector('.updated');
  if (init && space && label) label.textContent = updatedText(init, space.fetchedAt);
}, TICK_MS);

post({ type: 'ready' });
