import { LoadedDemo } from '../apps/cli/src/demo/load-demo';
import { LoadedWorkstreams } from '../apps/cli/src/demo/workstreams';
import { startDemoApp } from './support/demo-app';
import { TestApp } from './support/test-app';

type Seen = {
  status: string;
  closedOn: string | null;
  leadPartnerId: string;
  lead: { name: string };
  members: { name: string }[];
  workstreamTasks: { edges: { node: { id: string } }[] };
};

const SEEN = `query($id: ID!, $asAt: String) { workstream(id: $id, asAt: $asAt) {
  status closedOn leadPartnerId lead { name } members { name } workstreamTasks(first: 100) { edges { node { id } } } } }`;

/**
 * A neglect review entered on 23 November 2026 with the days things happened from its start on
 * 1 June 2022, a month before the CCGs became ICBs: its lead changed, a task carried over, a member
 * removed and the workstream closed, each on its own day; refused when a day is not a day, has not
 * come, or falls before what it changes, naming the field and writing nothing.
 */
describe('removing a member, changing the lead, carrying a task over and closing, entered with their days', () => {
  let api: TestApp;
  let demo: LoadedDemo;
  let loaded: LoadedWorkstreams;
  let tokenOf: (key: string) => Promise<string>;
  let chair: string;
  let administrator: string;
  let workstreamId: string;
  const taskIds: Record<string, string> = {};

  const mutate = (mutation: string, inputType: string, input: Record<string, unknown>, token = chair) =>
    api.graphql<Record<string, { id: string }>>(
      `mutation($i: ${inputType}!) { ${mutation}(input: $i) { id } }`,
      { i: input },
      token,
    );
  /** The refusal's code, sentence and field; nothing in `data`. */
  const refusal = async (mutation: string, inputType: string, input: Record<string, unknown>, token = chair) => {
    const { data, errors } = await mutate(mutation, inputType, input, token);
    expect(data?.[mutation] ?? null).toBeNull();
    const extensions = errors?.[0].extensions as { code: string; field?: string; problems?: unknown[] };
    if (extensions.field)
      expect(extensions.problems).toEqual([{ field: extensions.field, sentence: errors?.[0].message }]);
    return { code: extensions.code, message: errors?.[0].message, field: extensions.field };
  };
  const seen = async (asAt: string | null = null, id = workstreamId): Promise<Seen> => {
    const { data, errors } = await api.graphql<{ workstream: Seen }>(SEEN, { id, asAt }, await tokenOf('auditor'));
    expect(errors).toBeUndefined();
    return data?.workstream as Seen;
  };
  const taskIdsOf = (workstream: Seen) => workstream.workstreamTasks.edges.map((edge) => edge.node.id);

  beforeAll(async () => {
    ({ api, demo, workstreams: loaded, tokenOf } = await startDemoApp({ load: ['meetings', 'workstreams'] }));
    chair = await tokenOf('sheila-smith');
    administrator = api.adminToken as string;
    const lead = await tokenOf('janet-baptiste-grant');
    const { data } = await mutate('commissionWorkstream', 'CommissionWorkstreamInput', {
      groupId: demo.groupId,
      name: 'Neglect strategy review',
      kind: 'TASK_AND_FINISH',
      purpose: 'Review the regional neglect strategy against the five areas’ practice.',
      leadPartnerId: demo.partnerIds['bnssg-ccg'],
      leadPersonId: demo.personIds['janet-baptiste-grant'],
      areaIds: Object.values(demo.areaIds),
      startDate: '2022-06-01',
      endDate: '2027-03-31',
    });
    workstreamId = data?.commissionWorkstream.id as string;
    for (const [person, addedOn] of [
      ['chris-sivers', '2022-06-03'],
      ['jacqui-jensen', '2022-06-01'],
    ]) {
      const added = await mutate('addWorkstreamMember', 'AddWorkstreamMemberInput', {
        workstreamId,
        personId: demo.personIds[person],
        addedOn,
      });
      expect(added.errors).toBeUndefined();
    }
    for (const [key, owner, addedOn, title] of [
      ['audit', 'chris-sivers', '2022-06-10', 'Audit neglect referrals'],
      ['toolkit', 'jacqui-jensen', '2022-07-01', 'Adapt the neglect toolkit'],
      ['survey', 'chris-sivers', '2022-06-12', 'Survey the areas’ neglect leads'],
    ]) {
      const { data: added } = await api.graphql<{ addTask: Seen }>(
        'mutation($i: AddTaskInput!) { addTask(input: $i) { workstreamTasks(first: 100) { edges { node { id title } } } } }',
        { i: { workstreamId, title, ownerId: demo.personIds[owner], dueDate: '2022-12-31', addedOn } },
        lead,
      );
      const edges = added?.addTask.workstreamTasks.edges as { node: { id: string; title: string } }[];
      taskIds[key] = edges.find((edge) => edge.node.title === title)?.node.id as string;
    }
    for (const [key, changedOn] of [
      ['audit', '2022-09-20'],
      ['survey', '2022-08-15'],
    ]) {
      const done = await mutate('completeTask', 'TaskInput', { workstreamId, taskId: taskIds[key], changedOn }, lead);
      expect(done.errors).toBeUndefined();
    }
  });
  afterAll(async () => api.stop());

  it('changes the lead on the day given, checks the lead partner on that day, and shows each day its lead', async () => {
    const change = (leadPartner: string, person: string, changedOn: string) => ({
      workstreamId,
      personId: demo.personIds[person],
      leadPartnerId: demo.partnerIds[leadPartner],
      changedOn,
    });
    // The BNSSG ICB took over from the CCG on 1 July 2022: on 20 June it was no core partner yet.
    expect(
      await refusal(
        'changeWorkstreamLead',
        'ChangeWorkstreamLeadInput',
        change('bnssg-icb', 'janet-baptiste-grant', '2022-06-20'),
      ),
    ).toEqual({
      code: 'NOT_A_CORE_PARTNER',
      message:
        'NHS Bristol, North Somerset and South Gloucestershire ICB was not a core partner of the group on 2022-06-20, the day the lead changes.',
      field: undefined,
    });
    expect(
      await refusal('changeWorkstreamLead', 'ChangeWorkstreamLeadInput', change('police', 'will-white', '2022-05-31')),
    ).toEqual({
      code: 'OUT_OF_RANGE',
      message: "The day the lead changed (2022-05-31) is before the workstream's first day (2022-06-01).",
      field: 'changedOn',
    });
    expect(
      await refusal('changeWorkstreamLead', 'ChangeWorkstreamLeadInput', change('police', 'will-white', '2026-11-24')),
    ).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'The day the lead changed (2026-11-24) is in the future; record it once it has happened.',
      field: 'changedOn',
    });
    expect(
      await refusal('changeWorkstreamLead', 'ChangeWorkstreamLeadInput', change('police', 'will-white', '2022-06-31')),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'changedOn',
    });
    expect((await seen()).lead.name).toBe('Janet Baptiste-Grant');

    expect(
      (await mutate('changeWorkstreamLead', 'ChangeWorkstreamLeadInput', change('police', 'will-white', '2022-06-20')))
        .errors,
    ).toBeUndefined();
    expect(await seen('2022-06-19')).toMatchObject({
      lead: { name: 'Janet Baptiste-Grant' },
      leadPartnerId: demo.partnerIds['bnssg-ccg'],
    });
    expect(await seen('2022-06-20')).toMatchObject({
      lead: { name: 'Will White' },
      leadPartnerId: demo.partnerIds.police,
    });
    expect(
      await refusal(
        'changeWorkstreamLead',
        'ChangeWorkstreamLeadInput',
        change('police', 'julian-wooster', '2022-06-15'),
      ),
    ).toEqual({
      code: 'OUT_OF_RANGE',
      message: 'The day the lead changed (2022-06-15) is before the lead last changed (2022-06-20).',
      field: 'changedOn',
    });

    // Will White led it at least until he reported its status on 1 July 2022.
    const reported = await mutate(
      'reportWorkstreamStatus',
      'ReportWorkstreamStatusInput',
      { workstreamId, rag: 'AMBER', note: 'Referrals audit under way.', reportedOn: '2022-07-01' },
      await tokenOf('will-white'),
    );
    expect(reported.errors).toBeUndefined();
    expect(
      await refusal(
        'changeWorkstreamLead',
        'ChangeWorkstreamLeadInput',
        change('police', 'julian-wooster', '2022-06-25'),
      ),
    ).toEqual({
      code: 'OUT_OF_RANGE',
      message:
        'The day the lead changed (2022-06-25) is before Will White, the lead, last reported its status (2022-07-01).',
      field: 'changedOn',
    });
    expect(await seen('2022-06-25')).toMatchObject({ lead: { name: 'Will White' } });
  });

  it('carries a task over on the day given, both ends and its history on that day', async () => {
    const [, , , taskAndFinishActivity] = loaded.standingIds;
    const carry = (toWorkstreamId: string, changedOn: string) => ({
      workstreamId,
      taskId: taskIds.toolkit,
      toWorkstreamId,
      changedOn,
    });
    expect(await refusal('carryTaskOver', 'CarryTaskOverInput', carry(taskAndFinishActivity, '2022-06-30'))).toEqual({
      code: 'OUT_OF_RANGE',
      message: 'The day the task changed (2022-06-30) is before the task was added (2022-07-01).',
      field: 'changedOn',
    });
    // The demo's return interviews group began on 15 September 2026.
    expect(await refusal('carryTaskOver', 'CarryTaskOverInput', carry(loaded.taskAndFinishId, '2022-08-01'))).toEqual({
      code: 'OUT_OF_RANGE',
      message:
        'The day the task changed (2022-08-01) is before the first day of the workstream it goes to (2026-09-15).',
      field: 'changedOn',
    });
    // Jacqui Jensen, who owns the toolkit task, joined the intelligence sharing group on 1 September 2022.
    const [, intelligenceSharing] = loaded.standingIds;
    const joined = await mutate('addWorkstreamMember', 'AddWorkstreamMemberInput', {
      workstreamId: intelligenceSharing,
      personId: demo.personIds['jacqui-jensen'],
      addedOn: '2022-09-01',
    });
    expect(joined.errors).toBeUndefined();
    expect(await refusal('carryTaskOver', 'CarryTaskOverInput', carry(intelligenceSharing, '2022-08-01'))).toEqual({
      code: 'OUT_OF_RANGE',
      message:
        'The day the task changed (2022-08-01) is before Jacqui Jensen joined the workstream it goes to (2022-09-01).',
      field: 'changedOn',
    });
    expect(
      await refusal('carryTaskOver', 'CarryTaskOverInput', carry(taskAndFinishActivity, '2026-11-24')),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'changedOn',
    });
    expect(taskIdsOf(await seen())).toContain(taskIds.toolkit);
    expect(taskIdsOf(await seen(null, loaded.taskAndFinishId))).not.toContain(taskIds.toolkit);

    expect(
      (await mutate('carryTaskOver', 'CarryTaskOverInput', carry(taskAndFinishActivity, '2022-08-01'))).errors,
    ).toBeUndefined();
    expect(taskIdsOf(await seen('2022-07-31'))).toContain(taskIds.toolkit);
    expect(taskIdsOf(await seen('2022-08-01'))).not.toContain(taskIds.toolkit);
    expect(taskIdsOf(await seen('2022-08-01', taskAndFinishActivity))).toContain(taskIds.toolkit);
    const { data } = await api.graphql<{
      workstream: { workstreamTasks: { edges: { node: { id: string; history: unknown[] } }[] } };
    }>(
      'query($id: ID!) { workstream(id: $id) { workstreamTasks(first: 100) { edges { node { id history { change happenedOn } } } } } }',
      { id: taskAndFinishActivity },
      await tokenOf('auditor'),
    );
    expect(
      data?.workstream.workstreamTasks.edges.find((edge) => edge.node.id === taskIds.toolkit)?.node.history,
    ).toEqual([
      { change: 'ADDED', happenedOn: '2022-07-01' },
      { change: 'CARRIED_OUT', happenedOn: '2022-08-01' },
      { change: 'CARRIED_IN', happenedOn: '2022-08-01' },
    ]);
  });

  it('refuses removing a member who owns an open task today, naming it to those who may read the tasks only', async () => {
    const remove = { workstreamId: loaded.taskAndFinishId, personId: demo.personIds['janet-baptiste-grant'] };
    // In the demo's task-and-finish group she has owned the shared data set since 22 September 2026; it is in progress.
    const { data, errors } = await mutate('removeWorkstreamMember', 'RemoveWorkstreamMemberInput', remove);
    expect(data?.removeWorkstreamMember ?? null).toBeNull();
    expect(errors?.[0].message).toBe(
      'Janet Baptiste-Grant owns 1 open task; reassign it first: “Agree a shared data set on missing episodes”, theirs since 2026-09-22.',
    );
    // No day will do while it is open: the refusal is on the member the input names, not on its day.
    expect(errors?.[0].extensions).toEqual({
      code: 'OPEN_TASKS',
      field: 'personId',
      problems: [{ field: 'personId', sentence: errors?.[0].message }],
      earliest: null,
      tasks: [
        {
          taskId: loaded.taskIds.data,
          title: 'Agree a shared data set on missing episodes',
          ownedSince: '2026-09-22',
          until: null,
        },
      ],
    });
    // An administrator may remove members but not read the tasks (R43): how many and since when, no title or id.
    const admin = await mutate('removeWorkstreamMember', 'RemoveWorkstreamMemberInput', remove, administrator);
    expect(admin.errors?.[0].message).toBe(
      'Janet Baptiste-Grant owns 1 open task; reassign it first: a task, theirs since 2026-09-22 (their titles are for those who may read the workstream’s tasks).',
    );
    expect(admin.errors?.[0].extensions).toEqual({
      code: 'OPEN_TASKS',
      field: 'personId',
      problems: [{ field: 'personId', sentence: admin.errors?.[0].message }],
      earliest: null,
      tasks: [{ ownedSince: '2026-09-22', until: null }],
    });
    expect((await seen(null, loaded.taskAndFinishId)).members.map((member) => member.name)).toContain(
      'Janet Baptiste-Grant',
    );
  });

  it('removes a member on the day given, not while a task they own was still open, and shows them until then', async () => {
    const remove = (removedOn: string) => ({ workstreamId, personId: demo.personIds['chris-sivers'], removedOn });
    expect(await refusal('removeWorkstreamMember', 'RemoveWorkstreamMemberInput', remove('2022-06-02'))).toEqual({
      code: 'OUT_OF_RANGE',
      message:
        'The day the member was removed (2022-06-02) is before Chris Sivers was added to the workstream (2022-06-03).',
      field: 'removedOn',
    });
    // His survey was completed on 15 August 2022, his audit on 20 September: both were his and open on 1 August.
    const { errors } = await mutate('removeWorkstreamMember', 'RemoveWorkstreamMemberInput', remove('2022-08-01'));
    expect(errors?.[0].message).toBe(
      'Chris Sivers owned 2 tasks still open after 2022-08-01, the day given for the removal: “Survey the areas’ neglect leads”, theirs and open until 2022-08-15 and “Audit neglect referrals”, theirs and open until 2022-09-20. Remove them on or after 2022-09-20.',
    );
    expect(errors?.[0].extensions).toMatchObject({
      code: 'OPEN_TASKS',
      field: 'removedOn',
      earliest: '2022-09-20',
      tasks: [
        {
          taskId: taskIds.survey,
          title: 'Survey the areas’ neglect leads',
          ownedSince: '2022-06-12',
          until: '2022-08-15',
        },
        { taskId: taskIds.audit, title: 'Audit neglect referrals', ownedSince: '2022-06-10', until: '2022-09-20' },
      ],
    });
    // Will White, the lead since 20 June 2022, may read the tasks, so is told them by name too.
    const asLead = await mutate(
      'removeWorkstreamMember',
      'RemoveWorkstreamMemberInput',
      remove('2022-08-01'),
      await tokenOf('will-white'),
    );
    expect(asLead.errors?.[0].message).toBe(errors?.[0].message);
    expect((asLead.errors?.[0].extensions as { tasks: unknown[] }).tasks).toHaveLength(2);
    // An administrator may remove members but not read the tasks (R43): how many, their days and when, no title or id.
    const admin = await mutate(
      'removeWorkstreamMember',
      'RemoveWorkstreamMemberInput',
      remove('2022-08-01'),
      administrator,
    );
    expect(admin.data?.removeWorkstreamMember ?? null).toBeNull();
    expect(admin.errors?.[0].message).toBe(
      'Chris Sivers owned 2 tasks still open after 2022-08-01, the day given for the removal: a task theirs and open until 2022-08-15 and a task theirs and open until 2022-09-20 (their titles are for those who may read the workstream’s tasks). Remove them on or after 2022-09-20.',
    );
    expect(admin.errors?.[0].extensions).toEqual({
      code: 'OPEN_TASKS',
      field: 'removedOn',
      problems: [{ field: 'removedOn', sentence: admin.errors?.[0].message }],
      earliest: '2022-09-20',
      tasks: [
        { ownedSince: '2022-06-12', until: '2022-08-15' },
        { ownedSince: '2022-06-10', until: '2022-09-20' },
      ],
    });
    const adminTasks = await api.graphql(SEEN, { id: workstreamId, asAt: null }, administrator);
    expect(adminTasks.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // A title redacted since (A7, R40) is not told from a state folded before the redaction.
    const surveyAdded = (await api.store.readStream(`workstream-${workstreamId}`)).find(
      (event) => event.type === 'TaskAdded' && (event.data as { taskId: string }).taskId === taskIds.survey,
    );
    const redacted = await api.graphql(
      'mutation($i: RedactEventFieldInput!) { redactEventField(input: $i) { id } }',
      { i: { eventId: surveyAdded?.id, field: 'title', reason: 'Names a child (R40)' } },
      administrator,
    );
    expect(redacted.errors).toBeUndefined();
    const afterRedaction = await mutate(
      'removeWorkstreamMember',
      'RemoveWorkstreamMemberInput',
      remove('2022-08-01'),
      await tokenOf('will-white'),
    );
    expect(afterRedaction.errors?.[0].message).toBe(
      'Chris Sivers owned 2 tasks still open after 2022-08-01, the day given for the removal: “[redacted]”, theirs and open until 2022-08-15 and “Audit neglect referrals”, theirs and open until 2022-09-20. Remove them on or after 2022-09-20.',
    );
    // On 10 September only the audit was still his and open.
    expect(await refusal('removeWorkstreamMember', 'RemoveWorkstreamMemberInput', remove('2022-09-10'))).toEqual({
      code: 'OPEN_TASKS',
      message:
        'Chris Sivers owned a task still open after 2022-09-10, the day given for the removal: “Audit neglect referrals”, theirs and open until 2022-09-20. Remove them on or after 2022-09-20.',
      field: 'removedOn',
    });
    // Jacqui Jensen's toolkit task was hers and open until it was carried over on 1 August 2022.
    expect(
      await refusal('removeWorkstreamMember', 'RemoveWorkstreamMemberInput', {
        workstreamId,
        personId: demo.personIds['jacqui-jensen'],
        removedOn: '2022-07-15',
      }),
    ).toEqual({
      code: 'OPEN_TASKS',
      message:
        'Jacqui Jensen owned a task still open after 2022-07-15, the day given for the removal: “Adapt the neglect toolkit”, theirs and open until 2022-08-01. Remove them on or after 2022-08-01.',
      field: 'removedOn',
    });
    expect(await refusal('removeWorkstreamMember', 'RemoveWorkstreamMemberInput', remove('2026-11-24'))).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'removedOn',
    });
    expect((await seen()).members.map((member) => member.name)).toContain('Chris Sivers');

    expect(
      (await mutate('removeWorkstreamMember', 'RemoveWorkstreamMemberInput', remove('2022-09-21'))).errors,
    ).toBeUndefined();
    expect((await seen('2022-09-20')).members.map((member) => member.name)).toContain('Chris Sivers');
    expect((await seen('2022-09-21')).members.map((member) => member.name)).not.toContain('Chris Sivers');
  });

  it('closes on the day given, not before the last thing that happened to it, and is closed from that day', async () => {
    const close = (closedOn: string) => ({ workstreamId, outcomeReport: 'Strategy revised.', closedOn });
    // Its tasks last changed on 20 September 2022; Chris Sivers was removed the day after.
    expect(await refusal('closeWorkstream', 'CloseWorkstreamInput', close('2022-09-20'))).toEqual({
      code: 'OUT_OF_RANGE',
      message: 'The day the workstream closed (2022-09-20) is before Chris Sivers was removed from it (2022-09-21).',
      field: 'closedOn',
    });
    expect(await refusal('closeWorkstream', 'CloseWorkstreamInput', close('2026-11-24'))).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'closedOn',
    });
    expect(await refusal('closeWorkstream', 'CloseWorkstreamInput', close('30 September 2022'))).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'closedOn',
    });
    expect((await seen()).status).toBe('ACTIVE');

    expect((await mutate('closeWorkstream', 'CloseWorkstreamInput', close('2022-09-30'))).errors).toBeUndefined();
    expect(await seen('2022-09-29')).toMatchObject({ status: 'ACTIVE', closedOn: null });
    expect(await seen('2022-09-30')).toMatchObject({ status: 'CLOSED', closedOn: '2022-09-30' });
    const { data } = await api.graphql<{ workstream: { closedOn: string; closedAt: string } }>(
      'query($id: ID!) { workstream(id: $id) { closedOn closedAt } }',
      { id: workstreamId },
      await tokenOf('auditor'),
    );
    expect(data?.workstream).toEqual({ closedOn: '2022-09-30', closedAt: expect.stringMatching(/^2026-11-23T/) });
  });
});
