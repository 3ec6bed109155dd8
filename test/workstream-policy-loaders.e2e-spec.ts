import { MeetingQueries, MembershipQueries, PolicyQueries, WorkstreamQueries } from '@app/read-models';
import { LoadedDemo } from '../apps/cli/src/demo/load-demo';
import { LoadedMeetings } from '../apps/cli/src/demo/meeting-year';
import { LoadedWorkstreams } from '../apps/cli/src/demo/workstreams';
import { DemoApp, startDemoApp } from './support/demo-app';
import { TestApp } from './support/test-app';

const TODAY = '2026-11-23';

const GROUPS = `{ regionalGroups(first: 2) { edges { node {
  id name dissolvedAt dissolutionAgreedBy
  cadence { cadenceMonths overdue lastMeeting { id } nextMeeting { id } }
  notices { partnerId status }
  meetings { id status }
  chair { name } deputyChair { name }
  termsOfReference { inForce { version } reviews { reviewedOn } }
  funding { amountPence }
  quorum { required }
  workstreams {
    id name members { name } statusReports { rag note } latestStatus { rag } reportedSinceLastMeeting
    taskCounts { status count }
    workstreamTasks(first: 5) { totalCount edges { node { title status overdue history { change } } } }
  }
  policies {
    id title versions { version } currentVersion { version } undecidedAreaIds reviews { outcome }
    adoption { areaId decision decidedOn }
  }
} } } }`;

type Workstream = {
  id: string;
  name: string;
  members: { name: string }[];
  statusReports: { rag: string; note: string }[];
  latestStatus: { rag: string } | null;
  reportedSinceLastMeeting: boolean;
  taskCounts: { status: string; count: number }[];
  workstreamTasks: {
    totalCount: number;
    edges: { node: { title: string; status: string; overdue: boolean; history: { change: string }[] } }[];
  };
};
type Policy = {
  id: string;
  title: string;
  versions: { version: number }[];
  currentVersion: { version: number } | null;
  undecidedAreaIds: string[];
  reviews: { outcome: string }[];
  adoption: { areaId: string; decision: string; decidedOn: string }[];
};
type Group = {
  id: string;
  name: string;
  dissolvedAt: string | null;
  dissolutionAgreedBy: string[];
  cadence: {
    cadenceMonths: number;
    overdue: boolean;
    lastMeeting: { id: string } | null;
    nextMeeting: { id: string } | null;
  };
  notices: { partnerId: string; status: string }[];
  meetings: { id: string; status: string }[];
  chair: { name: string } | null;
  deputyChair: { name: string } | null;
  termsOfReference: { inForce: { version: string } | null; reviews: unknown[] };
  funding: unknown[];
  quorum: { required: number };
  workstreams: Workstream[];
  policies: Policy[];
};

