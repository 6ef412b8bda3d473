// The panel's parts, each built from data with DOM APIs: header (name, vendor, account, status, age),
// actions, the error banner, the note on an answer that did not match its documentation, facts, description
// and the groups.
import { revealBidi } from '../core/format';
import type { Fact, SpaceDetails, Tone } from '../core/model';
import type { TableView } from '../core/tableOrder';
import type { PanelError, PanelInit, PanelSpace, TableExport } from '../panel/protocol';
import { button, el, fill, icon } from './dom';
import { appendMarkdown, markdownPlan } from './markdown';
import { groupTable, type TableContext } from './table';
import type { TableMemories } from './tableRows';
import { valueNode, type ValueContext } from './values';

/** What the page can ask of the extension. */
export interface Actions {
  refresh(): void;
  copyId(): void;
  copyLink(): void;
  reveal(): void;
  showRawJson(): void;
  openExternal(url: string): void;
  openSubspace(spaceId: string): void;
  /** A table's export, of the rows its `view` (filter, sort) gives. */
  exportTable(groupId: string, action: TableExport, view: TableView): void;
}

export interface HeaderView {
  readonly space?: PanelSpace;
  readonly cached: boolean;
  readonly loading: boolean;
}

const TONE_ICONS: Readonly<Record<Tone, string>> = { ok: 'pass-filled', warn: 'warning', error: 'error', neutral: 'circle-large-outline' };

function valueContext(init: PanelInit): ValueContext {
  const { strings, locale } = init;
  return { locale, yes: strings.yes, no: strings.no, bytes: strings.bytes };
}

export function header(init: PanelInit, view: HeaderView, actions: Actions): HTMLElement {
  const { strings, identity } = init;
  const { space } = view;
  const icons = el(
    'span',
    { className: 'vendor-icon' },
    vendorImage(init.vendorIcon.light, 'only-light'),
    vendorImage(init.vendorIcon.dark, 'only-dark'),
  );
  const status = space?.status;
  return el(
    'header',
    { className: 'space-header' },
    el('h1', { attrs: { dir: 'auto' } }, space?.name ?? identity.spaceId),
    el(
      'p',
      { className: 'identity' },
      icons,
      el('span', {}, init.vendorName),
      el('span', { className: 'separator', attrs: { 'aria-hidden': 'true' } }, '·'),
      el('span', { attrs: { dir: 'auto' } }, init.accountLabel),
      el('span', { className: 'separator', attrs: { 'aria-hidden': 'true' } }, '·'),
      el('code', { className: 'space-id', attrs: { dir: 'auto' } }, identity.spaceId),
    ),
    el(
      'div',
      { className: 'status-line' },
      status ? el('span', { className: `badge tone-${status.tone}` }, icon(TONE_ICONS[status.tone] ?? 'circle-large-outline'), el('span', { attrs: { dir: 'auto' } }, status.label)) : null,
      space ? el('span', { className: 'updated', attrs: { title: new Date(space.fetchedAt).toLocaleString(init.locale) } }, updatedText(init, space.fetchedAt)) : null,
      view.cached ? el('span', { className: 'badge cached', attrs: { title: strings.cachedTitle } }, icon('history'), el('span', {}, strings.cached)) : null,
    ),
    status?.detail ? el('p', { className: 'status-detail', attrs: { dir: 'auto' } }, status.detail) : null,
    toolbar(init, view, actions),
  );
}

/** "Updated 3 minutes ago", in the user's language. */
export function updatedText(init: PanelInit, fetchedAt: number, now = Date.now()): string {
  return fill(init.strings.updated, relativeTime(fetchedAt, now, init.locale));
}

/** "3 minutes ago"; a dash when either time is not a number (Intl would throw on it). */
export function relativeTime(then: number, now: number, locale: string): string {
  if (!Number.isFinite(then) || !Number.isFinite(now)) return '—';
  let format: Intl.RelativeTimeFormat;
  try {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  } catch {
    format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  }
  const seconds = Math.round((then - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return format.format(0, 'second');
  if (abs < 45 * 60) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 22 * 3600) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86_400), 'day');
}

function vendorImage(src: string, className: string): HTMLImageElement {
  const image = el('img', { className, attrs: { alt: '' } });
  image.width = 16;
  image.height = 16;
  // The extension's own file, as a webview resource URI (the CSP allows nothing else anyway).
  image.src = src;
  return image;
}

