/**
 * Alumio: `GET {environment}/api/v1/spaces/{identifier}` answers `{object: Space}`. The API key goes
 * as a Bearer token: Alumio's OpenAPI description declares no authentication (`security: []`), but
 * the API wants the key. There is no documented listing, so an account's spaces are the ids configured
 * on it.
 */
import * as l10n from '@vscode/l10n';
import * as z from 'zod/mini';
import type { Account } from '../accounts';
import { isRecord } from '../json';
import type { SpaceDetails, Status } from '../model';
import { VENDORS } from './catalog';
import { parseIsoDate } from './dates';
import { facts, spaceDetails } from './details';
import { describeHttpError, missingSecret } from './errorWording';
import { fieldProblems, lenient, lenientIsoDate, lenientNumber, lenientText, parseWith, readableWhen, type Documented } from './fields';
import { apiUrl, getJson } from './requests';
import type { FieldSpec, SecretSpec, Vendor, VendorClient, VendorContext } from './vendor';

const NAME = VENDORS.alumio.name;

/** A 0/1 flag (or a real boolean) as a boolean; any other number says nothing. */
function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  return value === 0 || value === 1 ? value === 1 : undefined;
}

/** Documented as integers 0/1; booleans accepted too (any other number is reported, and says nothing). */
const flag = readableWhen(lenient(z.union([z.number(), z.boolean()])), (value) => toBoolean(value) !== undefined);

/** Every field read on its own (see `lenient`): a space needs only to be an object; its name falls back to its id. */
const SPACE_FIELDS = {
  identifier: lenientText,
  name: lenientText,
  description: lenientText,
  purpose: lenientText,
  workers: lenientNumber,
  createdAt: lenientIsoDate,
  updatedAt: lenientIsoDate,
  isLocked: flag,
  termsAgreed: flag,
  createUser: lenientText,
  expireDate: lenientIsoDate,
  cancelUser: lenientText,
  cancelDate: lenientIsoDate,
  status: lenientText,
};
const spaceSchema = z.looseObject(SPACE_FIELDS);

const responseSchema = z.looseObject({ object: spaceSchema });

/** The seed's `Space` requires these. */
const DOCUMENTED: Documented = { required: ['name', 'identifier', 'purpose'] };

type AlumioSpace = z.infer<typeof spaceSchema>;

/** The seed's `Error` body names the offending fields in `violations`; `errorText` reads `detail`. */
const violationsSchema = z.looseObject({
  violations: z.array(z.looseObject({ title: z.optional(z.string()), propertyPath: z.optional(z.string()) })),
});

function violations(body: unknown): string | undefined {
  const parsed = violationsSchema.safeParse(body);
  if (!parsed.success) return undefined;
  return parsed.data.violations.map((v) => (v.propertyPath && v.title ? `${v.propertyPath}: ${v.title}` : v.title)).filter(Boolean).join('; ') || undefined;
}

/**
 * The seed's SpaceStatus titles and descriptions, translated when read; a Map so a status like
 * `constructor` finds nothing.
 */
const statuses = () =>
  new Map<string, Status>([
    ['new', { label: l10n.t('Pending'), tone: 'neutral', detail: l10n.t('This space will be created shortly.') }],
    ['creating', { label: l10n.t('Creating'), tone: 'neutral', detail: l10n.t('This space is currently being set up, this might take a few minutes.') }],
    ['ready', { label: l10n.t('Active'), tone: 'ok', detail: l10n.t('This space is up and running!') }],
    ['error', { label: l10n.t('Error'), tone: 'error', detail: l10n.t('Something went wrong while setting up your space, please contact support.') }],
    ['deleting', { label: l10n.t('Deleting'), tone: 'warn', detail: l10n.t('This space is currently being deleted, this might take a few minutes.') }],
    ['deleted', { label: l10n.t('Deleted'), tone: 'error', detail: l10n.t('This space has been deleted and can no longer be used.') }],
    ['canceled', { label: l10n.t('Canceled'), tone: 'warn', detail: l10n.t('This space has been canceled, it will be deleted on the expiration date.') }],
  ]);

/** The seed's SpacePurpose `enumNames`. */
const purposes = () =>
  new Map([
    ['prod', l10n.t('Production')],
    ['uat', 'UAT'],
    ['test', l10n.t('Test')],
    ['dev', l10n.t('Development')],
  ]);

function toDetails(account: Account, id: string, space: AlumioSpace, raw: unknown): SpaceDetails {
  const sent = isRecord(raw) ? raw.object : undefined;
  const status = space.status ? (statuses().get(space.status) ?? { label: space.status, tone: 'neutral' as const }) : undefined;
  return spaceDetails({
    vendor: 'alumio',
    accountId: account.id,
    id,
    name: space.name,
    description: { text: space.description, markdown: true },
    status,
    created: parseIsoDate(space.createdAt),
    updated: parseIsoDate(space.updatedAt),
    // Fact labels are the seed's field titles (the purpose's title is "Type").
    facts: facts(
      [l10n.t('Type'), space.purpose ? (purposes().get(space.purpose) ?? space.purpose) : undefined, 'text'],
      [l10n.t('Data Engines'), space.workers, 'count'],
      [l10n.t('Locked'), toBoolean(space.isLocked), 'boolean'],
      [l10n.t('Terms agreed'), toBoolean(space.termsAgreed), 'boolean'],
      [l10n.t('Created by'), space.createUser, 'email'],
      [l10n.t('Expire date'), parseIsoDate(space.expireDate), 'date'],
      [l10n.t('Canceled by'), space.cancelUser, 'email'],
      [l10n.t('Cancel date'), parseIsoDate(space.cancelDate), 'date'],
    ),
    groups: [],
    fieldProblems: fieldProblems(SPACE_FIELDS, sent, DOCUMENTED),
    raw,
  });
}

function createClient(account: Account, { http, secrets }: VendorContext): VendorClient {
  const describeError = describeHttpError({ vendorName: NAME, what: l10n.t('space'), credentials: l10n.t('API key'), secrets: Object.values(secrets), moreWords: violations });
  return {
    async getSpace(id, options) {
      const token = secrets.token;
      if (!token) throw missingSecret(NAME, l10n.t('API key'), account.credentialsFromEnv.token);
      const url = apiUrl(account.baseUrl, 'api', 'v1', 'spaces', id);
      const raw = await getJson(http, url, { authorization: `Bearer ${token}` }, describeError, options);
      return toDetails(account, id, parseWith(responseSchema, raw, NAME, l10n.t('the space')).object, raw);
    },
  };
}

export const alumio: Vendor = {
  id: 'alumio',
  catalog: VENDORS.alumio,
  // Getters: the labels are translated when the wizard reads them, after the translations are loaded.
  get fields(): FieldSpec[] {
    return [{ key: 'baseUrl', label: l10n.t('Environment URL'), placeholder: 'https://your-environment.alumio.com', required: true }];
  },
  get secretFields(): SecretSpec[] {
    return [{ key: 'token', label: l10n.t('API key (Access Control → API keys)') }];
  },
  createClient,
};
