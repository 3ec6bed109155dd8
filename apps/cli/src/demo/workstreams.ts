import { found } from './found';
import { DemoContext, LoadedDemo } from './load-demo';
import { LoadedMeetings, SUB_REGIONAL_SCOPE } from './meeting-year';

/** The scope of the group's terms of reference, each a standing group, and the Resources workstream (seeds/003). */
export const STANDING_GROUPS = [
  { name: 'Performance and data analysis', lead: 'janet-baptiste-grant', partner: 'bnssg-ccg' },
  { name: 'Intelligence sharing and risk reduction', lead: 'victoria-capel', partner: 'police' },
  { name: 'Standing groups', lead: 'chris-sivers', partner: 'south-glos' },
  { name: 'Task and finish activity', lead: 'jacqui-jensen', partner: 'bristol' },
  { name: 'Regional policies and procedures', lead: 'julian-wooster', partner: 'somerset' },
  { name: 'Regional communication', lead: 'will-white', partner: 'police' },
  {
    name: 'Resources',
    lead: 'sheila-smith',
    partner: 'north-somerset',
    purpose:
      'Funding and resources in kind for the regional arrangements: new proposals for 2020/21 that reflect both.',
    // The membership agrees contributions for 2020/21 and 2021/22 only: nothing funds the years since.
    status: {
      rag: 'AMBER',
      note: 'No partner has agreed a contribution since 2021/22: the regional arrangements’ funding for next year is not secured.',
    },
  },
] as const;

/** What a standing group with nothing amiss reports. */
const ON_TRACK = { rag: 'GREEN', note: 'On track for the next meeting.' };

/**
 * The day the workstreams' leads reported, ahead of the group's meeting of 10 December 2026 and
 * after its last one (19 November, when the policies' part of the demo holds one; else September),
 * so all but one show as reported since the group last met.
 */
export const REPORTED_ON = '2026-11-20';

/**
 * Entered with the days things happened from its start on 15 September 2026: the police joined two
 * weeks later, so the group as at 20 September has two members and no tasks.
 */
export const TASK_AND_FINISH = {
  name: 'Missing children return interviews (BNSSG)',
  lead: 'jacqui-jensen',
  partner: 'bristol',
  areas: ['Bristol', 'North Somerset', 'South Gloucestershire'],
  startDate: '2026-09-15',
  members: [
    { person: 'chris-sivers', addedOn: '2026-09-15' },
    { person: 'janet-baptiste-grant', addedOn: '2026-09-15' },
    { person: 'victoria-capel', addedOn: '2026-09-29' },
  ],
  reported: {
    rag: 'AMBER',
    note: 'Police referral work is blocked pending a data protection review.',
    on: REPORTED_ON,
  },
} as const;

type TaskStep = 'StartTask' | 'BlockTask' | 'CompleteTask' | 'CancelTask';

/**
 * The task-and-finish group's tasks, in every state, each added and changed on its own day. Due
 * days are fixed, so from late November 2026 "Agree a shared data set" (in progress) and the
 * blocked "Align police referral triggers" are overdue; their owners get demo tokens of their own
 * so that `/tasks` can be tried as them.
 */
const TASK_PLAN: readonly {
  readonly key: string;
  readonly title: string;
  readonly owner: string;
  readonly due: string;
  readonly addedOn: string;
  readonly then: readonly { readonly step: TaskStep; readonly on: string }[];
  readonly tokenHolder?: string;
}[] = [
  {
    key: 'map',
    title: 'Map current return interview practice in each area',
    owner: 'chris-sivers',
    due: '2026-10-31',
    addedOn: '2026-09-22',
    then: [{ step: 'CompleteTask', on: '2026-10-27' }],
  },
  {
    key: 'data',
    title: 'Agree a shared data set on missing episodes',
    owner: 'janet-baptiste-grant',
    due: '2026-11-13',
    addedOn: '2026-09-22',
    then: [{ step: 'StartTask', on: '2026-10-05' }],
    tokenHolder: 'task owner (overdue task)',
  },
  {
    key: 'police',
    title: 'Align police referral triggers',
    owner: 'victoria-capel',
    due: '2026-11-20',
    addedOn: '2026-10-01',
    then: [{ step: 'BlockTask', on: '2026-11-03' }],
    tokenHolder: 'task owner (blocked task)',
  },
  {
    key: 'draft',
    title: 'Draft the protocol',
    owner: TASK_AND_FINISH.lead,
    due: '2027-03-31',
    addedOn: '2026-10-13',
    then: [],
  },
  {
    key: 'survey',
    title: 'Survey young people on their experience',
    owner: 'chris-sivers',
    due: '2026-12-31',
    addedOn: '2026-09-22',
    then: [{ step: 'CancelTask', on: '2026-10-20' }],
  },
];

/** The demo tokens of the task owners named above: token holder to person key. */
export const TASK_OWNER_TOKEN_HOLDERS: Record<string, string> = Object.fromEntries(
  TASK_PLAN.flatMap((task) => (task.tokenHolder ? [[task.tokenHolder, task.owner]] : [])),
);

/** A workstream as every workstream mutation here returns it: its id and the tasks it holds. */
interface WorkstreamTasks {
  readonly id: string;
  readonly workstreamTasks: { readonly edges: { readonly node: { readonly id: string; readonly title: string } }[] };
}

