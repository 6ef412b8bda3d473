// Loaded by the real extension host (code-server) in place of the host test suite, by test/bench/workbench.mjs:
// what sharing, the cache and browsing cost, and what grouping, sorting and hiding accounts cost, measured
// where they happen. The sandbox runs in the bench's own
// process (named by SPACES_BENCH_SANDBOX), so its data is not in the heap measured here. The figures go to the
// file named by SPACES_TEST_RESULTS, for the bench to print against their targets.
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { TreeNode } from '../../src/tree/nodes/treeNode';
import type { SpaceNode } from '../../src/tree/nodes/spaceNode';
import { api, eventually, heapAfterGc, setAccounts } from '../host/support';

/** What the bench reads back: one entry per figure. */
export interface HostFigure {
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  readonly detail?: string;
  /** The most it may be (`exactly`: what it must be), for the figures after the first six. */
  readonly target?: number;
  readonly exactly?: boolean;
}

/** The environment variables holding the sandbox's four bulk users' tokens (500 spaces each). */
const TOKEN_VARIABLES = ['SPACES_BENCH_ONEDATA_TOKEN_1', 'SPACES_BENCH_ONEDATA_TOKEN_2', 'SPACES_BENCH_ONEDATA_TOKEN_3', 'SPACES_BENCH_ONEDATA_TOKEN_4'];
const MB = 1024 * 1024;

