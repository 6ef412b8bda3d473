// The Onedata (Onezone REST API v3) sandbox: the seed's examples verbatim, variants, hostile strings,
// an account with 500 spaces, and Onezone's own error bodies (token errors as 400, as Onezone does).
import type { Sandbox, SandboxRequest, SandboxResponse } from '../server';
import { HOSTILE, hostile, LONG_UNICODE_NAME } from '../hostile';
import SEED_CURL_EXAMPLE from '../fixtures/onedata/seed-curl-example.json';
import { ONEDATA_TEAM, ONEDATA_TEAM_SPACES } from '../team/onedata';

const API = '/api/v3/onezone';
const BULK_COUNT = 500;

export const ONEDATA_SANDBOX = {
  /** A user who is a member of every fixture space. */
  token: 'od-token-alice-5f1c',
  /** A user whose effective_spaces lists 500 ids, one of which (`spaces.broken`) answers 500. */
  bulkToken: 'od-token-bulk-9a2e',
  /** Three more users of 500 spaces each (ids `bulk2-0001`…, names "Bulk space 2.0001"…): the bench's 2,000. */
  moreBulkTokens: ['od-token-bulk2-9a2e', 'od-token-bulk3-9a2e', 'od-token-bulk4-9a2e'],
  /** Answered with Onezone's `tokenRevoked` (HTTP 400). */
  revokedToken: 'od-token-revoked-77d0',
  /** A Onepanel user (basic auth, as the seed's curl): member of the seed space, and an Onezone admin. */
  username: 'admin',
  password: 'password',
  spaces: {
    /** The seed's cURL example, verbatim. */
    seed: '2c0160248ba9a66f45da751ca459535a',
    /** The seed's schema example (32-hex creator id), verbatim; its body names the seed's space id. */
    seedSchemaExample: 'seed-schema-example',
    /** A newer release: Markdown description, organization, tags, marketplace fields, unknown extras. */
    newer: 'c7a0e0d3newer000000000000000000a',
    /** Only spaceId and name. */
    minimal: 'minimal-space',
    /** Created by nobody (id null), no provider support. */
    unsupported: 'unsupported-space',
    longName: 'long-name-space',
    /** A hostile string in every text field, provider ids and creator id included. */
    hostile: 'hostile-space',
    /** `providers` is not a map of numbers: a schema mismatch. */
    badShape: 'bad-shape-space',
    /** Provider ids that are also the names of an object's own properties: `__proto__`, `constructor`. */
    protoKeys: 'proto-keys-space',
    /** Not in anyone's effective_spaces: only `/spaces/{id}` answers, and only for the admin. */
    adminOnly: 'admin-only-space',
    /** Answers 500 internalServerError (in the bulk listing). */
    broken: 'broken-space',
    /** A 403 whose description echoes the credentials it was sent, as a careless server might. */
    echo: 'echo-credentials',
  },
  bulkCount: BULK_COUNT,
  /** Test-only ids: `status-401|403|404|500|503` answer that status in Onezone's error shape on every path. */
  statusId: (status: 401 | 403 | 404 | 500 | 503): string => `status-${status}`,
} as const;

const S = ONEDATA_SANDBOX.spaces;

/** Onezone's error ids and descriptions for the statuses the sandbox answers. */
const ERRORS: Readonly<Record<number, { id: string; description: string }>> = {
  400: { id: 'badValueString', description: 'Bad value: provided "name" must be a string.' },
  401: { id: 'unauthorized', description: 'You must authenticate yourself to perform this operation.' },
  403: { id: 'forbidden', description: 'You are not authorized to perform this operation (insufficient privileges?).' },
  404: { id: 'notFound', description: 'The resource could not be found.' },
  500: { id: 'internalServerError', description: 'The server has encountered an error while processing this request.' },
  503: { id: 'serviceUnavailable', description: 'Service Unavailable.' },
};

function onezoneError(status: number, id: string, description: string, details?: unknown): SandboxResponse {
  return { status, body: { error: { id, description, ...(details === undefined ? {} : { details }) } } };
}

function statusError(status: number): SandboxResponse {
  const known = ERRORS[status] ?? ERRORS[500]!;
  return onezoneError(status, known.id, known.description);
}

// The seed page's two examples: the schema's differs from the cURL one only in its (32-hex) creator id.
const SEED_SCHEMA_EXAMPLE = { ...SEED_CURL_EXAMPLE, creator: { ...SEED_CURL_EXAMPLE.creator, id: '7434b256e71e1052e0d5e3e9da657ebf' } };

