// The IBM Blueworks Live sandbox: OAuth 2 client credentials with short-lived tokens, `/bwl/spaces/{id}`
// with the seed's example verbatim, variants, hostile strings, a space with 5,000 artifacts and 200
// subspaces, and the find-by-name-or-tag search. Blueworks' error body is undocumented: the sandbox
// answers `{error, message}`, and OAuth's `{error, error_description}` at the token endpoint.
import { STATUS_CODES } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { Sandbox, SandboxRequest, SandboxResponse } from '../server';
import { HOSTILE, hostile, LONG_UNICODE_NAME, WORKBENCH_HOSTILE } from '../hostile';
import seedSpace from '../fixtures/blueworks/seed-space.json';
import { BLUEWORKS_TEAM, BLUEWORKS_TEAM_SPACES } from '../team/blueworks';

const LARGE_ARTIFACTS = 5000;
const LARGE_SUBSPACES = 200;

export const BLUEWORKS_SANDBOX = {
  /** A User Service ID: acts as its user, no X-On-Behalf-Of needed. */
  clientId: 'bwl-user-service-id',
  /** A Service ID: account level, answers 403 unless X-On-Behalf-Of names a user. */
  serviceClientId: 'bwl-service-id',
  /** A User Service ID whose tokens live `shortTokenLifetimeSeconds`. */
  shortLivedClientId: 'bwl-short-lived',
  clientSecret: 'bwl-client-secret-3c9f0e',
  onBehalfOf: 'edith',
  tokenLifetimeSeconds: 300,
  shortTokenLifetimeSeconds: 1,
  spaces: {
    /** The seed's example output, verbatim (as answered with include-subspaces=true). */
    seed: '1310cb',
    /** The seed's subspace, fetched on its own. */
    seedSubspace: '131934',
    /** Only id and name. */
    minimal: 'minimal-space',
    /** Unknown fields at every level. */
    extraFields: 'extra-fields-space',
    longName: 'long-name-space',
    /** A hostile string in every text field, ids of nested items included. */
    hostile: 'hostile-space',
    archived: 'archived-space',
    /** `goals` is a string, not a list: a schema mismatch. */
    badShape: 'bad-shape-space',
    /** 5,000 artifacts and 200 subspaces (`large-sub-001` … `large-sub-200`), generated deterministically. */
    large: 'large-space',
    /** 5,000 blueprints in one table: the longest list a panel has to stay responsive with. */
    wide: 'wide-space',
    /** A 403 whose message echoes the access token it was sent, as a careless server might. */
    echo: 'echo-credentials',
    /** Participant types that are also the names of an object's own properties: `constructor`, `__proto__`. */
    protoKeys: 'proto-keys-space',
    /** Named with text the workbench would turn into a link and an icon: found by that name. */
    workbench: 'workbench-text-space',
    /** Lists the same subspace twice. */
    duplicateSubspace: 'duplicate-subspace-space',
  },
  largeArtifacts: LARGE_ARTIFACTS,
  largeSubspaces: LARGE_SUBSPACES,
  /** The id of the large space's `n`th subspace (from 1): `large-sub-001` … `large-sub-200`. */
  largeSubspaceId: (n: number): string => `large-sub-${String(n).padStart(3, '0')}`,
  /** Test-only ids: `status-<code>` answers that status (429 with `Retry-After: 0`). */
  statusId: (status: 400 | 401 | 403 | 404 | 429 | 500): string => `status-${status}`,
} as const;

const S = BLUEWORKS_SANDBOX.spaces;

type Json = Record<string, unknown>;

/** The seed page's example output, verbatim. */
export const BLUEWORKS_SEED_EXAMPLE: Json = seedSpace;

const SEED = BLUEWORKS_SEED_EXAMPLE;

