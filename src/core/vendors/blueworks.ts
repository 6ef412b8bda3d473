/**
 * IBM Blueworks Live (`/bwl` REST API). Auth: OAuth 2 client credentials of a (User) Service ID, the
 * token cached until shortly before it expires and fetched anew once on a 401. Quirks that end in this
 * file: kebab-case keys, `email-address` that may hold a plain user name. Its dates, with a `+0000`
 * offset, are read by `parseBlueworksDate` in dates.ts.
 * No browser URL for a space is documented, so `webUrl` stays unset.
 */
import * as l10n from '@vscode/l10n';
import * as z from 'zod/mini';
import type { Account } from '../accounts';
import type { Column, Fact, Group, GroupItem, SpaceDetails, SpaceRef, Status, Value } from '../model';
import { isRecord } from '../json';
import { CachedToken } from '../token';
import { VENDORS } from './catalog';
import { parseBlueworksDate } from './dates';
import { facts, listText, spaceDetails, uniqueIds } from './details';
import { describeHttpError, missingSecret, missingSetting, type DescribeError } from './errorWording';
import { fieldProblems, lenient, lenientObject, lenientRecord, lenientText, lenientTexts, parseWith, problemOf, readableWhen, rows, unreadableOf, type Documented, type Rows } from './fields';
import { apiUrl, getJson } from './requests';
import type { FetchOptions, FieldSpec, FindQuery, SecretSpec, Vendor, VendorClient, VendorContext } from './vendor';

const NAME = VENDORS.blueworks.name;
const API_VERSION = '1.0.0';
/** Used when the token answer gives no lifetime: short, so a wrong guess costs one extra token request. */
const DEFAULT_TOKEN_SECONDS = 300;
/** OAuth's `error` codes for a client it does not accept (RFC 6749, 5.2). */
const OAUTH_CLIENT_ERRORS = new Set(['invalid_client', 'unauthorized_client', 'invalid_grant']);
const BLUEWORKS_REGIONS = ['www', 'ibm', 'ams001', 'che001', 'mel001', 'us001', 'us006'] as const;

/** A date as Blueworks writes it (`2017-01-13T04:34:47.073+0000`), kept as sent for `parseBlueworksDate`. */
const date = readableWhen(lenient(z.union([z.string(), z.number()])), (value) => parseBlueworksDate(value) !== undefined);
const userRef = lenientObject({ id: lenientText, 'full-name': lenientText, 'email-address': lenientText });

const PERMISSIONS = ['blueprint-processes', 'automate-processes', 'compose-decisions', 'author-policies', 'manage-and-edit'] as const;

/** Labels are translated when a space is read (the translations may load after this module), like every label here. */
const permissionLabel = (key: (typeof PERMISSIONS)[number]): string =>
  ({
    'blueprint-processes': l10n.t('Blueprint processes'),
    'automate-processes': l10n.t('Automate processes'),
    'compose-decisions': l10n.t('Compose decisions'),
    'author-policies': l10n.t('Author policies'),
    'manage-and-edit': l10n.t('Manage and edit'),
  })[key];

// Every field is read on its own (see `lenient`) and every list row by row (see `rows`): a row needs only
// what identifies it (an artifact or subspace its id, a participant its participant object).
const participantSchema = z.looseObject({
  participant: z.looseObject({ type: lenientText, id: lenientText, name: lenientText }),
  /** Read permission by permission: an extra key of another type spoils nothing. */
  permissions: lenientRecord,
});
type Participant = z.infer<typeof participantSchema>;

const artifactSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  name: lenientText,
  type: lenientText,
  tags: lenientTexts,
  'archived-state': lenientText,
  'published-state': lenientText,
  'last-modified-date': date,
  'last-modified-by-user': userRef,
  'created-date': date,
  'created-by-user': userRef,
  'published-date': date,
  'published-snapshot-name': lenientText,
  'published-snapshot-date': date,
});
type Artifact = z.infer<typeof artifactSchema>;

const goalSchema = z.looseObject({ description: lenientText, weight: lenientText });
type Goal = z.infer<typeof goalSchema>;

/** What a space and each of its subspace entries share. */
const spaceFields = {
  name: lenientText,
  tags: lenientTexts,
  description: lenientText,
  goals: rows(goalSchema),
  users: rows(participantSchema),
  'space-ids': lenientTexts,
  'space-names': lenientTexts,
  'archived-state': lenientText,
  'last-modified-date': date,
  'last-modified-by-user': userRef,
  'created-date': date,
  'created-by-user': userRef,
};

