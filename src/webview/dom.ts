// The page's only way to make elements: text goes in as text nodes and attributes are limited to harmless
// names, so no vendor value can become markup, a handler or a URL. (`href` and `src` are set in the two
// places that validate them: links and the vendor icon.)

import { revealBidi } from '../core/format';

/** Attribute names whose values are never interpreted as markup, script, style or a URL. */
export type SafeAttribute =
  | 'id'
  | 'role'
  | 'title'
  | 'type'
  | 'tabindex'
  | 'datetime'
  | 'colspan'
  | 'scope'
  | 'placeholder'
  | 'spellcheck'
  | 'autocomplete'
  | 'alt'
  | 'dir'
  | 'for'
  | `aria-${string}`;

export type Child = Node | string | null | undefined | false;

export interface ElementOptions {
  readonly className?: string;
  readonly attrs?: Partial<Record<SafeAttribute, string | number>>;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, options: ElementOptions = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.className) element.className = options.className;
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    if (value !== undefined) element.setAttribute(name, revealBidi(String(value)));
  }
  append(element, ...children);
  return element;
}

/** Vendor text as a text node: never markup, and with bidi controls shown rather than obeyed. */
export function textNode(text: string): Text {
  return document.createTextNode(revealBidi(text));
}

function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? textNode(child) : child);
  }
}

/** A codicon (the font ships in dist/): decorative, so hidden from screen readers. */
export function icon(name: string, extra = ''): HTMLSpanElement {
  return el('span', { className: `codicon codicon-${name}${extra ? ` ${extra}` : ''}`, attrs: { 'aria-hidden': 'true' } });
}

/**
 * Replaces what `slot` holds, keeping keyboard focus on the control that had it: the one with the same
 * focus key (`data-focus-key`) among the new nodes, else `fallback` (the control itself is gone).
 */
export function replaceKeepingFocus(slot: HTMLElement, nodes: readonly Node[], fallback?: HTMLElement): void {
  const active = document.activeElement;
  const held = active instanceof HTMLElement && slot.contains(active) ? active : undefined;
  const caret = held instanceof HTMLInputElement ? held.selectionStart : null;
  slot.replaceChildren(...nodes);
  if (!held) return;
  const key = held.dataset.focusKey;
  const again = key === undefined ? undefined : [...slot.querySelectorAll<HTMLElement>('[data-focus-key]')].find((node) => node.dataset.focusKey === key);
  // Without scrolling: the redraw follows the scroll position, and must not move it.
  (again ?? fallback)?.focus({ preventScroll: true });
  if (again instanceof HTMLInputElement && caret !== null) again.setSelectionRange(caret, caret);
}

/** `{0}`, `{1}` … in one of the extension's strings, filled with text. */
export function fill(template: string, ...args: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (match, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? match : String(value);
  });
}

/** A button with a codicon and a label (the label is also its accessible name). */
export function button(label: string, iconName: string, onClick: () => void, options: { className?: string; iconOnly?: boolean } = {}): HTMLButtonElement {
  const node = el('button', { className: options.className ?? 'action', attrs: { type: 'button', title: label, ...(options.iconOnly ? { 'aria-label': label } : {}) } }, icon(iconName), options.iconOnly ? null : el('span', { className: 'label' }, label));
  node.addEventListener('click', onClick);
  return node;
}
