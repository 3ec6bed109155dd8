import {
  localArrangementStream,
  meetingStream,
  policyStream,
  regionalGroupStream,
  workstreamStream,
} from '@app/domain';
import {
  AREAS,
  attendanceRecorded,
  avonAndSomerset,
  GROUP_ID,
  meetingOpened,
  meetingScheduled,
  POLICY_ID,
  policyDrafted,
  presentInPerson,
  publishedPolicy,
  recommendationMade,
  REPRESENTATIVES,
  RESOURCES_WORKSTREAM_ID,
  resourcesWorkstreamCommissioned,
  runningWorkstream,
  taskAdded,
  WORKSTREAM_ID,
} from '@app/domain/testing/avon-and-somerset.fixture';
import { InMemoryEventStore } from '@app/event-store';
import {
  ALL_PROJECTIONS,
  MeetingQueries,
  MembershipQueries,
  openReadDatabase,
  PolicyQueries,
  ProjectionRunner,
  RegionalGroupQueries,
  WorkstreamQueries,
} from '@app/read-models';
import { randomUUID } from 'node:crypto';
import { createLoaders, Viewed } from './loaders';

/** Today, recorded now: the view of a query that asks no asAt. */
const TODAY_VIEW = { on: '2020-04-01', position: null };

const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };
const MARCH = 'asssp-2020-03';
const JUNE = 'asssp-2020-06';
const SEPTEMBER = 'asssp-2020-09';
const DRAFT_POLICY = 'policy-draft-only';

/**
 * The March 2020 meeting with 7 of 10 present (quorate) and a recommendation to the police and
 * Bristol City Council and one decision; June with 6 present (inquorate); September scheduled, not yet open.
 * The procedures workstream with two members, two tasks (one started) and two status reports; the
 * Resources workstream with no members, reports or tasks yet. The escalation policy published to the five areas, adopted by
 * Bristol and reviewed once; a second policy only drafted.
 */
async function readModels() {
  const store = new InMemoryEventStore();
  const record = (streamId: string, events: readonly { type: string; data: unknown }[]) =>
    store.append(
      streamId,
      events.map((event) => ({ id: randomUUID(), ...event, metadata: { occurredAt: '2020-03-12T10:05:00.000Z' } })),
      { expectedRevision: 'any' },
    );
  await record(regionalGroupStream('asssp'), avonAndSomerset);
  await record(meetingStream(MARCH), [
    meetingScheduled(),
    meetingOpened(),
    ...presentInPerson(7),
    recommendationMade(),
    { type: 'DecisionRecorded', data: { decisionId: 'dec-1', text: 'Adopt the escalation procedure.', agreedBy: [] } },
  ]);
  await record(meetingStream(JUNE), [
    meetingScheduled({ meetingId: JUNE, startsAt: '2020-06-11T10:00:00.000Z' }),
    meetingOpened(),
    ...presentInPerson(6),
    attendanceRecorded(REPRESENTATIVES.willWhite, 'APOLOGIES', { name: 'A Deputy', organisation: 'Police' }),
  ]);
  await record(meetingStream(SEPTEMBER), [
    meetingScheduled({ meetingId: SEPTEMBER, startsAt: '2020-09-10T10:00:00.000Z' }),
  ]);
  await record(workstreamStream(WORKSTREAM_ID), [
    ...runningWorkstream,
    taskAdded(),
    taskAdded({ taskId: 'task-2', title: 'Agree one escalation route', dueDate: '2020-05-31' }),
    { type: 'TaskStarted', data: { taskId: 'task-1' } },
    { type: 'WorkstreamStatusReported', data: { rag: 'GREEN', note: 'Mapping started.', reportedOn: '2020-02-10' } },
    { type: 'WorkstreamStatusReported', data: { rag: 'AMBER', note: 'Somerset late.', reportedOn: '2020-03-12' } },
  ]);
  await record(workstreamStream(RESOURCES_WORKSTREAM_ID), [resourcesWorkstreamCommissioned()]);
  await record(policyStream(POLICY_ID), [
    ...publishedPolicy,
    { type: 'PolicyReviewed', data: { reviewedOn: '2021-03-15', outcome: 'NO_CHANGE', nextReviewOn: '2022-03-15' } },
  ]);
  await record(policyStream(DRAFT_POLICY), [policyDrafted({ policyId: DRAFT_POLICY, title: 'Draft only' })]);
  await record(localArrangementStream(AREAS.bristol.areaId), [
    {
      type: 'PolicyAdoptionRecorded',
      data: {
        areaId: AREAS.bristol.areaId,
        policyId: POLICY_ID,
        version: 1,
        decision: 'ADOPTED',
        variation: null,
        reason: null,
        decidedOn: '2020-05-03',
      },
    },
  ]);
  const db = openReadDatabase(':memory:');
  const runner = new ProjectionRunner(store, db, ALL_PROJECTIONS, silent);
  await runner.start();
  await runner.stop();
  const sources = {
    groups: new RegionalGroupQueries(db),
    membership: new MembershipQueries(db),
    meetings: new MeetingQueries(db),
    workstreams: new WorkstreamQueries(db),
    policies: new PolicyQueries(db),
  };
  return { ...sources, loaders: createLoaders(sources) };
}