/** Blueworks-style dates: milliseconds and a `+0000` offset without a colon. */
function bwDate(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

const EDITH = { id: '50029', 'full-name': 'Edith Editor', 'email-address': 'edith@example.com' };
const ALL_PERMISSIONS = { 'blueprint-processes': true, 'automate-processes': true, 'compose-decisions': true, 'author-policies': true, 'manage-and-edit': true };

const ARTIFACT_KINDS = [
  ['blueprints', 'blueprint'],
  ['decisions', 'decision'],
  ['policies', 'policy'],
  ['process-apps', 'process-app'],
] as const;

function artifact(kind: string, id: string, name: string, at: number, parent: { id: string; name: string }, extra: Json = {}): Json {
  return {
    id,
    name,
    type: kind,
    tags: [`tag-${at % 7}`],
    'space-ids': [parent.id],
    'space-names': [parent.name],
    'archived-state': at % 11 === 0 ? 'archived' : 'active',
    'published-state': at % 2 === 0 ? 'published' : 'unpublished',
    'last-modified-date': bwDate(Date.UTC(2020, 0, 1) + at * 60_000),
    'last-modified-by-user': EDITH,
    'created-date': bwDate(Date.UTC(2019, 0, 1) + at * 60_000),
    'created-by-user': EDITH,
    ...(kind === 'decision' ? { 'published-date': bwDate(Date.UTC(2020, 5, 1) + at * 1000), 'published-snapshot-name': `v${at % 5}`, 'published-snapshot-date': bwDate(Date.UTC(2020, 5, 1)) } : {}),
    ...extra,
  };
}

const largeSubspaceId = BLUEWORKS_SANDBOX.largeSubspaceId;

function subspaceSummary(n: number): Json {
  return {
    name: `Subspace ${String(n).padStart(3, '0')}`,
    id: largeSubspaceId(n),
    tags: ['generated', `group-${n % 10}`],
    goals: [{ description: `Goal of subspace ${n}`, weight: ['high', 'medium', 'low'][n % 3] }],
    users: [{ participant: { type: 'all-editors' }, permissions: ALL_PERMISSIONS }],
    'space-ids': [S.large],
    'space-names': ['Large space'],
    'archived-state': 'active',
    'last-modified-date': bwDate(Date.UTC(2021, 0, 1) + n * 3_600_000),
    'last-modified-by-user': EDITH,
    'created-date': bwDate(Date.UTC(2020, 0, 1) + n * 3_600_000),
    'created-by-user': EDITH,
  };
}

/** A generated subspace opened on its own: its summary plus a few artifacts of its own. */
function largeSubspace(n: number): Json {
  const summary = subspaceSummary(n);
  const parent = { id: String(summary.id), name: String(summary.name) };
  return { ...summary, blueprints: [artifact('blueprint', `${parent.id}-bp-1`, `Blueprint of ${parent.name}`, n, parent)] };
}

let large: Json | undefined;

/** 5,000 artifacts spread over the four kinds, and 200 subspaces: built once, on first request. */
function largeSpace(): Json {
  if (large) return large;
  const parent = { id: S.large, name: 'Large space' };
  const space: Json = {
    name: parent.name,
    id: parent.id,
    tags: ['large', 'generated'],
    description: `A generated space with ${LARGE_ARTIFACTS} artifacts and ${LARGE_SUBSPACES} subspaces.`,
    goals: [{ description: 'Stay responsive', weight: 'high' }],
    users: [{ participant: { name: 'Edith Editor', id: '50023', type: 'user' }, permissions: ALL_PERMISSIONS }],
    subspaces: Array.from({ length: LARGE_SUBSPACES }, (_, i) => subspaceSummary(i + 1)),
    'archived-state': 'active',
    'last-modified-date': bwDate(Date.UTC(2024, 0, 1)),
  };
  ARTIFACT_KINDS.forEach(([key, kind], k) => {
    space[key] = Array.from({ length: LARGE_ARTIFACTS / ARTIFACT_KINDS.length }, (_, i) => {
      const at = k * 10_000 + i;
      return artifact(kind, `${kind}-${String(i + 1).padStart(4, '0')}`, `${kind} ${i + 1}`, at, parent);
    });
  });
  return (large = space);
}

let wide: Json | undefined;

function wideSpace(): Json {
  if (wide) return wide;
  const parent = { id: S.wide, name: 'Wide space' };
  return (wide = {
    name: parent.name,
    id: parent.id,
    tags: ['large', 'generated'],
    description: `A generated space with ${LARGE_ARTIFACTS} blueprints.`,
    'archived-state': 'active',
    'last-modified-date': bwDate(Date.UTC(2024, 0, 1)),
    blueprints: Array.from({ length: LARGE_ARTIFACTS }, (_, i) => artifact('blueprint', `wide-bp-${String(i + 1).padStart(4, '0')}`, `blueprint ${i + 1}`, i, parent)),
  });
}

const hostileParent = { id: S.hostile, name: HOSTILE.html };
const hostileUser = { id: HOSTILE.template, 'full-name': HOSTILE.script, 'email-address': HOSTILE.attribute };

const FIXTURES: Readonly<Record<string, Json>> = {
  [S.seed]: SEED,
  [S.seedSubspace]: (SEED.subspaces as Json[])[0]!,
  [S.minimal]: { id: S.minimal, name: 'Minimal space' },
  [S.extraFields]: {
    name: 'Space with extras',
    id: S.extraFields,
    'future-setting': { nested: [1, 2, 3] },
    tags: ['extra'],
    goals: [{ description: 'Goal', weight: 'high', 'goal-id': 'g1' }],
    users: [{ participant: { name: 'Edith Editor', id: '50023', type: 'user', avatar: 'https://example.com/a.png' }, permissions: { ...ALL_PERMISSIONS, 'run-simulations': true } }],
    blueprints: [artifact('blueprint', 'bp-extra', 'Blueprint with extras', 3, { id: S.extraFields, name: 'Space with extras' }, { revision: 7, 'thumbnail-url': 'https://example.com/t.png' })],
    'archived-state': 'active',
    'last-modified-date': '2023-06-30T23:59:59.999+0000',
  },
  [S.longName]: {
    name: LONG_UNICODE_NAME,
    id: S.longName,
    description: LONG_UNICODE_NAME,
    blueprints: [artifact('blueprint', 'bp-long', LONG_UNICODE_NAME, 1, { id: S.longName, name: LONG_UNICODE_NAME })],
    'archived-state': 'active',
  },
  [S.workbench]: { name: WORKBENCH_HOSTILE, id: S.workbench, 'archived-state': 'active' },
  [S.duplicateSubspace]: { name: 'Listed twice', id: S.duplicateSubspace, subspaces: [subspaceSummary(1), subspaceSummary(1), subspaceSummary(2)], 'archived-state': 'active' },
  [S.protoKeys]: {
    name: 'Prototype keys',
    id: S.protoKeys,
    users: [
      { participant: { id: '1', type: 'constructor' }, permissions: ALL_PERMISSIONS },
      { participant: { id: '2', type: '__proto__' }, permissions: ALL_PERMISSIONS },
      { participant: { id: '3', type: 'toString' }, permissions: ALL_PERMISSIONS },
    ],
    'archived-state': 'active',
  },
  [S.hostile]: {
    name: HOSTILE.html,
    id: S.hostile,
    tags: [HOSTILE.script, HOSTILE.link],
    description: HOSTILE.markdown,
    goals: [{ description: HOSTILE.attribute, weight: HOSTILE.template }],
    users: [{ participant: { name: HOSTILE.bidi, id: HOSTILE.html, type: 'user' }, permissions: ALL_PERMISSIONS }],
    subspaces: [{ name: HOSTILE.script, id: HOSTILE.attribute, tags: [hostile(3)], 'space-ids': [S.hostile], 'space-names': [HOSTILE.html], 'last-modified-by-user': hostileUser }],
    blueprints: [artifact('blueprint', HOSTILE.script, HOSTILE.markdown, 1, hostileParent, { tags: [HOSTILE.bidi], 'last-modified-by-user': hostileUser })],
    decisions: [artifact('decision', HOSTILE.link, HOSTILE.template, 2, hostileParent, { 'published-snapshot-name': HOSTILE.html })],
    'archived-state': 'active',
    'last-modified-by-user': hostileUser,
    'created-by-user': hostileUser,
  },
  [S.archived]: { name: 'Old projects', id: S.archived, 'archived-state': 'archived', 'last-modified-date': '2018-03-04T05:06:07.089-0500' },
  [S.badShape]: { name: 'Bad shape', id: S.badShape, goals: 'high' },
};

/** The spaces a client sees: the demo team's client its team's, every other client the test fixtures. */
function findSpace(clientId: string, id: string): Json | undefined {
  if (clientId === BLUEWORKS_TEAM.clientId) return BLUEWORKS_TEAM_SPACES.get(id);
  if (id === S.large) return largeSpace();
  if (id === S.wide) return wideSpace();
  const n = /^large-sub-(\d{3})$/.exec(id);
  if (n && Number(n[1]) >= 1 && Number(n[1]) <= LARGE_SUBSPACES) return largeSubspace(Number(n[1]));
  return FIXTURES[id];
}

/** Every space the search knows: the fixtures, their subspaces and the generated ones. */
function searchable(clientId: string): Json[] {
  const spaces = clientId === BLUEWORKS_TEAM.clientId ? [...BLUEWORKS_TEAM_SPACES.values()] : [...Object.values(FIXTURES), largeSpace()];
  const nested = spaces.flatMap((space) => (Array.isArray(space.subspaces) ? (space.subspaces as Json[]) : []));
  const byId = new Map<string, Json>();
  for (const space of [...spaces, ...nested]) if (typeof space.id === 'string') byId.set(space.id, space);
  return [...byId.values()];
}

interface IssuedToken {
  readonly clientId: string;
  readonly expiresAt: number;
}

interface BlueworksState {
  readonly tokens: Map<string, IssuedToken>;
  /** Overrides every client's token lifetime while set. */
  lifetimeSeconds?: number;
}

const states = new WeakMap<Sandbox, BlueworksState>();

function stateOf(sandbox: Sandbox): BlueworksState {
  let state = states.get(sandbox);
  if (!state) states.set(sandbox, (state = { tokens: new Map() }));
  return state;
}

/** Tokens issued from now on live `seconds` (undefined: back to each client's own lifetime). */
export function setBlueworksTokenLifetime(sandbox: Sandbox, seconds: number | undefined): void {
  stateOf(sandbox).lifetimeSeconds = seconds;
}

/** Forgets every issued token, so the next API call with one answers 401 (as after a server-side expiry). */
export function revokeBlueworksTokens(sandbox: Sandbox): void {
  stateOf(sandbox).tokens.clear();
}

const CLIENTS: ReadonlySet<string> = new Set([BLUEWORKS_SANDBOX.clientId, BLUEWORKS_SANDBOX.serviceClientId, BLUEWORKS_SANDBOX.shortLivedClientId]);

function issueToken(req: SandboxRequest, state: BlueworksState): SandboxResponse {
  const form = new URLSearchParams(req.body);
  if (form.get('grant_type') !== 'client_credentials') {
    return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'Only grant_type=client_credentials is supported.' } };
  }
  const clientId = form.get('client_id') ?? '';
  const secret = clientId === BLUEWORKS_TEAM.clientId ? BLUEWORKS_TEAM.clientSecret : CLIENTS.has(clientId) ? BLUEWORKS_SANDBOX.clientSecret : undefined;
  if (secret === undefined || form.get('client_secret') !== secret) {
    return { status: 401, body: { error: 'invalid_client', error_description: 'Client authentication failed.' } };
  }
  const lifetime =
    state.lifetimeSeconds ?? (clientId === BLUEWORKS_SANDBOX.shortLivedClientId ? BLUEWORKS_SANDBOX.shortTokenLifetimeSeconds : BLUEWORKS_SANDBOX.tokenLifetimeSeconds);
  const token = `bwl-${randomBytes(12).toString('hex')}`;
  state.tokens.set(token, { clientId, expiresAt: Date.now() + lifetime * 1000 });
  return { status: 200, body: { access_token: token, token_type: 'bearer', expires_in: lifetime, scope: 'read' } };
}

