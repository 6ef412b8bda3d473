// Runs inside the space panel's webview (browser, no Node, no `vscode`). It says `ready`, receives its
// strings and the space as messages, and builds the page with DOM APIs only. Its saved state holds the
// space's identity and last data, so after a window reload the cached copy shows (marked) until fresh
// data arrives, and where the reader was (tables' filter, sort and scroll; the page's scroll), since
// hiding the panel recreates the page. It asks the extension for things by intent; it never names a command.
import type { ExtensionMessage, PageMessage } from '../panel/protocol';
import { readState, type PanelState } from '../panel/savedState';
import { isWebUrl } from '../util/url';
import { Announcer } from './announce';
import { el, replaceKeepingFocus } from './dom';
import { content, errorBanner, header, updatedText, type Actions } from './render';
import { PageStore, type Part } from './store';
import type { TableMemories } from './tableRows';

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
let saveTimer: ReturnType<typeof setTimeout> | undefined;
// Checked: the state outlives versions of this page, and a cached space of another shape would break it.
const store = new PageStore(
  readState(vscode.getState()),
  {
    save,
    redraw: (parts) => {
      for (const part of parts) DRAW[part]();
      announce();
    },
  },
  MAX_STATE_CHARS,
);

const tables: TableMemories = { of: (groupId) => store.table(groupId), changed: () => saveSoon() };

const post = (message: PageMessage): void => vscode.postMessage(message);
const actions: Actions = {
  refresh: () => post({ type: 'refresh' }),
  copyId: () => post({ type: 'copyId' }),
  copyLink: () => post({ type: 'copyLink' }),
  reveal: () => post({ type: 'reveal' }),
  showRawJson: () => post({ type: 'showRawJson' }),
  openExternal: (url) => {
    if (isWebUrl(url)) post({ type: 'openExternal', url });
  },
  openSubspace: (spaceId) => post({ type: 'openSubspace', spaceId }),
  // The table's name and how its reader has it: the extension builds what is copied or saved.
  exportTable: (groupId, action, { filter, sort }) => post({ type: 'exportTable', groupId, action, filter, ...(sort ? { sort: { key: sort.key, descending: sort.descending } } : {}) }),
};

const root = document.getElementById('root') ?? document.body;
const progress = el('div', { className: 'progress', attrs: { role: 'progressbar', 'aria-hidden': 'true' } }, el('div', { className: 'progress-bit' }));
const headerSlot = el('div');
const bannerSlot = el('div');
const contentSlot = el('div', { className: 'content' });
root.replaceChildren(progress, headerSlot, bannerSlot, contentSlot);
// Outside <main>, which is aria-busy while loading: a screen reader may hold back what changes in a busy region.
const liveRegion = el('div', { className: 'visually-hidden', attrs: { role: 'status', 'aria-live': 'polite' } });
document.body.appendChild(liveRegion);
const announcer = new Announcer();

function announce(): void {
  const sentence = announcer.next(store);
  if (sentence !== undefined) liveRegion.textContent = sentence;
}

function renderHeader(): void {
  const { init } = store;
  if (!init) return;
  replaceKeepingFocus(headerSlot, [header(init, store, actions)]);
  progress.classList.toggle('active', store.loading);
  root.setAttribute('aria-busy', String(store.loading));
}

function renderBanner(): void {
  if (!store.init) return;
  // When Retry goes (the refresh worked), focus moves to Refresh rather than falling to the body.
  const refresh = headerSlot.querySelector<HTMLElement>('[data-focus-key="refresh"]') ?? undefined;
  replaceKeepingFocus(bannerSlot, store.error ? [errorBanner(store.init, store.error, actions)] : [], refresh);
}

function renderContent(): void {
  const { init, space } = store;
  if (!init) return;
  if (space) {
    replaceKeepingFocus(contentSlot, [content(init, space, actions, tables)]);
    restoreScroll();
  } else replaceKeepingFocus(contentSlot, store.error ? [] : [el('p', { className: 'loading' }, init.strings.loading)]);
}

/** Back to the saved page scroll, once, after layout (and after the tables have taken their own). */
function restoreScroll(): void {
  const y = store.pendingScrollY;
  if (y === undefined) return;
  requestAnimationFrame(() => {
    if (store.pendingScrollY === undefined) return;
    store.pendingScrollY = undefined;
    window.scrollTo(0, y);
  });
}

const DRAW: Readonly<Record<Part, () => void>> = { header: renderHeader, banner: renderBanner, content: renderContent };

function save(): void {
  clearTimeout(saveTimer);
  saveTimer = undefined;
  const state = store.state(window.scrollY);
  if (state) vscode.setState(state);
}

function saveSoon(): void {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(save, SAVE_DELAY_MS);
}

window.addEventListener('message', (event: MessageEvent<ExtensionMessage>) => {
  const message = event.data;
  if (message && typeof message === 'object' && typeof message.type === 'string') store.apply(message);
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
    if (store.pendingScrollY === undefined) saveSoon();
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
  const { init, space } = store;
  const label = headerSlot.querySelector('.updated');
  if (init && space && label) label.textContent = updatedText(init, space.fetchedAt);
}, TICK_MS);

post({ type: 'ready' });
