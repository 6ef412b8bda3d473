// Alumio in the sandbox: `GET /api/v1/spaces/{identifier}` with `Authorization: Bearer <token>`,
// answering `{object: Space}` or the seed's `Error` shape. The account's base URL is the sandbox URL.
import { HOSTILE, LONG_UNICODE_NAME } from '../hostile';
import type { Sandbox, SandboxResponse } from '../server';
import { bearerToken, statusAnswer } from './error-ids';
import seed from '../fixtures/alumio/seed-space.json';
import { ALUMIO_TEAM, ALUMIO_TEAM_SPACES } from '../team/alumio';

export const ALUMIO_SANDBOX = {
  token: 'sandbox-alumio-token',
  spaces: {
    seed: 'acme-production',
    minimal: 'minimal',
    extra: 'extra-fields',
    unicode: 'ünï côdé/§ ?#1',
    hostile: 'hostile',
    /** `name` is a number: a schema mismatch. */
    badShape: 'bad-shape',
    /** A 422 with `violations`. */
    invalid: 'invalid',
    /** A 403 whose `detail` echoes the Authorization header, as a careless server might. */
    echo: 'echo-credentials',
  },
  /** `state-<status>`: the seed space in that status (`state-ready`, `state-canceled`, …). */
  statePrefix: 'state-',
  /** Every status of the seed's SpaceStatus. */
  statuses: ['new', 'creating', 'ready', 'error', 'deleting', 'deleted', 'canceled'],
} as const;

/**
 * The seed documents only the schema, no example response: this one follows it field by field, with
 * dates as Alumio (Symfony) writes them.
 */
export const ALUMIO_SEED_SPACE = seed;

/** Alumio's error body (Symfony's problem details), as the sandbox answers it and tests fake it. */
export const alumioError = (status: number, message: string) => ({
  status: String(status),
  context: {},
  type: 'https://tools.ietf.org/html/rfc2616#section-10',
  title: 'An error occurred',
  detail: message,
  violations: [],
});

const ok = (object: unknown): SandboxResponse => ({ status: 200, body: { object } });

// A Map, so an id like `constructor` finds nothing.
const FIXTURES = new Map<string, unknown>(Object.entries({
  [ALUMIO_SANDBOX.spaces.seed]: ALUMIO_SEED_SPACE,
  [ALUMIO_SANDBOX.spaces.minimal]: { identifier: 'minimal', name: 'Minimal space', purpose: 'dev' },
  [ALUMIO_SANDBOX.spaces.extra]: {
    ...ALUMIO_SEED_SPACE,
    identifier: 'extra-fields',
    name: 'Space with extras',
    purpose: 'uat',
    // Booleans where the seed says 0/1, and a canceled space's fields.
    isLocked: true,
    termsAgreed: false,
    status: 'canceled',
    cancelUser: 'finance@acme.example',
    cancelDate: '2024-07-01T08:00:00+00:00',
    region: 'eu-west',
    billing: { plan: 'enterprise', seats: 12 },
    tags: ['a', 'b'],
  },
  [ALUMIO_SANDBOX.spaces.unicode]: {
    identifier: 'unicode',
    name: LONG_UNICODE_NAME,
    description: 'Überblick: 数据 → データ ✓ 🚀',
    purpose: 'test',
    status: 'new',
  },
  [ALUMIO_SANDBOX.spaces.hostile]: {
    identifier: 'hostile',
    name: HOSTILE.html,
    description: `${HOSTILE.markdown}\n\n[open](${HOSTILE.link})\n\n${HOSTILE.script}`,
    purpose: HOSTILE.attribute,
    status: HOSTILE.template,
    createUser: HOSTILE.bidi,
    cancelUser: HOSTILE.link,
    createdAt: '2024-03-01T09:15:00+00:00',
  },
  [ALUMIO_SANDBOX.spaces.badShape]: { identifier: 'bad-shape', name: 42, purpose: 'dev' },
}));

export function registerAlumio(sandbox: Sandbox): void {
  sandbox.errorShape('/api/v1/', alumioError);
  sandbox.route('GET', '/api/v1/spaces/:identifier', (req) => {
    const id = req.params.identifier ?? '';
    const token = bearerToken(req.headers.authorization);
    // The demo team's key sees the team's spaces only, and none of the test ids below.
    if (token === ALUMIO_TEAM.token) return ALUMIO_TEAM_SPACES.has(id) ? ok(ALUMIO_TEAM_SPACES.get(id)) : { status: 404, body: alumioError(404, 'Not Found') };
    if (token !== ALUMIO_SANDBOX.token) return { status: 401, body: alumioError(401, 'Invalid API key.') };
    const error = statusAnswer(id, alumioError);
    if (error) return error;
    if (id === ALUMIO_SANDBOX.spaces.invalid) {
      return {
        status: 422,
        body: { ...alumioError(422, 'The space could not be read.'), title: 'Validation Failed', violations: [{ title: 'This value is not valid.', propertyPath: 'identifier', type: 'urn:uuid:de1e3db3' }] },
      };
    }
    if (id === ALUMIO_SANDBOX.spaces.echo) return { status: 403, body: alumioError(403, `Key "${req.headers.authorization ?? ''}" may not read this space`) };
    if (id.startsWith(ALUMIO_SANDBOX.statePrefix)) return ok({ ...ALUMIO_SEED_SPACE, identifier: id, status: id.slice(ALUMIO_SANDBOX.statePrefix.length) });
    const space = FIXTURES.get(id);
    return space ? ok(space) : { status: 404, body: alumioError(404, 'Not Found') };
  });
}