/** Subspace entries may nest further subspaces; those stay in `raw` and show when the subspace itself is opened. */
const subspaceSchema = z.looseObject({ ...spaceFields, id: z.string().check(z.minLength(1)) });
type Subspace = z.infer<typeof subspaceSchema>;

const ARTIFACT_GROUPS = ['blueprints', 'decisions', 'policies', 'process-apps'] as const;

const artifactGroupLabel = (key: (typeof ARTIFACT_GROUPS)[number]): string =>
  ({ blueprints: l10n.t('Blueprints'), decisions: l10n.t('Decisions'), policies: l10n.t('Policies'), 'process-apps': l10n.t('Process apps') })[key];

const SPACE_FIELDS = {
  ...spaceFields,
  id: lenientText,
  subspaces: rows(subspaceSchema),
  blueprints: rows(artifactSchema),
  decisions: rows(artifactSchema),
  policies: rows(artifactSchema),
  'process-apps': rows(artifactSchema),
};
const spaceSchema = z.looseObject(SPACE_FIELDS);

/** The space details API requires these of a space. */
const DOCUMENTED: Documented = { required: ['id', 'name'] };
type BlueworksSpace = z.infer<typeof spaceSchema>;

/** `GET /bwl/spaces?name=|tag=` is documented without a response schema: accept a bare array or `{spaces: [...]}`. */
const spaceRefSchema = z.looseObject({ id: z.string().check(z.minLength(1)), name: lenientText });
const foundSchema = rows(spaceRefSchema);
const findSchema = z.union([z.array(z.unknown()), z.looseObject({ spaces: z.array(z.unknown()) })]);

const tokenSchema = z.looseObject({
  access_token: z.string().check(z.minLength(1)),
  // Some OAuth servers send the lifetime as a string.
  expires_in: z.nullish(z.union([z.number(), z.string()])),
});

export const blueworks: Vendor = {
  id: 'blueworks',
  catalog: VENDORS.blueworks,
  // Getters: the labels are translated when the wizard reads them, after the translations are loaded.
  get fields(): FieldSpec[] {
    return [
      {
        key: 'baseUrl',
        label: l10n.t('Region (the server your account is on)'),
        required: true,
        choices: BLUEWORKS_REGIONS.map((region) => ({ value: `https://${region}.blueworkslive.com`, label: `${region}.blueworkslive.com` })),
      },
      { key: 'clientId', label: l10n.t('Client ID of the Service ID'), required: true },
      { key: 'onBehalfOf', label: l10n.t('On behalf of (user name; needed for a Service ID, not for a User Service ID)'), required: false },
    ];
  },
  get secretFields(): SecretSpec[] {
    return [{ key: 'clientSecret', label: l10n.t('Client secret') }];
  },
  createClient: (account, context) => new BlueworksClient(account, context),
};

class BlueworksClient implements VendorClient {
  private readonly base: string;
  private readonly tokens: CachedToken;

  constructor(
    private readonly account: Account,
    private readonly context: VendorContext,
  ) {
    this.base = account.baseUrl.replace(/\/+$/, '').replace(/\/bwl$/, '');
    this.tokens = new CachedToken((signal) => this.issueToken(signal));
  }

  /**
   * Always asks the API, also for subspaces: a subspace entry in its parent's answer carries no artifacts
   * (see the seed), so serving it from there would show a different, poorer space than opening it does.
   */
  async getSpace(id: string, options: FetchOptions = {}): Promise<SpaceDetails> {
    const query = new URLSearchParams({
      'include-subspaces': String(this.account.includeSubspaces),
      'archived-state': this.account.archivedState,
      'published-state': this.account.publishedState,
    });
    const what = l10n.t('space "{0}"', id);
    const raw = await this.get(`${apiUrl(this.base, 'bwl', 'spaces', id)}?${query}`, what, options);
    return this.toDetails(id, parseWith(spaceSchema, raw, NAME, what), raw);
  }

  /** By exact name or by tag (the API takes exactly one; a name wins when both are given). */
  async findSpaces(find: FindQuery, options: FetchOptions = {}): Promise<readonly SpaceRef[]> {
    const name = find.name?.trim();
    const tag = find.tag?.trim();
    if (!name && !tag) return [];
    const query = new URLSearchParams(name ? { name } : { tag: tag as string });
    const what = name ? l10n.t('spaces named "{0}"', name) : l10n.t('spaces tagged "{0}"', tag ?? '');
    const raw = await this.get(`${apiUrl(this.base, 'bwl', 'spaces')}?${query}`, what, options);
    const answer = parseWith(findSchema, raw, NAME, what);
    const found = foundSchema.parse(Array.isArray(answer) ? answer : answer.spaces);
    return (found?.items ?? []).map((space) => (space.name ? { id: space.id, name: space.name } : { id: space.id }));
  }

