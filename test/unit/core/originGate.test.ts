import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { OriginGate } from '../../../src/core/originGate';

/** A piece of work that ends when the test says so, and says whether (`began`: once) it started. */
function heldWork() {
  let finish: () => void = () => {};
  let start: () => void = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  const began = new Promise<void>((resolve) => (start = resolve));
  const work = { started: false, began, finish, run: async () => ((work.started = true), start(), await done) };
  return work;
}

describe('OriginGate', () => {
  it('runs at most `limit` at a time per origin, the others in the order they came', async () => {
    const gate = new OriginGate(2);
    const works = Array.from({ length: 4 }, heldWork);
    const order: number[] = [];
    const runs = works.map((work, i) => gate.run('https://a.example', undefined, async () => (order.push(i), await work.run())));
    const other = heldWork();
    const elsewhere = gate.run('https://b.example', undefined, other.run);
    await Promise.all([works[0]!.began, works[1]!.began, other.began]);
    assert.deepEqual(works.map((w) => w.started), [true, true, false, false], 'two places, and another origin has its own');
    works[1]!.finish();
    await works[2]!.began;
    assert.deepEqual(works.map((w) => w.started), [true, true, true, false]);
    works[0]!.finish();
    works[2]!.finish();
    works[3]!.finish();
    other.finish();
    await Promise.all([...runs, elsewhere]);
    assert.deepEqual(order, [0, 1, 2, 3]);
  });

  it('lets a request cancelled while it waits leave at once, with its reason, never running it', async () => {
    const gate = new OriginGate(1);
    const first = heldWork();
    const cancelled = heldWork();
    const last = heldWork();
    const running = gate.run('https://a.example', undefined, first.run);
    const controller = new AbortController();
    const leaving = gate.run('https://a.example', controller.signal, cancelled.run);
    const waiting = gate.run('https://a.example', undefined, last.run);
    controller.abort(new Error('the user went elsewhere'));
    await assert.rejects(leaving, /the user went elsewhere/);
    first.finish();
    await running;
    last.finish();
    await waiting;
    assert.equal(cancelled.started, false);
    assert.equal(last.started, true, 'its place went to the next one');
  });

  it('refuses a request whose signal has already ended', async () => {
    const gate = new OriginGate(1);
    const work = heldWork();
    await assert.rejects(gate.run('https://a.example', AbortSignal.abort(new Error('too late')), work.run), /too late/);
    assert.equal(work.started, false);
  });
});
