import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { networkLimits, NETWORK_SETTINGS, type NetworkSetting } from '../../../src/core/limits';

const read = (values: Partial<Record<NetworkSetting, unknown>>) => networkLimits((setting) => values[setting]);
const DEFAULTS = { requestTimeoutSeconds: 30, cacheTtlSeconds: 300, maxConcurrentRequests: 6, maxResponseMegabytes: 10 };

describe('the network settings, read so that no value turns a limit off', () => {
  it('takes values within range as they are, and defaults for unset ones', () => {
    assert.deepEqual(read({}), { limits: DEFAULTS, problems: [] });
    const fine = { requestTimeoutSeconds: 1, cacheTtlSeconds: 0, maxConcurrentRequests: 32, maxResponseMegabytes: 100 };
    assert.deepEqual(read(fine), { limits: fine, problems: [] });
  });

  it('uses the default for a value that would turn a limit off or break every request, and names each', () => {
    const hostile = { requestTimeoutSeconds: 0, maxResponseMegabytes: 100_000, maxConcurrentRequests: 0, cacheTtlSeconds: -1 };
    const { limits, problems } = read(hostile);
    assert.deepEqual(limits, DEFAULTS);
    assert.equal(problems.length, 4);
    assert.match(problems[0]!, /^spaces\.requestTimeoutSeconds = 0 is not a number from 1 to 600: using 30$/);
  });

  it('refuses what is not a finite number: text, NaN, Infinity, null, objects, fractions of a count', () => {
    for (const value of ['abc', '30', Number.NaN, Number.POSITIVE_INFINITY, null, {}, [5], true]) {
      const { limits, problems } = read({ requestTimeoutSeconds: value });
      assert.equal(limits.requestTimeoutSeconds, 30, JSON.stringify(value));
      assert.equal(problems.length, 1, JSON.stringify(value));
    }
    assert.equal(read({ maxConcurrentRequests: 2.5 }).limits.maxConcurrentRequests, 6);
  });

  it('declares the same ranges and defaults as package.json, where a workspace cannot set them', async () => {
    const { readFile } = await import('node:fs/promises');
    // out/test/unit/core/limits.test.js → the repository's package.json
    type Declared = { minimum: number; maximum: number; default: number; scope: string };
    const manifest = JSON.parse(await readFile(new URL('../../../../package.json', `file://${__filename}`), 'utf8')) as { contributes: { configuration: { properties: Record<string, Declared> } } };
    for (const [setting, { min, max, fallback }] of Object.entries(NETWORK_SETTINGS)) {
      const declared = manifest.contributes.configuration.properties[`spaces.${setting}`];
      assert.deepEqual([declared?.minimum, declared?.maximum, declared?.default, declared?.scope], [min, max, fallback, 'machine'], setting);
    }
  });
});
