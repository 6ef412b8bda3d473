// Bars where a picture reads better than numbers (Onedata's storage per provider, Openlayer's monthly
// usage): each value of the group's chart column gets a bar scaled to the largest, beside its text.
import type { Group, Value } from '../core/model';
import { el } from './dom';

/** The largest value of the chart column: what a full bar means. */
export function chartMax(group: Group): number {
  if (!group.chart) return 0;
  const key = group.chart.valueKey;
  return group.items.reduce((max, item) => {
    const value = item.values[key];
    return typeof value === 'number' && Number.isFinite(value) ? Math.max(max, value) : max;
  }, 0);
}

/** A bar's length in percent of the track: never negative, and a sliver for tiny non-zero values. */
export function barPercent(value: Value, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || max <= 0) return 0;
  return Math.max(1, Math.min(100, (value / max) * 100));
}

/** The value's text with its bar; the bar is decoration (the text says the same). */
export function barCell(value: Value, max: number, text: Node): HTMLElement {
  const fillBar = el('span', { className: 'bar-fill' });
  // Set through the CSSOM, which the page's CSP allows (it forbids inline style attributes).
  fillBar.style.width = `${barPercent(value, max)}%`;
  return el('div', { className: 'bar-cell' }, el('span', { className: 'bar-track', attrs: { 'aria-hidden': 'true' } }, fillBar), el('span', { className: 'bar-value' }, text));
}
