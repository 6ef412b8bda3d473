// The demo team's Sharely.ai workspace: spaces in the seed's shape (members nested as `hosts[].host`),
// two active and one archived.
export const SHARELY_TEAM = {
  apiKey: 'sk-sharely-brightfield-7d20e4',
  workspaceId: 'a3f1c8e2-6b4d-4e19-8c27-5d9e0b1f7a64',
  organizationId: 'e71b2d4c-9a3f-4c58-b6e1-0f8d2a5c3b97',
  spaces: ['3c9e1f4a-7d2b-4e8c-a1f5-6b0d9c2e8f13', '8b27d0c5-1e4f-4a93-b6d8-2f7c0e5a9d41', 'a41f6e2d-9b3c-47d5-8e1a-c0f2b6d4e958'],
} as const;

const workspace = { id: SHARELY_TEAM.workspaceId, name: 'Brightfield', organizationName: 'Brightfield Agri Ltd', organizationId: SHARELY_TEAM.organizationId };

const person = (id: string, name: string, email: string) => ({ id, name, email });
const MAYA = person('u-1a2b', 'Maya Okafor', 'maya.okafor@brightfield.example');
const JONAS = person('u-3c4d', 'Jonas Berg', 'jonas.berg@brightfield.example');
const PRIYA = person('u-5e6f', 'Priya Raman', 'priya.raman@brightfield.example');
const TOM = person('u-7a8b', 'Tom Haddad', 'tom.haddad@brightfield.example');
const LENA = person('u-9c0d', 'Lena Vogel', 'lena.vogel@brightfield.example');
const AGENCY = person('u-e1f2', 'Ruth Mensah (Greenline Agency)', 'ruth@greenline-agency.example');

function conversationGroup(id: string, name: string, type: string, createdAt: string, lastMessageAt: string, conversations: number) {
  return { id, name, type, lastMessageAt, createdAt, updatedAt: lastMessageAt, conversations: Array.from({ length: conversations }, (_, i) => ({ id: `${id}-c${i + 1}` })) };
}

const [customerSuccess, springLaunch, onboarding] = SHARELY_TEAM.spaces;

/** Each space by id, as `GET /v1/workspaces/{wid}/spaces/{id}` answers it. */
export const SHARELY_TEAM_SPACES: ReadonlyMap<string, unknown> = new Map(
  Object.entries({
    [customerSuccess]: {
      id: customerSuccess,
      name: 'Customer success playbooks',
      description: 'Answers for the support team: returns, seed germination questions, dealer onboarding.',
      status: 'ACTIVE',
      createdAt: '2024-03-04T09:00:00Z',
      workspace,
      hosts: [{ host: MAYA }],
      coHosts: [{ coHost: JONAS }],
      guests: [{ guest: PRIYA }, { guest: TOM }],
      spaceGroupConversation: [
        conversationGroup('g-cs-general', 'General', 'PUBLIC', '2024-03-04T09:00:00Z', '2025-11-21T15:42:00Z', 14),
        conversationGroup('g-cs-escalations', 'Escalations', 'PRIVATE', '2024-05-10T11:30:00Z', '2025-11-20T09:12:00Z', 6),
      ],
    },
    [springLaunch]: {
      id: springLaunch,
      name: 'Spring seed range launch',
      description: 'Launch plan, product sheets and agency briefings for the 2026 spring range.',
      status: 'ACTIVE',
      createdAt: '2025-09-15T08:15:00Z',
      workspace,
      hosts: [{ host: LENA }],
      coHosts: [{ coHost: MAYA }],
      guests: [{ guest: AGENCY }],
      spaceGroupConversation: [conversationGroup('g-launch-general', 'General', 'PUBLIC', '2025-09-15T08:15:00Z', '2025-11-19T17:03:00Z', 9)],
    },
    [onboarding]: {
      id: onboarding,
      name: 'New-hire onboarding 2024',
      description: 'Last year\'s onboarding questions, kept for reference.',
      status: 'ARCHIVED',
      createdAt: '2024-01-08T08:00:00Z',
      workspace,
      hosts: [{ host: JONAS }],
      coHosts: [],
      guests: [],
      spaceGroupConversation: [conversationGroup('g-onb-general', 'General', 'PUBLIC', '2024-01-08T08:00:00Z', '2024-12-18T10:30:00Z', 31)],
    },
  }),
);
