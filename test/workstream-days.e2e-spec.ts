import { LoadedDemo } from '../apps/cli/src/demo/load-demo';
import { LoadedWorkstreams } from '../apps/cli/src/demo/workstreams';
import { startDemoApp } from './support/demo-app';
import { TestApp } from './support/test-app';

type Seen = {
  members: { name: string }[];
  statusReports: { rag: string; reportedOn: string }[];
  workstreamTasks: { edges: { node: { title: string; status: string; history: Change[] } }[] };
};
type Change = { change: string; happenedOn: string };

const SEEN = `query($id: ID!, $asAt: String) { workstream(id: $id, asAt: $asAt) {
  members { name } statusReports { rag reportedOn }
  workstreamTasks(first: 100) { edges { node { title status history { change happenedOn } } } } } }`;

/**
 * History entered after the fact (DOMAIN.md, "Audit and time"), on 23 November 2026: a member, a
 * task, its changes and a status report given the days they happened, and written views the day
 * they were sent; refused when a day is not a day, has not come, or falls before what it changes.
 */
describe('workstream history and written views entered with the days they happened', () => {
  let api: TestApp;
  let demo: LoadedDemo;
  let loaded: LoadedWorkstreams;
  let tokenOf: (key: string) => Promise<string>;
  let lead: string;

  beforeAll(async () => {
    ({ api, demo, workstreams: loaded, tokenOf } = await startDemoApp({ load: ['meetings', 'workstreams'] }));
    lead = await tokenOf('jacqui-jensen');
  });
  afterAll(async () => api.stop());

  const mutate = (mutation: string, inputType: string, input: Record<string, unknown>, token = lead) =>
    api.graphql(`mutation($i: ${inputType}!) { ${mutation}(input: $i) { id } }`, { i: input }, token);
  const seen = async (asAt: string | null = null): Promise<Seen> => {
    const { data, errors } = await api.graphql<{ workstream: Seen }>(
      SEEN,
      { id: loaded.taskAndFinishId, asAt },
      await tokenOf('auditor'),
    );
    expect(errors).toBeUndefined();
    return data?.workstream as Seen;
  };
  const taskTitled = (workstream: Seen, title: string) =>
    workstream.workstreamTasks.edges.map((edge) => edge.node).find((task) => task.title === title);
  const refusal = async (mutation: string, inputType: string, input: Record<string, unknown>, token = lead) => {
    const { data, errors } = await mutate(mutation, inputType, input, token);
    expect(data?.[mutation] ?? null).toBeNull();
    return { code: errors?.[0].extensions?.code, message: errors?.[0].message };
  };

  it('refuses a member’s day that is not a day, has not come, or is before the workstream began, and writes nothing', async () => {
    const add = (addedOn: string) =>
      refusal('addWorkstreamMember', 'AddWorkstreamMemberInput', {
        workstreamId: loaded.taskAndFinishId,
        personId: demo.personIds['will-white'],
        addedOn,
      });
    expect(await add('2026-11-24')).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'The day the member was added (2026-11-24) is in the future; record it once it has happened.',
    });
    expect(await add('2026-09-14')).toEqual({
      code: 'OUT_OF_RANGE',
      message: "The day the member was added (2026-09-14) is before the workstream's first day (2026-09-15).",
    });
    expect(await add('2026-02-30')).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'addedOn (2026-02-30) is not a real date.',
    });
    expect(await add('1 October 2026')).toMatchObject({ code: 'VALIDATION_FAILED' });
    // Whichever check refuses the day, the refusal names the field a form marks.
    for (const addedOn of ['2026-02-30', '2026-11-24', '2026-09-14']) {
      const { errors } = await mutate('addWorkstreamMember', 'AddWorkstreamMemberInput', {
        workstreamId: loaded.taskAndFinishId,
        personId: demo.personIds['will-white'],
        addedOn,
      });
      expect(errors?.[0].extensions).toMatchObject({
        field: 'addedOn',
        problems: [{ field: 'addedOn', sentence: errors?.[0].message }],
      });
    }
    expect((await seen()).members.map((m) => m.name)).not.toContain('Will White');
  });

  it('shows a member added on a past day from that day, not before', async () => {
    const { errors } = await mutate('addWorkstreamMember', 'AddWorkstreamMemberInput', {
      workstreamId: loaded.taskAndFinishId,
      personId: demo.personIds['will-white'],
      addedOn: '2026-10-01',
    });
    expect(errors).toBeUndefined();
    expect((await seen('2026-09-30')).members.map((m) => m.name)).not.toContain('Will White');
    expect((await seen('2026-10-01')).members.map((m) => m.name)).toContain('Will White');
  });

  it('refuses a member added again on a day before their last removal, which is the day it was recorded', async () => {
    const member = { workstreamId: loaded.taskAndFinishId, personId: demo.personIds['mike-bowden'] };
    const add = (addedOn: string) => mutate('addWorkstreamMember', 'AddWorkstreamMemberInput', { ...member, addedOn });
    expect((await add('2026-10-01')).errors).toBeUndefined();
    expect((await mutate('removeWorkstreamMember', 'RemoveWorkstreamMemberInput', member)).errors).toBeUndefined();
    expect(
      await refusal('addWorkstreamMember', 'AddWorkstreamMemberInput', { ...member, addedOn: '2026-10-05' }),
    ).toEqual({
      code: 'OUT_OF_RANGE',
      message:
        'The day the member was added (2026-10-05) is before Mike Bowden was last removed from the workstream (2026-11-23).',
    });
    expect((await seen()).members.map((m) => m.name)).not.toContain('Mike Bowden');
    expect((await add('2026-11-23')).errors).toBeUndefined();
    expect((await seen()).members.map((m) => m.name)).toContain('Mike Bowden');
  });

  it('shows a task added and changed on past days with the state of each day, and its changes on their days', async () => {
    const { errors } = await mutate('addTask', 'AddTaskInput', {
      workstreamId: loaded.taskAndFinishId,
      title: 'Brief the designated officers',
      ownerId: demo.personIds['will-white'],
      dueDate: '2026-11-30',
      addedOn: '2026-10-05',
    });
    expect(errors).toBeUndefined();
    const title = 'Brief the designated officers';
    const { data } = await api.graphql(
      'query($id: ID!) { workstream(id: $id) { workstreamTasks(first: 100) { edges { node { id title } } } } }',
      { id: loaded.taskAndFinishId },
      lead,
    );
    const taskId = data?.workstream.workstreamTasks.edges.find(
      (e: { node: { title: string } }) => e.node.title === title,
    ).node.id;
    const task = { workstreamId: loaded.taskAndFinishId, taskId };
    // Before it was added, before the owner joined (1 October), or a day not yet come: refused.
    expect(await refusal('startTask', 'TaskInput', { ...task, changedOn: '2026-10-04' })).toEqual({
      code: 'OUT_OF_RANGE',
      message: 'The day the task changed (2026-10-04) is before the task was added (2026-10-05).',
    });
    expect(await refusal('startTask', 'TaskInput', { ...task, changedOn: '2026-11-24' })).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const addRefused = (title: string, dueDate: string, addedOn: string) =>
      refusal('addTask', 'AddTaskInput', {
        workstreamId: loaded.taskAndFinishId,
        title,
        ownerId: demo.personIds['will-white'],
        dueDate,
        addedOn,
      });
    expect(await addRefused('Too early', '2026-11-30', '2026-09-30')).toEqual({
      code: 'OUT_OF_RANGE',
      message: 'The day the task was added (2026-09-30) is before Will White joined the workstream (2026-10-01).',
    });

    // Due before the day it was set, it would be overdue from the start: refused in the field a form marks.
    const dueRefusal = (sentence: string) => ({
      message: sentence,
      extensions: { code: 'OUT_OF_RANGE', field: 'dueDate', problems: [{ field: 'dueDate', sentence }] },
    });
    const addedTooLate = await mutate('addTask', 'AddTaskInput', {
      workstreamId: loaded.taskAndFinishId,
      title: 'Due before it was set',
      ownerId: demo.personIds['will-white'],
      dueDate: '2026-10-04',
      addedOn: '2026-10-05',
    });
    expect(addedTooLate.data).toBeNull();
    expect(addedTooLate.errors?.[0]).toMatchObject(
      dueRefusal('The due date (2026-10-04) is before the day the task was added (2026-10-05).'),
    );
    const due = { ...task, dueDate: '2026-10-06', reason: 'Brought forward.', changedOn: '2026-10-07' };
    const changedTooLate = await mutate('changeTaskDueDate', 'ChangeTaskDueDateInput', due);
    expect(changedTooLate.data).toBeNull();
    expect(changedTooLate.errors?.[0]).toMatchObject(
      dueRefusal('The due date (2026-10-06) is before the day it was changed (2026-10-07).'),
    );

    expect((await mutate('startTask', 'TaskInput', { ...task, changedOn: '2026-10-12' })).errors).toBeUndefined();
    const block = { ...task, reason: 'Waiting for the training dates.', changedOn: '2026-10-11' };
    // Not before its last change, though after it was added.
    expect(await refusal('blockTask', 'TaskReasonInput', block)).toEqual({
      code: 'OUT_OF_RANGE',
      message: 'The day the task changed (2026-10-11) is before the task last changed (2026-10-12).',
    });
    expect(
      (await mutate('blockTask', 'TaskReasonInput', { ...block, changedOn: '2026-10-19' })).errors,
    ).toBeUndefined();

    expect(taskTitled(await seen('2026-10-04'), title)).toBeUndefined();
    expect(taskTitled(await seen('2026-10-05'), title)).toEqual({
      title,
      status: 'TO_DO',
      history: [{ change: 'ADDED', happenedOn: '2026-10-05' }],
    });
    expect(taskTitled(await seen('2026-10-15'), title)).toMatchObject({
      status: 'IN_PROGRESS',
      history: [
        { change: 'ADDED', happenedOn: '2026-10-05' },
        { change: 'STARTED', happenedOn: '2026-10-12' },
      ],
    });
    expect(taskTitled(await seen(), title)).toMatchObject({ status: 'BLOCKED' });
    expect(taskTitled(await seen(), title)?.history.map((change) => change.happenedOn)).toEqual([
      '2026-10-05',
      '2026-10-12',
      '2026-10-19',
    ]);
  });

  it('dates a status report by its day, shows it from then, and refuses one before the workstream began', async () => {
    const report = (reportedOn: string) =>
      mutate('reportWorkstreamStatus', 'ReportWorkstreamStatusInput', {
        workstreamId: loaded.taskAndFinishId,
        rag: 'GREEN',
        note: 'Mapping under way.',
        reportedOn,
      });
    expect((await report('2026-10-02')).errors).toBeUndefined();
    expect((await seen('2026-10-01')).statusReports).toEqual([]);
    expect((await seen('2026-10-02')).statusReports).toEqual([{ rag: 'GREEN', reportedOn: '2026-10-02' }]);
    // Entered after the demo's Amber report of 20 November, it is not the latest.
    expect((await seen()).statusReports).toEqual([
      { rag: 'AMBER', reportedOn: '2026-11-20' },
      { rag: 'GREEN', reportedOn: '2026-10-02' },
    ]);
    expect((await report('2026-09-01')).errors?.[0]).toMatchObject({
      message: "The day the status was reported (2026-09-01) is before the workstream's first day (2026-09-15).",
      extensions: { code: 'OUT_OF_RANGE' },
    });
    expect((await report('2026-11-30')).errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
  });

  it('records written views the day they were sent, at an open meeting, between the appointment and the meeting’s day', async () => {
    const chair = await tokenOf('sheila-smith');
    const { scheduleMeeting } = await api.send<{ scheduleMeeting: { id: string } }>(
      'mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }',
      { i: { groupId: demo.groupId, startsAt: '2026-11-19T10:00:00Z', place: 'Bristol City Hall' } },
      chair,
    );
    const meetingId = scheduleMeeting.id;
    const sandra = await tokenOf('sandra-corry');
    const views = (submittedOn: string | null) =>
      mutate(
        'submitWrittenViews',
        'SubmitWrittenViewsInput',
        {
          meetingId,
          appointmentId: demo.appointmentIds['sandra-corry'],
          agendaItem: 'Return interviews',
          views: 'Somerset ICB supports a common approach.',
          submittedOn,
        },
        sandra,
      );
    expect((await views('2026-11-17')).errors?.[0]).toMatchObject({
      message: 'The meeting is scheduled, not open.',
      extensions: { code: 'MEETING_NOT_OPEN' },
    });
    await api.send('mutation($i: MeetingIdInput!) { openMeeting(input: $i) { id } }', { i: { meetingId } }, chair);
    expect((await views('2019-05-01')).errors?.[0]).toMatchObject({
      message:
        "The day the views were submitted (2019-05-01) is before Sandra Corry's appointment as a representative started (2019-06-01).",
      extensions: { code: 'OUT_OF_RANGE' },
    });
    expect((await views('2026-11-20')).errors?.[0]).toMatchObject({
      message: 'The day the views were submitted (2026-11-20) is after the meeting they were for (2026-11-19).',
      extensions: { code: 'OUT_OF_RANGE' },
    });
    // Given no day, today (23 November) is after the meeting too.
    expect((await views(null)).errors?.[0].extensions?.code).toBe('OUT_OF_RANGE');
    expect((await views('2026-11-19T09:00')).errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    expect((await views('2026-11-17')).errors).toBeUndefined();
    const { data } = await api.graphql(
      `query($id: ID!) { meeting(id: $id) { writtenViews { agendaItem submittedOn }
        history(first: 20) { edges { node { type happenedOn } } } } }`,
      { id: meetingId },
      await tokenOf('auditor'),
    );
    expect(data?.meeting.writtenViews).toEqual([{ agendaItem: 'Return interviews', submittedOn: '2026-11-17' }]);
    expect(
      data?.meeting.history.edges.find((e: { node: { type: string } }) => e.node.type === 'WrittenViewsSubmitted').node,
    ).toEqual({ type: 'WrittenViewsSubmitted', happenedOn: '2026-11-17' });
  });
});
