/**
 * Openlayer: `GET {base}/workspaces/{workspaceId}` with the workspace API key as a Bearer token (the
 * base already ends in `/v1`). One key belongs to one workspace, and that workspace is the account's
 * only space. No web URL: `app.openlayer.com/{slug}` is a guess, not documented.
 */
import * as l10n from '@vscode/l10n';
import * as z from 'zod/mini';
import type { Account } from '../accounts';
import type { Group, SpaceDetails, Tone } from '../model';
import { VENDORS } from './catalog';
import { parseIsoDate } from './dates';
import { facts, humanize, listText, spaceDetails, uniqueIds } from './details';
import { describeHttpError, missingSecret, missingSetting } from './errorWording';
import { fieldProblems, lenientBoolean, lenientIsoDate, lenientNumber, lenientText, lenientTexts, parseWith, problemOf, rows, unreadableOf, type Documented } from './fields';
import { apiUrl, getJson } from './requests';
import type { FieldSpec, SecretSpec, Vendor, VendorClient, VendorContext } from './vendor';

const NAME = VENDORS.openlayer.name;

/** Every field read on its own (see `lenient`), monthly usage row by row; the name falls back to the id. */
const WORKSPACE_FIELDS = {
  // `inviteCode` is write-only and never read.
  id: lenientText,
  name: lenientText,
  slug: lenientText,
  dateCreated: lenientIsoDate,
  dateUpdated: lenientIsoDate,
  creatorId: lenientText,
  wildcardDomains: lenientTexts,
  projectCount: lenientNumber,
  memberCount: lenientNumber,
  inviteCount: lenientNumber,
  monthlyUsage: rows(z.looseObject({ monthYear: lenientText, predictionCount: lenientNumber, executionTimeMs: lenientNumber })),
  periodStartDate: lenientIsoDate,
  periodEndDate: lenientIsoDate,
  samlOnlyAccess: lenientBoolean,
  status: lenientText,
};
const workspaceSchema = z.looseObject(WORKSPACE_FIELDS);

/** The seed's `Workspace` requires these; the creator and the billing period may be null. */
const DOCUMENTED: Documented = {
  required: ['id', 'name', 'slug', 'dateCreated', 'dateUpdated', 'creatorId', 'projectCount', 'memberCount', 'inviteCount', 'periodStartDate', 'periodEndDate', 'status'],
  nullable: ['creatorId', 'periodStartDate', 'periodEndDate'],
};

type Workspace = z.infer<typeof workspaceSchema>;

/**
 * The billing (Stripe subscription) states. Trialing works fully, so it is ok; unpaid and unfinished
 * payments need attention; canceled and expired subscriptions have ended; paused is a deliberate,
 * reversible state rather than a failure, so it stays neutral.
 */
const TONES = new Map<string, Tone>([
  ['active', 'ok'],
  ['trialing', 'ok'],
  ['past_due', 'warn'],
  ['unpaid', 'warn'],
  ['incomplete', 'warn'],
  ['canceled', 'error'],
  ['incomplete_expired', 'error'],
  ['paused', 'neutral'],
]);

function usageGroup(usage: NonNullable<Workspace['monthlyUsage']>): Group {
  // Oldest first, so the chart reads left to right; `monthYear` is an ISO date.
  const months = [...usage.items].sort((a, b) => (a.monthYear ?? '').localeCompare(b.monthYear ?? ''));
  const unique = uniqueIds();
  const total = months.reduce((sum, m) => sum + (m.predictionCount ?? 0), 0);
  return {
    id: 'monthlyUsage',
    label: l10n.t('Monthly usage'),
    kind: 'usage',
    columns: [
      { key: 'predictions', label: l10n.t('Predictions'), kind: 'count' },
      { key: 'executionTime', label: l10n.t('Execution time'), kind: 'duration' },
    ],
    items: months.map((m, i) => ({
      id: unique(m.monthYear ?? `#${i + 1}`),
      label: m.monthYear ? m.monthYear.replace(/^(\d{4}-\d{2})-\d{2}$/, '$1') : l10n.t('Unknown month'),
      values: { predictions: m.predictionCount ?? null, executionTime: m.executionTimeMs ?? null },
    })),
    chart: { valueKey: 'predictions', unit: 'count' },
    total: { label: l10n.t('Predictions'), value: total, kind: 'count' },
    ...unreadableOf(usage),
  };
}

