// The `when` clauses of package.json's menus, read as VS Code reads them, so the host tests can say which
// commands a row's menus show. Only what the manifest uses is understood: `&&`, `||`, `!`, parentheses,
// `true` and `false`, a context key alone, `key == value` and `key =~ /regex/flags`. Anything else throws, as
// does a context key the caller gives no value for: a new kind of clause fails the test that meets it,
// instead of hiding a menu item. Pure (no `vscode`), so the unit tier checks it against the whole manifest.

/** The context a clause is evaluated in: a value for every key it names. */
export type WhenContext = Readonly<Record<string, string | boolean>>;

/** A parsed clause: true or false in a context. */
export type When = (context: WhenContext) => boolean;

type Token = { kind: 'and' | 'or' | 'not' | 'open' | 'close' | 'equals' | 'matches' } | { kind: 'word'; text: string } | { kind: 'regex'; regex: RegExp };

/** A menu item of package.json's `contributes.menus`. */
export interface MenuItem {
  readonly command: string;
  readonly when?: string;
  readonly group?: string;
}

/**
 * The commands of `items` whose group passes `inGroup` and whose clause holds in `context`, in the manifest's
 * order. Every clause is read first, so one this reader does not know fails whatever row is asked about.
 */
export function shownCommands(items: readonly MenuItem[], context: WhenContext, inGroup: (group: string) => boolean): string[] {
  const read = items.map((item) => ({ ...item, shown: item.when === undefined ? () => true : parseWhen(item.when) }));
  return read.filter((item) => inGroup(item.group ?? '') && item.shown(context)).map((item) => item.command);
}

/**
 * The commands of the one context menu VS Code shows for several selected rows (`contexts`, one per row):
 * each row's menu read with `listMultiSelection` true, and only the commands every row's menu has, in the
 * first row's order (the workbench's tree view keeps what is common to all the rows it was asked about).
 */
export function selectionMenu(items: readonly MenuItem[], contexts: readonly WhenContext[], inGroup: (group: string) => boolean): string[] {
  const [first = [], ...others] = contexts.map((context) => shownCommands(items, { ...context, listMultiSelection: true }, inGroup));
  return first.filter((command) => others.every((menu) => menu.includes(command)));
}

/** `clause` parsed; throws where it uses anything this reader does not know. */
export function parseWhen(clause: string): When {
  const tokens = tokenize(clause);
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`cannot read the when clause "${clause}": ${why}`);
  };
  const peek = () => tokens[at];
  const take = () => tokens[at++] ?? fail('it ends too early');

  /** `next`, or several joined by the operator `kind`: true when some (`||`) or every (`&&`) one is. */
  const chain = (kind: 'or' | 'and', next: () => When): When => {
    const terms = [next()];
    while (peek()?.kind === kind) {
      at++;
      terms.push(next());
    }
    if (terms.length === 1) return terms[0]!;
    return kind === 'or' ? (context) => terms.some((term) => term(context)) : (context) => terms.every((term) => term(context));
  };
  // `&&` binds tighter than `||`.
  const or = (): When => chain('or', and);
  const and = (): When => chain('and', unary);
  const unary = (): When => {
    if (peek()?.kind !== 'not') return primary();
    at++;
    const operand = unary();
    return (context) => !operand(context);
  };
  const primary = (): When => {
    const token = take();
    if (token.kind === 'open') {
      const inner = or();
      if (take().kind !== 'close') fail('a "(" is not closed');
      return inner;
    }
    if (token.kind !== 'word') return fail(`"${token.kind}" where a context key belongs`);
    if (token.text === 'true' || token.text === 'false') {
      const constant = token.text === 'true';
      return () => constant;
    }
    const key = token.text;
    if (!/^[A-Za-z_][\w.-]*$/.test(key)) fail(`"${key}" is no context key`);
    const operator = peek();
    if (operator?.kind === 'equals') {
      at++;
      const value = take();
      if (value.kind !== 'word') return fail(`"==" needs a value after "${key}"`);
      return (context) => String(valueOf(context, key)) === value.text;
    }
    if (operator?.kind === 'matches') {
      at++;
      const value = take();
      if (value.kind !== 'regex') return fail(`"=~" needs a /regex/ after "${key}"`);
      return (context) => value.regex.test(String(valueOf(context, key)));
    }
    return (context) => Boolean(valueOf(context, key));
  };

  const when = or();
  if (at < tokens.length) fail(`"${tokens[at]!.kind}" where the clause should end`);
  return when;
}

function valueOf(context: WhenContext, key: string): string | boolean {
  if (!Object.hasOwn(context, key)) throw new Error(`the when clause reads "${key}", which this test gives no value`);
  return context[key]!;
}

const SYMBOLS = [
  ['&&', 'and'],
  ['||', 'or'],
  ['==', 'equals'],
  ['=~', 'matches'],
  ['(', 'open'],
  [')', 'close'],
] as const;

function tokenize(clause: string): Token[] {
  const tokens: Token[] = [];
  const fail = (at: number, why: string): never => {
    throw new Error(`cannot read the when clause "${clause}" at ${at + 1} ("${clause.slice(at, at + 12)}"): ${why}`);
  };
  let at = 0;
  while (at < clause.length) {
    const rest = clause.slice(at);
    const space = /^\s+/.exec(rest);
    if (space) {
      at += space[0].length;
      continue;
    }
    const symbol = SYMBOLS.find(([text]) => rest.startsWith(text));
    if (symbol) {
      tokens.push({ kind: symbol[1] });
      at += symbol[0].length;
      continue;
    }
    // `!` negates; `!=` compares, which no clause of ours does.
    if (rest.startsWith('!=')) fail(at, '"!=" is not read');
    if (rest.startsWith('!')) {
      tokens.push({ kind: 'not' });
      at += 1;
      continue;
    }
    if (rest.startsWith('/') && tokens.at(-1)?.kind === 'matches') {
      const literal = /^\/((?:\\.|\[(?:\\.|[^\]\\])*\]|[^/\\[])+)\/([a-z]*)/.exec(rest) ?? fail(at, 'a /regex/ is not closed');
      if (!/^[imsu]*$/.test(literal[2]!)) fail(at, `regex flags "${literal[2]}" are not read`);
      tokens.push({ kind: 'regex', regex: new RegExp(literal[1]!, literal[2]) });
      at += literal[0].length;
      continue;
    }
    const word = /^[^\s()!&|=<>~'"/]+/.exec(rest) ?? fail(at, 'no operator, key or value starts here');
    if (word[0] === 'in' || word[0] === 'not') fail(at, `"${word[0]}" is not read`);
    tokens.push({ kind: 'word', text: word[0] });
    at += word[0].length;
  }
  return tokens;
}
