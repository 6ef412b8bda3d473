/**
 * Sharely.ai: `GET {base}/v1/workspaces/{workspaceId}/spaces/{spaceId}`. Two ways in: the seed's
 * `x-api-key` header (default), or the documented exchange of that key for a 24-hour JWT
 * (`POST {base}/workspaces/{workspaceId}/generate-access-key-token`, no `/v1`) sent as a Bearer token
 * with an `organizationid` header. There is no read-only listing, so an account's spaces are the ids
 * configured on it.
 */
import * as l10n from '@vscode/l10n';
import * as z from 'zod/mini';
import type { Account } from '../accounts';
import type { Group, GroupItem, SpaceDetails } from '../model';
import { CachedToken, type IssuedToken } from '../token';
import { VENDORS } from './catalog';
import { parseIsoDate } from './dates';
import { facts, humanize, spaceDetails, uniqueIds } from './details';
import { describeHttpError, missingSecret, missingSetting } from './errorWording';
import { fieldProblems, lenient, lenientIsoDate, lenientObject, lenientText, parseWith, problemOf, rows, unreadableOf, type Rows } from './fields';
import { apiUrl, getJson } from './requests';
import type { FieldSpec, SecretSpec, Vendor, VendorClient, VendorContext } from './vendor';

const NAME = VENDORS.sharely.name;

/** What the authentication guide promises when the token itself does not say. */
const TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

const memberSchema = z.looseObject({ id: lenientText, name: lenientText, email: lenientText });

/**
 * The seed nests members (`hosts[].host`, `guests[].guest`); co-hosts are only ever shown empty, so
 * `coHost`, `user` and a flat member are accepted as well.
 */
const memberEntrySchema = z.looseObject({
  id: lenientText,
  name: lenientText,
  email: lenientText,
  host: lenient(memberSchema),
  coHost: lenient(memberSchema),
  guest: lenient(memberSchema),
  user: lenient(memberSchema),
});

const conversationGroupSchema = z.looseObject({
  id: lenientText,
  name: lenientText,
  type: lenientText,
  lastMessageAt: lenientText,
  conversations: lenient(z.array(z.unknown())),
});

/**
 * Every field read on its own (see `lenient`), members and conversation groups row by row; the name falls back
 * to the id. The seed requires none of them.
 */
const SPACE_FIELDS = {
  id: lenientText,
  name: lenientText,
  description: lenientText,
  status: lenientText,
  createdAt: lenientIsoDate,
  workspace: lenientObject({ id: lenientText, name: lenientText, organizationName: lenientText, organizationId: lenientText }),
  hosts: rows(memberEntrySchema),
  coHosts: rows(memberEntrySchema),
  guests: rows(memberEntrySchema),
  spaceGroupConversation: rows(conversationGroupSchema),
};
const spaceSchema = z.looseObject(SPACE_FIELDS);

type SharelySpace = z.infer<typeof spaceSchema>;
type MemberEntry = z.infer<typeof memberEntrySchema>;
type ConversationGroup = z.infer<typeof conversationGroupSchema>;

const tokenSchema = z.looseObject({ token: z.string().check(z.minLength(1)) });
const claimsSchema = z.looseObject({ exp: z.optional(z.number()), iat: z.optional(z.number()) });

const MEMBER_GROUPS = ['hosts', 'coHosts', 'guests'] as const;

/** Translated when read, like every label: the translations may load after this module. */
const memberGroupLabel = (id: (typeof MEMBER_GROUPS)[number]): string => ({ hosts: l10n.t('Hosts'), coHosts: l10n.t('Co-hosts'), guests: l10n.t('Guests') })[id];

function memberGroup(id: (typeof MEMBER_GROUPS)[number], label: string, entries: Rows<MemberEntry>): Group {
  const members = entries.items.map((entry) => entry.host ?? entry.coHost ?? entry.guest ?? entry.user ?? entry);
  const unique = uniqueIds();
  return {
    id,
    label,
    kind: 'members',
    columns: [{ key: 'email', label: l10n.t('Email'), kind: 'email' }],
    items: members.map((m, i): GroupItem => ({
      id: unique(m.id ?? m.email ?? `#${i + 1}`),
      label: m.name ?? m.email ?? m.id ?? l10n.t('Unnamed member'),
      description: m.email ?? undefined,
      values: { email: m.email ?? null },
    })),
    ...unreadableOf(entries),
  };
}

function conversationsGroup(groups: Rows<ConversationGroup>): Group {
  const unique = uniqueIds();
  return {
    id: 'conversations',
    label: l10n.t('Conversation groups'),
    kind: 'conversations',
    columns: [
      { key: 'type', label: l10n.t('Type'), kind: 'text' },
      { key: 'lastMessageAt', label: l10n.t('Last message'), kind: 'date' },
      { key: 'conversations', label: l10n.t('Conversations'), kind: 'count' },
    ],
    items: groups.items.map((g, i): GroupItem => ({
      id: unique(g.id ?? `#${i + 1}`),
      label: g.name ?? g.id ?? l10n.t('Unnamed group'),
      description: g.type ?? undefined,
      values: { type: g.type ?? null, lastMessageAt: parseIsoDate(g.lastMessageAt) ?? null, conversations: g.conversations?.length ?? null },
    })),
    ...unreadableOf(groups),
  };
}