describe('the per-request loaders of meetings', () => {
  it('counts the quorum of every meeting asked for in one query, each from its own snapshot', async () => {
    const { meetings, loaders } = await readModels();
    const query = jest.spyOn(meetings, 'quorumCounts');
    const counts = await Promise.all(
      [MARCH, JUNE, SEPTEMBER, 'no-such-meeting'].map((id) => loaders.quorumCount.load(id)),
    );
    expect(query.mock.calls).toEqual([[[MARCH, JUNE, SEPTEMBER, 'no-such-meeting']]]);
    expect(counts).toEqual([
      { opened: true, quorumPercentage: 66, representativeCount: 10, presentCount: 7 },
      { opened: true, quorumPercentage: 66, representativeCount: 10, presentCount: 6 },
      null,
      null,
    ]);
  });

  it('loads the seats of several meetings in one query, each meeting its own, a substitute not counted present', async () => {
    const { meetings, loaders } = await readModels();
    const query = jest.spyOn(meetings, 'seatsOfMeetings');
    const [march, june, september] = await loaders.seatsOfMeeting.loadMany([MARCH, JUNE, SEPTEMBER]);
    expect(query).toHaveBeenCalledTimes(1);
    const present = (seats: unknown) => (seats as { status: string | null }[]).filter((s) => s.status === 'PRESENT');
    expect(present(march)).toHaveLength(7);
    expect(present(june)).toHaveLength(6);
    expect(
      (june as { name: string; substituteName: string | null }[]).find((s) => s.name === 'Will White'),
    ).toMatchObject({
      status: 'APOLOGIES',
      substituteName: 'A Deputy',
    });
    expect(september).toEqual([]);
  });

  it('loads the recommendations of several meetings, with all their targets, in one query each', async () => {
    const { meetings, loaders } = await readModels();
    const query = jest.spyOn(meetings, 'recommendations');
    const [march, june] = await Promise.all([MARCH, JUNE].map((id) => loaders.recommendationsOfMeeting.load(id)));
    expect(query.mock.calls).toEqual([[{ meetingIds: [MARCH, JUNE] }]]);
    expect(march.map((r) => r.targets.map((t) => t.partnerId))).toEqual([['police', 'bristol-council']]);
    expect(june).toEqual([]);
  });

  it('gives each meeting its own rows from the other per-meeting loaders, batching each', async () => {
    const { meetings, loaders } = await readModels();
    const spies = (
      [
        'meetings',
        'decisionsOfMeetings',
        'writtenViewsOfMeetings',
        'correctionsOfMeetings',
        'localPublicationsOfMeetings',
      ] as const
    ).map((method) => jest.spyOn(meetings, method));
    const loaded = await Promise.all(
      [MARCH, SEPTEMBER].flatMap((id) => [
        loaders.meeting.load(id),
        loaders.decisionsOfMeeting.load({ id, args: { recordedBy: null } }),
        loaders.writtenViewsOfMeeting.load(id),
        loaders.correctionsOfMeeting.load(id),
        loaders.localPublicationsOfMeeting.load(id),
      ]),
    );
    for (const spy of spies.filter((_, index) => index !== 1)) expect(spy.mock.calls).toEqual([[[MARCH, SEPTEMBER]]]);
    // Decisions are read as recorded by a position of the log; null is now.
    expect(spies[1].mock.calls).toEqual([[[MARCH, SEPTEMBER], null]]);
    expect(loaded[0]).toMatchObject({ meetingId: MARCH, status: 'OPEN' });
    expect(loaded[5]).toMatchObject({ meetingId: SEPTEMBER, status: 'SCHEDULED' });
    expect(loaded[1]).toMatchObject([{ decisionId: 'dec-1', meetingId: MARCH }]);
    expect(loaded[6]).toEqual([]);
  });
  it('finds each meeting a group’s list read as it stands now already read, so its minutes read it no more', async () => {
    const { meetings, loaders } = await readModels();
    const query = jest.spyOn(meetings, 'meetings');
    const [listed] = await loaders.meetingsOfGroup.loadMany([{ id: GROUP_ID, args: { view: TODAY_VIEW } }]);
    const rows = await loaders.meeting.loadMany([MARCH, JUNE, SEPTEMBER]);
    expect(query).not.toHaveBeenCalled();
    expect(rows).toEqual(listed);
    expect(rows[0]).toBe((listed as unknown[])[0]);
  });

  it('reads a meeting again after a list of it as the platform showed it at a position, which may be an older version', async () => {
    const { meetings, loaders } = await readModels();
    const query = jest.spyOn(meetings, 'meetings');
    const recorded = { on: TODAY_VIEW.on, position: 1_000 };
    const [listed] = await loaders.meetingsOfGroup.loadMany([{ id: GROUP_ID, args: { view: recorded } }]);
    expect((listed as { meetingId: string }[]).map((m) => m.meetingId)).toEqual([MARCH, JUNE, SEPTEMBER]);
    await loaders.meeting.load(MARCH);
    expect(query.mock.calls).toEqual([[[MARCH]]]);
  });
});

