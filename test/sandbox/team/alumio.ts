// The demo team's Alumio environments: a Space per environment (the seed's schema, field by field),
// one in each status tone the extension shows: Active, Creating, Error and Canceled.
export const ALUMIO_TEAM = {
  token: 'alumio-brightfield-3f9a61c2',
  spaces: ['brightfield-prod', 'brightfield-acceptance', 'brightfield-dev', 'marketplace-pilot', 'b2b-portal-legacy'],
} as const;

const owner = 'ops@brightfield.example';

/** Each space by identifier, as Alumio answers it inside `{object}`. */
export const ALUMIO_TEAM_SPACES: ReadonlyMap<string, unknown> = new Map(
  Object.entries({
    'brightfield-prod': {
      identifier: 'brightfield-prod',
      name: 'Production',
      description:
        'Live integrations of the **Brightfield** web shop.\n\n- Orders from the shop to the ERP every 5 minutes\n- Stock levels and prices back to the shop\n- Shipping labels from the warehouse\n\nOn call: see [the runbook](https://wiki.brightfield.example/integrations/runbook).',
      purpose: 'prod',
      workers: 4,
      createdAt: '2023-02-14T09:30:00+00:00',
      updatedAt: '2025-11-03T16:12:44+00:00',
      isLocked: 1,
      termsAgreed: 1,
      createUser: owner,
      status: 'ready',
    },
    'brightfield-acceptance': {
      identifier: 'brightfield-acceptance',
      name: 'Acceptance',
      description: 'Release candidates, tested against the ERP test company before they go live.',
      purpose: 'uat',
      workers: 2,
      createdAt: '2023-02-14T09:42:10+00:00',
      updatedAt: '2025-11-12T08:05:31+00:00',
      isLocked: 0,
      termsAgreed: 1,
      createUser: owner,
      status: 'ready',
    },
    'brightfield-dev': {
      identifier: 'brightfield-dev',
      name: 'Development',
      description: 'A fresh environment for the 2026 ERP upgrade.',
      purpose: 'dev',
      workers: 1,
      createdAt: '2025-11-20T13:01:00+00:00',
      isLocked: 0,
      termsAgreed: 1,
      createUser: 'lena.vogel@brightfield.example',
      status: 'creating',
    },
    'marketplace-pilot': {
      identifier: 'marketplace-pilot',
      name: 'Marketplace pilot',
      description: 'Listing the spring seed range on two online marketplaces.',
      purpose: 'test',
      workers: 1,
      createdAt: '2025-09-08T10:20:00+00:00',
      updatedAt: '2025-11-18T07:55:12+00:00',
      isLocked: 0,
      termsAgreed: 1,
      createUser: 'sam.okafor@brightfield.example',
      status: 'error',
    },
    'b2b-portal-legacy': {
      identifier: 'b2b-portal-legacy',
      name: 'Legacy B2B portal',
      description: 'The old dealer portal, replaced by the web shop\'s B2B prices.',
      purpose: 'prod',
      workers: 1,
      createdAt: '2019-05-02T08:00:00+00:00',
      updatedAt: '2025-10-01T12:00:00+00:00',
      isLocked: 0,
      termsAgreed: 1,
      createUser: owner,
      expireDate: '2026-01-31T00:00:00+00:00',
      cancelUser: 'finance@brightfield.example',
      cancelDate: '2025-10-01T12:00:00+00:00',
      status: 'canceled',
    },
  }),
);
