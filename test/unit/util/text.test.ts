import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { forLabel, forLog, forMessage, forPick, forTooltip } from '../../../src/util/text';

// What the workbench acts on, as VS Code's own renderers find it:
/** vs/base/common/linkedText.ts: links in notifications, progress titles, quick input prompts and messages. */
const LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
/** vs/base/common/iconLabels.ts: `$(name)` icons in quick picks, the status bar, prompts (`\$(` is an escape). */
const ICON = /(\\)?\$\(([A-Za-z0-9-]+(?:~[A-Za-z]+)?)\)/g;
/** Markdown autolinks, and `command:` URIs wherever a renderer linkifies them. */
const AUTOLINK = /<[A-Za-z][A-Za-z0-9+.-]*:[^<>\s]*>/;
const COMMAND_URI = /command:/i;

/**
 * marked with GFM (VS Code's Markdown renderer, so Markdown tooltips): extended autolinks. Its text tokenizer
 * stops before any `http://`, `https://`, `ftp://` or `www.` and before an e-mail's local part, where these
 * are tried; here they are tried everywhere, which is stricter. The URL rule ignores case.
 */
const BARE_URL = /((?:ftp|https?):\/\/|www\.)(?:[a-zA-Z0-9-]+\.?)+[^\s<]*/i;
const BARE_EMAIL = /[A-Za-z0-9._+-]+(@)[a-zA-Z0-9-_]+(?:\.[a-zA-Z0-9-_]*[a-zA-Z0-9])+(?![-_])/;
/** An HTML entity, which Markdown decodes: `&shy;` or `&#8203;` would become a character `dropInvisible` removes. */
const ENTITY = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;

const SURFACES = { forMessage, forPick, forLabel, forTooltip, forLog };

/**
 * Whether `text` holds anything a renderer would turn into a link, an icon or a command. `bare: false`
 * skips bare `command:` URIs (for text put after the vendor's, which may hold one of its own).
 */
function acts(text: string, { bare = true } = {}): string | undefined {
  LINK.lastIndex = 0;
  ICON.lastIndex = 0;
  const link = LINK.exec(text);
  if (link) return `link ${link[0]}`;
  const icon = [...text.matchAll(ICON)].find((m) => m[1] === undefined);
  if (icon) return `icon ${icon[0]}`;
  if (AUTOLINK.test(text)) return 'autolink';
  if (bare && COMMAND_URI.test(text)) return 'command URI';
  return undefined;
}

/** Whether Markdown would make a link of `text` that `acts` does not look for, or decode an entity in it. */
function linksInMarkdown(text: string): string | undefined {
  for (const [name, pattern] of [
    ['bare URL', BARE_URL],
    ['bare e-mail', BARE_EMAIL],
    ['entity', ENTITY],
  ] as const) {
    const found = pattern.exec(text);
    if (found) return `${name} ${found[0]}`;
  }
  return undefined;
}

const ZW = '\u200B';
const HOSTILE: readonly string[] = [
  '[Sign in again](command:spaces.testConnection?%7B%22account%22%3A%7B%7D%7D "Sign in")',
  "[x](command:workbench.action.quit 'quiet')",
  '[Docs](https://evil.example/login)',
  '[a [nested] link](command:x)',
  '[escaped \\] bracket](command:x)',
  '[url with parens](https://example.com/a_(b)_c)',
  `[zero-width](${ZW}command:x)`,
  `[zero-width]${ZW}(command:x)`,
  '[zero-width]\u2060(command:x)',
  '[soft hyphen]\u00AD(command:x)',
  '[bom]\uFEFF(command:x)',
  '［full-width］（command:x）',
  '[line\nbreak](command:x)',
  '<command:workbench.action.quit>',
  '<https://evil.example>',
  'see command:workbench.action.quit now',
  'COMMAND:x',
  '$(warning) Check your account',
  '$(sync~spin) busy',
  '\\$(warning) already escaped',
  `$${ZW}(warning)`,
  '$\u200C(warning)',
  'abc\u202E[U+202E](command:x)',
  '\u202E](command:x)',
  'Portal https://evil.example/login or www.evil.example or help@evil.example',
  'ftp://x.example',
  'HTTPS://EVIL.EXAMPLE',
  'WWW.EVIL.EXAMPLE',
  'http://evil.example',
  '<help@evil.example>',
  'first.last+tag@mail.evil-host.example',
  'a&shy;b',
  '&lrm;x',
  '&#8203;',
  '&#x200B;',
  '&AMP;shy;',
  '&amp;shy;',
];

