import { CLOCK, Clock } from '@app/platform';
import { LiveEvents } from '../apps/api/src/live/live-events';
import { LoadedWorkstreams, TASK_AND_FINISH } from '../apps/cli/src/demo/workstreams';
import { DemoApp, startDemoApp } from './support/demo-app';
import { GraphqlResponse, waitUntil } from './support/test-app';

/**
 * R42, R43 over the whole demo: every query and subscription, asked by every kind of reader, each
 * cell asserted: the data it may read, FORBIDDEN, or omitted from a list.
 */
const ROLES = [
  'administrator',
  'chair',
  'representative',
  'workstream member (representative)',
  'workstream member (practitioner)',
  'business manager (Bristol)',
  'business manager (North Somerset)',
  'auditor',
  'no roles',
] as const;
type Role = (typeof ROLES)[number];

/** What a cell expects: the data's check, FORBIDDEN, or the list without what the reader may not see. */
type Cell = { check: (data: Record<string, any>) => void } | 'FORBIDDEN';

/** Readers of the group's business (R43): its current representatives, administrators and auditors. */
const GROUP_READERS: Role[] = [
  'administrator',
  'chair',
  'representative',
  'workstream member (representative)',
  'auditor',
];
/** Readers of Bristol's feed: its business manager, the group's representatives, auditors. */
const BRISTOL_READERS: Role[] = [
  'chair',
  'representative',
  'workstream member (representative)',
  'business manager (Bristol)',
  'auditor',
];
/** Readers of the task-and-finish group's tasks: its people, the group's representatives, auditors. */
const TASK_READERS: Role[] = [
  'chair',
  'representative',
  'workstream member (representative)',
  'workstream member (practitioner)',
  'auditor',
];

/** The demo app's clock (startDemoApp). */
const SEED_TODAY = '2026-11-23';

const RESTRICTED_TITLE = 'Strategy meeting about a named school (cascade by 2026-12-04)';

