/**
 * The add-account wizard's answers and the checks on each of them, without the UI: what each step
 * accepts, and the settings entry the answers make. Pure (no `vscode`), so it is tested in Node; the
 * wizard words the problems.
 */
import { ACCOUNT_ID, travelsSafely } from '../core/accounts';
import { VENDORS, type VendorId } from '../core/vendors/catalog';
import type { FieldSpec, SecretSpec } from '../core/vendors/vendor';
import type { RawEntry } from './entries';

export type FieldKey = FieldSpec['key'];

export interface AccountAnswers {
  vendor: VendorId;
  id: string;
  label: string;
  /** Settings fields by key, as typed or picked ('' or absent: not set). */
  fields: Partial<Record<FieldKey, string>>;
  /** Secret values typed in this run ('' or absent: keep what is stored). */
  secrets: Record<string, string>;
  spaces: string[];
}

/** Why a step's input is not accepted. */
export type InputProblem = 'required' | 'notHttpUrl' | 'urlWithCredentials' | 'insecureHttp' | 'badId' | 'duplicateId';

export function checkRequired(value: string): InputProblem | undefined {
  return value.trim() === '' ? 'required' : undefined;
}

/** http(s) only, and no user name or password in it (those belong in the secrets). */
/** `allowInsecure`: the entry opts in to plain http to another machine (set by hand in settings.json). */
export function checkHttpUrl(value: string, allowInsecure = false): InputProblem | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return 'notHttpUrl';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'notHttpUrl';
  if (url.username !== '' || url.password !== '') return 'urlWithCredentials';
  if (!allowInsecure && !travelsSafely(url.href)) return 'insecureHttp';
  return undefined;
}

/** A settings field: required ones must be set; a base URL must be http(s). */
export function checkField(spec: Pick<FieldSpec, 'key' | 'required'>, value: string, allowInsecure = false): InputProblem | undefined {
  if (value.trim() === '') return spec.required ? 'required' : undefined;
  return spec.key === 'baseUrl' ? checkHttpUrl(value, allowInsecure) : undefined;
}

export function checkAccountId(value: string, taken: ReadonlySet<string>): InputProblem | undefined {
  const id = value.trim();
  if (id === '') return 'required';
  if (!ACCOUNT_ID.test(id)) return 'badId';
  return taken.has(id) ? 'duplicateId' : undefined;
}

/** A secret must be given, unless one is stored already and an empty answer keeps it. */
export function checkSecret(value: string, stored: boolean): InputProblem | undefined {
  return value.trim() === '' && !stored ? 'required' : undefined;
}

/** The vendor's id, or the first of `<vendor>-2`, `<vendor>-3`, … that is free. */
export function suggestAccountId(vendor: VendorId, taken: ReadonlySet<string>): string {
  if (!taken.has(vendor)) return vendor;
  for (let n = 2; ; n++) if (!taken.has(`${vendor}-${n}`)) return `${vendor}-${n}`;
}

/** "a, b,,c , a" → ["a", "b", "c"]. */
export function parseSpaceIds(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

export function formatSpaceIds(ids: readonly string[]): string {
  return ids.join(', ');
}

/** The auth mode the answers choose: the picked one, else the vendor's default (undefined where it has one way). */
export function authModeOf(answers: Pick<AccountAnswers, 'vendor' | 'fields'>): string | undefined {
  return answers.fields.authMode || VENDORS[answers.vendor].authModes[0];
}

/** The secret fields asked for under `authMode`. */
export function secretSpecsFor(specs: readonly SecretSpec[], authMode: string | undefined): SecretSpec[] {
  return specs.filter((s) => s.authMode === undefined || s.authMode === authMode);
}

/** The settings keys the wizard owns for a vendor; every other key of an edited entry is kept. */
function ownedKeys(fields: readonly FieldSpec[]): string[] {
  return ['label', 'spaces', ...fields.map((f) => f.key)];
}

/**
 * The `spaces.accounts` entry for `answers`. Editing: `previous` is the entry as it stands, whose keys the
 * wizard does not ask about (`credentialsFromEnv`, `includeSubspaces`, …) are kept. Empty answers are
 * left out, and so is a base URL equal to the vendor's default. Never holds a secret.
 */
export function buildEntry(answers: AccountAnswers, fields: readonly FieldSpec[], previous: RawEntry = {}): RawEntry {
  const entry: RawEntry = { id: answers.id.trim(), vendor: answers.vendor };
  const owned = new Set(ownedKeys(fields));
  const label = answers.label.trim();
  if (label !== '') entry.label = label;
  for (const spec of fields) {
    let value = answers.fields[spec.key]?.trim() ?? '';
    if (spec.key === 'baseUrl') {
      value = value.replace(/\/+$/, '');
      if (value === VENDORS[answers.vendor].defaultBaseUrl) value = '';
    }
    if (value !== '') entry[spec.key] = value;
  }
  if (answers.spaces.length > 0) entry.spaces = [...new Set(answers.spaces)];
  for (const [key, value] of Object.entries(previous)) {
    if (key !== 'id' && key !== 'vendor' && !owned.has(key)) entry[key] = value;
  }
  return entry;
}

/** The answers an existing entry stands for (Edit Account): its own values, not the defaults. */
export function answersFromEntry(entry: RawEntry, vendor: VendorId, fields: readonly FieldSpec[]): AccountAnswers {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const values: Partial<Record<FieldKey, string>> = {};
  for (const spec of fields) {
    const value = text(entry[spec.key]);
    if (value !== '') values[spec.key] = value;
  }
  return {
    vendor,
    id: text(entry.id),
    label: text(entry.label),
    fields: values,
    secrets: {},
    spaces: Array.isArray(entry.spaces) ? entry.spaces.filter((s): s is string => typeof s === 'string') : [],
  };
}

/** Fresh answers for `vendor`: defaults prefilled (base URL, first auth mode), a free id suggested. */
export function freshAnswers(vendor: VendorId, fields: readonly FieldSpec[], taken: ReadonlySet<string>): AccountAnswers {
  const values: Partial<Record<FieldKey, string>> = {};
  const defaultBaseUrl = VENDORS[vendor].defaultBaseUrl;
  for (const spec of fields) {
    if (spec.key === 'baseUrl' && defaultBaseUrl) values.baseUrl = defaultBaseUrl;
    else if (spec.choices?.length && spec.key === 'authMode') values.authMode = spec.choices[0]!.value;
  }
  return { vendor, id: suggestAccountId(vendor, taken), label: VENDORS[vendor].name, fields: values, secrets: {}, spaces: [] };
}