describe('vendor text on workbench surfaces', () => {
  for (const [name, inert] of Object.entries(SURFACES)) {
    it(`${name}: no hostile input acts, alone or with text put after it`, () => {
      for (const input of HOSTILE) {
        const out = inert(input);
        assert.equal(acts(out), undefined, `${JSON.stringify(input)} → ${JSON.stringify(out)}`);
        // What our own wording may put right after vendor text must not complete a pattern either.
        for (const after of ['(command:x)', '(warning)', 'command:x>']) {
          assert.equal(acts(out + after, { bare: false }), undefined, `${JSON.stringify(input)} + ${after}`);
        }
      }
    });

    it(`${name}: a pattern cut in half by the length limit stays broken`, () => {
      for (const tail of ['$(warning)', '[x](command:x)', '<command:x>']) {
        for (let pad = 0; pad < 12; pad++) {
          const out = inert('a'.repeat(4096 + pad) + tail);
          assert.equal(acts(out), undefined, `pad ${pad}: …${JSON.stringify(out.slice(-20))}`);
          assert.equal(acts(`${out}(warning)`, { bare: false }), undefined);
          assert.equal(acts(`${out}(command:x)`, { bare: false }), undefined);
        }
      }
      // Cut inside the trigger itself: the vendor's half, then the rest put right after it.
      for (const [vendor, rest] of [
        ['$', '(warning)'],
        ['[x]', '(command:x)'],
        ['<', 'command:x>'],
        ['<command', ':x>'],
      ]) {
        assert.equal(acts(inert(vendor) + rest, { bare: false }), undefined, `"${vendor}" + "${rest}"`);
      }
    });
  }

  it('forTooltip: no hostile input becomes a bare link or an entity in Markdown, alone or with text put after it', () => {
    for (const input of HOSTILE) {
      const out = forTooltip(input);
      assert.equal(linksInMarkdown(out), undefined, `${JSON.stringify(input)} → ${JSON.stringify(out)}`);
      // What the tooltips put after vendor text: bold's end, a paragraph break, a status change's arrow, a sentence's end.
      for (const after of ['**', '\n\n', ' → ', '. Select the row']) {
        assert.equal(linksInMarkdown(out + after), undefined, `${JSON.stringify(input)} + ${JSON.stringify(after)}`);
      }
    }
    // Vendor text that ends where a link or an entity would begin, then the rest put right after it.
    for (const [vendor, rest] of [
      ['https:', '//evil.example'],
      ['see www', '.evil.example'],
      ['help@', 'evil.example'],
      ['a&', 'shy;'],
      ['&#', '8203;'],
    ]) {
      assert.equal(linksInMarkdown(forTooltip(vendor) + rest), undefined, `"${vendor}" + "${rest}"`);
    }
  });

  it('forTooltip: a link or an entity cut by the length limit stays broken', () => {
    for (const tail of ['https://evil.example', 'www.evil.example', 'help@evil.example', '&shy;']) {
      for (let pad = 1980; pad < 2000; pad++) {
        const out = forTooltip('a'.repeat(pad) + tail);
        assert.equal(linksInMarkdown(out), undefined, `pad ${pad}: …${JSON.stringify(out.slice(-24))}`);
      }
    }
  });

  it('forTooltip reads the same: a link or an entity keeps every visible character', () => {
    const visible = (text: string) => text.replaceAll(ZW, '');
    for (const input of HOSTILE.filter((s) => linksInMarkdown(s))) {
      assert.equal(visible(forTooltip(input)), input, JSON.stringify(input));
    }
    assert.equal(visible(forTooltip(`help@${ZW}evil.example &${ZW}shy; www\u2060.x.example`)), 'help@evil.example &shy; www.x.example');
  });

  it('other surfaces keep URLs, e-mail addresses and entities as they are (they are searched and copied, and link none)', () => {
    const text = 'help@evil.example https://evil.example/login www.evil.example AT&T &shy;';
    for (const inert of [forMessage, forPick, forLabel, forLog]) assert.equal(inert(text), text);
  });

  it('reads the same: only invisible characters are added, and the words stay', () => {
    const visible = (text: string) => text.replaceAll(ZW, '');
    assert.equal(visible(forMessage('[Sign in](command:x) $(warning) <command:y>')), '[Sign in](command:x) $(warning) <command:y>');
    assert.equal(forMessage('Plain words, "quoted" and 50% $5 [note] (aside)'), 'Plain words, "quoted" and 50% $5 [note] (aside)');
    assert.equal(forLabel('Données 数据 🚀'), 'Données 数据 🚀');
  });

  it('drops invisible characters a vendor sends, and shows bidi controls as code points', () => {
    assert.equal(forLabel(`a${ZW}b\u2060c\uFEFFd\u00ADe`), 'abcde');
    assert.equal(forLabel('abc\u202Eexe.txt'), 'abc[U+202E]exe.txt');
  });

  it('keeps one line where a line break would break the layout or forge a log line', () => {
    assert.equal(forMessage('first\nsecond\r\nthird\u2028fourth'), 'first second third fourth');
    assert.equal(forLog('ok\n[error] forged line'), 'ok [error] forged line');
    assert.equal(forLabel('tab\tand\u0007bell'), 'tab\tand bell');
    assert.equal(forTooltip('first\nsecond\r\nthird'), 'first\nsecond\nthird');
  });

  it('clips each surface to its length, by code points, never splitting a surrogate pair', () => {
    const rockets = '🚀'.repeat(1000);
    for (const [inert, max] of [
      [forMessage, 300],
      [forPick, 300],
      [forLabel, 256],
      [forTooltip, 2000],
    ] as const) {
      const out = inert(rockets);
      assert.equal(Array.from(out).length, Math.min(max, 1000));
      assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(out), 'no lone high surrogate');
    }
    assert.equal(forMessage('short'), 'short');
    assert.ok(forMessage('x'.repeat(1000)).endsWith('…'));
  });

  it('takes any value, as vendors send any JSON', () => {
    assert.equal(forLabel(undefined), '');
    assert.equal(forLabel(null), '');
    assert.equal(forLabel(42), '42');
  });
});
