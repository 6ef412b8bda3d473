/**
 * Onedata (Onezone REST API v3). The account's base URL is the Onezone origin; the API path is added here.
 * Auth: an access token in `x-auth-token`, or HTTP basic auth (works for Onepanel users only, as in the
 * seed's `curl -u admin:password`). Quirks that end in this file: token errors answered as HTTP 400,
 * provider support sizes as a `{providerId: bytes}` map. `creationTime` is in Unix seconds, read by
 * `fromEpochSeconds` in dates.ts.
 */
import * as l10n from '@vscode/l10n';
import * as z from 'zod/mini';
import type { Account } from '../accounts';
import { isSpacesError } from '../errors';
import type { Group, SpaceDetails, SpaceRef, Status } from '../model';
import { VENDORS } from './catalog';
import { fromEpochSeconds } from './dates';
import { facts, listText, spaceDetails } from './details';
import { describeHttpError, missingSecret, type DescribeError } from './errorWording';
import {
  fieldProblems,
  lenient,
  lenientBoolean,
  lenientObject,
  lenientRecord,
  lenientText,
  lenientTexts,
  parseWith,
  problemOf,
  readableWhen,
  readRows,
  unreadableOf,
  type Rows,
} from './fields';
import { apiUrl, getJson } from './requests';
import type { FetchOptions, FieldSpec, SecretSpec, Vendor, VendorClient, VendorContext } from './vendor';

const NAME = VENDORS.onedata.name;
const API_PATH = '/api/v3/onezone';
/** Every field read on its own (see `lenient`), provider sizes one by one; the name falls back to the id. None is required. */
const SPACE_FIELDS = {
  spaceId: lenientText,
  name: lenientText,
  /**
   * Provider id -> support size in bytes. Kept as sent and read entry by entry in `toDetails`: a copy made
   * by assignment would turn a provider id `__proto__` into the object's prototype and lose it.
   */
  providers: lenientRecord,
  // The official Subject schema requires none of its fields.
  creator: lenientObject({ type: lenientText, id: lenientText }),
  /** Unix seconds (see `fromEpochSeconds`). */
  creationTime: readableWhen(lenient(z.number()), (value) => fromEpochSeconds(value) !== undefined),
  // Newer releases:
  description: lenientText,
  organizationName: lenientText,
  tags: lenientTexts,
  advertisedInMarketplace: lenientBoolean,
  marketplaceContactEmail: lenientText,
};
const spaceSchema = z.looseObject(SPACE_FIELDS);
type OnedataSpace = z.infer<typeof spaceSchema>;

/** The listing needs its list; an id that is no string is left out. */
const listSchema = z.looseObject({ spaces: z.pipe(z.array(z.unknown()), z.transform((ids) => ids.filter((id): id is string => typeof id === 'string' && id !== ''))) });

const errorSchema = z.looseObject({
  error: z.looseObject({
    id: z.optional(z.string()),
    description: z.optional(z.string()),
    details: z.optional(z.looseObject({ authError: z.optional(z.looseObject({ id: z.optional(z.string()), description: z.optional(z.string()) })) })),
  }),
});

export const onedata: Vendor = {
  id: 'onedata',
  catalog: VENDORS.onedata,
  // Getters: the labels are translated when the wizard reads them, after the translations are loaded.
  get fields(): FieldSpec[] {
    return [
      { key: 'baseUrl', label: l10n.t('Onezone URL'), placeholder: 'https://onezone.example.org', required: true },
      {
        key: 'authMode',
        label: l10n.t('Sign in with'),
        required: true,
        choices: [
          { value: 'token', label: l10n.t('Access token') },
          { value: 'basic', label: l10n.t('User name and password (Onepanel users)') },
        ],
      },
    ];
  },
  get secretFields(): SecretSpec[] {
    return [
      { key: 'token', label: l10n.t('Access token'), authMode: 'token' },
      { key: 'username', label: l10n.t('User name'), authMode: 'basic' },
      { key: 'password', label: l10n.t('Password'), authMode: 'basic' },
    ];
  },
  createClient: (account, context) => new OnedataClient(account, context),
};