interface MeetingDecisions {
  readonly meeting: { readonly decisions: { readonly id: string; readonly text: string }[] };
}

export interface LoadedWorkstreams {
  readonly standingIds: string[];
  readonly taskAndFinishId: string;
  readonly taskIds: Record<string, string>;
}

/**
 * Commissioned by the chair; the task-and-finish group covers three of the five areas, so it rests
 * on the decision of the September meeting that agreed that scope (R11). Its tasks are in every
 * state, two of them overdue.
 */
export async function loadWorkstreams(
  { send, tokenFor }: DemoContext,
  demo: LoadedDemo,
  meetings: LoadedMeetings,
): Promise<LoadedWorkstreams> {
  const chair = await tokenFor(demo.personIds['sheila-smith']);
  const call = async (
    mutation: string,
    inputType: string,
    input: Record<string, unknown>,
    token: string,
  ): Promise<WorkstreamTasks> =>
    (
      await send<Record<string, WorkstreamTasks>>(
        `mutation($input: ${inputType}!) { ${mutation}(input: $input) { id workstreamTasks(first: 100) { edges { node { id title } } } } }`,
        { input },
        token,
      )
    )[mutation];
  const allAreas = Object.values(demo.areaIds);

  const standingIds: string[] = [];
  for (const group of STANDING_GROUPS) {
    const lead = await tokenFor(demo.personIds[group.lead]);
    const { id } = await call(
      'commissionWorkstream',
      'CommissionWorkstreamInput',
      {
        groupId: demo.groupId,
        name: group.name,
        kind: 'STANDING',
        purpose: 'purpose' in group ? group.purpose : `${group.name} across the five local arrangements.`,
        leadPartnerId: demo.partnerIds[group.partner],
        leadPersonId: demo.personIds[group.lead],
        areaIds: allAreas,
        startDate: '2019-06-01',
      },
      chair,
    );
    standingIds.push(id);
    // One standing group has not reported since the last meeting, as the group's view shows.
    if (group.name === 'Standing groups') continue;
    await call(
      'reportWorkstreamStatus',
      'ReportWorkstreamStatusInput',
      { workstreamId: id, ...('status' in group ? group.status : ON_TRACK), reportedOn: REPORTED_ON },
      lead,
    );
  }

  const september = await send<MeetingDecisions>(
    'query($id: ID!) { meeting(id: $id) { decisions { id text } } }',
    { id: meetings.meetingIds[3] },
    chair,
  );
  const lead = await tokenFor(demo.personIds[TASK_AND_FINISH.lead]);
  const { id: taskAndFinishId } = await call(
    'commissionWorkstream',
    'CommissionWorkstreamInput',
    {
      groupId: demo.groupId,
      name: TASK_AND_FINISH.name,
      kind: 'TASK_AND_FINISH',
      purpose: 'A common approach to return interviews for children who go missing, across the BNSSG areas.',
      termsOfReference: 'Report to the regional group within nine months with a proposed protocol.',
      leadPartnerId: demo.partnerIds[TASK_AND_FINISH.partner],
      leadPersonId: demo.personIds[TASK_AND_FINISH.lead],
      areaIds: TASK_AND_FINISH.areas.map((area) => demo.areaIds[area]),
      startDate: TASK_AND_FINISH.startDate,
      endDate: '2027-06-30',
      scopeDecisionId: found(
        september.meeting.decisions,
        (d) => d.text === SUB_REGIONAL_SCOPE,
        'sub-regional scope decision',
      ).id,
    },
    chair,
  );
  for (const member of TASK_AND_FINISH.members) {
    await call(
      'addWorkstreamMember',
      'AddWorkstreamMemberInput',
      { workstreamId: taskAndFinishId, personId: demo.personIds[member.person], addedOn: member.addedOn },
      lead,
    );
  }

  const taskIds: Record<string, string> = {};
  for (const task of TASK_PLAN) {
    const workstream = await call(
      'addTask',
      'AddTaskInput',
      {
        workstreamId: taskAndFinishId,
        title: task.title,
        ownerId: demo.personIds[task.owner],
        dueDate: task.due,
        addedOn: task.addedOn,
      },
      lead,
    );
    taskIds[task.key] = found(workstream.workstreamTasks.edges, (e) => e.node.title === task.title, task.title).node.id;
    const owner = await tokenFor(demo.personIds[task.owner]);
    for (const { step, on } of task.then) {
      const input: Record<string, unknown> = {
        workstreamId: taskAndFinishId,
        taskId: taskIds[task.key],
        changedOn: on,
      };
      if (step === 'BlockTask') input.reason = 'Waiting for the force data protection review.';
      if (step === 'CancelTask') input.reason = 'Covered by the national survey instead.';
      const mutation = `${step[0].toLowerCase()}${step.slice(1)}`;
      await call(
        mutation,
        step === 'BlockTask' || step === 'CancelTask' ? 'TaskReasonInput' : 'TaskInput',
        input,
        owner,
      );
    }
  }
  await call(
    'reportWorkstreamStatus',
    'ReportWorkstreamStatusInput',
    {
      workstreamId: taskAndFinishId,
      rag: TASK_AND_FINISH.reported.rag,
      note: TASK_AND_FINISH.reported.note,
      reportedOn: TASK_AND_FINISH.reported.on,
    },
    lead,
  );
  return { standingIds, taskAndFinishId, taskIds };
}