  /** A token for the client ID and secret: fetched anew, so a stale cached one proves nothing. */
  async checkAccess(options: FetchOptions = {}): Promise<void> {
    this.credentials();
    await this.issueToken(options.signal);
  }

  private get(url: string, what: string, options: FetchOptions): Promise<unknown> {
    this.credentials(); // missing credentials fail before any request, the token request included
    return this.tokens.use((token) => {
      const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'x-ibm-api-version': API_VERSION };
      if (this.account.onBehalfOf) headers['x-on-behalf-of'] = this.account.onBehalfOf;
      return getJson(this.context.http, url, headers, this.describeError(what, token), options);
    }, options.signal);
  }

  private credentials(): { clientId: string; clientSecret: string } {
    const clientId = this.account.clientId;
    if (!clientId) throw missingSetting(NAME, l10n.t('client ID'), l10n.t('the Service ID it signs in with'));
    const clientSecret = this.context.secrets.clientSecret;
    if (!clientSecret) throw missingSecret(NAME, l10n.t('client secret'), this.account.credentialsFromEnv.clientSecret);
    return { clientId, clientSecret };
  }

  private async issueToken(signal?: AbortSignal): Promise<{ token: string; expiresInSeconds: number }> {
    const { clientId, clientSecret } = this.credentials();
    const raw = await this.context.http.json({
      url: apiUrl(this.base, 'oauth', 'token'),
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }).toString(),
      signal,
      cache: 'bypass',
      describeError: this.describeTokenError(),
    });
    const answer = parseWith(tokenSchema, raw, NAME, l10n.t('the token request'));
    const lifetime = Number(answer.expires_in);
    return { token: answer.access_token, expiresInSeconds: Number.isFinite(lifetime) && lifetime > 0 ? lifetime : DEFAULT_TOKEN_SECONDS };
  }

  private secretValues(): (string | undefined)[] {
    return [this.context.secrets.clientSecret];
  }

  /**
   * A refused token request in the usual wording (see `describeHttpError`). OAuth servers answer a bad
   * client with 400 or 401 and say so in `error`: either way the credentials are what to fix.
   */
  private describeTokenError(): DescribeError {
    return describeHttpError({
      vendorName: NAME,
      what: l10n.t('access token'),
      subject: l10n.t('the token request'),
      credentials: l10n.t('client ID or client secret'),
      secrets: this.secretValues(),
      statusOf: (status, body) => (OAUTH_CLIENT_ERRORS.has(String(isRecord(body) ? body.error : '')) ? 401 : status),
      leads: { 403: l10n.t('{0} refused to issue an access token (is API access via Service IDs enabled by the account admin?)', NAME) },
    });
  }

  /** The usual wording (see `describeHttpError`), with Blueworks' own lead where it can say more. */
  private describeError(what: string, token: string): DescribeError {
    return describeHttpError({
      vendorName: NAME,
      what: l10n.t('space'),
      subject: what,
      credentials: l10n.t('access token'),
      // The access token is a credential too: masked should the server echo it.
      secrets: [...this.secretValues(), token],
      leads: {
        400: l10n.t('{0} did not accept the request parameters for {1}', NAME, what),
        401: l10n.t('{0} did not accept the access token for {1} even after a fresh one was fetched', NAME, what),
        403: this.forbiddenLead(what),
        404: l10n.t('{0} has no {1} in this account', NAME, what),
      },
    });
  }

  private forbiddenLead(what: string): string {
    const reasons = [
      l10n.t('the user lacks permission for it'),
      l10n.t('the account admin has not enabled API access'),
      l10n.t('the Service ID is not in the Artifact Reporting category'),
      this.account.onBehalfOf
        ? l10n.t('"{0}" (On behalf of) cannot see it', this.account.onBehalfOf)
        : l10n.t('a Service ID (not a User Service ID) needs "On behalf of" (X-On-Behalf-Of) set'),
    ];
    return l10n.t('{0} refused access to {1}; likely reasons: {2}', NAME, what, reasons.join(', '));
  }

  private toDetails(id: string, space: BlueworksSpace, raw: unknown): SpaceDetails {
    const groups: Group[] = [];
    const problems: string[] = [];
    /** A group for the rows read, where there are any, readable or not. */
    const add = <T>(label: string, read: Rows<T> | undefined, make: (read: Rows<T>) => Group) => {
      if (!read || read.items.length + read.unreadable === 0) return;
      groups.push(make(read));
      problems.push(...problemOf(label, read));
    };
    add('Goals', space.goals, goalsGroup);
    add('Participants and permissions', space.users, usersGroup);
    add('Subspaces', space.subspaces, subspacesGroup);
    let artifactCount: number | undefined;
    for (const key of ARTIFACT_GROUPS) {
      const artifacts = space[key];
      if (!artifacts) continue;
      artifactCount = (artifactCount ?? 0) + artifacts.items.length;
      add(key, artifacts, (read) => artifactGroup(key, artifactGroupLabel(key), read));
    }
    return spaceDetails({
      vendor: 'blueworks',
      accountId: this.account.id,
      id,
      name: space.name,
      description: { text: space.description, markdown: false },
      status: archivedStatus(space['archived-state']),
      created: parseBlueworksDate(space['created-date']),
      updated: parseBlueworksDate(space['last-modified-date']),
      facts: [
        ...facts(
          [l10n.t('Space ID'), space.id ?? id, 'text'],
          [l10n.t('Tags'), listText(space.tags), 'text'],
          [l10n.t('Parent spaces'), listText(space['space-names']), 'text'],
          [l10n.t('Created'), parseBlueworksDate(space['created-date']), 'date'],
          [l10n.t('Last modified'), parseBlueworksDate(space['last-modified-date']), 'date'],
        ),
        ...userFacts(l10n.t('Created by'), space['created-by-user']),
        ...userFacts(l10n.t('Last modified by'), space['last-modified-by-user']),
        ...facts([l10n.t('Subspaces'), space.subspaces?.items.length, 'count'], [l10n.t('Artifacts'), artifactCount, 'count']),
      ],
      groups,
      problems,
      fieldProblems: fieldProblems(SPACE_FIELDS, raw, DOCUMENTED),
      raw,
    });
  }
}