class OnedataClient implements VendorClient {
  /** Users may paste the API URL instead of the origin; both work. */
  private readonly origin: string;

  constructor(
    private readonly account: Account,
    private readonly context: VendorContext,
  ) {
    this.origin = account.baseUrl.replace(/\/+$/, '').replace(/\/api\/v3\/onezone$/, '');
  }

  /**
   * Details come from the user-scoped `/user/effective_spaces/{id}` first: it answers for every space
   * the listing returns (membership direct or through groups), whereas `/user/spaces/{id}` knows only
   * direct memberships. On 403/404 it falls back to the seed's `/spaces/{id}`, which also admits
   * Onezone admins (`oz_spaces_view`) and so serves configured ids the user is not a member of.
   */
  async getSpace(id: string, options: FetchOptions = {}): Promise<SpaceDetails> {
    const headers = this.authHeaders();
    const what = l10n.t('space "{0}"', id);
    let raw: unknown;
    try {
      raw = await this.get(['user', 'effective_spaces', id], headers, what, options);
    } catch (err) {
      if (!isSpacesError(err) || (err.kind !== 'forbidden' && err.kind !== 'notFound')) throw err;
      raw = await this.get(['spaces', id], headers, what, options);
    }
    return this.toDetails(id, parseWith(spaceSchema, raw, NAME, what), raw);
  }

  /**
   * The ids from `/user/effective_spaces`, in one request: the tree shows its rows at once and fetches the
   * details (and so the names) of the rows it shows, rather than of every space before the first row.
   */
  async listSpaces(options: FetchOptions = {}): Promise<readonly SpaceRef[]> {
    const what = l10n.t('the list of spaces');
    const raw = await this.get(['user', 'effective_spaces'], this.authHeaders(), what, options);
    return [...new Set(parseWith(listSchema, raw, NAME, what).spaces)].map((id) => ({ id }));
  }

  /** A GET of `{origin}/api/v3/onezone/` plus `segments`, each encoded (ids are opaque). */
  private get(segments: readonly string[], headers: Record<string, string>, what: string, options: FetchOptions): Promise<unknown> {
    const describe = describeError(what, this.isBasic ? l10n.t('user name or password') : l10n.t('access token'), this.secretValues());
    return getJson(this.context.http, apiUrl(`${this.origin}${API_PATH}`, ...segments), headers, describe, options);
  }

  private get isBasic(): boolean {
    return this.account.authMode === 'basic';
  }

  /**
   * Masked in error messages: the token, the password and the basic credentials as sent (base64 is no
   * disguise). The user name alone is no secret, and masking a word like "admin" would garble them.
   */
  private secretValues(): (string | undefined)[] {
    const { token, username, password } = this.context.secrets;
    return [token, password, username && password ? basicCredentials(username, password) : undefined];
  }

  /** Throws `config` before anything is sent when a credential is missing. */
  private authHeaders(): Record<string, string> {
    const { token, username, password } = this.context.secrets;
    if (!this.isBasic) {
      if (!token) throw missingSecret(NAME, l10n.t('access token'), this.account.credentialsFromEnv.token);
      return { 'x-auth-token': token };
    }
    if (!username) throw missingSecret(NAME, l10n.t('user name'), this.account.credentialsFromEnv.username);
    if (!password) throw missingSecret(NAME, l10n.t('password'), this.account.credentialsFromEnv.password);
    return { authorization: `Basic ${basicCredentials(username, password)}` };
  }