/** Every fixture body by space id (bulk spaces are generated on request). */
const FIXTURES: Readonly<Record<string, unknown>> = {
  [S.seed]: SEED_CURL_EXAMPLE,
  [S.seedSchemaExample]: SEED_SCHEMA_EXAMPLE,
  [S.newer]: {
    spaceId: S.newer,
    name: 'Climate data',
    providers: { 'a1b2c3d4e5f60718293a4b5c6d7e8f90': 1099511627776 },
    creator: { type: 'user', id: 'd3b07384d113edec49eaa6238ad5ff00' },
    creationTime: 1700000000,
    description: '# Climate data\n\nDaily **reanalysis** files. See [the docs](https://onedata.org/#/home/documentation).',
    organizationName: 'Example Research Institute',
    tags: ['climate', 'open-data'],
    advertisedInMarketplace: true,
    marketplaceContactEmail: 'data@example.org',
    // Fields this client does not know: they must be ignored, not rejected.
    supportParametersRegistry: { a1b2c3d4e5f60718293a4b5c6d7e8f90: { dirStatsServiceEnabled: true, accountingEnabled: false } },
    futureField: [1, 2, 3],
  },
  [S.minimal]: { spaceId: S.minimal, name: 'Minimal space' },
  [S.unsupported]: { spaceId: S.unsupported, name: 'Orphan space', providers: {}, creator: { type: 'nobody', id: null }, creationTime: 1563819329 },
  [S.longName]: { spaceId: S.longName, name: LONG_UNICODE_NAME, providers: { '296ebe3c20e9666dc489b647f8647f12': 1 }, creator: { type: 'user', id: 'e'.repeat(32) }, creationTime: 1576152793 },
  [S.hostile]: {
    spaceId: S.hostile,
    name: HOSTILE.html,
    providers: { [HOSTILE.script]: 1024, [HOSTILE.attribute]: 2048 },
    creator: { type: 'user', id: HOSTILE.template },
    creationTime: 1576152793,
    description: HOSTILE.markdown,
    organizationName: HOSTILE.bidi,
    tags: [HOSTILE.link, hostile(1)],
    marketplaceContactEmail: HOSTILE.attribute,
  },
  // Computed keys: a plain `__proto__:` would set the fixture's prototype instead of a property.
  [S.protoKeys]: { spaceId: S.protoKeys, name: 'Prototype keys', providers: { ['__proto__']: 4096, ['constructor']: 1024, ordinary: 512 } },
  [S.badShape]: { spaceId: S.badShape, name: 'Bad shape', providers: { '296ebe3c20e9666dc489b647f8647f12': 'five gigabytes' } },
  [S.adminOnly]: { spaceId: S.adminOnly, name: 'Admin-only space', providers: { dcf12429647c204896eebe3b6f686967: 14400000 }, creator: { type: 'oneprovider', id: 'dcf12429647c204896eebe3b6f686967' }, creationTime: 1600000000 },
};

/** The bulk users' ids: user 1's `bulk-0001`…, user k's `bulk{k}-0001`…. */
function bulkId(user: number, index: number): string {
  return `bulk${user === 1 ? '' : user}-${String(index + 1).padStart(4, '0')}`;
}

/** A bulk user's 500 ids; for the first, one in the middle is the broken space. */
const bulkIds = (user: number) => Array.from({ length: BULK_COUNT }, (_, i) => (user === 1 && i === 250 ? S.broken : bulkId(user, i)));
const BULK_IDS = bulkIds(1);

function bulkSpace(id: string): unknown {
  const [, user, number] = /^bulk(\d?)-(\d{4})$/.exec(id)!;
  const n = Number(number);
  return { spaceId: id, name: `Bulk space ${user ? `${user}.` : ''}${number}`, providers: { ['p'.repeat(31) + (n % 3)]: n * 1_000_000 }, creator: { type: 'user', id: 'b'.repeat(32) }, creationTime: 1_600_000_000 + n * 3600 };
}

interface User {
  readonly spaces: readonly string[];
  /** Has `oz_spaces_view`: sees every space through `/spaces/{id}`. */
  readonly admin: boolean;
}

