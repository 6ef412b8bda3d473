// The demo team's Openlayer workspace: the seed's `Workspace`, with six months of usage.
export const OPENLAYER_TEAM = {
  apiKey: 'sk-ol-brightfield-51c8a7',
  workspaceId: '7c1e9a42-5b3d-4f08-9e61-2d4b8f0a6c35',
} as const;

const months = [
  ['2025-06-01', 182_400, 5_412_000],
  ['2025-07-01', 204_950, 6_080_500],
  ['2025-08-01', 161_300, 4_790_200],
  ['2025-09-01', 248_700, 7_390_800],
  ['2025-10-01', 312_150, 9_260_400],
  ['2025-11-01', 276_820, 8_215_900],
] as const;

/** The workspace, as `GET /v1/workspaces/{id}` answers it. */
export const OPENLAYER_TEAM_WORKSPACE = {
  id: OPENLAYER_TEAM.workspaceId,
  name: 'Brightfield ML',
  slug: 'brightfield-ml',
  dateCreated: '2024-02-19T10:04:00.000Z',
  dateUpdated: '2025-11-21T08:30:00.000Z',
  creatorId: 'b3f0c2d1-8e4a-4c6b-9a7f-1e2d3c4b5a69',
  wildcardDomains: ['brightfield.example'],
  projectCount: 7,
  memberCount: 11,
  monthlyUsage: months.map(([monthYear, predictionCount, executionTimeMs]) => ({ monthYear, predictionCount, executionTimeMs })),
  inviteCount: 2,
  periodStartDate: '2025-11-01T00:00:00.000Z',
  periodEndDate: '2025-12-01T00:00:00.000Z',
  samlOnlyAccess: true,
  status: 'active',
};
