/**
 * What `npm run demo` shows: the accounts of one plausible team (Brightfield, a seed and agronomy company)
 * against the sandbox, one per vendor plus a partner zone whose token has expired, and the environment they
 * read their secrets from (no secret in settings). Test fixtures (hostile strings, broken answers) are not
 * here: the tests' own profile is `testProfile` in ../testProfile.ts.
 */
import type { TestProfile } from '../testProfile';
import { ALUMIO_TEAM } from './alumio';
import { BLUEWORKS_TEAM } from './blueworks';
import { ONEDATA_TEAM } from './onedata';
import { OPENLAYER_TEAM } from './openlayer';
import { SHARELY_TEAM } from './sharely';

export interface TeamProfile extends TestProfile {
  /** Every user setting the demo's VS Code starts with, `spaces.accounts` among them. */
  readonly settings: Readonly<Record<string, unknown>>;
}

export function teamProfile(sandboxUrl: string): TeamProfile {
  const accounts = [
    {
      id: 'brightfield-alumio',
      vendor: 'alumio',
      label: 'Shop integrations',
      baseUrl: sandboxUrl,
      spaces: [...ALUMIO_TEAM.spaces],
      credentialsFromEnv: { token: 'BRIGHTFIELD_ALUMIO_TOKEN' },
    },
    {
      id: 'brightfield-sharely',
      vendor: 'sharely',
      label: 'Team knowledge',
      baseUrl: sandboxUrl,
      workspaceId: SHARELY_TEAM.workspaceId,
      organizationId: SHARELY_TEAM.organizationId,
      spaces: [...SHARELY_TEAM.spaces],
      credentialsFromEnv: { apiKey: 'BRIGHTFIELD_SHARELY_API_KEY' },
    },
    {
      id: 'brightfield-openlayer',
      vendor: 'openlayer',
      label: 'Model evaluation',
      baseUrl: `${sandboxUrl}/v1`,
      workspaceId: OPENLAYER_TEAM.workspaceId,
      credentialsFromEnv: { apiKey: 'BRIGHTFIELD_OPENLAYER_API_KEY' },
    },
    {
      id: 'brightfield-onedata',
      vendor: 'onedata',
      label: 'Research data',
      baseUrl: sandboxUrl,
      authMode: 'token',
      credentialsFromEnv: { token: 'BRIGHTFIELD_ONEDATA_TOKEN' },
    },
    {
      id: 'brightfield-blueworks',
      vendor: 'blueworks',
      label: 'Process design',
      baseUrl: sandboxUrl,
      clientId: BLUEWORKS_TEAM.clientId,
      spaces: Object.values(BLUEWORKS_TEAM.spaces),
      credentialsFromEnv: { clientSecret: 'BRIGHTFIELD_BLUEWORKS_SECRET' },
    },
    {
      id: 'partner-onedata',
      vendor: 'onedata',
      label: 'Partner data exchange',
      baseUrl: sandboxUrl,
      authMode: 'token',
      credentialsFromEnv: { token: 'PARTNER_ONEDATA_TOKEN' },
    },
  ];
  return {
    accounts,
    env: {
      BRIGHTFIELD_ALUMIO_TOKEN: ALUMIO_TEAM.token,
      BRIGHTFIELD_SHARELY_API_KEY: SHARELY_TEAM.apiKey,
      BRIGHTFIELD_OPENLAYER_API_KEY: OPENLAYER_TEAM.apiKey,
      BRIGHTFIELD_ONEDATA_TOKEN: ONEDATA_TEAM.token,
      BRIGHTFIELD_BLUEWORKS_SECRET: BLUEWORKS_TEAM.clientSecret,
      PARTNER_ONEDATA_TOKEN: ONEDATA_TEAM.expiredToken,
    },
    settings: { 'spaces.accounts': accounts },
  };
}