function toDetails(account: Account, id: string, space: SharelySpace, raw: unknown): SpaceDetails {
  const groups: Group[] = [];
  const problems: string[] = [];
  for (const key of MEMBER_GROUPS) {
    const entries = space[key];
    if (!entries) continue;
    const label = memberGroupLabel(key);
    groups.push(memberGroup(key, label, entries));
    problems.push(...problemOf(label, entries));
  }
  if (space.spaceGroupConversation) {
    groups.push(conversationsGroup(space.spaceGroupConversation));
    problems.push(...problemOf('Conversation groups', space.spaceGroupConversation));
  }
  return spaceDetails({
    vendor: 'sharely',
    accountId: account.id,
    id,
    name: space.name,
    description: { text: space.description, markdown: false },
    // Only ACTIVE is documented; other values are shown as they come, without a judgement.
    status: space.status ? { label: humanize(space.status), tone: space.status === 'ACTIVE' ? 'ok' : 'neutral' } : undefined,
    created: parseIsoDate(space.createdAt),
    facts: facts(
      [l10n.t('Workspace'), space.workspace?.name, 'text'],
      [l10n.t('Organization'), space.workspace?.organizationName, 'text'],
      [l10n.t('Workspace ID'), space.workspace?.id, 'text'],
      [l10n.t('Organization ID'), space.workspace?.organizationId, 'text'],
    ),
    groups,
    problems,
    fieldProblems: fieldProblems(SPACE_FIELDS, raw),
    raw,
  });
}

/** Seconds the JWT is valid for, from its own `exp` (and `iat`, so a skewed local clock does not matter). */
export function jwtLifetimeSeconds(jwt: string): number | undefined {
  const payload = jwt.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = claimsSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    if (!claims.success || claims.data.exp === undefined) return undefined;
    return Math.max(0, claims.data.exp - (claims.data.iat ?? Date.now() / 1000));
  } catch {
    return undefined;
  }
}

function createClient(account: Account, { http, secrets }: VendorContext): VendorClient {
  // `{error, message}` bodies: `errorText` reads the message (`error` is often just "Error").
  const wording = { vendorName: NAME, what: l10n.t('space'), secrets: Object.values(secrets) };
  const keyErrors = describeHttpError({ ...wording, credentials: l10n.t('API key') });
  // The exchanged access token is a credential too: masked should the server echo it.
  const tokenErrors = (jwt: string) => describeHttpError({ ...wording, credentials: l10n.t('access token'), secrets: [...wording.secrets, jwt] });
  const exchangeErrors = describeHttpError({ ...wording, what: l10n.t('workspace'), credentials: l10n.t('API key') });
  const accessToken = account.authMode === 'accessToken';

  /** Everything a request needs, checked before anything is sent. */
  function settings(): { apiKey: string; workspaceId: string; organizationId?: string } {
    const apiKey = secrets.apiKey;
    if (!apiKey) throw missingSecret(NAME, l10n.t('API key'), account.credentialsFromEnv.apiKey);
    if (!account.workspaceId) throw missingSetting(NAME, l10n.t('workspace ID'));
    if (accessToken && !account.organizationId) throw missingSetting(NAME, l10n.t('organization ID'), l10n.t('the access-token mode sends it with every request'));
    return { apiKey, workspaceId: account.workspaceId, organizationId: account.organizationId };
  }

  async function exchange(signal?: AbortSignal): Promise<IssuedToken> {
    const { apiKey, workspaceId } = settings();
    const raw = await http.json({
      url: apiUrl(account.baseUrl, 'workspaces', workspaceId, 'generate-access-key-token'),
      method: 'POST',
      headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
      body: '{}',
      signal,
      cache: 'bypass',
      describeError: exchangeErrors,
    });
    const { token } = parseWith(tokenSchema, raw, NAME, l10n.t('the access-token request'));
    return { token, expiresInSeconds: jwtLifetimeSeconds(token) ?? TOKEN_LIFETIME_SECONDS };
  }

  const tokens = new CachedToken(exchange);

  return {
    async getSpace(id, options) {
      const { apiKey, workspaceId, organizationId } = settings();
      const url = apiUrl(account.baseUrl, 'v1', 'workspaces', workspaceId, 'spaces', id);
      const raw =
        accessToken && organizationId
          ? await tokens.use((jwt) => getJson(http, url, { authorization: `Bearer ${jwt}`, organizationid: organizationId }, tokenErrors(jwt), options), options?.signal)
          : await getJson(http, url, { 'x-api-key': apiKey }, keyErrors, options);
      return toDetails(account, id, parseWith(spaceSchema, raw, NAME, l10n.t('the space')), raw);
    },
    async checkAccess(options) {
      // The exchange takes the API key and the workspace in either mode, and reads nothing.
      await exchange(options?.signal);
    },
  };
}

export const sharely: Vendor = {
  id: 'sharely',
  catalog: VENDORS.sharely,
  // Getters: the labels are translated when the wizard reads them, after the translations are loaded.
  get fields(): FieldSpec[] {
    return [
      { key: 'baseUrl', label: l10n.t('API base URL'), placeholder: VENDORS.sharely.defaultBaseUrl, required: false },
      { key: 'workspaceId', label: l10n.t('Workspace ID'), required: true },
      {
        key: 'authMode',
        label: l10n.t('Authentication'),
        required: false,
        choices: [
          { value: 'apiKey', label: l10n.t('API key in the x-api-key header') },
          { value: 'accessToken', label: l10n.t('Access token exchanged from the API key (needs the organization ID)') },
        ],
      },
      { key: 'organizationId', label: l10n.t('Organization ID (for access tokens)'), required: false },
    ];
  },
  get secretFields(): SecretSpec[] {
    return [{ key: 'apiKey', label: l10n.t('Workspace API key (sk-sharely-…)') }];
  },
  createClient,
};