function toolbar(init: PanelInit, view: HeaderView, actions: Actions): HTMLElement {
  const { strings } = init;
  const refresh = button(view.loading ? strings.refreshing : strings.refresh, 'refresh', () => {
    if (refresh.getAttribute('aria-disabled') !== 'true') actions.refresh();
  });
  refresh.dataset.focusKey = 'refresh';
  if (view.loading) {
    // aria-disabled rather than disabled: the button keeps keyboard focus while it works.
    refresh.setAttribute('aria-disabled', 'true');
    refresh.querySelector('.codicon')?.classList.add('codicon-modifier-spin');
  }
  const webUrl = view.space?.webUrl;
  const open = webUrl ? button(strings.openInBrowser, 'link-external', () => actions.openExternal(webUrl)) : null;
  if (open) open.dataset.focusKey = 'open';
  const copy = button(strings.copyId, 'copy', () => actions.copyId());
  copy.dataset.focusKey = 'copy';
  const link = button(strings.copyLink, 'link', () => actions.copyLink());
  link.dataset.focusKey = 'link';
  const raw = button(strings.showRawJson, 'json', () => actions.showRawJson());
  raw.dataset.focusKey = 'raw';
  const reveal = button(strings.revealInView, 'list-tree', () => actions.reveal());
  reveal.dataset.focusKey = 'reveal';
  return el('div', { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': strings.actions } }, refresh, open, copy, link, raw, reveal);
}

/** The failure (kind and message) with Retry; the last good data stays below it. */
export function errorBanner(init: PanelInit, error: PanelError, actions: Actions): HTMLElement {
  const retry = button(init.strings.retry, 'refresh', () => actions.refresh());
  retry.dataset.focusKey = 'retry';
  return el(
    'div',
    // No role="alert": redrawn with every refresh, it would be read out each time. The live region says it once.
    { className: 'error-banner' },
    icon('error'),
    el('p', { attrs: { dir: 'auto' } }, el('strong', {}, error.kind), `: ${error.message}`),
    retry,
  );
}

export function content(init: PanelInit, space: PanelSpace, actions: Actions, memories: TableMemories): DocumentFragment {
  const { strings } = init;
  const values = valueContext(init);
  const fragment = document.createDocumentFragment();
  // Under the header: the answer did not match what the vendor documents (a text node, like all vendor text).
  if (space.fieldProblemsNote) fragment.appendChild(el('p', { className: 'field-note', attrs: { role: 'note', dir: 'auto' } }, icon('warning'), el('span', {}, space.fieldProblemsNote)));
  const facts = factsWithDates(space, strings.created, strings.lastModified);
  if (facts.length > 0) {
    fragment.appendChild(
      el(
        'section',
        { className: 'facts-section', attrs: { 'aria-labelledby': 'facts-title' } },
        el('h2', { attrs: { id: 'facts-title' } }, strings.details),
        keyLinks(el('dl', { className: 'facts' }, ...facts.map((fact) => el('div', { className: 'fact' }, el('dt', {}, fact.label), el('dd', { attrs: { dir: 'auto' } }, valueNode(fact.value, fact.kind, values))))), 'fact'),
      ),
    );
  }
  if (space.description?.text) {
    const body = el('div', { className: space.description.markdown ? 'description markdown' : 'description plain', attrs: { dir: 'auto' } });
    if (space.description.markdown) appendMarkdown(body, markdownPlan(space.description.text));
    else body.textContent = revealBidi(space.description.text);
    keyLinks(body, 'description');
    fragment.appendChild(el('section', { className: 'description-section', attrs: { 'aria-labelledby': 'description-title' } }, el('h2', { attrs: { id: 'description-title' } }, strings.description), body));
  }
  const tables: TableContext = {
    ...values,
    strings,
    openSubspace: (id) => actions.openSubspace(id),
    exportTable: (groupId, action, view) => actions.exportTable(groupId, action, view),
    remember: () => memories.changed(),
  };
  for (const group of space.groups) fragment.appendChild(groupTable(group, tables, memories.of(group.id)));
  return fragment;
}

/** Keys the links under `parent` by their order, so a refresh's redraw keeps focus on the same link. */
function keyLinks<T extends HTMLElement>(parent: T, prefix: string): T {
  parent.querySelectorAll<HTMLElement>('a').forEach((link, n) => (link.dataset.focusKey = `${prefix}:${n}`));
  return parent;
}

/**
 * The vendor's facts, plus the space's created and modified dates where no fact already shows them
 * (Alumio and Sharely.ai keep them out of their facts).
 */
export function factsWithDates(space: Pick<SpaceDetails, 'facts' | 'created' | 'updated'>, createdLabel: string, modifiedLabel: string): Fact[] {
  const shown = new Set(space.facts.filter((fact) => fact.kind === 'date').map((fact) => fact.value));
  const extra: Fact[] = [];
  if (space.created && !shown.has(space.created)) extra.push({ label: createdLabel, value: space.created, kind: 'date' });
  if (space.updated && !shown.has(space.updated)) extra.push({ label: modifiedLabel, value: space.updated, kind: 'date' });
  return [...space.facts, ...extra];
}
