import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { LatestLoad, type Outcome } from '../../../src/util/latestLoad';

/** A fetch whose answers the test hands out one by one, in any order. */
function heldFetch() {
  const calls: { refresh: boolean; signal: AbortSignal; answer(value: string): void; fail(error: Error): void }[] = [];
  const fetch = (signal: AbortSignal, refresh: boolean) =>
    new Promise<string>((resolve, reject) => calls.push({ refresh, signal, answer: resolve, fail: reject }));
  return { calls, fetch };
}

describe('LatestLoad', () => {
  it('loads once and hands the same outcome to every caller until told otherwise', async () => {
    const { calls, fetch } = heldFetch();
    const settled: Outcome<string>[] = [];
    const loads = new LatestLoad(fetch, (outcome) => settled.push(outcome));
    const first = loads.current();
    assert.equal(loads.current(), first);
    assert.equal(loads.busy, true);
    calls[0]!.answer('a');
    assert.deepEqual(await first, { ok: true, value: 'a' });
    assert.equal(loads.busy, false);
    assert.deepEqual(await loads.current(), { ok: true, value: 'a' });
    assert.equal(calls.length, 1);
    assert.deepEqual(settled, [{ ok: true, value: 'a' }]);
  });

  it('lets the latest load win: a superseded answer arriving late is dropped and its signal aborted', async () => {
    const { calls, fetch } = heldFetch();
    const settled: Outcome<string>[] = [];
    const loads = new LatestLoad(fetch, (outcome) => settled.push(outcome));
    const old = loads.current();
    const fresh = loads.start(true);
    assert.equal(calls[0]!.signal.aborted, true);
    assert.equal(calls[1]!.refresh, true);
    calls[1]!.answer('new');
    calls[0]!.answer('old');
    assert.equal(await old, undefined);
    assert.deepEqual(await fresh, { ok: true, value: 'new' });
    assert.deepEqual(settled, [{ ok: true, value: 'new' }]);
  });

  it('reports a failure as an outcome, and a thrown fetch too', async () => {
    const loads = new LatestLoad<string>(() => {
      throw new Error('no account');
    });
    const outcome = await loads.current();
    assert.equal(outcome?.ok, false);
    assert.match(String(!outcome?.ok && outcome?.error), /no account/);
  });

  it('settled() follows a load that replaces the one it waited on', async () => {
    const { calls, fetch } = heldFetch();
    const loads = new LatestLoad(fetch);
    const waiting = loads.settled();
    void loads.start(true);
    calls[1]!.answer('second');
    assert.deepEqual(await waiting, { ok: true, value: 'second' });
  });

  it('cancel() aborts an unfinished load but keeps a settled one; markStale() has the next load fetch anew', async () => {
    const { calls, fetch } = heldFetch();
    const loads = new LatestLoad(fetch);
    const unfinished = loads.current();
    loads.cancel();
    assert.equal(calls[0]!.signal.aborted, true);
    calls[0]!.answer('late');
    assert.equal(await unfinished, undefined);

    const next = loads.current();
    calls[1]!.answer('b');
    await next;
    loads.cancel();
    assert.equal(loads.current(), next, 'a settled load survives cancel()');

    loads.markStale();
    assert.equal(loads.stale, true);
    void loads.current();
    assert.equal(calls[2]!.refresh, true);
    assert.equal(loads.stale, false);
  });

  it('forget() drops a settled failure so the next caller tries again (not as a refresh)', async () => {
    const { calls, fetch } = heldFetch();
    const loads = new LatestLoad(fetch);
    const failed = loads.current();
    calls[0]!.fail(new Error('down'));
    await failed;
    loads.forget();
    void loads.current();
    assert.equal(calls.length, 2);
    assert.equal(calls[1]!.refresh, false);
  });
});
