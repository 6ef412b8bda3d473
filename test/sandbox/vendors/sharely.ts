// Sharely.ai in the sandbox: `GET /v1/workspaces/{workspaceId}/spaces/{spaceId}` with either the seed's
// `x-api-key` or a Bearer access token plus `organizationid`, and the token exchange
// `POST /workspaces/{workspaceId}/generate-access-key-token` (no `/v1`). Tokens are HS256 JWTs signed
// with a key made per sandbox. Special workspaces set token lifetimes, so tests (and the host and e2e
// tiers, which run the sandbox in another process) can make tokens expire without a setter.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { HOSTILE, hostile, LONG_UNICODE_NAME } from '../hostile';
import type { Sandbox, SandboxRequest, SandboxResponse } from '../server';
import { bearerToken, statusAnswer } from './error-ids';
import seed from '../fixtures/sharely/seed-space.json';
import { SHARELY_TEAM, SHARELY_TEAM_SPACES } from '../team/sharely';

export const SHARELY_SANDBOX = {
  apiKey: 'sk-sharely-sandbox-key',
  organizationId: 'org-uuid-789',
  workspaces: {
    /** The seed's workspace: tokens live 24 hours and carry `exp`. */
    seed: 'workspace-uuid-456',
    /** Tokens live `tokenSeconds.shortLived` and say so in `exp`: the client renews them in time. */
    shortLived: 'ws-short-lived',
    /** Tokens carry no `exp` (the client assumes 24 h) but the server drops them after `tokenSeconds.serverExpiry`. */
    serverExpiry: 'ws-server-expiry',
    /** Tokens are issued but every request with one is rejected with 401. */
    rejecting: 'ws-rejecting',
  },
  tokenSeconds: { seed: 24 * 60 * 60, shortLived: 1, serverExpiry: 0.3 },
  spaces: {
    seed: 'space-uuid-123',
    minimal: 'space-minimal',
    extra: 'space-extra-fields',
    unicode: 'ünï côdé/§ ?#1',
    hostile: 'space-hostile',
    /** `name` is a number: a schema mismatch. */
    badShape: 'space-bad-shape',
    /** A 403 whose message echoes the credentials, as a careless server might. */
    echo: 'space-echo-credentials',
  },
} as const;

/** The seed's example response, verbatim. */
export const SHARELY_SEED_SPACE = seed;

/** The seed's 404 is `{"error":"Error","message":"Space not found"}`. */
const sharelyError = (status: number, message: string) => ({ error: status === 401 ? 'Unauthorized' : 'Error', message });

const fail = (status: number, message: string): SandboxResponse => ({ status, body: sharelyError(status, message) });

const { spaces } = SHARELY_SANDBOX;

const member = (id: string, name: string, email: string) => ({ id, name, email });

// A Map, so an id like `constructor` finds nothing.
const FIXTURES = new Map<string, unknown>(
  Object.entries({
    [spaces.seed]: SHARELY_SEED_SPACE,
    [spaces.minimal]: { id: spaces.minimal, name: 'Minimal space' },
    [spaces.extra]: {
      ...SHARELY_SEED_SPACE,
      id: spaces.extra,
      name: 'Space with extras',
      status: 'ARCHIVED',
      visibility: 'private',
      settings: { theme: 'dark', limits: [1, 2] },
      workspace: { ...SHARELY_SEED_SPACE.workspace, rbacStatus: 'ENABLED' },
      hosts: [{ host: { ...member('user-uuid-1', 'John Doe', 'john@example.com'), avatarUrl: 'https://cdn.example.com/a.png' }, role: 'OWNER' }],
      coHosts: [{ coHost: member('user-uuid-3', 'Co Host', 'co@example.com') }],
      // A guest without an id and one listed twice: rows still get unique ids.
      guests: [{ guest: { name: 'No Id', email: 'noid@example.com' } }, { guest: member('user-uuid-2', 'Jane Smith', 'jane@example.com') }, { guest: member('user-uuid-2', 'Jane Smith', 'jane@example.com') }],
      spaceGroupConversation: [{ ...SHARELY_SEED_SPACE.spaceGroupConversation[0], pinned: true, conversations: [{ id: 'c1' }, { id: 'c2' }, { id: 'c3' }] }],
    },
    [spaces.unicode]: {
      id: spaces.unicode,
      name: LONG_UNICODE_NAME,
      description: 'Überblick: 数据 → データ ✓ 🚀',
      status: 'ACTIVE',
      hosts: [{ host: member('ü-1', 'Zoë Ångström 数据', 'zoe@exämple.com') }],
    },
    [spaces.hostile]: {
      id: spaces.hostile,
      name: HOSTILE.html,
      description: HOSTILE.markdown,
      status: HOSTILE.script,
      createdAt: '2025-01-15T10:30:00Z',
      workspace: { id: hostile(3), name: hostile(4), organizationName: hostile(5), organizationId: hostile(6) },
      hosts: [{ host: member(hostile(0), hostile(1), hostile(2)) }],
      coHosts: [{ coHost: member(hostile(3), hostile(4), hostile(5)) }],
      guests: [{ guest: member(hostile(6), hostile(7), hostile(8)) }],
      spaceGroupConversation: [{ id: HOSTILE.attribute, name: HOSTILE.link, type: HOSTILE.template, lastMessageAt: '2025-01-16T14:20:00Z', conversations: [] }],
    },
    [spaces.badShape]: { id: spaces.badShape, name: 42 },
  }),
);

