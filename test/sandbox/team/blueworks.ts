// The demo team's Blueworks Live account: "Order to cash", a large process space of twelve subspaces and
// their artifacts; "Field trial approvals", a small one with goals and a permission matrix; and an
// archived space. Kebab-case keys and `+0000` dates, as the seed shows them.
type Json = Record<string, unknown>;

export const BLUEWORKS_TEAM = {
  /** A User Service ID: acts as its user, no X-On-Behalf-Of needed. */
  clientId: 'brightfield-process-design',
  clientSecret: 'bwl-brightfield-9e4c2a71',
  spaces: { orderToCash: '5a17c2', fieldTrials: '5a2e90', supplierOnboarding: '4f0b33' },
} as const;

const S = BLUEWORKS_TEAM.spaces;

function bwDate(iso: string): string {
  return new Date(iso).toISOString().replace('Z', '+0000');
}

const user = (id: string, name: string, email: string) => ({ id, 'full-name': name, 'email-address': email });
const NADIA = user('70411', 'Nadia Brooks', 'nadia.brooks@brightfield.example');
const OSCAR = user('70418', 'Oscar Lindqvist', 'oscar.lindqvist@brightfield.example');
const PRIYA = user('70425', 'Priya Raman', 'priya.raman@brightfield.example');
const AUTHORS = [NADIA, OSCAR, PRIYA];

const ALL = { 'blueprint-processes': true, 'automate-processes': true, 'compose-decisions': true, 'author-policies': true, 'manage-and-edit': true };
const EDIT = { ...ALL, 'manage-and-edit': false };
const VIEW = { 'blueprint-processes': false, 'automate-processes': false, 'compose-decisions': false, 'author-policies': false, 'manage-and-edit': false };

const PARTICIPANTS = [
  { participant: { name: 'Nadia Brooks', id: '70411', type: 'user' }, permissions: ALL },
  { participant: { name: 'Process owners', id: '5a0c11', type: 'user-group' }, permissions: EDIT },
  { participant: { type: 'all-editors' }, permissions: { ...EDIT, 'author-policies': false } },
  { participant: { type: 'all-contributors' }, permissions: { ...VIEW, 'automate-processes': true } },
  { participant: { type: 'all-community' }, permissions: VIEW },
];

/** Order to cash's subspaces, each with the processes, decisions and policies a team would model there. */
const ORDER_TO_CASH: readonly { name: string; blueprints: string[]; decisions: string[]; policies: string[] }[] = [
  { name: 'Quotes and pricing', blueprints: ['Prepare a quote', 'Approve a special price', 'Renew a dealer price list', 'Expire open quotes'], decisions: ['Discount approval level', 'Volume price band'], policies: ['Pricing policy'] },
  { name: 'Order entry', blueprints: ['Enter a web shop order', 'Enter a phone order', 'Enter an EDI order', 'Split an order by warehouse', 'Change an open order'], decisions: ['Order channel routing'], policies: ['Order acceptance policy'] },
  { name: 'Credit check', blueprints: ['Check a credit limit', 'Raise a credit limit', 'Release a blocked order'], decisions: ['Credit risk class', 'Automatic release'], policies: ['Credit policy'] },
  { name: 'Fulfilment', blueprints: ['Pick and pack', 'Ship a pallet', 'Ship a parcel', 'Handle a backorder', 'Dropship from a grower'], decisions: ['Carrier choice'], policies: ['Cold chain policy'] },
  { name: 'Invoicing', blueprints: ['Invoice a delivery', 'Invoice a dealer monthly', 'Correct an invoice', 'Send e-invoices'], decisions: ['Invoice channel'], policies: ['Invoicing policy'] },
  { name: 'Payments', blueprints: ['Match a bank payment', 'Handle a card chargeback', 'Refund a customer'], decisions: ['Payment match tolerance'], policies: [] },
  { name: 'Collections', blueprints: ['Send a payment reminder', 'Agree a payment plan', 'Hand over to a collection agency'], decisions: ['Dunning level'], policies: ['Collections policy'] },
  { name: 'Returns', blueprints: ['Accept a return', 'Inspect returned goods', 'Credit a return'], decisions: ['Return eligibility', 'Restock or write off'], policies: ['Returns policy'] },
  { name: 'Dealer management', blueprints: ['Onboard a dealer', 'Review dealer terms', 'Offboard a dealer'], decisions: ['Dealer tier'], policies: ['Dealer code of conduct'] },
  { name: 'Master data', blueprints: ['Create a customer', 'Merge duplicate customers', 'Create an article', 'Block an article'], decisions: [], policies: ['Data ownership policy'] },
  { name: 'Reporting', blueprints: ['Close the month', 'Report days sales outstanding'], decisions: [], policies: [] },
  { name: 'Exceptions', blueprints: ['Handle a lost shipment', 'Handle a damaged delivery', 'Handle a price dispute'], decisions: ['Goodwill amount'], policies: ['Goodwill policy'] },
];

const subspaceId = (i: number) => `5a18${(i + 0x10).toString(16)}`;

/** The artifact list entry, as the seed's artifacts are. */
function artifact(kind: string, id: string, name: string, n: number, parent: { id: string; name: string }): Json {
  const author = AUTHORS[n % AUTHORS.length]!;
  const modified = bwDate(`2025-${String(1 + (n % 11)).padStart(2, '0')}-${String(1 + ((n * 7) % 27)).padStart(2, '0')}T${String(8 + (n % 9)).padStart(2, '0')}:15:00Z`);
  return {
    id,
    name,
    type: kind,
    tags: [parent.name.toLowerCase().replace(/\s+/g, '-')],
    'space-ids': [parent.id],
    'space-names': [parent.name],
    'archived-state': 'active',
    'published-state': n % 4 === 0 ? 'unpublished' : 'published',
    'last-modified-date': modified,
    'last-modified-by-user': author,
    'created-date': bwDate(`2023-${String(1 + (n % 12)).padStart(2, '0')}-10T09:00:00Z`),
    'created-by-user': author,
    ...(kind === 'decision' ? { 'published-date': modified, 'published-snapshot-name': `Release ${1 + (n % 4)}`, 'published-snapshot-date': modified } : {}),
  };
}

