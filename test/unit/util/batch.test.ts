import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import * as assert from 'node:assert/strict';
import { Batch } from '../../../src/util/batch';

describe('Batch', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_000_000 }));
  afterEach(() => mock.timers.reset());

  it('hands the first item on at the next tick, and what follows it once per interval, each item once', () => {
    const sent: string[][] = [];
    const batch = new Batch<string>((items) => sent.push(items), 200);
    batch.add('a');
    assert.deepEqual(sent, [], 'not in the same tick');
    mock.timers.tick(0);
    assert.deepEqual(sent, [['a']]);
    // A burst: 100 answers over the next 300 ms.
    for (let i = 0; i < 100; i++) {
      batch.add(`r${i % 40}`);
      mock.timers.tick(3);
    }
    mock.timers.tick(200);
    const burst: string[][] = sent.slice(1);
    assert.equal(burst.length, 2, `${burst.length} flushes for a 300 ms burst at 200 ms intervals`);
    assert.equal(new Set(burst.flat()).size, 40, 'every row');
    assert.ok(burst.every((items) => new Set(items).size === items.length), 'each once a flush');
  });

  it('sends nothing once disposed', () => {
    const sent: number[][] = [];
    const batch = new Batch<number>((items) => sent.push(items), 200);
    batch.add(1);
    batch.dispose();
    mock.timers.tick(1000);
    assert.deepEqual(sent, []);
  });
});
