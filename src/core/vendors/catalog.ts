/**
 * What each vendor asks of an account: the facts the settings contract, the validation and the
 * add-account wizard share. The vendor clients add how to talk to each API.
 */
export const VENDOR_IDS = ['alumio', 'sharely', 'openlayer', 'onedata', 'blueworks'] as const;

export type VendorId = (typeof VENDOR_IDS)[number];

/** Account settings a vendor may require, beyond `id` and `vendor`. */
export type AccountField = 'baseUrl' | 'workspaceId' | 'organizationId' | 'clientId' | 'onBehalfOf';

export interface VendorCatalogEntry {
  readonly name: string;
  /** Used when the account gives none; absent where every customer has their own host. */
  readonly defaultBaseUrl?: string;
  readonly requiredFields: readonly AccountField[];
  /** The first is the default. Empty where the vendor has a single way to authenticate. */
  readonly authModes: readonly string[];
  /** Secret fields per auth mode (or under `default`). */
  readonly secrets: Readonly<Record<string, readonly string[]>>;
}

export const VENDORS: Readonly<Record<VendorId, VendorCatalogEntry>> = {
  alumio: { name: 'Alumio', requiredFields: ['baseUrl'], authModes: [], secrets: { default: ['token'] } },
  sharely: {
    name: 'Sharely.ai',
    defaultBaseUrl: 'https://api.sharely.ai',
    requiredFields: ['workspaceId'],
    authModes: ['apiKey', 'accessToken'],
    secrets: { default: ['apiKey'] },
  },
  openlayer: {
    name: 'Openlayer',
    defaultBaseUrl: 'https://api.openlayer.com/v1',
    requiredFields: ['workspaceId'],
    authModes: [],
    secrets: { default: ['apiKey'] },
  },
  onedata: {
    name: 'Onedata',
    requiredFields: ['baseUrl'],
    authModes: ['token', 'basic'],
    secrets: { token: ['token'], basic: ['username', 'password'] },
  },
  blueworks: { name: 'IBM Blueworks Live', requiredFields: ['baseUrl', 'clientId'], authModes: [], secrets: { default: ['clientSecret'] } },
};

export function isVendorId(value: unknown): value is VendorId {
  return typeof value === 'string' && (VENDOR_IDS as readonly string[]).includes(value);
}

/** The secret fields an account needs, given its vendor and auth mode. */
export function secretFields(vendor: VendorId, authMode?: string): readonly string[] {
  const { secrets, authModes } = VENDORS[vendor];
  return secrets[authMode ?? authModes[0] ?? 'default'] ?? secrets.default ?? [];
}
