import { LoadedDemo } from '../apps/cli/src/demo/load-demo';
import { LoadedMeetings } from '../apps/cli/src/demo/meeting-year';
import { LoadedWorkstreams } from '../apps/cli/src/demo/workstreams';
import { startDemoApp } from './support/demo-app';
import { TestApp } from './support/test-app';

const WORKSTREAM =
  'id status kind taskCounts { status count } workstreamTasks(first: 50) { edges { node { id title status overdue } } }';

describe('workstreams and tasks over GraphQL', () => {
  let api: TestApp;
  let demo: LoadedDemo;
  let loaded: LoadedWorkstreams;
  let year: LoadedMeetings;
  let tokenOf: (key: string) => Promise<string>;
  /** Reads feeds and tasks, which R43 leaves to those named there and auditors, not administrators. */
  let auditor: string;
  const call = async (mutation: string, inputType: string, input: Record<string, unknown>, token: string | null) =>
    api.graphql(`mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${WORKSTREAM} } }`, { input }, token);

  beforeAll(async () => {
    ({
      api,
      demo,
      workstreams: loaded,
      year,
      tokenOf,
    } = await startDemoApp({
      load: ['meetings', 'workstreams'],
    }));
    auditor = await tokenOf('auditor');
  });
  afterAll(async () => api.stop());

  it('gives a member their own tasks, and the overdue ones across the group', async () => {
    const { data } = await api.graphql(
      `query($g: ID!) { myTasks { edges { node { title status } } } overdue: tasks(groupId: $g, overdue: true) { edges { node { title status overdue } } } }`,
      { g: demo.groupId },
      await tokenOf('chris-sivers'),
    );
    expect(data?.myTasks.edges.map((e: { node: { status: string } }) => e.node.status)).toEqual(['DONE', 'CANCELLED']);
    expect(data?.overdue.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { title: 'Agree a shared data set on missing episodes', status: 'IN_PROGRESS', overdue: true },
      { title: 'Align police referral triggers', status: 'BLOCKED', overdue: true },
    ]);
  });

  it('says whether the reader may change each task (W2): the lead every one, a member their own, nobody as at a day', async () => {
    type Tasks = {
      workstream: { workstreamTasks: { edges: { node: { ownerId: string; viewerMayChange: boolean } }[] } };
    };
    const mayChange = async (token: string, asAt: string | null = null) => {
      const { data, errors } = await api.graphql<Tasks>(
        'query($id: ID!, $asAt: String) { workstream(id: $id, asAt: $asAt) { workstreamTasks(first: 50) { edges { node { ownerId viewerMayChange } } } } }',
        { id: loaded.taskAndFinishId, asAt },
        token,
      );
      expect(errors).toBeUndefined();
      return data?.workstream.workstreamTasks.edges.map(({ node }) => node) ?? [];
    };
    const lead = await tokenOf('jacqui-jensen');
    expect((await mayChange(lead)).map((task) => task.viewerMayChange)).toEqual([true, true, true, true, true]);
    const chris = demo.personIds['chris-sivers'];
    const asMember = await mayChange(await tokenOf('chris-sivers'));
    expect(asMember.filter((task) => task.viewerMayChange).map((task) => task.ownerId)).toEqual([chris, chris]);
    expect(asMember.filter((task) => !task.viewerMayChange).every((task) => task.ownerId !== chris)).toBe(true);
    // An auditor reads the tasks but is not on the workstream; a day seen as at is history.
    expect((await mayChange(auditor)).some((task) => task.viewerMayChange)).toBe(false);
    expect((await mayChange(lead, '2026-11-23')).some((task) => task.viewerMayChange)).toBe(false);
  });

  it('shows the group every workstream’s latest status and which have not reported since the last meeting (W1)', async () => {
    const { data } = await api.graphql(
      'query($id: ID!) { regionalGroup(id: $id) { workstreams { name latestStatus { rag } reportedSinceLastMeeting } } }',
      { id: demo.groupId },
    );
    const byName = Object.fromEntries(data?.regionalGroup.workstreams.map((w: { name: string }) => [w.name, w]));
    expect(Object.keys(byName)).toHaveLength(8);
    expect(byName['Standing groups']).toMatchObject({ latestStatus: null, reportedSinceLastMeeting: false });
    expect(byName.Resources).toMatchObject({ latestStatus: { rag: 'AMBER' }, reportedSinceLastMeeting: true });
  });

  it('names the partner leading on the day seen: the BNSSG CCG before 1 July 2022, the ICB that succeeded it from then (W1, R16)', async () => {
    const [performance] = loaded.standingIds;
    const leadOn = async (asAt: string | null) => {
      const { data, errors } = await api.graphql(
        'query($id: ID!, $g: ID!, $asAt: String) { workstream(id: $id, asAt: $asAt) { leadPartnerId } regionalGroup(id: $g, asAt: $asAt) { workstreams { id leadPartnerId } } }',
        { id: performance, g: demo.groupId, asAt },
        auditor,
      );
      expect(errors).toBeUndefined();
      const listed = data?.regionalGroup.workstreams.find((w: { id: string }) => w.id === performance);
      expect(listed?.leadPartnerId).toBe(data?.workstream.leadPartnerId);
      return data?.workstream.leadPartnerId;
    };
    expect(await leadOn('2020-03-01')).toBe(demo.partnerIds['bnssg-ccg']);
    expect(await leadOn('2022-06-30')).toBe(demo.partnerIds['bnssg-ccg']);
    expect(await leadOn('2022-07-01')).toBe(demo.partnerIds['bnssg-icb']);
    expect(await leadOn(null)).toBe(demo.partnerIds['bnssg-icb']);
  });

  it('refuses a lead partner that was no core partner on the start day, or on the day the lead changes, writing nothing (W1)', async () => {
    const chair = await tokenOf('sheila-smith');
    const [performance] = loaded.standingIds;
    const icb = 'NHS Bristol, North Somerset and South Gloucestershire ICB';
    const before = await api.store.lastPosition();
    const commissioned = await call(
      'commissionWorkstream',
      'CommissionWorkstreamInput',
      {
        groupId: demo.groupId,
        name: 'Health data since 2020',
        kind: 'STANDING',
        purpose: 'Health data across the five local arrangements.',
        leadPartnerId: demo.partnerIds['bnssg-icb'],
        leadPersonId: demo.personIds['janet-baptiste-grant'],
        areaIds: Object.values(demo.areaIds),
        startDate: '2020-04-01',
      },
      chair,
    );
    expect(commissioned.data).toBeNull();
    expect(commissioned.errors?.[0]).toMatchObject({
      message: `${icb} was not a core partner of the group on 2020-04-01, the day the workstream starts.`,
      extensions: { code: 'NOT_A_CORE_PARTNER', partnerId: demo.partnerIds['bnssg-icb'], on: '2020-04-01' },
    });
    const changed = await call(
      'changeWorkstreamLead',
      'ChangeWorkstreamLeadInput',
      {
        workstreamId: performance,
        personId: demo.personIds['janet-baptiste-grant'],
        leadPartnerId: demo.partnerIds['bnssg-ccg'],
      },
      chair,
    );
    expect(changed.errors?.[0]).toMatchObject({
      message: `NHS BNSSG CCG had been succeeded by ${icb} by 2026-11-23, the day the lead changes: name ${icb} as the lead partner.`,
      extensions: { code: 'NOT_A_CORE_PARTNER', successorId: demo.partnerIds['bnssg-icb'] },
    });
    expect(await api.store.lastPosition()).toBe(before);
  });

  it('flows a commissioned workstream into the feed of each area it concerns, and only those (D2)', async () => {
    const feed = async (area: string) =>
      (
        await api.graphql(
          'query($a: ID!) { areaFeed(areaId: $a, first: 100) { edges { node { kind subjectId } } } }',
          { a: demo.areaIds[area] },
          auditor,
        )
      ).data?.areaFeed.edges.map((e: { node: { kind: string; subjectId: string } }) => e.node);
    expect(await feed('Bristol')).toContainEqual({
      kind: 'WORKSTREAM_COMMISSIONED',
      subjectId: loaded.taskAndFinishId,
    });
    expect(await feed('Somerset')).not.toContainEqual({
      kind: 'WORKSTREAM_COMMISSIONED',
      subjectId: loaded.taskAndFinishId,
    });
  });

  it('keeps the service healthy when one idempotency key is used on two different workstreams', async () => {
    const chair = await tokenOf('sheila-smith');
    const [first, second] = loaded.standingIds;
    const add = (workstreamId: string) =>
      call(
        'addTask',
        'AddTaskInput',
        {
          workstreamId,
          title: 'Shared key',
          ownerId: demo.personIds['sheila-smith'],
          dueDate: '2027-01-31',
          idempotencyKey: 'same-key-0001',
        },
        chair,
      );
    await call(
      'addWorkstreamMember',
      'AddWorkstreamMemberInput',
      { workstreamId: first, personId: demo.personIds['sheila-smith'] },
      chair,
    );
    await call(
      'addWorkstreamMember',
      'AddWorkstreamMemberInput',
      { workstreamId: second, personId: demo.personIds['sheila-smith'] },
      chair,
    );
    const a = await add(first);
    const b = await add(second);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    const idOf = (result: typeof a) =>
      result.data?.addTask.workstreamTasks.edges.find((e: { node: { title: string } }) => e.node.title === 'Shared key')
        .node.id;
    expect(idOf(a)).not.toEqual(idOf(b));
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
  });

  it('refuses sub-regional work without the group’s recorded agreement (R11)', async () => {
    const { errors } = await call(
      'commissionWorkstream',
      'CommissionWorkstreamInput',
      {
        groupId: demo.groupId,
        name: 'Somerset only',
        kind: 'STANDING',
        purpose: 'Somerset work',
        leadPartnerId: demo.partnerIds.somerset,
        leadPersonId: demo.personIds['julian-wooster'],
        areaIds: [demo.areaIds.Somerset],
        startDate: '2026-12-01',
      },
      await tokenOf('sheila-smith'),
    );
    expect(errors?.[0].extensions?.code).toBe('OUT_OF_SCOPE');
  });

  it('commissions the task-and-finish group for three areas on the September decision that agreed that sub-regional work (R11)', async () => {
    const { data } = await api.graphql(
      'query($w: ID!, $m: ID!) { workstream(id: $w) { scopeDecisionId areas { name } } meeting(id: $m) { decisions { id text } } }',
      { w: loaded.taskAndFinishId, m: year.meetingIds[3] },
    );
    expect(data?.workstream.areas.map((area: { name: string }) => area.name)).toEqual([
      'Bristol',
      'North Somerset',
      'South Gloucestershire',
    ]);
    const scope = data?.meeting.decisions.find((d: { id: string }) => d.id === data?.workstream.scopeDecisionId);
    expect(scope?.text).toMatch(/^Agreed, as sub-regional work by specific agreement, a task-and-finish group/);
  });

  it("does not let a member who is not the lead change another member's task (W2)", async () => {
    const { errors } = await call(
      'completeTask',
      'TaskInput',
      { workstreamId: loaded.taskAndFinishId, taskId: loaded.taskIds.data },
      await tokenOf('chris-sivers'),
    );
    expect(errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      requiredRole: 'workstream LEAD or the task owner',
    });
    const own = await call(
      'unblockTask',
      'TaskInput',
      { workstreamId: loaded.taskAndFinishId, taskId: loaded.taskIds.police },
      await tokenOf('victoria-capel'),
    );
    expect(own.errors).toBeUndefined();
  });

  it('carries a task to a workstream its lead does not lead, checking the arrival before the departure (W3)', async () => {
    const lead = await tokenOf('jacqui-jensen');
    const resources = loaded.standingIds[6];
    const added = await call(
      'addTask',
      'AddTaskInput',
      {
        workstreamId: loaded.taskAndFinishId,
        title: 'Cost the protocol',
        ownerId: demo.personIds['chris-sivers'],
        dueDate: '2027-02-28',
      },
      lead,
    );
    const taskId = added.data?.addTask.workstreamTasks.edges.find(
      (e: { node: { title: string } }) => e.node.title === 'Cost the protocol',
    ).node.id;
    const carry = () =>
      call(
        'carryTaskOver',
        'CarryTaskOverInput',
        { workstreamId: loaded.taskAndFinishId, taskId, toWorkstreamId: resources },
        lead,
      );

    const before = await api.store.lastPosition();
    const refused = await carry();
    expect(refused.errors?.[0]).toMatchObject({
      extensions: { code: 'VALIDATION_FAILED' },
      message: expect.stringMatching(/owner is not in the other workstream/),
    });
    expect(await api.store.lastPosition()).toBe(before);

    await call(
      'addWorkstreamMember',
      'AddWorkstreamMemberInput',
      { workstreamId: resources, personId: demo.personIds['chris-sivers'] },
      await tokenOf('sheila-smith'),
    );
    const carried = await carry();
    expect(carried.errors).toBeUndefined();
    const { data } = await api.graphql(
      'query($id: ID!) { workstream(id: $id) { workstreamTasks { edges { node { id } } } } }',
      { id: resources },
      auditor,
    );
    expect(data?.workstream.workstreamTasks.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(taskId);
  });

  it("refuses a lead pulling another workstream's task into their own (R41)", async () => {
    const { data } = await api.graphql(
      'query($id: ID!) { workstream(id: $id) { workstreamTasks { edges { node { id } } } } }',
      { id: loaded.standingIds[0] },
      auditor,
    );
    const othersTask = data?.workstream.workstreamTasks.edges[0].node.id;
    const pulled = await call(
      'carryTaskOver',
      'CarryTaskOverInput',
      { workstreamId: loaded.taskAndFinishId, taskId: othersTask, toWorkstreamId: loaded.taskAndFinishId },
      await tokenOf('jacqui-jensen'),
    );
    expect(pulled.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
  });

  it('refuses carrying a task to a workstream that does not exist, naming it, and records nothing', async () => {
    const lead = await tokenOf('jacqui-jensen');
    const before = await api.graphql(
      'query($id: ID!) { workstream(id: $id) { workstreamTasks { edges { node { id status } } } } }',
      { id: loaded.taskAndFinishId },
      auditor,
    );
    const open = before.data?.workstream.workstreamTasks.edges.find(
      (e: { node: { status: string } }) => !['DONE', 'CANCELLED'].includes(e.node.status),
    );
    const taskId = open.node.id;
    const nowhere = '0b9d4a5e-8f5e-4c1e-9a57-3f0c3c1d2e4f';
    const refused = await call(
      'carryTaskOver',
      'CarryTaskOverInput',
      { workstreamId: loaded.taskAndFinishId, taskId, toWorkstreamId: nowhere },
      lead,
    );
    expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(refused.errors?.[0].message).toContain(nowhere);
    const after = await api.graphql(
      'query($id: ID!) { workstream(id: $id) { workstreamTasks { edges { node { id status } } } } }',
      { id: loaded.taskAndFinishId },
      auditor,
    );
    expect(after.data?.workstream.workstreamTasks.edges).toEqual(before.data?.workstream.workstreamTasks.edges);
  });

  it('takes a task-and-finish group to its close: refused with open tasks, allowed after carrying them over (W3)', async () => {
    const lead = await tokenOf('jacqui-jensen');
    const refused = await call(
      'closeWorkstream',
      'CloseWorkstreamInput',
      { workstreamId: loaded.taskAndFinishId, outcomeReport: 'Protocol agreed.' },
      lead,
    );
    expect(refused.errors?.[0].extensions?.code).toBe('OPEN_TASKS');

    await call(
      'completeTask',
      'TaskInput',
      { workstreamId: loaded.taskAndFinishId, taskId: loaded.taskIds.data },
      lead,
    );
    await call(
      'completeTask',
      'TaskInput',
      { workstreamId: loaded.taskAndFinishId, taskId: loaded.taskIds.police },
      lead,
    );
    const [, , , taskAndFinishActivity] = loaded.standingIds;
    const carried = await call(
      'carryTaskOver',
      'CarryTaskOverInput',
      {
        workstreamId: loaded.taskAndFinishId,
        taskId: loaded.taskIds.draft,
        toWorkstreamId: taskAndFinishActivity,
        idempotencyKey: 'carry-draft-0001',
      },
      lead,
    );
    expect(carried.errors).toBeUndefined();
    expect(
      carried.data?.carryTaskOver.workstreamTasks.edges.map((e: { node: { id: string } }) => e.node.id),
    ).not.toContain(loaded.taskIds.draft);

    const closed = await call(
      'closeWorkstream',
      'CloseWorkstreamInput',
      {
        workstreamId: loaded.taskAndFinishId,
        outcomeReport: 'Protocol agreed; drafting continues under the standing group.',
      },
      lead,
    );
    expect(closed.errors).toBeUndefined();
    expect(closed.data?.closeWorkstream.status).toBe('CLOSED');
    // Closed today, it reads closed today, not only from tomorrow.
    const today = await api.graphql(
      'query($id: ID!) { workstream(id: $id) { status closedOn closedAt } }',
      { id: loaded.taskAndFinishId },
      auditor,
    );
    expect(today.data?.workstream).toEqual({
      status: 'CLOSED',
      closedOn: '2026-11-23',
      closedAt: expect.stringMatching(/^2026-11-23T/),
    });

    const { data } = await api.graphql(
      'query($id: ID!) { workstream(id: $id) { workstreamTasks { edges { node { id status history { change workstreamId } } } } } }',
      { id: taskAndFinishActivity },
      auditor,
    );
    const draft = data?.workstream.workstreamTasks.edges.find(
      (e: { node: { id: string } }) => e.node.id === loaded.taskIds.draft,
    ).node;
    expect(draft.status).toBe('TO_DO');
    expect(draft.history.map((h: { change: string }) => h.change)).toEqual(['ADDED', 'CARRIED_OUT', 'CARRIED_IN']);

    const afterwards = await call(
      'addTask',
      'AddTaskInput',
      {
        workstreamId: loaded.taskAndFinishId,
        title: 'More',
        ownerId: demo.personIds['jacqui-jensen'],
        dueDate: '2027-01-01',
      },
      lead,
    );
    expect(afterwards.errors?.[0].extensions?.code).toBe('WORKSTREAM_CLOSED');
    // Refused, so not offered: its lead is asked for no task, task change or status report (W3).
    const offered = await api.graphql(
      'query($id: ID!) { workstream(id: $id) { viewerMayAddTasksFor { personId } viewerMayReportStatus workstreamTasks { edges { node { viewerMayChange } } } } }',
      { id: loaded.taskAndFinishId },
      lead,
    );
    const offeredToLead = offered.data?.workstream;
    expect(offeredToLead.viewerMayAddTasksFor).toEqual([]);
    expect(offeredToLead.viewerMayReportStatus).toBe(false);
    expect(
      offeredToLead.workstreamTasks.edges.map((e: { node: { viewerMayChange: boolean } }) => e.node.viewerMayChange),
    ).toEqual([false, false, false, false]);
  });
});