describe('lists of workstreams, tasks, policies and groups over GraphQL, one query per field', () => {
  let api: TestApp;
  let demo: LoadedDemo;
  let loaded: LoadedWorkstreams;
  let year: LoadedMeetings;
  let tokenOf: DemoApp['tokenOf'];
  let otherGroupId: string;

  beforeAll(async () => {
    ({
      api,
      demo,
      year,
      workstreams: loaded,
      tokenOf,
    } = await startDemoApp({
      clockNow: `${TODAY}T09:00:00.000Z`,
      load: ['meetings', 'workstreams', 'policies'],
    }));
    const send = api.send;
    const { establishRegionalGroup } = await api.send(
      'mutation($i: EstablishRegionalGroupInput!) { establishRegionalGroup(input: $i) { id } }',
      { i: { name: 'Devon and Cornwall', areas: [{ name: 'Devon' }, { name: 'Cornwall' }] } },
      api.adminToken as string,
    );
    otherGroupId = establishRegionalGroup.id;
    await send(
      'mutation($i: DraftPolicyInput!) { draftPolicy(input: $i) { id } }',
      { i: { groupId: otherGroupId, title: 'Peninsula escalation procedure', body: 'How to escalate.' } },
      api.adminToken as string,
    );
  });
  afterAll(async () => api.stop());
  afterEach(() => jest.restoreAllMocks());

  const groups = async () => {
    // The auditor reads every group, and every workstream's tasks (R43).
    const { data, errors } = await api.graphql<{ regionalGroups: { edges: { node: Group }[] } }>(
      GROUPS,
      {},
      await tokenOf('auditor'),
    );
    expect(errors).toBeUndefined();
    const [avon, other] = (data?.regionalGroups.edges ?? []).map((edge) => edge.node);
    return { avon, other };
  };

  it('gives each workstream its own members, reports, tasks, counts and task histories', async () => {
    const { avon } = await groups();
    expect(avon.workstreams.map((w) => w.id)).toEqual([...loaded.standingIds, loaded.taskAndFinishId]);
    const taskAndFinish = avon.workstreams.find((w) => w.id === loaded.taskAndFinishId) as Workstream;
    expect(taskAndFinish.members.map((m) => m.name)).toEqual([
      'Chris Sivers',
      'Janet Baptiste-Grant',
      'Victoria Capel',
    ]);
    expect(taskAndFinish.latestStatus).toEqual({ rag: 'AMBER' });
    expect(taskAndFinish.reportedSinceLastMeeting).toBe(true);
    expect(taskAndFinish.taskCounts).toEqual(
      ['BLOCKED', 'CANCELLED', 'DONE', 'IN_PROGRESS', 'TO_DO'].map((status) => ({ status, count: 1 })),
    );
    const tasks = taskAndFinish.workstreamTasks;
    expect(tasks.totalCount).toBe(5);
    expect(tasks.edges.filter((e) => e.node.overdue).map((e) => e.node.status)).toEqual(['IN_PROGRESS', 'BLOCKED']);
    expect(tasks.edges.map((e) => e.node.history.map((h) => h.change))).toEqual([
      ['ADDED', 'COMPLETED'],
      ['ADDED', 'STARTED'],
      ['ADDED', 'BLOCKED'],
      ['ADDED'],
      ['ADDED', 'CANCELLED'],
    ]);
    const resources = avon.workstreams.find((w) => w.name === 'Resources') as Workstream;
    expect(resources).toMatchObject({ members: [], taskCounts: [] });
    // Amber with the reason for it, not a note that says all is well.
    expect(resources.statusReports).toEqual([
      {
        rag: 'AMBER',
        note: 'No partner has agreed a contribution since 2021/22: the regional arrangements’ funding for next year is not secured.',
      },
    ]);
    expect(resources.workstreamTasks).toEqual({ totalCount: 0, edges: [] });
    const silent = avon.workstreams.find((w) => w.name === 'Standing groups') as Workstream;
    expect(silent).toMatchObject({ statusReports: [], latestStatus: null, reportedSinceLastMeeting: false });
  });

  it('gives each policy its own versions, version in force, adoptions, undecided areas and reviews', async () => {
    const { avon, other } = await groups();
    const [escalation, sharing] = avon.policies;
    expect(escalation).toMatchObject({ title: 'Regional escalation procedure', versions: [{ version: 1 }] });
    // In force from 1 December 2026: not yet on the 23rd of November.
    expect(escalation.currentVersion).toBeNull();
    expect(escalation.undecidedAreaIds).toEqual([demo.areaIds['South Gloucestershire']]);
    expect(escalation.adoption.map((a) => a.decision).sort()).toEqual([
      'ADOPTED',
      'ADOPTED',
      'ADOPTED_WITH_VARIATION',
      'NOT_ADOPTED',
    ]);
    expect(sharing).toMatchObject({ title: 'Information sharing protocol', currentVersion: { version: 1 } });
    expect(sharing.undecidedAreaIds).toEqual([demo.areaIds['Bath and North East Somerset']]);
    // Decided around its publication (12 December 2024) and coming into force, not the day the demo ran.
    const areaNames = new Map(Object.entries(demo.areaIds).map(([name, id]) => [id, name]));
    expect(sharing.adoption.map((a) => [areaNames.get(a.areaId), a.decidedOn]).sort()).toEqual([
      ['Bristol', '2024-12-16'],
      ['North Somerset', '2025-01-06'],
      ['Somerset', '2024-12-19'],
      ['South Gloucestershire', '2025-01-15'],
    ]);
    expect(avon.policies.map((p) => p.reviews)).toEqual([[], []]);
    expect(other.policies).toMatchObject([
      {
        title: 'Peninsula escalation procedure',
        versions: [],
        currentVersion: null,
        undecidedAreaIds: [],
        adoption: [],
      },
    ]);
  });

  it('gives each group its own meetings, cadence, notices, officers, terms and dissolution', async () => {
    const { avon, other } = await groups();
    // March 2020's, the extraordinary meetings of 12 December 2024 and 19 November 2026 that approved the
    // policies, the year's four, and the next one.
    expect(avon.meetings.map((m) => m.status)).toEqual([
      'CLOSED',
      'CLOSED',
      'CLOSED',
      'CLOSED',
      'CLOSED',
      'CLOSED',
      'CLOSED',
      'SCHEDULED',
    ]);
    expect(avon.meetings[0].id).toBe(demo.march2020MeetingId);
    expect(avon.meetings[7].id).toBe(year.nextMeetingId);
    expect(avon.cadence).toEqual({
      cadenceMonths: 3,
      overdue: false,
      lastMeeting: { id: avon.meetings[6].id },
      nextMeeting: { id: year.nextMeetingId },
    });
    expect(avon.notices).toEqual([{ partnerId: demo.partnerIds['banes-icb'], status: 'OPEN' }]);
    expect(avon.chair).toEqual({ name: 'Sheila Smith' });
    expect(avon.termsOfReference.inForce).not.toBeNull();
    expect(avon).toMatchObject({ dissolvedAt: null, dissolutionAgreedBy: [] });
    expect(other).toMatchObject({
      name: 'Devon and Cornwall',
      meetings: [],
      cadence: { cadenceMonths: 3, lastMeeting: null },
      notices: [],
      chair: null,
      deputyChair: null,
      termsOfReference: { inForce: null, reviews: [] },
      funding: [],
      quorum: { required: 0 },
      workstreams: [],
      dissolvedAt: null,
      dissolutionAgreedBy: [],
    });
  });

  it('reads each field once for the whole list, not once per group, workstream, task or policy', async () => {
    const spy = <T extends object>(queries: T, methods: readonly (keyof T & string)[]) =>
      Object.fromEntries(methods.map((method) => [method, jest.spyOn(queries, method as never)]));
    const workstreams = spy(api.app.get(WorkstreamQueries), [
      'workstreamsOfGroups',
      'membersOfWorkstreams',
      'reportsOfWorkstreams',
      'tasksOfWorkstreams',
      'countsByStatusOfWorkstreams',
      'historyOfTasks',
      'tasks',
      'workstream',
    ]);
    const policies = spy(api.app.get(PolicyQueries), [
      'policiesOfGroups',
      'versionsOfPolicies',
      'versionAreasOfPolicies',
      'adoptionsOfPolicies',
      'reviewsOfPolicies',
      'policy',
    ]);
    const membership = spy(api.app.get(MembershipQueries), [
      'termsOfGroups',
      'termsReviewsOfGroups',
      'officersOfGroups',
      'fundingOfGroups',
      'dissolutionsOfGroups',
      'noticesOfGroups',
      'notices',
    ]);
    const meetings = spy(api.app.get(MeetingQueries), ['meetingsOfGroups', 'meetingsOfGroup']);
    const { avon, other } = await groups();
    const groupIds = [avon.id, other.id];
    const workstreamIds = avon.workstreams.map((w) => w.id);
    const policyIds = [...avon.policies, ...other.policies].map((p) => p.id);
    const callsOf = (spies: Record<string, jest.SpyInstance>) =>
      Object.fromEntries(Object.entries(spies).map(([method, s]) => [method, s.mock.calls.length]));

    expect(callsOf(workstreams)).toEqual({
      workstreamsOfGroups: 1,
      membersOfWorkstreams: 1,
      reportsOfWorkstreams: 1,
      tasksOfWorkstreams: 1,
      countsByStatusOfWorkstreams: 1,
      historyOfTasks: 1,
      tasks: 0,
      workstream: 0,
    });
    expect(callsOf(policies)).toEqual({
      policiesOfGroups: 1,
      versionsOfPolicies: 1,
      versionAreasOfPolicies: 1,
      adoptionsOfPolicies: 1,
      reviewsOfPolicies: 1,
      policy: 0,
    });
    expect(callsOf(membership)).toEqual({
      termsOfGroups: 1,
      termsReviewsOfGroups: 1,
      officersOfGroups: 1,
      fundingOfGroups: 1,
      dissolutionsOfGroups: 1,
      noticesOfGroups: 1,
      notices: 0,
    });
    expect(callsOf(meetings)).toEqual({ meetingsOfGroups: 1, meetingsOfGroup: 0 });
    expect(workstreams.workstreamsOfGroups.mock.calls[0][0]).toEqual(groupIds);
    expect(workstreams.membersOfWorkstreams.mock.calls[0][0]).toEqual(workstreamIds);
    expect(workstreams.tasksOfWorkstreams.mock.calls[0][0]).toEqual(workstreamIds);
    expect(workstreams.historyOfTasks.mock.calls[0][0]).toHaveLength(5);
    expect(policies.versionsOfPolicies.mock.calls[0][0]).toEqual(policyIds);
    expect(membership.dissolutionsOfGroups.mock.calls[0]).toEqual([groupIds]);
    expect(meetings.meetingsOfGroups.mock.calls[0][0]).toEqual(groupIds);
  });
});