describe('the per-request loaders of workstreams, tasks, policies and groups', () => {
  const OTHER_GROUP = 'no-such-group';

  it('loads each workstream’s members, reports, task counts and areas in one query per field, each its own', async () => {
    const { workstreams, loaders } = await readModels();
    const spies = (
      ['membersOfWorkstreams', 'reportsOfWorkstreams', 'countsByStatusOfWorkstreams', 'areaIdsOfWorkstreams'] as const
    ).map((method) => jest.spyOn(workstreams, method));
    const ids = [WORKSTREAM_ID, RESOURCES_WORKSTREAM_ID, 'no-such-workstream'];
    const seen = (id: string) => ({ id, args: { view: TODAY_VIEW } });
    const [members, reports, counts, areas] = await Promise.all([
      Promise.all(ids.map((id) => loaders.membersOfWorkstream.load(seen(id)))),
      Promise.all(ids.map((id) => loaders.reportsOfWorkstream.load(seen(id)))),
      Promise.all(ids.map((id) => loaders.taskCountsOfWorkstream.load(seen(id)))),
      Promise.all(ids.map((id) => loaders.areaIdsOfWorkstream.load(id))),
    ]);
    for (const spy of spies.slice(0, 3)) expect(spy.mock.calls).toEqual([[ids, TODAY_VIEW]]);
    expect(spies[3].mock.calls).toEqual([[ids]]);
    expect(members).toEqual([
      [
        { personId: REPRESENTATIVES.chrisSivers.personId, name: 'Chris Sivers' },
        { personId: REPRESENTATIVES.sheilaSmith.personId, name: 'Sheila Smith' },
      ],
      [],
      [],
    ]);
    expect(reports.map((list) => list.map((r) => r.reportedOn))).toEqual([['2020-03-12', '2020-02-10'], [], []]);
    expect(counts).toEqual([
      [
        { status: 'IN_PROGRESS', count: 1 },
        { status: 'TO_DO', count: 1 },
      ],
      [],
      [],
    ]);
    expect(areas[0]).toEqual(Object.values(AREAS).map((area) => area.areaId));
    expect(areas[2]).toEqual([]);
  });

  it('reads several workstreams as seen on a day in one query, each its own row in the order asked, once however often asked', async () => {
    const { workstreams, loaders } = await readModels();
    const query = jest.spyOn(workstreams, 'workstreamsSeen');
    const seen = (id: string, view = TODAY_VIEW) => loaders.workstream.load({ id, args: { view } });
    const rows = await Promise.all([
      seen(RESOURCES_WORKSTREAM_ID),
      seen('no-such-workstream'),
      seen(WORKSTREAM_ID),
      seen(RESOURCES_WORKSTREAM_ID),
    ]);
    expect(query.mock.calls).toEqual([[[RESOURCES_WORKSTREAM_ID, 'no-such-workstream', WORKSTREAM_ID], TODAY_VIEW]]);
    expect(rows.map((row) => row && [row.workstreamId, row.leadName, row.status])).toEqual([
      [RESOURCES_WORKSTREAM_ID, 'Janet Baptiste-Grant', 'ACTIVE'],
      null,
      [WORKSTREAM_ID, 'Will White', 'ACTIVE'],
      [RESOURCES_WORKSTREAM_ID, 'Janet Baptiste-Grant', 'ACTIVE'],
    ]);
    // Asked again in the same request, it is not read again.
    await seen(WORKSTREAM_ID);
    expect(query).toHaveBeenCalledTimes(1);
    // The procedures group started on 15 January 2020: seen the day before, it did not exist.
    expect(await seen(WORKSTREAM_ID, { on: '2020-01-14', position: null })).toBeNull();
  });

  it('finds each workstream a group’s list read already read for the same day, and reads one seen on another day', async () => {
    const { workstreams, loaders } = await readModels();
    const query = jest.spyOn(workstreams, 'workstreamsSeen');
    const listed = await loaders.workstreamsOfGroup.load({ id: GROUP_ID, args: { view: TODAY_VIEW } });
    const ids = [WORKSTREAM_ID, RESOURCES_WORKSTREAM_ID];
    expect(listed.map((row) => row.workstreamId)).toEqual(ids);
    const rows = await Promise.all(ids.map((id) => loaders.workstream.load({ id, args: { view: TODAY_VIEW } })));
    expect(query).not.toHaveBeenCalled();
    expect(rows).toEqual(listed);
    expect(rows[0]).toBe(listed[0]);
    // Another day is another key: the list's rows are not served as that day's.
    const earlier = { on: '2020-02-01', position: null };
    await loaders.workstream.load({ id: WORKSTREAM_ID, args: { view: earlier } });
    expect(query.mock.calls).toEqual([[[WORKSTREAM_ID], earlier]]);
  });

  it('pages the tasks of several workstreams in one batch, each workstream its own page', async () => {
    const { workstreams, loaders } = await readModels();
    const query = jest.spyOn(workstreams, 'tasksOfWorkstreams');
    const args = { status: null, overdueOn: null, first: 1, after: null, view: TODAY_VIEW };
    const [procedures, resources] = await loaders.tasksOfWorkstream.loadMany([
      { id: WORKSTREAM_ID, args },
      { id: RESOURCES_WORKSTREAM_ID, args },
    ]);
    expect(query.mock.calls).toEqual([
      [[WORKSTREAM_ID, RESOURCES_WORKSTREAM_ID], { status: null, overdueOn: null }, 1, null, TODAY_VIEW],
    ]);
    expect(procedures).toMatchObject({ totalCount: 2, hasNextPage: true, items: [{ node: { taskId: 'task-1' } }] });
    expect(resources).toMatchObject({ totalCount: 0, hasNextPage: false, items: [] });
  });

  it('asks once per distinct set of arguments when a batch mixes them', async () => {
    const { workstreams, loaders } = await readModels();
    const query = jest.spyOn(workstreams, 'tasksOfWorkstreams');
    const all = { status: null, overdueOn: null, first: 10, after: null, view: TODAY_VIEW };
    const [started, everything] = await Promise.all([
      loaders.tasksOfWorkstream.load({ id: WORKSTREAM_ID, args: { ...all, status: 'IN_PROGRESS' } }),
      loaders.tasksOfWorkstream.load({ id: WORKSTREAM_ID, args: all }),
    ]);
    expect(query).toHaveBeenCalledTimes(2);
    expect(started?.items.map((item) => item.node.taskId)).toEqual(['task-1']);
    expect(everything?.items.map((item) => item.node.taskId)).toEqual(['task-1', 'task-2']);
  });

  it('gives null for every task page of a batch whose cursor this API did not give out', async () => {
    const { loaders } = await readModels();
    const page = await loaders.tasksOfWorkstream.load({
      id: WORKSTREAM_ID,
      args: { status: null, overdueOn: null, first: 10, after: 'not-a-cursor', view: TODAY_VIEW },
    });
    expect(page).toBeNull();
  });

  it('loads the history of several tasks in one query, in the order it happened', async () => {
    const { workstreams, loaders } = await readModels();
    const query = jest.spyOn(workstreams, 'historyOfTasks');
    const [first, second, unknown] = await loaders.historyOfTask.loadMany(
      ['task-1', 'task-2', 'no-such-task'].map((id) => ({ id, args: { view: TODAY_VIEW } })),
    );
    expect(query).toHaveBeenCalledTimes(1);
    expect((first as { change: string }[]).map((h) => h.change)).toEqual(['ADDED', 'STARTED']);
    expect((second as { change: string }[]).map((h) => h.change)).toEqual(['ADDED']);
    expect(unknown).toEqual([]);
  });

  it('loads each policy’s versions, areas, adoptions and reviews in one query per field', async () => {
    const { policies, loaders } = await readModels();
    const spies = (
      ['versionsOfPolicies', 'versionAreasOfPolicies', 'adoptionsOfPolicies', 'reviewsOfPolicies'] as const
    ).map((method) => jest.spyOn(policies, method));
    const ids = [POLICY_ID, DRAFT_POLICY];
    // A day after the review, so every row of the fixture is seen.
    const view = { on: '2022-01-01', position: null };
    const seen = (id: string) => ({ id, args: { view } });
    const [versions, areas, adoptions, reviews] = await Promise.all([
      Promise.all(ids.map((id) => loaders.versionsOfPolicy.load(seen(id)))),
      Promise.all(ids.map((id) => loaders.versionAreasOfPolicy.load(id))),
      Promise.all(ids.map((id) => loaders.adoptionsOfPolicy.load(seen(id)))),
      Promise.all(ids.map((id) => loaders.reviewsOfPolicy.load(seen(id)))),
    ]);
    expect(spies[1].mock.calls).toEqual([[ids]]);
    for (const spy of [spies[0], spies[2], spies[3]]) expect(spy.mock.calls).toEqual([[ids, view]]);
    expect(versions.map((list) => list.map((v) => [v.version, v.effectiveOn]))).toEqual([[[1, '2020-04-01']], []]);
    expect(areas[0]).toEqual(Object.values(AREAS).map((area) => ({ version: 1, areaId: area.areaId })));
    expect(adoptions).toEqual([
      [
        {
          version: 1,
          areaId: AREAS.bristol.areaId,
          decision: 'ADOPTED',
          variation: null,
          reason: null,
          decidedOn: '2020-05-03',
        },
      ],
      [],
    ]);
    expect(reviews).toEqual([[{ reviewedOn: '2021-03-15', outcome: 'NO_CHANGE', nextReviewOn: '2022-03-15' }], []]);
    expect(areas[1]).toEqual([]);
  });

  it('loads the meetings, policies, workstreams, terms, notices, officers and dissolution of several groups in one query each', async () => {
    const { meetings, membership, policies, workstreams, loaders } = await readModels();
    const spies = [
      jest.spyOn(meetings, 'meetingsOfGroups'),
      jest.spyOn(policies, 'policiesOfGroups'),
      jest.spyOn(workstreams, 'workstreamsOfGroups'),
      jest.spyOn(membership, 'termsOfGroups'),
      jest.spyOn(membership, 'noticesOfGroups'),
      jest.spyOn(membership, 'officersOfGroups'),
      jest.spyOn(membership, 'dissolutionsOfGroups'),
    ];
    const ids = [GROUP_ID, OTHER_GROUP];
    const each = <V>(loader: { load: (id: string) => Promise<V> }) => Promise.all(ids.map((id) => loader.load(id)));
    const seen = <V>(loader: { load: (key: Viewed) => Promise<V> }) =>
      Promise.all(ids.map((id) => loader.load({ id, args: { view: TODAY_VIEW } })));
    const [groupMeetings, groupPolicies, groupWorkstreams, terms, notices, officers, dissolution] = await Promise.all([
      seen(loaders.meetingsOfGroup),
      seen(loaders.policiesOfGroup),
      seen(loaders.workstreamsOfGroup),
      seen(loaders.termsOfGroup),
      seen(loaders.noticesOfGroup),
      seen(loaders.officersOfGroup),
      each(loaders.dissolutionOfGroup),
    ]);
    // One query for the whole list, for the day the list is seen on.
    for (const spy of spies.slice(0, 6)) expect(spy.mock.calls).toEqual([[ids, TODAY_VIEW]]);
    expect(spies[6].mock.calls).toEqual([[ids]]);
    expect(groupMeetings.map((list) => list.map((m) => m.meetingId))).toEqual([[MARCH, JUNE, SEPTEMBER], []]);
    expect(groupPolicies.map((list) => list.map((p) => p.policyId))).toEqual([[POLICY_ID, DRAFT_POLICY], []]);
    expect(groupWorkstreams.map((list) => list.map((w) => w.workstreamId))).toEqual([
      [WORKSTREAM_ID, RESOURCES_WORKSTREAM_ID],
      [],
    ]);
    expect(terms[0].map((t) => t.version)).toEqual(['1.0']);
    expect(terms[1]).toEqual([]);
    expect(notices).toEqual([[], []]);
    expect(officers).toEqual([
      { chair: null, deputyChair: null },
      { chair: null, deputyChair: null },
    ]);
    expect(dissolution).toEqual([
      { dissolvedAt: null, agreedBy: [] },
      { dissolvedAt: null, agreedBy: [] },
    ]);
  });

  it('loads funding for each group and year asked, one query per year', async () => {
    const { membership, loaders } = await readModels();
    const query = jest.spyOn(membership, 'fundingOfGroups');
    const funding = await loaders.fundingOfGroup.loadMany([
      { id: GROUP_ID, args: { financialYear: null, view: TODAY_VIEW } },
      { id: OTHER_GROUP, args: { financialYear: null, view: TODAY_VIEW } },
      { id: GROUP_ID, args: { financialYear: '2020/21', view: TODAY_VIEW } },
    ]);
    expect(query.mock.calls).toEqual([
      [[GROUP_ID, OTHER_GROUP], null, TODAY_VIEW],
      [[GROUP_ID], '2020/21', TODAY_VIEW],
    ]);
    expect(funding).toEqual([[], [], []]);
  });
});