function archivedStatus(state: string | null | undefined): Status | undefined {
  if (!state) return undefined;
  if (state === 'active') return { label: l10n.t('Active'), tone: 'ok' };
  if (state === 'archived') return { label: l10n.t('Archived'), tone: 'neutral', detail: l10n.t('This space is archived.') };
  return { label: state, tone: 'neutral' };
}

/** The user's full name, and their e-mail address (or user name: the field holds either) as a second fact. */
function userFacts(label: string, user: z.infer<typeof userRef>): Fact[] {
  if (!user) return [];
  const address = user['email-address'] ?? undefined;
  const isEmail = address?.includes('@') ?? false;
  return facts(
    [label, user['full-name'] ?? address ?? user.id ?? undefined, 'text'],
    [isEmail ? l10n.t('{0} (e-mail)', label) : l10n.t('{0} (user name)', label), user['full-name'] ? address : undefined, isEmail ? 'email' : 'text'],
  );
}

function goalsGroup(goals: Rows<Goal>): Group {
  return {
    id: 'goals',
    label: l10n.t('Goals'),
    kind: 'goals',
    columns: [{ key: 'weight', label: l10n.t('Weight'), kind: 'text' }],
    // Goals have no ids: their position is what stays stable.
    items: goals.items.map((goal, index) => ({ id: `goal-${index + 1}`, label: goal.description || l10n.t('Goal {0}', index + 1), values: { weight: goal.weight ?? null } })),
    ...unreadableOf(goals),
  };
}

/** A Map: a vendor's type (`constructor`, `__proto__`…) selects a label only if it is one of these. */
const participantTypes = (): ReadonlyMap<string, string> =>
  new Map([
    ['user', l10n.t('User')],
    ['user-group', l10n.t('User group')],
    ['all-editors', l10n.t('All editors')],
    ['all-contributors', l10n.t('All contributors')],
    ['all-community', l10n.t('All community members')],
  ]);

