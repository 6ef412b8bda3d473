// Runs inside the space panel's webview (browser, no Node, no `vscode`). It says `ready`, receives its
// strings and the space as messages, and builds the page with DOM APIs only. Its saved state holds the
// space's identity and last data, so after a window reload the cached copy shows (marked) until fresh
// data arrives. It asks the extension for things by intent; it never names a command.
import type { ExtensionMessage, PageMessage, PanelError, PanelInit, PanelSpace, PanelState } from '../panel/protocol';
import { isWebUrl } from '../util/url';
import { el, replaceKeepingFocus } from './dom';
import { content, errorBanner, header, updatedText, type Actions } from './render';
import type { TableMemory } from './table';

interface VsCodeApi {
  postMessage(message: PageMessage): void;
  getState(): unknown;
  setState(state: PanelState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/**
 * A space larger than this (as JSON) is not kept in state: VS Code stores the state with the window, and
 * a space of thousands of artifacts (1.4 MB) would weigh on every save. Such a panel restores loading.
 */
const MAX_STATE_CHARS = 500_000;
const TICK_MS = 15_000;

const vscode = acquireVsCodeApi();
const saved = vscode.getState() as PanelState | undefined;

const view: { init?: PanelInit; space?: PanelSpace; cached: boolean; loading: boolean; error: PanelError | null } = {
  space: saved?.space,
  cached: saved?.space !== undefined,
  loading: false,
  error: null,
};
const memories = new Map<string, TableMemory>();
const memory = (groupId: string): TableMemory => {
  let entry = memories.get(groupId);
  if (!entry) memories.set(groupId, (entry = { filter: '', scrollTop: 0 }));
  return entry;
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
  if (view.init) replaceKeepingFocus(bannerSlot, view.error ? [errorBanner(view.init, view.error, actions)] : []);
}

function renderContent(): void {
  const { init, space } = view;
  if (!init) return;
  if (space) replaceKeepingFocus(contentSlot, [content(init, space, actions, memory)]);
  else replaceKeepingFocus(contentSlot, view.error ? [] : [el('p', { className: 'loading' }, init.strings.loading)]);
}

function save(): void {
  const identity = view.init?.identity;
  if (!identity) return;
  const space = view.space && JSON.stringify(view.space).length <= MAX_STATE_CHARS ? view.space : undefined;
  vscode.setState({ vendor: identity.vendor, accountId: identity.accountId, spaceId: identity.spaceId, space });
}

function receive(message: ExtensionMessage): void {
  switch (message.type) {
    case 'init': {
      const { identity } = message.init;
      // A cached copy of another space (never expected) is not shown.
      if (saved && (saved.accountId !== identity.accountId || saved.spaceId !== identity.spaceId)) {
        view.space = undefined;
        view.cached = false;
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

// "Updated N minutes ago" keeps up without a re-render.
setInterval(() => {
  const { init, space } = view;
  const label = headerSlot.querySelector('.updated');
  if (init && space && label) label.textContent = updatedText(init, space.fetchedAt);
}, TICK_MS);

post({ type: 'ready' });