const ALICE: User = { spaces: Object.keys(FIXTURES).filter((id) => id !== S.adminOnly), admin: false };
const BULK: User = { spaces: BULK_IDS, admin: false };
const MORE_BULK = new Map<string, User>(ONEDATA_SANDBOX.moreBulkTokens.map((token, i) => [token, { spaces: bulkIds(i + 2), admin: false }]));
const ADMIN: User = { spaces: [S.seed], admin: true };
/** The demo team's research user: the team's spaces only. */
const TEAM: User = { spaces: [...ONEDATA_TEAM_SPACES.keys()], admin: false };

/** Onezone's ways in: `x-auth-token`, `Authorization: Bearer`, the deprecated `macaroon`, or basic auth. */
function authenticate(req: SandboxRequest): User | SandboxResponse {
  const authorization = String(req.headers.authorization ?? '');
  const token = header(req, 'x-auth-token') ?? /^Bearer (\S+)$/i.exec(authorization)?.[1] ?? header(req, 'macaroon');
  if (token !== undefined) {
    if (token === ONEDATA_SANDBOX.revokedToken) return onezoneError(400, 'tokenRevoked', 'Provided token has been revoked.');
    if (token === ONEDATA_SANDBOX.token) return ALICE;
    if (token === ONEDATA_TEAM.token) return TEAM;
    // A token past its time caveat is one of Onezone's token errors, so a 400 like the others.
    if (token === ONEDATA_TEAM.expiredToken) {
      const caveat = `time < ${ONEDATA_TEAM.expiredAt}`;
      return onezoneError(400, 'tokenCaveatUnverified', `Verification of the following caveat failed: ${caveat}.`, { caveat });
    }
    if (token === ONEDATA_SANDBOX.bulkToken) return BULK;
    const more = MORE_BULK.get(token);
    if (more) return more;
    return onezoneError(400, 'badToken', 'Provided token could not be understood by the server.');
  }
  const basic = /^Basic (\S+)$/i.exec(authorization)?.[1];
  if (basic !== undefined) {
    const [username, ...rest] = Buffer.from(basic, 'base64').toString('utf8').split(':');
    if (username === ONEDATA_SANDBOX.username && rest.join(':') === ONEDATA_SANDBOX.password) return ADMIN;
    return onezoneError(401, 'unauthorized', ERRORS[401]!.description, { authError: { id: 'badBasicCredentials', description: 'Invalid username or password.' } });
  }
  return statusError(401);
}

function header(req: SandboxRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function spaceBody(id: string): unknown {
  if (/^bulk\d?-\d{4}$/.test(id) && [BULK, ...MORE_BULK.values()].some((user) => user.spaces.includes(id))) return bulkSpace(id);
  return FIXTURES[id] ?? ONEDATA_TEAM_SPACES.get(id);
}

export function registerOnedata(sandbox: Sandbox): void {
  /** One details answer; `scope` says whether membership (user-scoped paths) or also admin rights count. */
  const details = (req: SandboxRequest, scope: 'user' | 'any'): SandboxResponse => {
    const user = authenticate(req);
    if (!('spaces' in user)) return user;
    const id = req.params.id ?? '';
    const status = /^status-(\d{3})$/.exec(id);
    if (status) return statusError(Number(status[1]));
    if (id === S.broken) return statusError(500);
    if (id === S.echo) return onezoneError(403, 'forbidden', `Credentials "${req.headers.authorization ?? header(req, 'x-auth-token') ?? ''}" may not read this space.`);
    const body = spaceBody(id);
    const member = user.spaces.includes(id);
    if (scope === 'user') return member && body !== undefined ? { status: 200, body } : statusError(404);
    if (body === undefined) return statusError(404);
    return member || user.admin ? { status: 200, body } : statusError(403);
  };

  const list = (req: SandboxRequest): SandboxResponse => {
    const user = authenticate(req);
    return 'spaces' in user ? { status: 200, body: { spaces: user.spaces } } : user;
  };

  sandbox
    .errorShape(API, (status, message) => ({ error: { id: (ERRORS[status] ?? ERRORS[500]!).id, description: message } }))
    .route('GET', `${API}/user/effective_spaces`, list)
    .route('GET', `${API}/user/spaces`, list)
    .route('GET', `${API}/user/effective_spaces/:id`, (req) => details(req, 'user'))
    .route('GET', `${API}/user/spaces/:id`, (req) => details(req, 'user'))
    .route('GET', `${API}/spaces/:id`, (req) => details(req, 'any'));
}