/** Participants against the five permissions: a matrix of booleans. */
function usersGroup(users: Rows<Participant>): Group {
  const unique = uniqueIds();
  const types = participantTypes();
  return {
    id: 'users',
    label: l10n.t('Participants and permissions'),
    kind: 'permissions',
    columns: [{ key: 'type', label: l10n.t('Type'), kind: 'text' }, ...PERMISSIONS.map((key): Column => ({ key, label: permissionLabel(key), kind: 'boolean' }))],
    items: users.items.map(({ participant, permissions }): GroupItem => {
      const type = participant.type ?? undefined;
      const typeLabel = type === undefined ? l10n.t('Participant') : (types.get(type) ?? type);
      const values: Record<string, Value> = { type: type === undefined ? null : typeLabel };
      for (const key of PERMISSIONS) {
        const allowed = permissions && Object.hasOwn(permissions, key) ? permissions[key] : undefined;
        values[key] = typeof allowed === 'boolean' ? allowed : null;
      }
      return {
        id: unique(participant.id ? `${type ?? ''}:${participant.id}` : (type ?? 'participant')),
        label: participant.name || (participant.id ? `${typeLabel} ${participant.id}` : typeLabel),
        description: participant.name ? typeLabel : undefined,
        values,
      };
    }),
    ...unreadableOf(users),
  };
}

function subspacesGroup(listed: Rows<Subspace>): Group {
  // A subspace listed twice is one subspace: shown once (the tree keys its rows by the subspace's id).
  const seen = new Set<string>();
  const subspaces = listed.items.filter((sub) => !seen.has(sub.id) && seen.add(sub.id));
  return {
    id: 'subspaces',
    label: l10n.t('Subspaces'),
    kind: 'subspaces',
    columns: [
      { key: 'tags', label: l10n.t('Tags'), kind: 'text' },
      { key: 'archivedState', label: l10n.t('Archived state'), kind: 'text' },
      { key: 'goals', label: l10n.t('Goals'), kind: 'count' },
      { key: 'users', label: l10n.t('Participants'), kind: 'count' },
      { key: 'modified', label: l10n.t('Last modified'), kind: 'date' },
      { key: 'modifiedBy', label: l10n.t('Modified by'), kind: 'text' },
    ],
    items: subspaces.map((sub) => ({
      id: sub.id,
      label: sub.name || sub.id,
      spaceId: sub.id,
      values: {
        tags: listText(sub.tags) ?? null,
        archivedState: sub['archived-state'] ?? null,
        goals: sub.goals?.items.length ?? null,
        users: sub.users?.items.length ?? null,
        modified: parseBlueworksDate(sub['last-modified-date']) ?? null,
        modifiedBy: personName(sub['last-modified-by-user']),
      },
    })),
    ...unreadableOf(listed),
  };
}

const artifactColumns = (): Column[] => [
  { key: 'type', label: l10n.t('Type'), kind: 'text' },
  { key: 'tags', label: l10n.t('Tags'), kind: 'text' },
  { key: 'archivedState', label: l10n.t('Archived state'), kind: 'text' },
  { key: 'publishedState', label: l10n.t('Published state'), kind: 'text' },
  { key: 'modified', label: l10n.t('Last modified'), kind: 'date' },
  { key: 'modifiedBy', label: l10n.t('Modified by'), kind: 'text' },
  { key: 'created', label: l10n.t('Created'), kind: 'date' },
];

const decisionColumns = (): Column[] => [
  { key: 'published', label: l10n.t('Published'), kind: 'date' },
  { key: 'snapshot', label: l10n.t('Published snapshot'), kind: 'text' },
  { key: 'snapshotDate', label: l10n.t('Snapshot date'), kind: 'date' },
];

function artifactGroup(id: string, label: string, artifacts: Rows<Artifact>): Group {
  const decisions = id === 'decisions';
  const unique = uniqueIds();
  return {
    id,
    label,
    kind: 'artifacts',
    columns: decisions ? [...artifactColumns(), ...decisionColumns()] : artifactColumns(),
    items: artifacts.items.map((artifact) => {
      const values: Record<string, Value> = {
        type: artifact.type ?? null,
        tags: listText(artifact.tags) ?? null,
        archivedState: artifact['archived-state'] ?? null,
        publishedState: artifact['published-state'] ?? null,
        modified: parseBlueworksDate(artifact['last-modified-date']) ?? null,
        modifiedBy: personName(artifact['last-modified-by-user']),
        created: parseBlueworksDate(artifact['created-date']) ?? null,
      };
      if (decisions) {
        values.published = parseBlueworksDate(artifact['published-date']) ?? null;
        values.snapshot = artifact['published-snapshot-name'] ?? null;
        values.snapshotDate = parseBlueworksDate(artifact['published-snapshot-date']) ?? null;
      }
      return { id: unique(artifact.id), label: artifact.name || artifact.id, values };
    }),
    ...unreadableOf(artifacts),
  };
}

function personName(user: z.infer<typeof userRef>): string | null {
  return user?.['full-name'] ?? user?.['email-address'] ?? user?.id ?? null;
}
