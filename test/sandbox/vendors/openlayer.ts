// Openlayer in the sandbox: `GET /v1/workspaces/{workspaceId}` with `Authorization: Bearer <API key>`,
// answering the seed's `Workspace` or `{code, error}`. The account's base URL is the sandbox URL + `/v1`.
import { HOSTILE, LONG_UNICODE_NAME } from '../hostile';
import type { Sandbox, SandboxResponse } from '../server';
import { bearerToken, statusAnswer } from './error-ids';
import seed from '../fixtures/openlayer/seed-workspace.json';
import { OPENLAYER_TEAM, OPENLAYER_TEAM_WORKSPACE } from '../team/openlayer';

export const OPENLAYER_SANDBOX = {
  apiKey: 'sk-ol-sandbox-key',
  workspaces: {
    /** The id of the seed's code samples. */
    seed: '182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e',
    minimal: 'ws-minimal',
    extra: 'ws-extra-fields',
    unicode: 'ünï côdé/§ ?#1',
    hostile: 'ws-hostile',
    /** `name` is a number: a schema mismatch. */
    badShape: 'ws-bad-shape',
  },
  /** `state-<status>`: the seed workspace in that billing status (`state-past_due`, …). */
  statePrefix: 'state-',
  statuses: ['active', 'past_due', 'unpaid', 'canceled', 'incomplete', 'incomplete_expired', 'trialing', 'paused'],
} as const;

/**
 * The seed documents only the schema (with `example`s for name and slug), no example response: this one
 * follows it field by field. `inviteCode` is write-only, so it is never in an answer.
 */
export const OPENLAYER_SEED_WORKSPACE = seed;

const openlayerError = (status: number, message: string) => ({ code: status, error: message });

const ok = (body: unknown): SandboxResponse => ({ status: 200, body });

const { workspaces } = OPENLAYER_SANDBOX;

// A Map, so an id like `constructor` finds nothing.
const FIXTURES = new Map<string, unknown>(
  Object.entries({
    [workspaces.seed]: OPENLAYER_SEED_WORKSPACE,
    // Nullable fields null, optional ones absent.
    [workspaces.minimal]: { id: workspaces.minimal, name: 'Minimal workspace', creatorId: null, periodStartDate: null, periodEndDate: null },
    [workspaces.extra]: {
      ...OPENLAYER_SEED_WORKSPACE,
      id: workspaces.extra,
      name: 'Workspace with extras',
      status: 'trialing',
      samlOnlyAccess: true,
      plan: { tier: 'enterprise', seats: 50 },
      featureFlags: ['a', 'b'],
      monthlyUsage: [{ monthYear: '2024-06-01', predictionCount: 7, executionTimeMs: 12, region: 'us' }],
    },
    [workspaces.unicode]: { ...OPENLAYER_SEED_WORKSPACE, id: workspaces.unicode, name: LONG_UNICODE_NAME, slug: 'unicode', wildcardDomains: ['exämple.com', '例え.jp'] },
    [workspaces.hostile]: {
      ...OPENLAYER_SEED_WORKSPACE,
      id: workspaces.hostile,
      name: HOSTILE.html,
      slug: HOSTILE.attribute,
      creatorId: HOSTILE.script,
      wildcardDomains: [HOSTILE.link, HOSTILE.bidi],
      status: HOSTILE.template,
      monthlyUsage: [{ monthYear: HOSTILE.markdown, predictionCount: 1, executionTimeMs: 1 }],
    },
    [workspaces.badShape]: { ...OPENLAYER_SEED_WORKSPACE, id: workspaces.badShape, name: 42 },
  }),
);

export function registerOpenlayer(sandbox: Sandbox): void {
  sandbox.errorShape('/v1/workspaces/', openlayerError);
  sandbox.route('GET', '/v1/workspaces/:workspaceId', (req) => {
    const id = req.params.workspaceId ?? '';
    const key = bearerToken(req.headers.authorization);
    // One key, one workspace (as Openlayer's keys are): the demo team's key reads the team's workspace only.
    if (key === OPENLAYER_TEAM.apiKey) return id === OPENLAYER_TEAM.workspaceId ? ok(OPENLAYER_TEAM_WORKSPACE) : { status: 404, body: openlayerError(404, 'Workspace not found.') };
    if (key !== OPENLAYER_SANDBOX.apiKey) return { status: 401, body: openlayerError(401, 'Invalid API key.') };
    const error = statusAnswer(id, openlayerError);
    if (error) return error;
    if (id.startsWith(OPENLAYER_SANDBOX.statePrefix)) return ok({ ...OPENLAYER_SEED_WORKSPACE, id, status: id.slice(OPENLAYER_SANDBOX.statePrefix.length) });
    const workspace = FIXTURES.get(id);
    return workspace ? ok(workspace) : { status: 404, body: openlayerError(404, 'Workspace not found.') };
  });
}
