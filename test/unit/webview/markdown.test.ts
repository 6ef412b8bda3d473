import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { appendMarkdown, MARKDOWN_TAGS, markdownPlan, type MarkdownNode } from '../../../src/webview/markdown';
import { HOSTILE } from '../../sandbox/hostile';

const HOSTILE_MARKDOWN = [
  ...Object.values(HOSTILE),
  `${HOSTILE.markdown}\n\n[open](${HOSTILE.link})\n\n${HOSTILE.script}`,
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<a href="javascript:alert(1)">x</a> <iframe src="https://evil.example"></iframe>',
  '[x](JaVaScRiPt:alert(1)) [y](  javascript:alert(1)) [z](&#106;avascript:alert(1)) [w](java%0ascript:alert(1))',
  '[x](data:text/html,<script>alert(1)</script>) [v](vbscript:msgbox(1)) [f](file:///etc/passwd) [c](command:workbench.action.quit)',
  '<javascript:alert(1)> <command:workbench.action.quit> <https://ok.example/auto>',
  '[ref][1]\n\n[1]: javascript:alert(1)',
  '![pic](https://evil.example/track.png "t") ![x](x onerror=alert(1)) ![d](data:image/svg+xml,<svg onload=alert(1)>)',
  '[quote](https://ok.example/?q="onmouseover=alert(1)") [vscode](vscode://file/etc/passwd)',
  '```html\n<script>alert(1)</script>\n```\n\n    <img src=x onerror=alert(1)>\n\n`<b onclick=x>`',
  '| a | <b onmouseover=x>b</b> |\n|---|---|\n| [c](javascript:c) | d |',
  '<style>body{display:none}</style><svg><script>alert(1)</script></svg>',
];

/** Every element of a plan, depth first. */
function elements(plan: readonly MarkdownNode[]): Extract<MarkdownNode, { tag: string }>[] {
  return plan.flatMap((node) => ('text' in node ? [] : [node, ...elements(node.children)]));
}

function text(plan: readonly MarkdownNode[]): string {
  return plan.map((node) => ('text' in node ? node.text : text(node.children))).join('');
}

/** A document that records what the builder asks for, so the DOM step is checked without a DOM. */
class FakeNode {
  readonly children: FakeNode[] = [];
  readonly attributes = new Map<string, string>();
  constructor(
    readonly tag?: string,
    readonly text?: string,
  ) {}
  appendChild(child: FakeNode): FakeNode {
    this.children.push(child);
    return child;
  }
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
}
const created: FakeNode[] = [];
const fakeDocument = {
  createElement: (tag: string) => {
    const node = new FakeNode(tag);
    created.push(node);
    return node;
  },
  createTextNode: (value: string) => new FakeNode(undefined, value),
} as unknown as Document;

describe('Markdown descriptions: a safe plan, then DOM', () => {
  it('renders ordinary Markdown: headings moved down, emphasis, lists, code and http(s) links', () => {
    const plan = markdownPlan('# Title\n\nLive integrations for **ACME**.\n\n- Orders from [the shop](https://shop.example.com) to the *ERP*\n- `stock`\n\n1. one\n2. two');
    assert.deepEqual(plan[0], { tag: 'h3', children: [{ text: 'Title' }] });
    assert.deepEqual(plan[1], { tag: 'p', children: [{ text: 'Live integrations for ' }, { tag: 'strong', children: [{ text: 'ACME' }] }, { text: '.' }] });
    const list = plan[2] as Extract<MarkdownNode, { tag: string }>;
    assert.equal(list.tag, 'ul');
    const link = elements([list]).find((node) => node.tag === 'a');
    assert.deepEqual(link, { tag: 'a', href: 'https://shop.example.com', children: [{ text: 'the shop' }] });
    assert.ok(elements([list]).some((node) => node.tag === 'em'));
    assert.ok(elements([list]).some((node) => node.tag === 'code'));
    assert.equal((plan[3] as { tag: string }).tag, 'ol');
  });

  it('moves headings under the panel\'s h2 without skipping a level', () => {
    const levels = (source: string) => markdownPlan(source).map((node) => ('tag' in node ? node.tag : 'text'));
    const cases: [string, string[]][] = [
      ['# a\n\n## b\n\n### c', ['h3', 'h4', 'h5']],
      ['## a\n\n#### b', ['h3', 'h4']],
      ['### a\n\n# b\n\n### c', ['h3', 'h3', 'h4']],
      ['#### a', ['h3']],
      ['# a\n\n## b\n\n### c\n\n#### d\n\n##### e\n\n###### f', ['h3', 'h4', 'h5', 'h6', 'h6', 'h6']],
    ];
    for (const [source, expected] of cases) assert.deepEqual(levels(source), expected, source);
  });

  for (const source of HOSTILE_MARKDOWN) {
    it(`keeps hostile input inert: ${JSON.stringify(source).slice(0, 70)}`, () => {
      const plan = markdownPlan(source);
      for (const node of elements(plan)) {
        assert.ok((MARKDOWN_TAGS as readonly string[]).includes(node.tag), `unexpected <${node.tag}>`);
        if (node.href !== undefined) assert.match(node.href, /^https?:\/\/[^\s]+$/, node.href);
        assert.deepEqual(Object.keys(node).filter((key) => !['tag', 'href', 'start', 'children'].includes(key)), []);
      }
      created.length = 0;
      const root = new FakeNode('div');
      appendMarkdown(root as unknown as Node, plan, fakeDocument);
      for (const node of created) {
        assert.ok(!['script', 'img', 'iframe', 'style', 'svg', 'object', 'embed', 'form', 'input', 'base', 'link', 'meta'].includes(node.tag!), `created <${node.tag}>`);
        for (const [name, value] of node.attributes) {
          assert.ok(['href', 'title', 'start'].includes(name), `attribute ${name}`);
          if (name === 'href') assert.match(value, /^https?:\/\//);
        }
      }
    });
  }

  it('shows raw HTML as the text it is', () => {
    assert.equal(text(markdownPlan(HOSTILE.html)), HOSTILE.html);
    assert.match(text(markdownPlan(HOSTILE.markdown)), /<b onmouseover="window.__pwned=5">bold<\/b>/);
    // The javascript: link stays as words, not as a link.
    assert.ok(!elements(markdownPlan(HOSTILE.markdown)).some((node) => node.tag === 'a'));
  });

  it('turns images into links to them (never loaded), and only for http(s)', () => {
    const plan = markdownPlan('![chart](https://example.com/c.png) ![x](javascript:alert(1))');
    const links = elements(plan).filter((node) => node.tag === 'a');
    assert.deepEqual(links, [{ tag: 'a', href: 'https://example.com/c.png', children: [{ text: 'chart' }] }]);
  });

  it('the DOM step drops elements and links that are not allowed even if a plan names them', () => {
    created.length = 0;
    const forged = [
      { tag: 'script', children: [{ text: 'alert(1)' }] },
      { tag: 'a', href: 'javascript:alert(1)', children: [{ text: 'x' }] },
    ] as unknown as MarkdownNode[];
    appendMarkdown(new FakeNode('div') as unknown as Node, forged, fakeDocument);
    assert.deepEqual(created.map((node) => [node.tag, [...node.attributes.keys()]]), [['a', []]]);
  });
});
