// The layout keeps itself: no two folders of src import each other, directly or round a loop, and no file
// imports one that imports it back.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '..', '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The folder under src a file belongs to (`.` for src itself). */
const folderOf = (file: string) => path.relative(SRC, file).split(path.sep).slice(0, -1)[0] ?? '.';

/** The files of src a file imports (relative imports only, type-only ones included). */
function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from '(\.[^']+)'/gm)].map(([, spec]) => {
    const target = path.resolve(path.dirname(file), spec!);
    return existsSync(`${target}.ts`) ? `${target}.ts` : path.join(target, 'index.ts');
  });
}

/** Folder → the folders its files import from. */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(SRC)) {
    const from = folderOf(file);
    const edges = graph.get(from) ?? graph.set(from, new Set()).get(from)!;
    for (const target of importsOf(file)) if (folderOf(target) !== from) edges.add(folderOf(target));
  }
  return graph;
}

/** File (relative to src) → the other files it imports (core/index.ts names itself for its own type). */
function fileGraph(): Map<string, Set<string>> {
  const relative = (file: string) => path.relative(SRC, file);
  return new Map(sourceFiles(SRC).map((file) => [relative(file), new Set(importsOf(file).filter((target) => target !== file).map(relative))]));
}

/** Every loop in the graph, each as the folders round it. */
function loops(graph: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const visit = (node: string, trail: string[]) => {
    for (const next of graph.get(node) ?? []) {
      const at = trail.indexOf(next);
      if (at >= 0) found.push([...trail.slice(at), next]);
      else visit(next, [...trail, next]);
    }
  };
  for (const start of graph.keys()) visit(start, [start]);
  return found;
}

describe('the architecture', () => {
  it('has no folders of src that import each other, directly or round a loop', () => {
    const graph = folderGraph();
    assert.ok(graph.size >= 6, `read ${graph.size} folders`);
    assert.deepEqual(loops(graph).map((loop) => loop.join(' → ')), []);
  });

  it('has no file of src that imports one that imports it back, directly or round a loop', () => {
    const graph = fileGraph();
    assert.ok(graph.size >= 50, `read ${graph.size} files`);
    assert.deepEqual(loops(graph).map((loop) => loop.join(' → ')), []);
  });

  it('finds a loop where there is one (the check can fail)', () => {
    const graph = new Map([
      ['tree', new Set(['panel'])],
      ['panel', new Set(['tree'])],
    ]);
    assert.deepEqual(loops(graph)[0], ['tree', 'panel', 'tree']);
  });

  it('keeps src/core free of the VS Code API, so it runs in plain Node', () => {
    const offenders = sourceFiles(path.join(SRC, 'core')).filter((file) => /from 'vscode'/.test(readFileSync(file, 'utf8')));
    assert.deepEqual(offenders, []);
  });
});
