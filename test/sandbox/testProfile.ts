/**
 * The tests' profile: one account per vendor against the sandbox, with the seed examples, the minimal, the
 * hostile and the large fixtures the host and e2e tests look for, and the environment the accounts read
 * their secrets from (no secret in settings). The demo shows a team's realistic accounts instead
 * (`teamProfile` in team/profile.ts).
 */
import { ALUMIO_SANDBOX } from './vendors/alumio';
import { BLUEWORKS_SANDBOX } from './vendors/blueworks';
import { ONEDATA_SANDBOX } from './vendors/onedata';
import { OPENLAYER_SANDBOX } from './vendors/openlayer';
import { SHARELY_SANDBOX } from './vendors/sharely';

export interface TestProfile {
  /** `spaces.accounts`, each with `credentialsFromEnv`. */
  readonly accounts: readonly Record<string, unknown>[];
  /** The environment variables those accounts read their secrets from. */
  readonly env: Readonly<Record<string, string>>;
}

export function testProfile(sandboxUrl: string): TestProfile {
  return {
    accounts: [
      {
        id: 'acme-alumio',
        vendor: 'alumio',
        label: 'ACME integrations',
        baseUrl: sandboxUrl,
        spaces: [ALUMIO_SANDBOX.spaces.seed, ALUMIO_SANDBOX.spaces.minimal, ALUMIO_SANDBOX.spaces.hostile],
        credentialsFromEnv: { token: 'SPACES_DEMO_ALUMIO_TOKEN' },
      },
      {
        id: 'team-sharely',
        vendor: 'sharely',
        label: 'Team knowledge',
        baseUrl: sandboxUrl,
        workspaceId: SHARELY_SANDBOX.workspaces.seed,
        organizationId: SHARELY_SANDBOX.organizationId,
        spaces: [SHARELY_SANDBOX.spaces.seed, SHARELY_SANDBOX.spaces.minimal],
        credentialsFromEnv: { apiKey: 'SPACES_DEMO_SHARELY_API_KEY' },
      },
      {
        id: 'ml-openlayer',
        vendor: 'openlayer',
        label: 'ML evaluation',
        baseUrl: `${sandboxUrl}/v1`,
        workspaceId: OPENLAYER_SANDBOX.workspaces.seed,
        credentialsFromEnv: { apiKey: 'SPACES_DEMO_OPENLAYER_API_KEY' },
      },
      {
        id: 'research-onedata',
        vendor: 'onedata',
        label: 'Research data',
        baseUrl: sandboxUrl,
        authMode: 'token',
        credentialsFromEnv: { token: 'SPACES_DEMO_ONEDATA_TOKEN' },
      },
      {
        id: 'process-blueworks',
        vendor: 'blueworks',
        label: 'Process design',
        baseUrl: sandboxUrl,
        clientId: BLUEWORKS_SANDBOX.clientId,
        spaces: [BLUEWORKS_SANDBOX.spaces.seed, BLUEWORKS_SANDBOX.spaces.large, BLUEWORKS_SANDBOX.spaces.wide],
        credentialsFromEnv: { clientSecret: 'SPACES_DEMO_BLUEWORKS_SECRET' },
      },
    ],
    env: {
      SPACES_DEMO_ALUMIO_TOKEN: ALUMIO_SANDBOX.token,
      SPACES_DEMO_SHARELY_API_KEY: SHARELY_SANDBOX.apiKey,
      SPACES_DEMO_OPENLAYER_API_KEY: OPENLAYER_SANDBOX.apiKey,
      SPACES_DEMO_ONEDATA_TOKEN: ONEDATA_SANDBOX.token,
      SPACES_DEMO_BLUEWORKS_SECRET: BLUEWORKS_SANDBOX.clientSecret,
    },
  };
}