export async function run(): Promise<void> {
  const sandbox = process.env.SPACES_BENCH_SANDBOX;
  const results = process.env.SPACES_TEST_RESULTS;
  if (!sandbox || !results) throw new Error('SPACES_BENCH_SANDBOX and SPACES_TEST_RESULTS must be set by the bench');
  const figures: HostFigure[] = [];
  const failures: { title: string; error: string }[] = [];
  try {
    await sharing(sandbox, figures);
    await browsing(figures);
    await finding(figures);
    await linking(sandbox, figures);
    await arranging(sandbox, figures);
    await firstScreen(sandbox, figures);
  } catch (err) {
    failures.push({ title: 'bench', error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  } finally {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await setAccounts([]);
  }
  writeFileSync(results, JSON.stringify({ passed: failures.length ? 0 : 1, failed: failures.length, failures, figures }));
}

/** A Onedata account of one of the sandbox's bulk users (500 spaces), its token from the environment. */
function bulkAccount(id: string, user: number) {
  return { id, vendor: 'onedata', baseUrl: process.env.SPACES_BENCH_SANDBOX, authMode: 'token', credentialsFromEnv: { token: TOKEN_VARIABLES[user] } };
}

/** 50 opens of one space at once, its row expanded within the TTL, then Refresh: the requests for that space. */
async function sharing(sandbox: string, figures: HostFigure[]): Promise<void> {
  const { tree, panels } = await api();
  await setAccounts([bulkAccount('shared', 0)]);
  const spaceId = 'bulk-0007';
  /** The requests the sandbox has received for the space's details. */
  const requests = async () => {
    const { requests: received } = (await (await fetch(`${sandbox}/__sandbox/received`)).json()) as { requests: { url: string }[] };
    return received.filter((r) => r.url.endsWith(`/${spaceId}`)).length;
  };

  const start = await requests();
  await Promise.all(Array.from({ length: 50 }, () => vscode.commands.executeCommand('spaces.open', { accountId: 'shared', spaceId })));
  await eventually(() => panels.get('shared', spaceId), (panel) => panel?.current !== undefined, 'the panel to show the space', 30_000);
  const opened = await requests();
  figures.push({ label: '50 concurrent opens of one space: requests', value: opened - start, unit: 'requests', detail: `${panels.size} panel` });

  const [account] = (await tree.getChildren()) ?? [];
  const rows = (await tree.getChildren(account)) ?? [];
  const row = rows.filter(isSpace).find((node) => node.spaceId === spaceId);
  if (!row) throw new Error(`${spaceId} is not a row of the account`);
  await row.load();
  await tree.getChildren(row);
  figures.push({ label: 'its row expanded within the TTL: requests', value: (await requests()) - opened, unit: 'requests' });

  const refreshed = await requests();
  await vscode.commands.executeCommand('spaces.refresh', { accountId: 'shared', spaceId });
  await eventually(requests, (n) => n > refreshed, 'the refresh to reach the sandbox', 30_000);
  await row.load();
  await eventually(() => panels.get('shared', spaceId)?.loading, (loading) => loading === false, 'the panel to settle', 30_000);
  figures.push({ label: 'Refresh of that space (row and panel): requests', value: (await requests()) - refreshed, unit: 'requests' });
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Four accounts of 500 spaces (four users, so no answer is shared between them): every account expanded to its last page, every space's details fetched, 50
 * panels opened and closed; the heap after GC before, after, and once the cache's entries have lapsed.
 */
async function browsing(figures: HostFigure[]): Promise<void> {
  const { tree, panels } = await api();
  const ttlSeconds = 10;
  await vscode.workspace.getConfiguration('spaces').update('cacheTtlSeconds', ttlSeconds, vscode.ConfigurationTarget.Global);
  const ids = ['m1', 'm2', 'm3', 'm4'];
  await setAccounts(ids.map((id, user) => bulkAccount(id, user)));
  const accounts = await eventually(async () => (await tree.getChildren()) ?? [], (nodes) => nodes.length === ids.length, 'four accounts', 30_000);
  const start = heapAfterGc();
  const started = Date.now();

  const spaces: SpaceNode[] = [];
  for (const account of accounts) spaces.push(...(await everyRowFetched(account)));
  for (const node of spaces.slice(0, 50)) {
    await vscode.commands.executeCommand('spaces.open', { accountId: node.account.id, spaceId: node.spaceId });
    const panel = await eventually(() => panels.get(node.account.id, node.spaceId), (p) => p !== undefined && p.loading === false, 'a panel to load', 30_000);
    panel?.panel.dispose();
  }
  const browsed = heapAfterGc();
  const seconds = (Date.now() - started) / 1000;
  figures.push({
    label: 'browse 2,000 spaces (4 accounts expanded, every space fetched, 50 panels opened and closed): heap growth',
    value: round((browsed - start) / MB),
    unit: 'MB',
    detail: `${spaces.length} rows in ${seconds.toFixed(1)} s, heap ${round(start / MB)} → ${round(browsed / MB)} MB, panels left ${panels.size}`,
  });

  // The cache's entries lapse after the TTL; what is left is what the tree shows.
  await new Promise((resolve) => setTimeout(resolve, (ttlSeconds + 2) * 1000));
  const lapsed = heapAfterGc();
  figures.push({ label: `the same, ${ttlSeconds + 2} s later (cache TTL ${ttlSeconds} s): heap growth`, value: round((lapsed - start) / MB), unit: 'MB', detail: `heap ${round(lapsed / MB)} MB` });

  await setAccounts([]);
  await eventually(async () => (await tree.getChildren()) ?? [], (nodes) => nodes.length === 0, 'no accounts', 30_000);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const removed = heapAfterGc();
  figures.push({ label: 'the accounts removed: heap growth', value: round((removed - start) / MB), unit: 'MB', detail: `heap ${round(removed / MB)} MB` });
  await vscode.workspace.getConfiguration('spaces').update('cacheTtlSeconds', undefined, vscode.ConfigurationTarget.Global);
}

/** The calls timed for each query of `finding`. */
const FIND_RUNS = 21;

/**
 * 20 accounts of 500 spaces (the four bulk users, five accounts each), every space's details known: how long
 * spaces_findSpaces takes to answer from what is known, through VS Code's own door (`vscode.lm.invokeTool`),
 * median of 21 calls after one, for a few queries; the slowest query's median is the figure.
 */
async function finding(figures: HostFigure[]): Promise<void> {
  const { tree } = await api();
  const ids = Array.from({ length: 20 }, (_, i) => `find-${i + 1}`);
  await setAccounts(ids.map((id, i) => bulkAccount(id, i % TOKEN_VARIABLES.length)));
  const accounts = await eventually(async () => (await tree.getChildren()) ?? [], (nodes) => nodes.length === ids.length, 'twenty accounts', 30_000);
  let known = 0;
  for (const account of accounts) known += (await everyRowFetched(account)).length;
  const queries: Record<string, object> = {
    'one name in every account of a user': { words: 'bulk space 2.0042' },
    'everything (10,000 match, 50 given)': {},
    'every word in a vendor': { words: 'space bulk', vendor: 'onedata' },
    'nothing matches': { words: 'no such space anywhere' },
  };
  const results = Object.entries(queries).map(([label, input]) => ({ label, input }));
  const timed: { label: string; median: number; first: number; total: number }[] = [];
  for (const { label, input } of results) {
    const first = await timeFind(input);
    const runs: number[] = [];
    for (let i = 0; i < FIND_RUNS; i++) runs.push((await timeFind(input)).ms);
    runs.sort((a, b) => a - b);
    timed.push({ label, median: runs[Math.floor(runs.length / 2)]!, first: first.ms, total: first.total });
  }
  const slowest = timed.reduce((a, b) => (b.median > a.median ? b : a));
  figures.push({
    label: `spaces_findSpaces over 20 accounts × 500 spaces, from what is known: the slowest query's median of ${FIND_RUNS}`,
    value: round(slowest.median),
    unit: 'ms',
    detail: `${known} spaces known; ${timed.map((t) => `${t.label}: ${round(t.median)} ms (first ${round(t.first)} ms, ${t.total} matching)`).join('; ')}`,
  });
  await setAccounts([]);
}

/** One call of spaces_findSpaces: how long it took, and how many spaces matched. */
async function timeFind(input: object): Promise<{ ms: number; total: number }> {
  const started = performance.now();
  const result = await vscode.lm.invokeTool('spaces_findSpaces', { input, toolInvocationToken: undefined });
  const ms = performance.now() - started;
  const text = result.content.find((part): part is vscode.LanguageModelTextPart => typeof (part as { value?: unknown }).value === 'string');
  const answer = JSON.parse(text?.value ?? '{}') as { total?: number; error?: string };
  if (answer.total === undefined) throw new Error(`spaces_findSpaces did not answer: ${text?.value ?? '(nothing)'}`);
  return { ms, total: answer.total };
}

/** The account's rows paged on to the last, every space's details fetched. */
async function everyRowFetched(account: TreeNode): Promise<SpaceNode[]> {
  const { tree } = await api();
  let rows = (await tree.getChildren(account)) ?? [];
  while (isLoadMore(rows.at(-1))) {
    await vscode.commands.executeCommand('spaces.loadMore', rows.at(-1));
    rows = (await tree.getChildren(account)) ?? [];
  }
  const shown = rows.filter(isSpace);
  await Promise.all(shown.map((node) => node.load()));
  return shown;
}

/**
 * A space opened from a link against from its row, the account expanded and the space's details fresh: the
 * requests each sends (all of them, listing included) and the time until the panel's page is up with the
 * space (median of 5, alternating). The link goes through the workbench's URL service, as one from outside.
 */
async function linking(sandbox: string, figures: HostFigure[]): Promise<void> {
  const { tree, panels, links } = await api();
  await setAccounts([bulkAccount('linked', 0)]);
  await vscode.workspace.getConfiguration('extensions').update('confirmedUriHandlerExtensionIds', ['spaces-explorer.spaces-explorer'], vscode.ConfigurationTarget.Global);
  const spaceId = 'bulk-0011';
  const [account] = await eventually(async () => (await tree.getChildren()) ?? [], (nodes) => nodes.length === 1, 'the account', 30_000);
  const row = ((await tree.getChildren(account)) ?? []).filter(isSpace).find((node) => node.spaceId === spaceId);
  if (!row) throw new Error(`${spaceId} is not a row of the account`);
  await row.load();
  const received = async () => ((await (await fetch(`${sandbox}/__sandbox/received`)).json()) as { requests: unknown[] }).requests.length;
  const link = vscode.Uri.parse(`${vscode.env.uriScheme}://spaces-explorer.spaces-explorer/open?account=linked&space=${spaceId}`);
  // As a click on the row runs it: the row's own command and argument.
  const fromRow = () => vscode.commands.executeCommand('spaces.open', row);
  const fromLink = () => vscode.commands.executeCommand('vscode.open', link);
  const open = async (how: () => Thenable<unknown>) => {
    const before = { requests: await received(), links: links.handled };
    const started = performance.now();
    await how();
    await until(() => panels.get('linked', spaceId)?.pageReady === true && panels.get('linked', spaceId)?.current !== undefined, 'the panel to show the space');
    const ms = performance.now() - started;
    const requests = (await received()) - before.requests;
    if (links.handled > before.links && (await links.latest)?.kind !== 'opened') throw new Error('the link did not open the space');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await eventually(async () => panels.size, (n) => n === 0, 'the panel to close', 30_000);
    return { ms, requests };
  };
  const byRow: Run[] = [];
  const byLink: Run[] = [];
  for (let run = 0; run < 5; run++) {
    byRow.push(await open(fromRow));
    byLink.push(await open(fromLink));
  }
  if (links.handled < 5) throw new Error(`the workbench handed over ${links.handled} of the 5 links`);
  const detail = (runs: Run[]) => `panel up in ${round(medianMs(runs))} ms, median of ${runs.length}`;
  figures.push({ label: 'open a space from its row (details fresh): requests', value: mostRequests(byRow), unit: 'requests', detail: detail(byRow) });
  figures.push({ label: 'open it from a link (row selected too): requests', value: mostRequests(byLink), unit: 'requests', detail: detail(byLink) });
  const ratio = medianMs(byLink) / medianMs(byRow);
  figures.push({ label: 'from a link ÷ from its row: time to the panel', value: Math.round(ratio * 100) / 100, unit: '×', detail: 'the link also shows and selects the row' });
  await vscode.workspace.getConfiguration('extensions').update('confirmedUriHandlerExtensionIds', undefined, vscode.ConfigurationTarget.Global);
}

/** One open of a panel: how long until its page showed the space, and the requests it sent. */
interface Run {
  readonly ms: number;
  readonly requests: number;
}

function medianMs(runs: readonly Run[]): number {
  const sorted = runs.map((run) => run.ms).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function mostRequests(runs: readonly Run[]): number {
  return Math.max(...runs.map((run) => run.requests));
}

/**
 * Waits for `ok`, looking every 2 ms: this is what is timed, and `eventually`'s 50 ms step would be the
 * figure's resolution.
 */
async function until(ok: () => boolean, what: string): Promise<void> {
  const deadline = performance.now() + 30_000;
  while (!ok()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/**
 * 20 accounts of 500 spaces (the four bulk users, five accounts each), 50 ms per request, each expanded and
 * its first page named (against the network's ideal for it): then each grouping and sort in turn, timed from
 * the switch to the tree having answered everything VS Code asks to redraw it (the top rows, and the children
 * of every row drawn expanded), with the requests the switch sent; then Hide Account, with the requests it sent.
 */
async function arranging(sandbox: string, figures: HostFigure[]): Promise<void> {
  const { tree } = await api();
  const ids = Array.from({ length: 20 }, (_, i) => `arranged-${i + 1}`);
  await setAccounts(ids.map((id, i) => ({ ...bulkAccount(id, i % 4), label: `Bulk ${String(i + 1).padStart(2, '0')}` })));
  const accounts = await eventually(async () => (await tree.getChildren()) ?? [], (nodes) => nodes.length === ids.length, 'twenty accounts', 30_000);
  await control(sandbox, 'POST', 'faults', { path: '/', kind: 'latency', ms: 50 });
  try {
    const beforeLoading = await requestCount(sandbox);
    const started = Date.now();
    for (const account of accounts) tree.lastKnown.setExpanded(account.id, true);
    await Promise.all(accounts.map(async (account) => Promise.all(((await tree.getChildren(account)) ?? []).filter(isSpace).map((node) => node.load()))));
    await settled(sandbox);
    const loadedMs = Date.now() - started;
    const loaded = `${ids.length} accounts expanded, 4,000 rows named in ${(loadedMs / 1000).toFixed(1)} s`;
    // One client for every account, 6 requests at a time to the one origin; accounts of one user share answers.
    const requests = (await requestCount(sandbox)) - beforeLoading;
    const ideal = 50 * Math.max(1, Math.ceil(requests / 6));
    const ratio = Math.round((loadedMs / ideal) * 100) / 100;
    const against = `${loadedMs.toLocaleString('en')} ms, ideal ${ideal.toLocaleString('en')} ms: ${requests.toLocaleString('en')} requests, 6 at a time`;
    figures.push({ label: '20 accounts × 500 spaces at 50 ms: each listed and its first page named, ÷ the network ideal', value: ratio, unit: '×', detail: against, target: 1.2 });
    // The tree as the user sees it before switching: VS Code drew every row as its name came.
    await redrawn();
    const switches: [string, string][] = [
      ['groupByVendor', 'Group By Vendor'],
      ['groupByStatus', 'Group By Status'],
      ['groupByAccount', 'Group By Account'],
      ['sortByName', 'Sort By Name'],
      ['sortByStatus', 'Sort By Status'],
      ['sortByChanged', 'Sort By Recently Changed'],
      ['sortByConfigured', 'Sort By Configured Order'],
    ];
    let slowest = { label: '', ms: 0, rows: 0 };
    let sent = 0;
    const each: string[] = [];
    for (const [command, label] of switches) {
      const before = await requestCount(sandbox);
      const start = performance.now();
      // The switch announces the whole tree changed: VS Code then asks for it anew, as `redrawn` does.
      const announced = new Promise<void>((resolve) => {
        const listener = tree.onDidChangeTreeData(() => (listener.dispose(), resolve()));
      });
      void vscode.commands.executeCommand(`spaces.${command}`);
      await announced;
      const rows = await redrawn();
      const ms = performance.now() - start;
      await settled(sandbox);
      sent += (await requestCount(sandbox)) - before;
      if (ms > slowest.ms) slowest = { label, ms, rows };
      each.push(`${label} ${Math.round(ms)}`);
    }
    const detail = `slowest: ${slowest.label}, ${slowest.rows.toLocaleString('en')} rows; ms each: ${each.join(', ')}; ${loaded}`;
    figures.push({ label: '20 accounts × 500 spaces at 50 ms: switching grouping or sort, the redraw answered', value: round(slowest.ms), unit: 'ms', detail, target: 100 });
    figures.push({ label: 'requests sent by the seven switches', value: sent, unit: 'requests', target: 0, exactly: true });

    const beforeHiding = await requestCount(sandbox);
    await vscode.commands.executeCommand('spaces.hideAccount', { accountId: ids[0] });
    await redrawn();
    await settled(sandbox);
    figures.push({ label: 'Hide Account: requests sent', value: (await requestCount(sandbox)) - beforeHiding, unit: 'requests', target: 0, exactly: true });
  } finally {
    await tree.hidden.showOnly(ids, ids);
    await control(sandbox, 'DELETE', 'faults');
    await vscode.workspace.getConfiguration('spaces').update('groupBy', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('spaces').update('sortBy', undefined, vscode.ConfigurationTarget.Global);
    await setAccounts([]);
  }
}

/** The rows on screen at first, whose names the first screen waits for. */
const FIRST_SCREEN = 20;

/**
 * The rows on screen first (issue 21), at 50 ms per request and no cache: from expanding a Onedata account of
 * 500 spaces to its first 20 rows drawn with their names, against the same for an account of one space (the
 * sandbox's admin, by user name and password); median of 5 each, alternating. The network's own ratio is
 * (listing + ⌈20 ÷ 6⌉ rounds) ÷ (listing + 1 round) = 2.5.
 */
async function firstScreen(sandbox: string, figures: HostFigure[]): Promise<void> {
  const spaces = () => vscode.workspace.getConfiguration('spaces');
  await spaces().update('cacheTtlSeconds', 0, vscode.ConfigurationTarget.Global);
  await control(sandbox, 'POST', 'faults', { path: '/', kind: 'latency', ms: 50 });
  const single = { id: 'first-one', vendor: 'onedata', baseUrl: sandbox, authMode: 'basic', credentialsFromEnv: { username: 'SPACES_BENCH_ONEDATA_USER', password: 'SPACES_BENCH_ONEDATA_PASSWORD' } };
  try {
    const one: Named[] = [];
    const many: Named[] = [];
    for (let run = 0; run < 5; run++) {
      one.push(await namesDrawn(sandbox, single, 1));
      many.push(await namesDrawn(sandbox, bulkAccount(`first-many-${run}`, 1), FIRST_SCREEN));
    }
    const [oneMs, manyMs] = [medianOf(one.map((n) => n.ms)), medianOf(many.map((n) => n.ms))];
    const answered = many.map((n) => n.answered).join(', ');
    const detail = `${round(manyMs)} ms against ${round(oneMs)} ms; requests answered before the ${FIRST_SCREEN}th name: ${answered} (ideal ${1 + 6 * Math.ceil(FIRST_SCREEN / 6)})`;
    figures.push({ label: `the first ${FIRST_SCREEN} names of a 500-space account ÷ the one of a 1-space account, 50 ms a request`, value: Math.round((manyMs / oneMs) * 100) / 100, unit: '×', detail, target: 2.5 });
  } finally {
    await control(sandbox, 'DELETE', 'faults');
    await spaces().update('cacheTtlSeconds', undefined, vscode.ConfigurationTarget.Global);
    await setAccounts([]);
  }
}

/** How long until the names were drawn, and how many requests had been answered by then. */
interface Named {
  readonly ms: number;
  readonly answered: number;
}

/**
 * `account` alone in the tree, expanded as VS Code expands it: its rows asked for, then asked again (or only
 * their items, for rows named in the change) at each change the tree announces, until its first `count` rows
 * are drawn with a name rather than their id.
 */
async function namesDrawn(sandbox: string, account: object, count: number): Promise<Named> {
  const { tree } = await api();
  await setAccounts([account]);
  const [node] = await eventually(async () => (await tree.getChildren()) ?? [], (nodes) => nodes.length === 1, 'the account', 30_000);
  // A quiet tree to start from: the redraws of the run before have all been drawn.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const answeredBefore = await answeredCount(sandbox);
  let rows: TreeNode[] = [];
  const drawn = new Map<TreeNode, unknown>();
  const draw = (nodes: readonly TreeNode[]) => nodes.forEach((row) => drawn.set(row, tree.getTreeItem(row).label));
  const named = () => rows.length >= count && rows.slice(0, count).every((row) => isSpace(row) && drawn.get(row) !== row.spaceId);
  const redraw = async (nodes: readonly TreeNode[] | undefined) => {
    if (!nodes || nodes.includes(node!)) rows = (await tree.getChildren(node)) ?? [];
    draw(nodes && !nodes.includes(node!) ? nodes : rows);
  };
  let done: () => void = () => {};
  const finished = new Promise<void>((resolve) => (done = resolve));
  let chain = Promise.resolve();
  const started = performance.now();
  let ms = 0;
  const listener = asVsCodeHears(tree.onDidChangeTreeData, (changed) => {
    chain = chain.then(async () => {
      if (ms) return;
      await redraw(changed);
      if (!named()) return;
      ms = performance.now() - started;
      done();
    });
  });
  try {
    await redraw(undefined);
    if (named()) ms = performance.now() - started;
    else await finished;
    const answered = (await answeredCount(sandbox)) - answeredBefore;
    await settled(sandbox);
    return { ms, answered };
  } finally {
    listener.dispose();
  }
}

/** VS Code's own wait for a tree's changes (its extension host's tree view): 200 ms, begun anew by each change. */
const VS_CODE_TREE_DEBOUNCE_MS = 200;

/**
 * The tree's changes as VS Code's extension host hands them on to be drawn: the first at once, the ones after
 * it merged and held until 200 ms have passed without one (as `Event.debounce(…, 200, leading)` does there).
 */
function asVsCodeHears(event: vscode.Event<TreeNode | TreeNode[] | undefined | null | void>, listener: (changed: TreeNode[] | undefined) => void): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let merged: TreeNode[] | undefined = [];
  let count = 0;
  const merge = (changed: TreeNode | TreeNode[] | undefined | null | void) => {
    if (merged === undefined || changed === undefined || changed === null) merged = undefined;
    else merged.push(...(Array.isArray(changed) ? changed : [changed]));
  };
  const subscription = event((changed) => {
    count++;
    merge(changed);
    if (timer === undefined) {
      listener(merged);
      merged = [];
    }
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (count > 1) listener(merged);
      [merged, count, timer] = [[], 0, undefined];
    }, VS_CODE_TREE_DEBOUNCE_MS);
  });
  return {
    dispose: () => {
      clearTimeout(timer);
      subscription.dispose();
    },
  };
}

async function answeredCount(sandbox: string): Promise<number> {
  const { requests, inFlight } = (await control(sandbox, 'GET', 'stats')) as { requests: number; inFlight: number };
  return requests - inFlight;
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Everything VS Code asks for to draw the tree anew: the top rows and, under every row drawn expanded, its rows. */
async function redrawn(parent?: TreeNode): Promise<number> {
  const { tree } = await api();
  const nodes = (await tree.getChildren(parent)) ?? [];
  let count = nodes.length;
  for (const node of nodes) if (tree.getTreeItem(node).collapsibleState === vscode.TreeItemCollapsibleState.Expanded) count += await redrawn(node);
  return count;
}

async function control(sandbox: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${sandbox}/__sandbox/${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return response.json();
}

async function requestCount(sandbox: string): Promise<number> {
  return ((await control(sandbox, 'GET', 'stats')) as { requests: number }).requests;
}

/** Waits until the sandbox has nothing in flight. */
async function settled(sandbox: string): Promise<void> {
  await eventually(async () => ((await control(sandbox, 'GET', 'stats')) as { inFlight: number }).inFlight, (n) => n === 0, 'no request in flight', 120_000);
}

/** A space's row (this bundle has its own copy of the classes, so `instanceof` cannot tell). */
function isSpace(node: TreeNode): node is SpaceNode {
  return 'spaceId' in node;
}

function isLoadMore(node: TreeNode | undefined): boolean {
  return node !== undefined && node.getTreeItem().contextValue === 'loadMore';
}

const round = (n: number) => Math.round(n * 10) / 10;