function errorAnswer(status: number, message: string): SandboxResponse {
  return { status, headers: status === 429 ? { 'retry-after': '0' } : {}, body: { error: STATUS_CODES[status] ?? 'Error', message } };
}

/** Checks the bearer token the way the API does (a Service ID must also name a user); the token's client, or the refusal. */
function authorize(req: SandboxRequest, state: BlueworksState): IssuedToken | SandboxResponse {
  const token = /^Bearer (\S+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
  if (!token) return errorAnswer(401, 'This request requires authentication.');
  const issued = state.tokens.get(token);
  if (!issued || issued.expiresAt <= Date.now()) return errorAnswer(401, 'The access token is invalid or has expired.');
  if (issued.clientId === BLUEWORKS_SANDBOX.serviceClientId && !req.headers['x-on-behalf-of']) {
    return errorAnswer(403, 'A Service ID must name the acting user in X-On-Behalf-Of.');
  }
  return issued;
}

const STATUS_MESSAGES: Readonly<Record<number, string>> = {
  400: 'Required parameters were missing or contained invalid values.',
  401: 'The token has expired or is unauthorized.',
  403: 'Access is forbidden because you have insufficient permissions for the specified space.',
  404: 'The space-id parameter identifies a space that does not exist in this account.',
  429: 'Too many requests.',
  500: 'An unexpected error occurred on the server.',
};

export function registerBlueworks(sandbox: Sandbox): void {
  const state = stateOf(sandbox);
  sandbox
    .errorShape('/bwl', (status, message) => ({ error: STATUS_CODES[status] ?? 'Error', message }))
    .route('POST', '/oauth/token', (req) => issueToken(req, state))
    .route('GET', '/bwl/spaces/:id', (req) => {
      const status = /^status-(\d{3})$/.exec(req.params.id ?? '');
      if (status) return errorAnswer(Number(status[1]), STATUS_MESSAGES[Number(status[1])] ?? 'Sandbox error.');
      const issued = authorize(req, state);
      if ('status' in issued) return issued;
      if (req.params.id === S.echo) return errorAnswer(403, `Token ${String(req.headers.authorization).replace(/^Bearer /, '')} may not read this space.`);
      const space = findSpace(issued.clientId, req.params.id ?? '');
      if (!space) return errorAnswer(404, STATUS_MESSAGES[404]!);
      // Subspaces only on request, as the API does. The artifact filters are recorded, not applied: the
      // seed's own example lists an archived policy under the default `archived-state=active`.
      if (req.query.get('include-subspaces') === 'true' || !('subspaces' in space)) return { status: 200, body: space };
      const withoutSubspaces = { ...space };
      delete withoutSubspaces.subspaces;
      return { status: 200, body: withoutSubspaces };
    })
    .route('GET', '/bwl/spaces', (req) => {
      const issued = authorize(req, state);
      if ('status' in issued) return issued;
      const name = req.query.get('name');
      const tag = req.query.get('tag');
      if ((name === null) === (tag === null)) return errorAnswer(400, 'Exactly one of the name and tag parameters is required.');
      const found = searchable(issued.clientId)
        .filter((space) => (name !== null ? space.name === name : Array.isArray(space.tags) && space.tags.includes(tag)))
        .map(({ id, name: spaceName, tags, 'space-ids': parents }) => ({ id, name: spaceName, tags, 'space-ids': parents }));
      // The answer's shape is undocumented: a bare array for name searches and `{spaces}` for tag
      // searches, so the client is exercised against both plausible shapes.
      return { status: 200, body: name !== null ? found : { spaces: found } };
    });
}