interface Claims {
  readonly wid: string;
  readonly iat: number;
  readonly exp?: number;
  /** When the sandbox stops accepting the token (the serverExpiry workspace hides it from `exp`). */
  readonly until: number;
}

export function registerSharely(sandbox: Sandbox): void {
  const signingKey = randomBytes(32);
  const sign = (data: string) => createHmac('sha256', signingKey).update(data).digest('base64url');
  const workspaceIds = Object.values(SHARELY_SANDBOX.workspaces) as string[];

  function issue(wid: string): string {
    const iat = Date.now() / 1000;
    const { tokenSeconds, workspaces } = SHARELY_SANDBOX;
    const seconds = wid === workspaces.shortLived ? tokenSeconds.shortLived : wid === workspaces.serverExpiry ? tokenSeconds.serverExpiry : tokenSeconds.seed;
    const claims: Claims = { wid, iat, until: iat + seconds, ...(wid === workspaces.serverExpiry ? {} : { exp: iat + seconds }) };
    const head = `${Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return `${head}.${sign(head)}`;
  }

  function verify(token: string): Claims | undefined {
    const [header, payload, signature] = token.split('.');
    if (!header || !payload || !signature) return undefined;
    const expected = Buffer.from(sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Claims;
  }

  /** The x-api-key header, or a valid unexpired Bearer token for this workspace plus the organizationid header. */
  function authorize(req: SandboxRequest, wid: string): SandboxResponse | undefined {
    const key = req.headers['x-api-key'];
    if (key !== undefined) return key === SHARELY_SANDBOX.apiKey ? undefined : fail(401, 'Invalid API key');
    const token = bearerToken(req.headers.authorization);
    if (token === undefined) return fail(401, 'Missing x-api-key header');
    const claims = verify(token);
    if (!claims || claims.wid !== wid) return fail(401, 'Invalid access token');
    if (Date.now() / 1000 >= claims.until) return fail(401, 'Access token expired');
    if (wid === SHARELY_SANDBOX.workspaces.rejecting) return fail(401, 'Access token revoked');
    if (req.headers.organizationid !== SHARELY_SANDBOX.organizationId) return fail(401, 'Missing or wrong organizationid header');
    return undefined;
  }

  sandbox.errorShape('/workspaces/', sharelyError);
  // Openlayer owns `/v1/workspaces/`: the longer prefixes claim Sharely's own workspaces.
  for (const wid of [...workspaceIds, SHARELY_TEAM.workspaceId]) sandbox.errorShape(`/v1/workspaces/${wid}/`, sharelyError);

  sandbox.route('POST', '/workspaces/:workspaceId/generate-access-key-token', (req) => {
    const wid = req.params.workspaceId ?? '';
    if (req.headers['x-api-key'] !== SHARELY_SANDBOX.apiKey) return fail(401, 'Invalid API key');
    if (!workspaceIds.includes(wid)) return fail(404, 'Workspace not found');
    try {
      JSON.parse(req.body);
    } catch {
      return fail(400, 'Body must be JSON');
    }
    return { status: 200, body: { token: issue(wid) } };
  });

  sandbox.route('GET', '/v1/workspaces/:workspaceId/spaces/:spaceId', (req) => {
    const wid = req.params.workspaceId ?? '';
    const id = req.params.spaceId ?? '';
    // The demo team's key (the seed's x-api-key way in) reads the team's workspace only.
    if (req.headers['x-api-key'] === SHARELY_TEAM.apiKey) {
      if (wid !== SHARELY_TEAM.workspaceId) return fail(404, 'Workspace not found');
      const space = SHARELY_TEAM_SPACES.get(id);
      return space ? { status: 200, body: space } : fail(404, 'Space not found');
    }
    const denied = authorize(req, wid);
    if (denied) return denied;
    if (!workspaceIds.includes(wid)) return fail(404, 'Workspace not found');
    const error = statusAnswer(id, sharelyError);
    if (error) return error;
    if (id === spaces.echo) {
      const token = bearerToken(req.headers.authorization);
      return fail(403, token === undefined ? `API key ${String(req.headers['x-api-key'])} has no access to this space` : `Token ${token} has no access to this space`);
    }
    const space = FIXTURES.get(id);
    return space ? { status: 200, body: space } : fail(404, 'Space not found');
  });
}