/** A subspace of Order to cash with its own artifacts, as fetched on its own. */
function orderToCashSubspace(i: number): Json {
  const area = ORDER_TO_CASH[i]!;
  const parent = { id: subspaceId(i), name: area.name };
  const list = (kind: string, names: readonly string[], offset: number) => names.map((name, k) => artifact(kind, `${parent.id}${kind[0]}${k + 1}`, name, i * 10 + offset + k, parent));
  return {
    name: area.name,
    id: parent.id,
    tags: ['order-to-cash'],
    goals: [{ description: `${area.name}: right first time`, weight: 'high' }],
    users: PARTICIPANTS,
    'space-ids': [S.orderToCash],
    'space-names': ['Order to cash'],
    'archived-state': 'active',
    'last-modified-date': bwDate(`2025-11-${String(1 + i).padStart(2, '0')}T10:00:00Z`),
    'last-modified-by-user': AUTHORS[i % AUTHORS.length],
    'created-date': bwDate('2023-01-16T09:00:00Z'),
    'created-by-user': NADIA,
    blueprints: list('blueprint', area.blueprints, 0),
    decisions: list('decision', area.decisions, 5),
    policies: list('policy', area.policies, 8),
  };
}

const SUBSPACES = ORDER_TO_CASH.map((_, i) => orderToCashSubspace(i));

/** Order to cash lists every artifact of its subspaces (as include-subspaces asks) and its own apps. */
function orderToCash(): Json {
  const parent = { id: S.orderToCash, name: 'Order to cash' };
  const all = (key: string) => SUBSPACES.flatMap((sub) => sub[key] as Json[]);
  const summaries = SUBSPACES.map((sub) => {
    const summary = { ...sub };
    for (const key of ['blueprints', 'decisions', 'policies']) delete summary[key];
    return summary;
  });
  return {
    name: parent.name,
    id: parent.id,
    tags: ['order-to-cash', 'finance', 'sales'],
    description: 'From a quote to cash in the bank: every step of how Brightfield sells to dealers and growers. Owner: Nadia Brooks.',
    goals: [
      { description: 'Orders shipped within 48 hours', weight: 'high' },
      { description: 'Days sales outstanding under 40', weight: 'high' },
      { description: 'One order process for every channel', weight: 'medium' },
      { description: 'Fewer manual invoice corrections', weight: 'low' },
    ],
    users: PARTICIPANTS,
    subspaces: summaries,
    blueprints: all('blueprints'),
    decisions: all('decisions'),
    policies: all('policies'),
    'process-apps': ['Order desk', 'Credit review', 'Returns intake'].map((name, k) => artifact('process-app', `${S.orderToCash}a${k + 1}`, name, k, parent)),
    'archived-state': 'active',
    'last-modified-date': bwDate('2025-11-21T14:32:10Z'),
    'last-modified-by-user': NADIA,
    'created-date': bwDate('2023-01-16T09:00:00Z'),
    'created-by-user': NADIA,
  };
}

function fieldTrials(): Json {
  const parent = { id: S.fieldTrials, name: 'Field trial approvals' };
  return {
    name: parent.name,
    id: parent.id,
    tags: ['research', 'compliance'],
    description: 'How a field trial is proposed, approved by the ethics and safety board, run and closed.',
    goals: [
      { description: 'Every trial approved before sowing', weight: 'high' },
      { description: 'Approval in under ten working days', weight: 'medium' },
      { description: 'Trial data in Onedata within a week of harvest', weight: 'low' },
    ],
    users: [
      { participant: { name: 'Priya Raman', id: '70425', type: 'user' }, permissions: ALL },
      { participant: { name: 'Trial board', id: '5a2e91', type: 'user-group' }, permissions: { ...VIEW, 'compose-decisions': true, 'author-policies': true } },
      { participant: { type: 'all-editors' }, permissions: EDIT },
      { participant: { type: 'all-community' }, permissions: VIEW },
    ],
    blueprints: ['Propose a field trial', 'Review a trial protocol', 'Close a trial'].map((name, k) => artifact('blueprint', `${S.fieldTrials}b${k + 1}`, name, k + 2, parent)),
    decisions: [artifact('decision', `${S.fieldTrials}d1`, 'Board review needed', 3, parent)],
    policies: [artifact('policy', `${S.fieldTrials}p1`, 'Field trial safety policy', 4, parent)],
    'archived-state': 'active',
    'last-modified-date': bwDate('2025-10-28T11:05:00Z'),
    'last-modified-by-user': PRIYA,
  };
}

/** Each space by id, subspaces included, as `GET /bwl/spaces/{id}?include-subspaces=true` answers it. */
export const BLUEWORKS_TEAM_SPACES: ReadonlyMap<string, Json> = new Map([
  [S.orderToCash, orderToCash()],
  [S.fieldTrials, fieldTrials()],
  [S.supplierOnboarding, { name: 'Supplier onboarding (2022)', id: S.supplierOnboarding, tags: ['procurement'], description: 'Replaced by the purchasing team\'s new process.', 'archived-state': 'archived', 'last-modified-date': bwDate('2022-12-09T16:20:00Z'), 'last-modified-by-user': OSCAR }],
  ...SUBSPACES.map((sub) => [sub.id as string, sub] as const),
]);
