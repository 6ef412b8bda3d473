/**
 * Alumio: `GET {environment}/api/v1/spaces/{identifier}` answers `{object: Space}`. The API key goes
 * as a Bearer token (the seed's `security: []` is wrong, see vendor-apis.md). There is no documented
 * listing, so an account's spaces are the ids configured on it.
 */
import * as z from 'zod/mini';
import type { Account } from '../accounts';
import type { SpaceDetails, Status } from '../model';
import { VENDORS } from './catalog';
import { toIsoDate } from './dates';
import { facts, spaceDetails } from './details';
import { describeHttpError, missingSecret } from './errorWording';
import { lenient, lenientNumber, lenientText, parseWith } from './fields';
import { apiUrl, getJson } from './requests';
import type { Vendor, VendorClient, VendorContext } from './vendor';

const NAME = VENDORS.alumio.name;

/** Documented as integers 0/1; booleans accepted too. */
const flag = lenient(z.union([z.number(), z.boolean()]));

/** A 0/1 flag (or a real boolean) as a boolean; any other number says nothing. */
function toBoolean(value: number | boolean | null | undefined): boolean | undefined {
  if (typeof value === 'boolean') return value;
  return value === 0 || value === 1 ? value === 1 : undefined;
}

/** Every field read on its own (see `lenient`): a space needs only to be an object; its name falls back to its id. */
const spaceSchema = z.looseObject({
  identifier: lenientText,
  name: lenientText,
  description: lenientText,
  purpose: lenientText,
  workers: lenientNumber,
  createdAt: lenientText,
  updatedAt: lenientText,
  isLocked: flag,
  termsAgreed: flag,
  createUser: lenientText,
  expireDate: lenientText,
  cancelUser: lenientText,
  cancelDate: lenientText,
  status: lenientText,
});

const responseSchema = z.looseObject({ object: spaceSchema });

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

/** The seed's SpaceStatus titles and descriptions; a Map so a status like `constructor` finds nothing. */
const STATUSES = new Map<string, Status>([
  ['new', { label: 'Pending', tone: 'neutral', detail: 'This space will be created shortly.' }],
  ['creating', { label: 'Creating', tone: 'neutral', detail: 'This space is currently being set up, this might take a few minutes.' }],
  ['ready', { label: 'Active', tone: 'ok', detail: 'This space is up and running!' }],
  ['error', { label: 'Error', tone: 'error', detail: 'Something went wrong while setting up your space, please contact support.' }],
  ['deleting', { label: 'Deleting', tone: 'warn', detail: 'This space is currently being deleted, this might take a few minutes.' }],
  ['deleted', { label: 'Deleted', tone: 'error', detail: 'This space has been deleted and can no longer be used.' }],
  ['canceled', { label: 'Canceled', tone: 'warn', detail: 'This space has been canceled, it will be deleted on the expiration date.' }],
]);

/** The seed's SpacePurpose `enumNames`. */
const PURPOSES = new Map([
  ['prod', 'Production'],
  ['uat', 'UAT'],
  ['test', 'Test'],
  ['dev', 'Development'],
]);

function toDetails(account: Account, id: string, space: AlumioSpace, raw: unknown): SpaceDetails {
  const status = space.status ? (STATUSES.get(space.status) ?? { label: space.status, tone: 'neutral' as const }) : undefined;
  return spaceDetails({
    vendor: 'alumio',
    accountId: account.id,
    id,
    name: space.name,
    description: { text: space.description, markdown: true },
    status,
    created: toIsoDate(space.createdAt),
    updated: toIsoDate(space.updatedAt),
    // Fact labels are the seed's field titles (the purpose's title is "Type").
    facts: facts(
      ['Type', space.purpose ? (PURPOSES.get(space.purpose) ?? space.purpose) : undefined, 'text'],
      ['Data Engines', space.workers, 'count'],
      ['Locked', toBoolean(space.isLocked), 'boolean'],
      ['Terms agreed', toBoolean(space.termsAgreed), 'boolean'],
      ['Created by', space.createUser, 'email'],
      ['Expire date', toIsoDate(space.expireDate), 'date'],
      ['Canceled by', space.cancelUser, 'email'],
      ['Cancel date', toIsoDate(space.cancelDate), 'date'],
    ),
    groups: [],
    raw,
  });
}

function createClient(account: Account, { http, secrets }: VendorContext): VendorClient {
  const describeError = describeHttpError({ vendorName: NAME, what: 'space', credentials: 'API key', secrets: Object.values(secrets), moreWords: violations });
  return {
    async getSpace(id, options) {
      const token = secrets.token;
      if (!token) throw missingSecret(NAME, 'API key');
      const url = apiUrl(account.baseUrl, 'api', 'v1', 'spaces', id);
      const raw = await getJson(http, url, { authorization: `Bearer ${token}` }, describeError, options);
      return toDetails(account, id, parseWith(responseSchema, raw, NAME, 'the space').object, raw);
    },
  };
}

export const alumio: Vendor = {
  id: 'alumio',
  catalog: VENDORS.alumio,
  fields: [{ key: 'baseUrl', label: 'Environment URL', placeholder: 'https://your-environment.alumio.com', required: true }],
  secretFields: [{ key: 'token', label: 'API key (Access Control → API keys)' }],
  createClient,
};
