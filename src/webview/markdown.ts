// Markdown descriptions (Alumio, Onedata) as DOM, safely. markdown-it parses (CommonMark, with raw HTML
// turned off, so `<b onmouseover=…>` stays text); its token stream then becomes a plain-data plan of
// allow-listed elements, and only the plan becomes DOM. markdown-it's own HTML renderer is never used,
// and no token is trusted: an unknown token contributes its text, a link that is not http(s) its words.
// (markdown-it over a hand-written parser: real Markdown has enough corner cases, nested lists, code
// spans, escapes, that a small parser would render some descriptions wrongly; the plan keeps it safe.)
import MarkdownIt, { type Token } from 'markdown-it';
import { revealBidi } from '../core/format';
import { isWebUrl } from '../util/url';

/**
 * The only elements a description can produce. Headings are moved down to sit under the panel's own h2
 * without skipping a level (see `HeadingLevels`).
 */
export const MARKDOWN_TAGS = ['p', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'strong', 'em', 's', 'a', 'br', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td'] as const;
export type MarkdownTag = (typeof MARKDOWN_TAGS)[number];

export type MarkdownNode =
  | { readonly text: string }
  | { readonly tag: MarkdownTag; readonly href?: string; readonly start?: number; readonly children: MarkdownNode[] };

const ALLOWED = new Set<string>(MARKDOWN_TAGS);
const HEADING_TAGS: readonly MarkdownTag[] = ['h3', 'h4', 'h5', 'h6'];

const parser = new MarkdownIt('default', { html: false, linkify: true, typographer: false });

/** The plan for `source`: element and text nodes only, links only to http(s). */
export function markdownPlan(source: string): MarkdownNode[] {
  const tokens = parser.parse(source, {});
  const headings = new HeadingLevels(tokens);
  const root: MarkdownNode[] = [];
  // Each open element's children; a dropped element (a link we will not make) shares its parent's.
  const stack: MarkdownNode[][] = [root];
  const walk = (tokens: readonly Token[]): void => {
    for (const token of tokens) {
      const children = stack[stack.length - 1]!;
      if (token.type === 'inline') walk(token.children ?? []);
      else if (token.nesting === 1) {
        // Tight lists hide their paragraphs: the words go straight into the item.
        const element = token.hidden ? undefined : openElement(token, headings);
        if (element) children.push(element);
        stack.push(element ? element.children : children);
      } else if (token.nesting === -1) {
        if (stack.length > 1) stack.pop();
      } else children.push(...leaf(token));
    }
  };
  walk(tokens);
  return root;
}

/**
 * The tags a description's headings become, one after another: the levels it uses, in their order, from h3
 * (h1 and h3 become h3 and h4), and never more than one below the heading before (the first sits under h2).
 */
class HeadingLevels {
  private readonly ranks: ReadonlyMap<string, number>;
  private previous = 2;

  constructor(tokens: readonly Token[]) {
    const used = [...new Set(tokens.filter((token) => token.type === 'heading_open').map((token) => token.tag))].sort();
    this.ranks = new Map(used.map((tag, rank) => [tag, rank]));
  }

  next(tag: string): MarkdownTag {
    const level = Math.min(3 + (this.ranks.get(tag) ?? 0), this.previous + 1, 6);
    this.previous = level;
    return HEADING_TAGS[level - 3]!;
  }
}

function openElement(token: Token, headings: HeadingLevels): Extract<MarkdownNode, { tag: MarkdownTag }> | undefined {
  const tag = token.type === 'heading_open' ? headings.next(token.tag) : token.tag;
  if (!ALLOWED.has(tag)) return undefined;
  if (tag === 'a') {
    const href = token.attrGet('href');
    return isWebUrl(href) ? { tag, href, children: [] } : undefined;
  }
  if (tag === 'ol') {
    const start = Number(token.attrGet('start'));
    return Number.isInteger(start) && start !== 1 ? { tag, start, children: [] } : { tag, children: [] };
  }
  return { tag: tag as MarkdownTag, children: [] };
}

/** Self-contained tokens: text, code, breaks, rules; images become a link to the image (never loaded). */
function leaf(token: Token): MarkdownNode[] {
  switch (token.type) {
    case 'text':
      return token.content ? [{ text: token.content }] : [];
    case 'softbreak':
      return [{ text: '\n' }];
    case 'hardbreak':
      return [{ tag: 'br', children: [] }];
    case 'hr':
      return [{ tag: 'hr', children: [] }];
    case 'code_inline':
      return [{ tag: 'code', children: [{ text: token.content }] }];
    case 'code_block':
    case 'fence':
      return [{ tag: 'pre', children: [{ tag: 'code', children: [{ text: token.content }] }] }];
    case 'image': {
      const alt = (token.children ?? []).map((child) => child.content).join('') || token.content;
      const src = token.attrGet('src');
      const words = { text: alt || src || '' };
      return isWebUrl(src) ? [{ tag: 'a', href: src, children: [words] }] : [words];
    }
    default:
      // html_inline / html_block cannot occur with html off; anything else shows its text, never markup.
      return token.content ? [{ text: token.content }] : [];
  }
}

/** Builds `plan` under `parent`. Checks the allow-list and the link scheme again: the plan is data. */
export function appendMarkdown(parent: Node, plan: readonly MarkdownNode[], doc: Document = document): void {
  for (const node of plan) {
    if ('text' in node) {
      parent.appendChild(doc.createTextNode(revealBidi(node.text)));
      continue;
    }
    if (!ALLOWED.has(node.tag)) continue;
    const element = doc.createElement(node.tag);
    if (node.tag === 'a' && isWebUrl(node.href)) {
      element.setAttribute('href', node.href);
      element.setAttribute('title', node.href);
    }
    if (node.tag === 'ol' && node.start !== undefined) element.setAttribute('start', String(node.start));
    appendMarkdown(element, node.children, doc);
    parent.appendChild(element);
  }
}