function toDetails(account: Account, id: string, workspace: Workspace, raw: unknown): SpaceDetails {
  const usage = workspace.monthlyUsage ? usageGroup(workspace.monthlyUsage) : undefined;
  const problems = problemOf('Monthly usage', workspace.monthlyUsage);
  return spaceDetails({
    vendor: 'openlayer',
    accountId: account.id,
    id,
    name: workspace.name,
    status: workspace.status ? { label: humanize(workspace.status), tone: TONES.get(workspace.status) ?? 'neutral' } : undefined,
    created: parseIsoDate(workspace.dateCreated),
    updated: parseIsoDate(workspace.dateUpdated),
    facts: facts(
      [l10n.t('Slug'), workspace.slug, 'text'],
      [l10n.t('Projects'), workspace.projectCount, 'count'],
      [l10n.t('Members'), workspace.memberCount, 'count'],
      [l10n.t('Invites'), workspace.inviteCount, 'count'],
      [l10n.t('Billing period start'), parseIsoDate(workspace.periodStartDate), 'date'],
      [l10n.t('Billing period end'), parseIsoDate(workspace.periodEndDate), 'date'],
      [l10n.t('SAML-only access'), workspace.samlOnlyAccess, 'boolean'],
      [l10n.t('Wildcard domains'), listText(workspace.wildcardDomains), 'text'],
      [l10n.t('Creator ID'), workspace.creatorId, 'text'],
    ),
    groups: usage ? [usage] : [],
    problems,
    fieldProblems: fieldProblems(WORKSPACE_FIELDS, raw, DOCUMENTED),
    raw,
  });
}

function createClient(account: Account, { http, secrets }: VendorContext): VendorClient {
  // `{code, error}` bodies: `errorText` reads `error`.
  const describeError = describeHttpError({ vendorName: NAME, what: l10n.t('workspace'), credentials: l10n.t('API key'), secrets: Object.values(secrets) });
  /** The workspace's name once fetched, so the listing can show it without another request. */
  let knownName: string | undefined;

  function workspaceId(): string {
    if (!account.workspaceId) throw missingSetting(NAME, l10n.t('workspace ID'));
    return account.workspaceId;
  }

  return {
    async getSpace(id, options) {
      const apiKey = secrets.apiKey;
      if (!apiKey) throw missingSecret(NAME, l10n.t('API key'), account.credentialsFromEnv.apiKey);
      const raw = await getJson(http, apiUrl(account.baseUrl, 'workspaces', id), { authorization: `Bearer ${apiKey}` }, describeError, options);
      const details = toDetails(account, id, parseWith(workspaceSchema, raw, NAME, l10n.t('the workspace')), raw);
      if (id === account.workspaceId) knownName = details.name;
      return details;
    },
    async listSpaces() {
      const id = workspaceId();
      return [knownName === undefined ? { id } : { id, name: knownName }];
    },
  };
}

export const openlayer: Vendor = {
  id: 'openlayer',
  catalog: VENDORS.openlayer,
  // Getters: the labels are translated when the wizard reads them, after the translations are loaded.
  get fields(): FieldSpec[] {
    return [
      { key: 'baseUrl', label: l10n.t('API base URL'), placeholder: VENDORS.openlayer.defaultBaseUrl, required: false },
      { key: 'workspaceId', label: l10n.t('Workspace ID'), required: true },
    ];
  },
  get secretFields(): SecretSpec[] {
    return [{ key: 'apiKey', label: l10n.t('Workspace API key (sk-ol-…)') }];
  },
  createClient,
};