describe('who may read what (R42, R43): every query and subscription for every role', () => {
  let seeded: DemoApp;
  let workstreams: LoadedWorkstreams;
  const tokens = {} as Record<Role, string>;
  let restrictedId: string;
  let openCommunicationId: string;
  let policyId: string;
  let bristol: string;
  let northSomerset: string;
  let taskCount: number;
  let taskAndFinishTaskCount: number;

  beforeAll(async () => {
    seeded = await startDemoApp({ load: ['meetings', 'workstreams', 'policies', 'reportsUp'] });
    const { api, demo, mint, businessManagerIds } = seeded;
    workstreams = seeded.workstreams;
    bristol = demo.areaIds.Bristol;
    northSomerset = demo.areaIds['North Somerset'];

    tokens.administrator = api.adminToken as string;
    tokens.chair = await seeded.tokenOf('sheila-smith');
    tokens.representative = await seeded.tokenOf('jacqui-jensen');
    tokens['workstream member (representative)'] = await seeded.tokenOf('chris-sivers');
    tokens['business manager (Bristol)'] = await seeded.tokenOf('bristol-business-manager');
    tokens['business manager (North Somerset)'] = await mint(businessManagerIds['North Somerset'] as string);
    tokens.auditor = await seeded.tokenOf('auditor');
    tokens['no roles'] = await api.registerPersonWithoutRoles('Someone Unconnected');
    const { registerPerson } = await api.send(
      'mutation($i: RegisterPersonInput!) { registerPerson(input: $i) { personId } }',
      { i: { name: 'Return Interview Practitioner', email: 'practitioner@bristol.example' } },
      tokens.administrator,
    );
    await api.send(
      'mutation($i: AddWorkstreamMemberInput!) { addWorkstreamMember(input: $i) { id } }',
      { i: { workstreamId: workstreams.taskAndFinishId, personId: registerPerson.personId } },
      tokens.representative,
    );
    tokens['workstream member (practitioner)'] = await mint(registerPerson.personId);

    const issue = async (title: string, areaIds: string[], restricted: boolean) =>
      (
        await api.send(
          'mutation($i: IssueRegionalCommunicationInput!) { issueRegionalCommunication(input: $i) { id restricted } }',
          {
            i: {
              groupId: demo.groupId,
              title,
              body: 'For the areas concerned.',
              areaIds,
              cascadeBy: '2026-12-04',
              restricted,
            },
          },
          tokens.chair,
        )
      ).issueRegionalCommunication;
    const restricted = await issue('Strategy meeting about a named school', [bristol], true);
    expect(restricted.restricted).toBe(true);
    restrictedId = restricted.id;
    openCommunicationId = (await issue('Training dates', [bristol, northSomerset], false)).id;

    // A task in a standing group too, so the task-and-finish group's practitioner sees fewer than the group does.
    await api.send(
      'mutation($i: AddTaskInput!) { addTask(input: $i) { id } }',
      {
        i: {
          workstreamId: workstreams.standingIds[workstreams.standingIds.length - 1],
          title: 'Propose the 2027/28 contributions',
          ownerId: demo.personIds['sheila-smith'],
          dueDate: '2027-01-31',
        },
      },
      tokens.chair,
    );

    const { regionalGroup } = await api.send(
      'query($g: ID!) { regionalGroup(id: $g) { policies { id } } }',
      { g: demo.groupId },
      tokens.auditor,
    );
    policyId = regionalGroup.policies[0].id;
    const all = await api.send(
      'query($g: ID!) { tasks(groupId: $g, first: 100) { totalCount } }',
      { g: demo.groupId },
      tokens.auditor,
    );
    taskCount = all.tasks.totalCount;
    taskAndFinishTaskCount = Object.keys(workstreams.taskIds).length;
  });
  afterAll(async () => seeded?.api.stop());

  /** Runs one query for every role and checks each cell. */
  async function matrix(query: string, variables: () => Record<string, unknown>, cells: (role: Role) => Cell) {
    for (const role of ROLES) {
      const response: GraphqlResponse = await seeded.api.graphql(query, variables(), tokens[role]);
      const cell = cells(role);
      if (cell === 'FORBIDDEN') {
        expect({ role, code: response.errors?.[0]?.extensions?.code }).toEqual({ role, code: 'FORBIDDEN' });
      } else {
        expect({ role, errors: response.errors }).toEqual({ role, errors: undefined });
        cell.check(response.data as Record<string, any>);
      }
    }
  }
  const allowedFor =
    (readers: Role[], check: (data: Record<string, any>, role: Role) => void) =>
    (role: Role): Cell =>
      readers.includes(role) ? { check: (data) => check(data, role) } : 'FORBIDDEN';
  const everyone = (check: (data: Record<string, any>, role: Role) => void) => (role: Role) => ({
    check: (data: Record<string, any>) => check(data, role),
  });
  const groupId = () => seeded.demo.groupId;

  it('me and agencyTypes: everyone', async () => {
    await matrix(
      '{ me { id } agencyTypes { code } }',
      () => ({}),
      everyone((data) => {
        expect(data.me.id).toBeTruthy();
        expect(data.agencyTypes.length).toBeGreaterThan(0);
      }),
    );
  });

  it('regionalGroups: lists Avon and Somerset to its readers, and omits it for everyone else', async () => {
    await matrix(
      '{ regionalGroups { totalCount edges { node { id } } } }',
      () => ({}),
      everyone((data, role) => {
        const expected = GROUP_READERS.includes(role) ? [groupId()] : [];
        expect({ role, ids: data.regionalGroups.edges.map((e: any) => e.node.id) }).toEqual({ role, ids: expected });
        expect(data.regionalGroups.totalCount).toBe(expected.length);
      }),
    );
  });

  it("regionalGroup, with its meetings, workstreams, notices and policies: the group's business readers", async () => {
    await matrix(
      'query($g: ID!) { regionalGroup(id: $g) { name meetings { id } workstreams { name } notices { id } policies { title } } }',
      () => ({ g: groupId() }),
      allowedFor(GROUP_READERS, (data) => {
        expect(data.regionalGroup.name).toBe('Avon and Somerset Strategic Safeguarding Partnership');
        expect(data.regionalGroup.workstreams).toHaveLength(8);
        expect(data.regionalGroup.policies).toHaveLength(2);
        expect(data.regionalGroup.notices).toHaveLength(1);
      }),
    );
    await matrix(
      'query($g: ID!) { regionalGroup(id: $g, asAt: "2026-07-01") { meetings { id } workstreams { name } policies { title } } }',
      () => ({ g: groupId() }),
      allowedFor(GROUP_READERS, (data) => {
        expect(data.regionalGroup.workstreams).toHaveLength(7);
        expect(data.regionalGroup.policies).toHaveLength(1);
      }),
    );
  });

  it("meeting, recommendations, policy and policiesDueForReview: the group's business readers", async () => {
    await matrix(
      'query($m: ID!) { meeting(id: $m) { id status } }',
      () => ({ m: seeded.year.meetingIds[0] }),
      allowedFor(GROUP_READERS, (data) => expect(data.meeting.id).toBe(seeded.year.meetingIds[0])),
    );
    // As the platform showed it at a moment (A3, A7): the same readers, the same refusals.
    await matrix(
      'query($m: ID!, $t: DateTime) { meeting(id: $m, asRecordedAt: $t) { id decisions { text originalText } } }',
      () => ({ m: seeded.year.meetingIds[0], t: seeded.api.app.get<Clock>(CLOCK).now().toISOString() }),
      allowedFor(GROUP_READERS, (data) => expect(data.meeting.id).toBe(seeded.year.meetingIds[0])),
    );
    await matrix(
      'query($g: ID!) { recommendations(groupId: $g) { id } }',
      () => ({ g: groupId() }),
      allowedFor(GROUP_READERS, (data) => expect(data.recommendations.length).toBeGreaterThan(0)),
    );
    await matrix(
      'query($p: ID!, $g: ID!) { policy(id: $p) { id } policiesDueForReview(groupId: $g, withinDays: 3660) { id } }',
      () => ({ p: policyId, g: groupId() }),
      allowedFor(GROUP_READERS, (data) => {
        expect(data.policy.id).toBe(policyId);
        expect(data.policiesDueForReview).toHaveLength(2);
      }),
    );
    await matrix(
      `query($p: ID!) { policy(id: $p, asAt: "${SEED_TODAY}") { id asAt } }`,
      () => ({ p: policyId }),
      allowedFor(GROUP_READERS, (data) => expect(data.policy).toEqual({ id: policyId, asAt: SEED_TODAY })),
    );
  });

  it('workstream: the group’s business readers and its own people; its tasks: its people, the group’s members, auditors', async () => {
    await matrix(
      'query($w: ID!) { workstream(id: $w) { name } }',
      () => ({ w: workstreams.taskAndFinishId }),
      allowedFor([...GROUP_READERS, 'workstream member (practitioner)'], (data) =>
        expect(data.workstream.name).toBe(TASK_AND_FINISH.name),
      ),
    );
    await matrix(
      `query($w: ID!) { workstream(id: $w, asAt: "${SEED_TODAY}") { name asAt } }`,
      () => ({ w: workstreams.taskAndFinishId }),
      allowedFor([...GROUP_READERS, 'workstream member (practitioner)'], (data) =>
        expect(data.workstream).toEqual({ name: TASK_AND_FINISH.name, asAt: SEED_TODAY }),
      ),
    );
    await matrix(
      'query($w: ID!) { workstream(id: $w) { workstreamTasks(first: 100) { totalCount } taskCounts { count } } }',
      () => ({ w: workstreams.taskAndFinishId }),
      allowedFor(TASK_READERS, (data) =>
        expect(data.workstream.workstreamTasks.totalCount).toBe(taskAndFinishTaskCount),
      ),
    );
  });

  it('tasks and myTasks: omit the tasks of workstreams the reader may not read', async () => {
    await matrix(
      'query($g: ID!) { tasks(groupId: $g, first: 100) { totalCount edges { node { id } } } }',
      () => ({ g: groupId() }),
      everyone((data, role) => {
        const expected =
          role === 'workstream member (practitioner)'
            ? taskAndFinishTaskCount
            : TASK_READERS.includes(role)
              ? taskCount
              : 0;
        expect({ role, count: data.tasks.totalCount }).toEqual({ role, count: expected });
        expect(data.tasks.edges).toHaveLength(expected);
      }),
    );
    expect(taskCount).toBeGreaterThan(taskAndFinishTaskCount);
    await matrix(
      'query($w: ID!) { tasks(workstreamId: $w, first: 100) { totalCount } }',
      () => ({ w: workstreams.taskAndFinishId }),
      allowedFor(TASK_READERS, (data) => expect(data.tasks.totalCount).toBe(taskAndFinishTaskCount)),
    );
    await matrix(
      '{ myTasks(first: 100) { totalCount } }',
      () => ({}),
      everyone((data, role) => {
        const owners: Partial<Record<Role, number>> = {
          chair: 1,
          representative: 1,
          'workstream member (representative)': 2,
        };
        expect({ role, count: data.myTasks.totalCount }).toEqual({ role, count: owners[role] ?? 0 });
      }),
    );
  });

  it("areaFeed: Bristol's to its business manager, the group's members and auditors, a restricted item in full", async () => {
    await matrix(
      'query($a: ID!) { areaFeed(areaId: $a, first: 100) { edges { node { subjectId title restricted } } } }',
      () => ({ a: bristol }),
      allowedFor(BRISTOL_READERS, (data) => {
        const items = data.areaFeed.edges.map((e: any) => e.node);
        expect(items.find((i: any) => i.subjectId === restrictedId)).toEqual({
          subjectId: restrictedId,
          title: RESTRICTED_TITLE,
          restricted: true,
        });
        expect(items.find((i: any) => i.subjectId === openCommunicationId).restricted).toBe(false);
      }),
    );
    // The version a policy item announced, for the business manager's decision on it: to the same readers.
    await matrix(
      'query($a: ID!) { areaFeed(areaId: $a, first: 100) { edges { node { kind policyVersion } } } }',
      () => ({ a: bristol }),
      allowedFor(BRISTOL_READERS, (data) => {
        const items = data.areaFeed.edges.map((e: any) => e.node);
        const published = items.filter((i: any) => i.kind === 'POLICY_PUBLISHED');
        expect(published.length).toBeGreaterThan(0);
        expect(published.every((i: any) => Number.isInteger(i.policyVersion) && i.policyVersion >= 1)).toBe(true);
        expect(items.filter((i: any) => i.kind !== 'POLICY_PUBLISHED' && i.policyVersion !== null)).toEqual([]);
      }),
    );
    await matrix(
      `query($a: ID!) { areaFeed(areaId: $a, asAt: "${SEED_TODAY}", first: 100) { edges { node { subjectId title asAt } } } }`,
      () => ({ a: bristol }),
      allowedFor(BRISTOL_READERS, (data) => {
        const items = data.areaFeed.edges.map((e: any) => e.node);
        expect(items.find((i: any) => i.subjectId === restrictedId)).toEqual({
          subjectId: restrictedId,
          title: RESTRICTED_TITLE,
          asAt: SEED_TODAY,
        });
      }),
    );
    await matrix(
      'query($a: ID!) { areaFeed(areaId: $a, first: 100) { edges { node { subjectId } } } }',
      () => ({ a: northSomerset }),
      allowedFor(
        [...BRISTOL_READERS.filter((r) => r !== 'business manager (Bristol)'), 'business manager (North Somerset)'],
        (data) => {
          const subjects = data.areaFeed.edges.map((e: any) => e.node.subjectId);
          expect(subjects).toContain(openCommunicationId);
          expect(subjects).not.toContain(restrictedId);
        },
      ),
    );
  });

  it("practiceReviews: each area's reviews to its business manager, the group's members and auditors; none to administrators; refused to the rest", async () => {
    await matrix(
      'query($g: ID!) { practiceReviews(groupId: $g) { reference panelNotification { status } rapidReview { status } } }',
      () => ({ g: groupId() }),
      (role) => {
        const bristolReview = {
          reference: 'BRS-2025-11',
          panelNotification: { status: 'MET' },
          rapidReview: { status: 'MET' },
        };
        const somersetReview = {
          reference: 'SOM-2025-04',
          panelNotification: { status: 'MISSED' },
          rapidReview: { status: 'MISSED' },
        };
        if (role === 'business manager (Bristol)')
          return { check: (data) => expect(data.practiceReviews).toEqual([bristolReview]) };
        // Administrators read the group but no area's reports: an empty list, as the group's inbox answers them.
        if (role === 'business manager (North Somerset)' || role === 'administrator')
          return { check: (data) => expect(data.practiceReviews).toEqual([]) };
        return allowedFor(BRISTOL_READERS, (data) =>
          expect(data.practiceReviews).toEqual([bristolReview, somersetReview]),
        )(role);
      },
    );
    const refused = await seeded.api.graphql(
      'query($g: ID!) { practiceReviews(groupId: $g) { reference } }',
      { g: groupId() },
      tokens['no roles'],
    );
    expect(refused.errors?.[0].message).toBe(
      "The reports of a group's areas are for the areas' business managers, the group's current representatives, administrators and auditors.",
    );
  });

  it("regionalGroup.inbox: the group's business readers, each seeing only the areas whose reports they may read", async () => {
    await matrix(
      'query($g: ID!) { regionalGroup(id: $g) { inbox(first: 100) { totalCount edges { node { kind title restricted status } } } } }',
      () => ({ g: groupId() }),
      allowedFor(GROUP_READERS, (data, role) => {
        const { inbox } = data.regionalGroup;
        if (role === 'administrator') return expect(inbox.totalCount).toBe(0);
        // 2 measures and a yearly report from each of 5 areas, Somerset's earlier report, an escalation, a decision, 2 reviews.
        expect(inbox.totalCount).toBe(5 * 3 + 1 + 1 + 1 + 2);
        expect(inbox.edges.find((e: any) => e.node.kind === 'ESCALATION').node).toEqual({
          kind: 'ESCALATION',
          title: 'Out-of-hours paediatric cover for child protection medicals',
          restricted: true,
          status: 'RECEIVED',
        });
        const late = inbox.edges.filter((e: any) => e.node.kind === 'YEARLY_REPORT' && e.node.status === 'LATE');
        expect(late.map((e: any) => e.node.title)).toEqual(['Yearly report 2025-26']);
        // Last quarter's figures: four areas sent theirs by 31 October, Somerset on 12 November.
        const figures = inbox.edges.filter((e: any) => e.node.kind === 'PERFORMANCE_FIGURES');
        expect(figures.map((e: any) => e.node.status)).toEqual([
          ...Array(6).fill('RECEIVED'),
          'LATE',
          'LATE',
          'RECEIVED',
          'RECEIVED',
        ]);
      }),
    );
  });

  it("reportsUp: what Bristol sent up, to its business manager, the group's members and auditors", async () => {
    await matrix(
      'query($a: ID!) { reportsUp(areaId: $a, first: 100) { totalCount edges { node { areaId kind title restricted status } } } }',
      () => ({ a: bristol }),
      allowedFor(BRISTOL_READERS, (data) => {
        const items = data.reportsUp.edges.map((e: any) => e.node);
        // 2 measures' figures, a yearly report, the escalation and a rapid review decision: Bristol's own, no other area's.
        expect(items.map((item: any) => item.kind).sort()).toEqual([
          'ESCALATION',
          'PERFORMANCE_FIGURES',
          'PERFORMANCE_FIGURES',
          'PRACTICE_REVIEW_DECISION',
          'YEARLY_REPORT',
        ]);
        expect(new Set(items.map((item: any) => item.areaId))).toEqual(new Set([bristol]));
        expect(data.reportsUp.totalCount).toBe(items.length);
      }),
    );
  });

  it("refuses Bristol's business manager another area's records, naming what was asked for", async () => {
    const refusal = async (query: string) =>
      (await seeded.api.graphql(query, { a: northSomerset }, tokens['business manager (Bristol)'])).errors?.[0];
    await expect(refusal('query($a: ID!) { localArrangement(areaId: $a) { groupId } }')).resolves.toMatchObject({
      message: expect.stringMatching(/^An area's local arrangement is for its business managers/),
      extensions: { code: 'FORBIDDEN' },
    });
    await expect(
      refusal('query($a: ID!) { areaFeed(areaId: $a, first: 1) { edges { node { subjectId } } } }'),
    ).resolves.toMatchObject({
      message: expect.stringMatching(/^An area's feed is for its business managers/),
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it("localArrangement.groupId: the group of Bristol, to whoever may read Bristol's records", async () => {
    await matrix(
      'query($a: ID!) { localArrangement(areaId: $a) { groupId area { name } } }',
      () => ({ a: bristol }),
      allowedFor(BRISTOL_READERS, (data) =>
        expect(data.localArrangement).toEqual({ groupId: groupId(), area: { name: 'Bristol' } }),
      ),
    );
  });

  it("performanceMeasures: Bristol's to its business manager, the group's members and auditors", async () => {
    await matrix(
      'query($a: ID!) { performanceMeasures(areaId: $a) { name } }',
      () => ({ a: bristol }),
      allowedFor(BRISTOL_READERS, (data) =>
        expect(data.performanceMeasures.map((m: any) => m.name)).toEqual([
          'Rapid reviews held',
          'Referrals to children’s social care',
        ]),
      ),
    );
  });

  it('history: for auditors and administrators; a restricted item whole to auditors, withheld from administrators', async () => {
    await matrix(
      'query($s: ID!) { history(filter: { entityId: $s }) { edges { node { type withheld data reason record { name } } } } }',
      () => ({ s: restrictedId }),
      allowedFor(['administrator', 'auditor'], (data, role) => {
        const [issued] = data.history.edges.map((e: any) => e.node);
        expect(issued.type).toBe('CommunicationIssued');
        if (role === 'auditor') {
          expect(issued.withheld).toBe(false);
          expect(JSON.parse(issued.data).title).toBe('Strategy meeting about a named school');
          // The record is named by its title to whoever may read it (R42).
          expect(issued.record).toEqual({ name: 'Strategy meeting about a named school' });
        } else {
          expect(issued).toEqual({
            type: 'CommunicationIssued',
            withheld: true,
            data: '{}',
            reason: null,
            record: { name: null },
          });
        }
      }),
    );
    await matrix(
      'query($s: ID!) { history(filter: { entityId: $s }) { edges { node { withheld } } } }',
      () => ({ s: openCommunicationId }),
      allowedFor(['administrator', 'auditor'], (data) =>
        expect(data.history.edges.map((e: any) => e.node.withheld)).toEqual([false]),
      ),
    );
  });

  it("history: an area's own records and a workstream's tasks listed to administrators, but what they say only to those who may read them (R43)", async () => {
    const { api, demo } = seeded;
    type Row = { type: string; streamId: string; withheld: boolean; data: string; reason: string | null };
    const types = [
      'PerformanceFiguresSubmitted',
      'YearlyReportSubmitted',
      'FeedItemAcknowledged',
      'RelevantAgencyRecorded',
      'PolicyAdoptionRecorded',
      'TaskAdded',
    ];
    // An area's policy adoptions are read with the policy, by whoever reads the group's business.
    const readWithThePolicy = (row: Row) => row.type === 'PolicyAdoptionRecorded';
    const rowsFor = async (token: string): Promise<Row[]> => {
      const { data, errors } = await api.graphql<{
        history: { pageInfo: { hasNextPage: boolean }; edges: { node: Row }[] };
      }>(
        `query { history(filter: { types: ${JSON.stringify(types)} }, first: 100) { pageInfo { hasNextPage }
          edges { node { type streamId withheld data reason } } } }`,
        {},
        token,
      );
      expect(errors).toBeUndefined();
      expect(data?.history.pageInfo.hasNextPage).toBe(false);
      return data?.history.edges.map((edge) => edge.node) ?? [];
    };
    const isBristols = (row: Row) => row.streamId === `local-arrangement-${bristol}`;
    const grant = (personId: string, role: string, areaId: string | null = null) =>
      api.send(
        'mutation($i: RoleInput!) { grantRole(input: $i) { personId } }',
        { i: { personId, role, areaId } },
        tokens.administrator,
      );

    // Bristol's own arrangement: an agency taking part, which localArrangement refuses administrators.
    await api.send(
      'mutation($i: RecordRelevantAgencyInput!) { recordRelevantAgency(input: $i) { id } }',
      { i: { areaId: bristol, name: 'Bristol Early Years Forum', agencyType: 'EDUCATION', from: '2019-09-29' } },
      tokens['business manager (Bristol)'],
    );
    const whole = await rowsFor(tokens.auditor);
    expect(new Set(whole.map((row) => row.type))).toEqual(new Set(types));
    expect(
      whole.some((row) => isBristols(row)) && whole.some((row) => row.type !== 'TaskAdded' && !isBristols(row)),
    ).toBe(true);
    expect(whole.filter((row) => row.withheld || row.data === '{}')).toEqual([]);

    // The administrator, who is refused workstreamTasks and reads no area's reports, sees each row, not what it says.
    const administrator = await rowsFor(tokens.administrator);
    expect(administrator.map((row) => [row.type, row.streamId])).toEqual(whole.map((row) => [row.type, row.streamId]));
    expect(
      administrator.filter(
        (row) => !readWithThePolicy(row) && (!row.withheld || row.data !== '{}' || row.reason !== null),
      ),
    ).toEqual([]);
    expect(administrator.filter(readWithThePolicy)).toEqual(whole.filter(readWithThePolicy));

    // An administrator who is also Bristol's business manager reads Bristol's reports, no other area's, no tasks.
    const { registerPerson } = await api.send<{ registerPerson: { personId: string } }>(
      'mutation($i: RegisterPersonInput!) { registerPerson(input: $i) { personId } }',
      { i: { name: 'Administrator For Bristol' } },
      tokens.administrator,
    );
    await grant(registerPerson.personId, 'ADMINISTRATOR');
    await grant(registerPerson.personId, 'AREA_BUSINESS_MANAGER', bristol);
    const managerRows = await rowsFor(await seeded.mint(registerPerson.personId));
    expect(managerRows.map((row) => row.withheld)).toEqual(
      whole.map((row) => !isBristols(row) && !readWithThePolicy(row)),
    );
    expect(managerRows.filter(isBristols)).toEqual(whole.filter(isBristols));

    // An administrator who also represents a partner in the group reads all of it, as the group's members do.
    const memberId = demo.personIds['jacqui-jensen'];
    await grant(memberId, 'ADMINISTRATOR');
    try {
      expect(await rowsFor(tokens.representative)).toEqual(whole);
    } finally {
      await api.send(
        'mutation($i: RoleInput!) { revokeRole(input: $i) { personId } }',
        { i: { personId: memberId, role: 'ADMINISTRATOR', areaId: null } },
        tokens.administrator,
      );
    }
  });

  it("localArrangement: Bristol's own records to whoever may read its feed (R43)", async () => {
    await matrix(
      'query($a: ID!) { localArrangement(areaId: $a) { area { id } relevantAgencies { id } scrutinyReports { id } } }',
      () => ({ a: bristol }),
      allowedFor(BRISTOL_READERS, (data) => expect(data.localArrangement.area.id).toBe(bristol)),
    );
  });

  it('feedItemAcknowledgements: omit the areas whose acknowledgements the reader may not read', async () => {
    await matrix(
      'query($s: ID!) { feedItemAcknowledgements(subjectId: $s) { areaId title } }',
      () => ({ s: openCommunicationId }),
      everyone((data, role) => {
        const areas: Record<string, string[]> = {
          'business manager (Bristol)': [bristol],
          'business manager (North Somerset)': [northSomerset],
        };
        const expected = areas[role] ?? (BRISTOL_READERS.includes(role) ? [bristol, northSomerset] : []);
        const got = data.feedItemAcknowledgements.map((a: any) => a.areaId);
        expect({ role, areas: [...got].sort() }).toEqual({ role, areas: [...expected].sort() });
      }),
    );
  });

  it("subscription areaFeed: refused at the start to those who may not read Bristol's feed, replayed to the rest", async () => {
    for (const role of ROLES) {
      const response = await seeded.api.overSocket(
        'subscription($a: ID!) { areaFeed(areaId: $a) { subjectId title } }',
        { a: bristol },
        tokens[role],
      );
      if (BRISTOL_READERS.includes(role)) {
        expect({ role, errors: response.errors }).toEqual({ role, errors: undefined });
        expect(response.data?.areaFeed.title).toEqual(expect.any(String));
      } else {
        expect({ role, code: response.errors?.[0]?.extensions?.code }).toEqual({ role, code: 'FORBIDDEN' });
      }
    }
  });

  it("the calendar: the group's business readers; 403 to everyone else", async () => {
    for (const role of ROLES) {
      const response = await fetch(`${seeded.api.url}/groups/${groupId()}/calendar.ics`, {
        headers: { authorization: `Bearer ${tokens[role]}` },
      });
      const body = await response.text();
      if (GROUP_READERS.includes(role)) {
        expect({ role, status: response.status }).toEqual({ role, status: 200 });
        expect(body).toContain('BEGIN:VEVENT');
      } else {
        expect({ role, status: response.status }).toEqual({ role, status: 403 });
      }
    }
  });

  it('subscription regionalGroupEstablished: a new group goes only to those who may read it', async () => {
    const live = seeded.api.app.get(LiveEvents);
    const listening = live.subscriberCount;
    const received = Object.fromEntries(ROLES.map((role) => [role, [] as string[]])) as Record<Role, string[]>;
    for (const role of ROLES) {
      seeded.api.subscriptionClient(tokens[role]).subscribe(
        { query: 'subscription { regionalGroupEstablished { name } }' },
        {
          next: (result) => received[role].push((result.data as any).regionalGroupEstablished.name),
          error: () => undefined,
          complete: () => undefined,
        },
      );
    }
    await waitUntil(() => live.subscriberCount === listening + ROLES.length);
    const establish = async (name: string) =>
      seeded.api.graphql(
        'mutation($i: EstablishRegionalGroupInput!) { establishRegionalGroup(input: $i) { id } }',
        { i: { name, areas: [{ name: 'North' }] } },
        tokens.administrator,
      );
    await establish('Northern Partnership');
    await waitUntil(() => received.administrator.length === 1 && received.auditor.length === 1);
    for (const role of ROLES) {
      const expected = role === 'administrator' || role === 'auditor' ? ['Northern Partnership'] : [];
      expect({ role, received: received[role] }).toEqual({ role, received: expected });
    }
  });
});