  private toDetails(id: string, space: OnedataSpace, raw: unknown): SpaceDetails {
    const sizes = space.providers ? providerSizes(space.providers) : undefined;
    const providers = sizes?.items;
    const totalBytes = providers?.reduce((sum, [, bytes]) => sum + bytes, 0);
    const groups: Group[] = [];
    if (providers && (providers.length > 0 || sizes.unreadable > 0)) {
      groups.push({
        id: 'providers',
        label: l10n.t('Storage providers'),
        kind: 'providers',
        columns: [{ key: 'size', label: l10n.t('Support size'), kind: 'bytes' }],
        items: providers.map(([providerId, bytes]) => ({ id: providerId, label: providerId, values: { size: bytes } })),
        chart: { valueKey: 'size', unit: 'bytes' },
        total: { label: l10n.t('Total support'), value: totalBytes ?? 0, kind: 'bytes' },
        ...unreadableOf(sizes),
      });
    }
    const problems = problemOf('Storage providers', sizes);
    const contact = space.marketplaceContactEmail ?? undefined;
    return spaceDetails({
      vendor: 'onedata',
      accountId: this.account.id,
      id,
      name: space.name,
      description: { text: space.description, markdown: true },
      status: supportStatus(providers?.length),
      created: fromEpochSeconds(space.creationTime),
      webUrl: `${this.origin}/ozw/onezone/i#/onedata/spaces/${encodeURIComponent(space.spaceId ?? id)}`,
      facts: facts(
        [l10n.t('Space ID'), space.spaceId ?? id, 'text'],
        [l10n.t('Creator'), creatorText(space.creator), 'text'],
        [l10n.t('Created'), fromEpochSeconds(space.creationTime), 'date'],
        [l10n.t('Organization'), space.organizationName ?? undefined, 'text'],
        [l10n.t('Tags'), listText(space.tags), 'text'],
        [l10n.t('Providers'), providers?.length, 'count'],
        [l10n.t('Total support'), totalBytes, 'bytes'],
        [l10n.t('In marketplace'), space.advertisedInMarketplace ?? undefined, 'boolean'],
        [l10n.t('Marketplace contact'), contact, contact?.includes('@') ? 'email' : 'text'],
      ),
      groups,
      problems,
      fieldProblems: fieldProblems(SPACE_FIELDS, raw),
      raw,
    });
  }
}

/** Each provider's support size: a size that is no number is an unreadable row. */
function providerSizes(map: Readonly<Record<string, unknown>>): Rows<[string, number]> {
  return readRows<[string, unknown], [string, number]>(Object.entries(map), ([provider, bytes]) =>
    typeof bytes === 'number' && Number.isFinite(bytes) ? { row: [provider, bytes] } : { reason: `provider "${provider}": the size is not a number` },
  );
}

/** The credentials part of a basic `authorization` header. */
function basicCredentials(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}

/** A space without provider support has no storage: worth a warning. Unknown when the field is absent. */
function supportStatus(providerCount: number | undefined): Status | undefined {
  if (providerCount === undefined) return undefined;
  if (providerCount === 0) return { label: l10n.t('Not supported'), tone: 'warn', detail: l10n.t('No storage provider supports this space, so it cannot hold data.') };
  const detail = providerCount === 1 ? l10n.t('1 storage provider supports this space.') : l10n.t('{0} storage providers support this space.', providerCount);
  return { label: l10n.t('Supported'), tone: 'ok', detail };
}

/** `user <id>`, `oneprovider <id>` or `nobody` (whose id is null). */
function creatorText(creator: OnedataSpace['creator']): string | undefined {
  if (!creator) return undefined;
  return [creator.type, creator.id].filter(Boolean).join(' ') || undefined;
}

/** Token problems are reported as 400 with ids like badToken, tokenInvalid, tokenRevoked, notAnAccessToken. */
function isTokenError(id: string | undefined): boolean {
  return id !== undefined && /token|macaroon/i.test(id);
}

/** The usual wording (see `describeHttpError`), read from Onezone's error shape. */
function describeError(what: string, credentials: string, secrets: (string | undefined)[]): DescribeError {
  const errorOf = (body: unknown) => errorSchema.safeParse(body).data?.error;
  return describeHttpError({
    vendorName: NAME,
    what: l10n.t('space'),
    subject: what,
    credentials,
    secrets,
    // The nested authError of a 401 says why (expired, revoked …); prefer it to the generic "authenticate yourself".
    wordsIn: (body) => {
      const error = errorOf(body);
      return error?.details?.authError?.description ?? error?.description ?? body;
    },
    statusOf: (status, body) => {
      const error = errorOf(body);
      return isTokenError(error?.id) || isTokenError(error?.details?.authError?.id) ? 401 : status;
    },
    leads: { 404: l10n.t('{0} has no {1} visible to this account', NAME, what) },
  });
}
