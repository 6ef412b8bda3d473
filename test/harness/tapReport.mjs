// Reading node:test's TAP report: which tests failed, and why, in a few lines each.

/**
 * The failed tests of a TAP `report`, each with the first lines of its error; not the suites around them,
 * whose only error is that a test inside failed.
 * @param {string} report
 * @returns {{ title: string, error: string }[]}
 */
export function failuresIn(report) {
  const failures = [];
  const lines = report.split('\n');
  for (const [at, line] of lines.entries()) {
    const failed = line.match(/^(\s*)not ok \d+ - (.*)$/);
    if (!failed) continue;
    const block = yamlBlock(lines, at + 1, failed[1]);
    if (block.some((l) => /^\s*failureType: 'subtestsFailed'$/.test(l))) continue;
    failures.push({ title: failed[2], error: errorOf(block) });
  }
  return failures;
}

/** The lines inside the YAML block (`---` … `...`) that starts at `lines[from]`, indented by `indent` and two. */
function yamlBlock(lines, from, indent) {
  if (lines[from] !== `${indent}  ---`) return [];
  const end = lines.indexOf(`${indent}  ...`, from);
  return lines.slice(from + 1, end === -1 ? undefined : end);
}

const ERROR_LINES = 5;

/** A block's `error:` as text: quoted on its own line, or the `|-` lines under it (the first five). */
function errorOf(block) {
  const at = block.findIndex((line) => /^\s*error: /.test(line));
  if (at === -1) return '(no error recorded)';
  const [, indent, value] = block[at].match(/^(\s*)error: (.*)$/);
  if (value !== '|-') return value.replace(/^'(.*)'$/, '$1').replaceAll("''", "'");
  const inner = `${indent}  `;
  const text = [];
  for (const line of block.slice(at + 1)) {
    if (!line.startsWith(inner) && line.trim() !== '') break;
    text.push(line.slice(inner.length));
  }
  return text.slice(0, ERROR_LINES).join('\n').trimEnd();
}
