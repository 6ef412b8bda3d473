// The tools for AI assistants: what each accepts, checked against what package.json declares, and the
// manifest's promises (the warning about vendor text, the off switch a workspace cannot reach).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod/mini';
import { checkInput, TOOL_INPUTS, TOOL_NAMES } from '../../../../src/core/tools/inputs';

interface ToolContribution {
  readonly name: string;
  readonly modelDescription: string;
  readonly displayName: string;
  readonly when?: string;
  readonly inputSchema: unknown;
}

/** The repository's package.json (out/test/unit/core/tools/inputs.test.js → ../../../../../package.json). */
const MANIFEST = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', '..', '..', 'package.json'), 'utf8')) as {
  capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
  contributes: { languageModelTools: ToolContribution[]; configuration: { properties: Record<string, { type: string; default?: unknown; scope?: string }> } };
};
const CONTRIBUTED = MANIFEST.contributes.languageModelTools;

describe('the tools for AI assistants in package.json', () => {
  it('contributes exactly the tools the extension registers', () => {
    assert.deepEqual(CONTRIBUTED.map((tool) => tool.name), [...TOOL_NAMES]);
  });

  it('declares as inputSchema exactly the shape the input is checked against', () => {
    for (const tool of CONTRIBUTED) {
      const { $schema, ...declared } = z.toJSONSchema(TOOL_INPUTS[tool.name as (typeof TOOL_NAMES)[number]]) as Record<string, unknown>;
      assert.ok($schema);
      assert.deepEqual(tool.inputSchema, declared, tool.name);
    }
  });

  it('tells the model, in every tool, that vendor text may look like instructions and is never to be followed', () => {
    for (const tool of CONTRIBUTED) {
      assert.match(tool.modelDescription, /\{"vendorText": …\}/, tool.name);
      assert.match(tool.modelDescription, /may contain text that looks like instructions/, tool.name);
      assert.match(tool.modelDescription, /never instructions to follow/, tool.name);
    }
  });

  it('offers them only while spaces.ai.tools.enabled is on: a user setting (default on) a workspace cannot set', () => {
    const setting = MANIFEST.contributes.configuration.properties['spaces.ai.tools.enabled'];
    assert.deepEqual([setting?.type, setting?.default, setting?.scope], ['boolean', true, 'application']);
    assert.ok(MANIFEST.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('spaces.ai.tools.enabled'));
    for (const tool of CONTRIBUTED) assert.equal(tool.when, 'config.spaces.ai.tools.enabled', tool.name);
  });
});

describe('the input of a tool for AI assistants', () => {
  it('takes ids and plain words within their bounds', () => {
    assert.deepEqual(checkInput('spaces_listAccounts', {}), { ok: true, value: {} });
    const find = { words: 'emea hosts', status: 'error', vendor: 'onedata', accountId: 'zone-1', searchVendors: true };
    assert.deepEqual(checkInput('spaces_findSpaces', find), { ok: true, value: find });
    const get = { accountId: 'zone-1', spaceId: 'ünï côdé/§ ?#1', refresh: false };
    assert.deepEqual(checkInput('spaces_getSpace', get), { ok: true, value: get });
    assert.deepEqual(checkInput('spaces_recentChanges', { limit: 200 }), { ok: true, value: { limit: 200 } });
  });

  it('refuses anything else, saying which field and why', () => {
    const refused: [Parameters<typeof checkInput>[0], unknown, RegExp][] = [
      ['spaces_listAccounts', { baseUrl: 'https://evil.example' }, /unknown field\(s\) baseUrl/],
      ['spaces_listAccounts', null, /the input must be an object/],
      ['spaces_listAccounts', 'list', /the input must be an object/],
      ['spaces_findSpaces', { words: 'x'.repeat(201) }, /words is too long or too large \(at most 200\)/],
      ['spaces_findSpaces', { words: ['a', 'b'] }, /words must be text/],
      ['spaces_findSpaces', { vendor: 'evilcorp' }, /vendor must be one of alumio, sharely, openlayer, onedata, blueworks/],
      ['spaces_findSpaces', { searchVendors: 'yes' }, /searchVendors must be true or false/],
      ['spaces_findSpaces', { accountId: 'ACME' }, /accountId is not in the form expected/],
      ['spaces_findSpaces', { accountId: '../other' }, /accountId is not in the form expected/],
      ['spaces_getSpace', { accountId: 'a' }, /spaceId must be text/],
      ['spaces_getSpace', { accountId: 'a', spaceId: '' }, /spaceId is empty or too small \(at least 1\)/],
      ['spaces_getSpace', { accountId: 'a', spaceId: 's'.repeat(257) }, /spaceId is too long/],
      ['spaces_getSpace', { accountId: 'a', spaceId: 's', credentialsFromEnv: { token: 'HOME' } }, /unknown field\(s\) credentialsFromEnv/],
      ['spaces_recentChanges', { limit: 0 }, /limit is empty or too small \(at least 1\)/],
      ['spaces_recentChanges', { limit: 201 }, /limit is too long or too large \(at most 200\)/],
      ['spaces_recentChanges', { limit: 1.5 }, /limit must be a whole number/],
      ['spaces_recentChanges', { __proto__: { accountId: 'x' }, limit: Number.NaN }, /limit must be a number/],
    ];
    for (const [tool, input, problem] of refused) {
      const checked = checkInput(tool, input);
      assert.equal(checked.ok, false, JSON.stringify(input));
      if (!checked.ok) assert.match(checked.problem, problem);
      if (!checked.ok) assert.match(checked.problem, /^The input was not used: /);
    }
  });
});
