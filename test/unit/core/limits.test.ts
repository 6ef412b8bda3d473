import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { autoRefreshMinutes, networkLimits, NETWORK_SETTINGS, type NetworkSetting } from '../../../src/core/limits';

/** The repository's package.json (out/test/unit/core/limits.test.js → ../../../../package.json). */
const MANIFEST = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as {
  capabilities: { untrustedWorkspaces: { restrictedConfigurations?: string[] } };
  contributes: { configuration: { properties: Record<string, { type: string; minimum?: number; maximum?: number; default?: unknown; scope?: string }> } };
};
const SETTINGS = MANIFEST.contributes.configuration.properties;

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

  it('declares the same ranges and defaults as package.json, where a workspace cannot set them', () => {
    for (const [setting, { min, max, fallback }] of Object.entries(NETWORK_SETTINGS)) {
      const declared = SETTINGS[`spaces.${setting}`];
      assert.deepEqual([declared?.minimum, declared?.maximum, declared?.default, declared?.scope], [min, max, fallback, 'machine'], setting);
    }
  });
});

describe('auto-refresh, read so that no value refreshes without pause', () => {
  it('takes 0 (off) and whole or fractional minutes from 1 to 1,440', () => {
    for (const minutes of [0, 1, 2.5, 60, 1440]) assert.deepEqual(autoRefreshMinutes(minutes), { minutes, problem: undefined }, String(minutes));
    assert.deepEqual(autoRefreshMinutes(undefined), { minutes: 0, problem: undefined });
  });

  it('turns it off for anything else, and names the value', () => {
    for (const value of [0.0001, 0.5, -1, 1441, Number.NaN, Number.POSITIVE_INFINITY, '5', null, {}, true]) {
      const { minutes, problem } = autoRefreshMinutes(value);
      assert.equal(minutes, 0, JSON.stringify(value));
      assert.match(problem ?? '', /^spaces\.autoRefreshMinutes = .+ is not 0 \(off\) or a number of minutes from 1 to 1440: auto-refresh is off$/, JSON.stringify(value));
    }
  });
});

describe('who may set each setting (package.json)', () => {
  const names = Object.keys(SETTINGS).filter((name) => name.startsWith('spaces.'));
  const restricted = new Set(MANIFEST.capabilities.untrustedWorkspaces.restrictedConfigurations ?? []);

  it('gives every setting a scope a workspace cannot set (application or machine)', () => {
    assert.ok(names.length >= 9, names.join());
    const open = names.filter((name) => !['application', 'machine'].includes(SETTINGS[name]!.scope ?? ''));
    assert.deepEqual(open, [], 'settings a workspace could set');
  });

  it('gives every number a floor and a ceiling', () => {
    const numbers = names.filter((name) => ['number', 'integer'].includes(SETTINGS[name]!.type));
    assert.ok(numbers.includes('spaces.autoRefreshMinutes'));
    const unbounded = numbers.filter((name) => typeof SETTINGS[name]!.minimum !== 'number' || typeof SETTINGS[name]!.maximum !== 'number');
    assert.deepEqual(unbounded, []);
  });

  it('names every setting in restrictedConfigurations, so Restricted Mode ignores a workspace value too', () => {
    assert.deepEqual(names.filter((name) => !restricted.has(name)), []);
  });
});
