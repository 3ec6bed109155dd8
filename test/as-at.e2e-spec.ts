import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { regionalGroupStream } from '@app/domain';
import { chainEvents, SYSTEM_ACTOR } from '@app/event-store';
import { ProjectionRunner } from '@app/read-models';
import { CLOCK, Clock } from '@app/platform';
import { DemoContext, LoadedDemo } from '../apps/cli/src/demo/load-demo';
import { loadMeetingYear } from '../apps/cli/src/demo/meeting-year';
import { giveBswIcbNotice, loadPoliciesAndNotices } from '../apps/cli/src/demo/policies-and-notices';
import { LoadedWorkstreams, loadWorkstreams } from '../apps/cli/src/demo/workstreams';
import { DemoApp, startDemoApp } from './support/demo-app';
import { TestApp } from './support/test-app';

type Named = { name: string };
type Seen = {
  asAt: string | null;
  partners: (Named & { current: boolean; areas: Named[]; agencyType: Named })[];
  representatives: (Named & { partner: Named; startDate: string; partnerSince: string })[];
  quorum: { percentage: number; representativeCount: number; required: number };
  chair: Named | null;
  deputyChair: Named | null;
  coverage: { area: Named; covered: string[]; missing: string[] }[];
  termsOfReference: { inForce: { version: string } | null; reviewStatus: string };
  funding: (Named & { amountPence: number; unilateral: boolean; partner: Named })[];
  notices: { status: string }[];
};

const SEEN = `query($id: ID!, $asAt: String, $asRecordedAt: DateTime) {
  regionalGroup(id: $id, asAt: $asAt, asRecordedAt: $asRecordedAt) {
    asAt
    partners { name current areas { name } agencyType { name } }
    representatives { name partner { name } startDate partnerSince }
    quorum { percentage representativeCount required }
    chair { name } deputyChair { name }
    coverage { area { name } covered missing }
    termsOfReference { inForce { version } reviewStatus }
    funding(financialYear: "2021/22") { amountPence unilateral partner { name } }
    notices { status }
  } }`;

const CCGS = ['NHS BNSSG CCG', 'NHS BANES CCG', 'NHS Somerset CCG'];
const ICBS = [
  'NHS Bristol, North Somerset and South Gloucestershire ICB',
  'NHS Bath and North East Somerset, Swindon and Wiltshire ICB',
  'NHS Somerset ICB',
];

/**
 * A3: the Avon and Somerset partnership as it stood on any day since 2019, entered in November
 * 2026 with its real dates, and as the platform showed it at a past moment.
 */
describe('the group as at a date, and as recorded at a moment', () => {
  let api: TestApp;
  let demo: LoadedDemo;
  let context: DemoContext;
  const now = () => api.app.get<Clock>(CLOCK).now();

  const seen = async (variables: { asAt?: string; asRecordedAt?: string }) => {
    const { data, errors } = await api.graphql<{ regionalGroup: Seen }>(SEEN, { id: demo.groupId, ...variables });
    expect(errors).toBeUndefined();
    return data?.regionalGroup as Seen;
  };
  const banes = (group: Seen) => group.coverage.find((area) => area.area.name === 'Bath and North East Somerset');

  beforeAll(async () => {
    ({ api, demo, context } = await startDemoApp({ load: [] }));
  });
  afterAll(async () => api.stop());

  it('on 1 March 2020: nine partners with the three CCGs, ten representatives in CCG seats, quorum 7', async () => {
    const group = await seen({ asAt: '2020-03-01' });
    expect(group.asAt).toBe('2020-03-01');
    expect(group.partners).toHaveLength(9);
    expect(group.partners.map((p) => p.name)).toEqual(expect.arrayContaining(CCGS));
    expect(group.partners.map((p) => p.name)).not.toEqual(expect.arrayContaining([ICBS[0]]));
    expect(group.representatives).toHaveLength(10);
    expect(group.representatives.find((r) => r.name === 'Lisa Harvey')).toMatchObject({
      partner: { name: 'NHS BANES CCG' },
      startDate: '2019-06-01',
      partnerSince: '2019-06-01',
    });
    expect(group.quorum).toEqual({ percentage: 66, representativeCount: 10, required: 7 });
    expect(group.partners.find((p) => p.name === 'NHS BANES CCG')?.areas).toEqual([
      { name: 'Bath and North East Somerset' },
    ]);
    // Named as the law named them that day: the integrated care boards came on 1 July 2022.
    expect(group.partners.find((p) => p.name === 'NHS BANES CCG')?.agencyType.name).toBe(
      'Health (clinical commissioning group)',
    );
    expect(group.termsOfReference.inForce?.version).toBe('1.0');
    expect(group.coverage.every((area) => area.missing.length === 0)).toBe(true);
  });

  it('on 1 August 2022: the ICBs in the CCGs’ place, the same people in their seats, terms 1.1', async () => {
    const group = await seen({ asAt: '2022-08-01' });
    expect(group.partners).toHaveLength(9);
    expect(group.partners.map((p) => p.name)).toEqual(expect.arrayContaining(ICBS));
    expect(group.partners.map((p) => p.name).filter((name) => CCGS.includes(name))).toEqual([]);
    // In the CCG's seat since 2019, for the ICB only since it took the seat over.
    expect(group.representatives.find((r) => r.name === 'Lisa Harvey')).toMatchObject({
      partner: { name: ICBS[1] },
      startDate: '2019-06-01',
      partnerSince: '2022-07-01',
    });
    expect(group.partners.find((p) => p.name === ICBS[1])?.agencyType.name).toBe('Health (integrated care board)');
    expect(group.quorum).toEqual({ percentage: 66, representativeCount: 10, required: 7 });
    expect(group.termsOfReference.inForce?.version).toBe('1.1');
  });

  it('counts the March 2020 meeting’s quorum from the membership of 12 March 2020', async () => {
    const { data } = await api.graphql<{ meeting: { quorum: object; attendance: { partnerName: string }[] } }>(
      'query($id: ID!) { meeting(id: $id) { quorum { required present isQuorate } attendance { partnerName } } }',
      { id: demo.march2020MeetingId },
    );
    expect(data?.meeting.quorum).toEqual({ required: 7, present: 8, isQuorate: true });
    expect(data?.meeting.attendance.map((seat) => seat.partnerName)).toEqual(expect.arrayContaining(CCGS));
  });

  it('keeps every change of a contribution: agreed in March 2021, lowered by the CCG alone in September', async () => {
    const somerset = (group: Seen) => group.funding.find((row) => row.partner.name === 'NHS Somerset CCG');
    expect(somerset(await seen({ asAt: '2021-06-01' }))).toMatchObject({ amountPence: 1_500_000, unilateral: false });
    expect(somerset(await seen({ asAt: '2021-09-01' }))).toMatchObject({ amountPence: 1_000_000, unilateral: true });
    expect((await seen({ asAt: '2021-03-10' })).funding).toEqual([]);
  });

  it('says who chaired on each date, through a rotation entered after it happened', async () => {
    const rotation = await api.graphql('mutation($i: RotateChairInput!) { rotateChair(input: $i) { group { id } } }', {
      i: { groupId: demo.groupId, newDeputyAppointmentId: demo.appointmentIds['jacqui-jensen'], on: '2026-10-01' },
    });
    expect(rotation.errors).toBeUndefined();
    const officers = async (asAt: string) => {
      const { chair, deputyChair } = await seen({ asAt });
      return [chair?.name, deputyChair?.name];
    };
    expect(await officers('2019-06-01')).toEqual(['Sheila Smith', 'Will White']);
    expect(await officers('2026-09-30')).toEqual(['Sheila Smith', 'Will White']);
    expect(await officers('2026-10-01')).toEqual(['Will White', 'Jacqui Jensen']);
    const today = await seen({});
    expect([today.chair?.name, today.deputyChair?.name]).toEqual(['Will White', 'Jacqui Jensen']);
  });

  it('shows BaNES covered the day before the BSW ICB’s notice takes effect, and without a health partner the day after', async () => {
    const beforeNotice = now().toISOString();
    const effectiveOn = await giveBswIcbNotice(context, demo, beforeNotice.slice(0, 10));
    expect(effectiveOn).toBe('2027-12-23');
    const dayBefore = await seen({ asAt: '2027-12-22' });
    expect(banes(dayBefore)?.missing).toEqual([]);
    expect(dayBefore.notices.map((n) => n.status)).toEqual(['OPEN']);
    const dayAfter = await seen({ asAt: '2027-12-24' });
    expect(banes(dayAfter)).toMatchObject({ covered: ['LOCAL_AUTHORITY', 'POLICE'], missing: ['HEALTH'] });
    expect(dayAfter.partners.map((p) => p.name)).not.toContain(ICBS[1]);
    expect(dayAfter.quorum).toEqual({ percentage: 66, representativeCount: 9, required: 6 });
    expect(dayAfter.notices.map((n) => n.status)).toEqual(['EFFECTIVE']);

    // What the platform showed before the notice was recorded: no notice, and BaNES covered.
    const asShownBefore = await seen({ asAt: '2027-12-24', asRecordedAt: beforeNotice });
    expect(banes(asShownBefore)?.missing).toEqual([]);
    expect(asShownBefore.notices).toEqual([]);
  });

  it('refuses a date before the group was established as OUT_OF_RANGE, and a malformed one as VALIDATION_FAILED', async () => {
    const refusal = async (variables: Record<string, string>) =>
      (await api.graphql(SEEN, { id: demo.groupId, ...variables })).errors?.[0];
    expect(await refusal({ asAt: '2019-05-31' })).toMatchObject({
      message: 'The group was established on 2019-06-01; 2019-05-31 is before it.',
      extensions: { code: 'OUT_OF_RANGE', earliest: '2019-06-01' },
    });
    // Before the platform held the group: the refusal names the first moment it did, which can be asked.
    const beforeHeld = await refusal({ asRecordedAt: '2026-01-01T00:00:00Z' });
    const earliest = beforeHeld?.extensions?.earliest as string;
    expect(beforeHeld).toMatchObject({
      message: `The platform held nothing of this group at 2026-01-01T00:00:00.000Z; it first recorded it at ${earliest}.`,
      extensions: { code: 'OUT_OF_RANGE' },
    });
    expect(Date.parse(earliest)).toBeGreaterThan(Date.parse('2026-01-01T00:00:00Z'));
    expect((await seen({ asRecordedAt: earliest })).asAt).toBe(earliest.slice(0, 10));
    // A moment not yet come: nothing recorded to show.
    const tomorrow = new Date(now().getTime() + 86_400_000).toISOString();
    const future = await refusal({ asRecordedAt: tomorrow });
    expect(future?.message).toMatch(
      new RegExp(
        `^asRecordedAt \\(${tomorrow.replace(/\./g, '\\.')}\\) has not come yet: ask what the platform showed at a moment up to now \\(.+\\)\\.$`,
      ),
    );
    expect(future?.extensions?.code).toBe('OUT_OF_RANGE');
    expect(Date.parse(future?.extensions?.latest as string)).toBeLessThan(Date.parse(tomorrow));
    expect((await refusal({ asAt: 'March 2020' }))?.extensions?.code).toBe('VALIDATION_FAILED');
    // Written YYYY-MM-DD but no such day: said so, not how to write it.
    expect(await refusal({ asAt: '2019-02-31' })).toMatchObject({
      message: 'asAt (2019-02-31) is not a real date.',
      extensions: { code: 'VALIDATION_FAILED' },
    });
  });

  it('refuses a moment that is not a date and time as VALIDATION_FAILED, sent as a variable or written in the query', async () => {
    const sentence = (value: string) =>
      `"${value}" is not a date and time: write one as 2026-11-01T09:30:00Z, with Z or an offset such as +01:00.`;
    for (const asRecordedAt of ['yesterday', '1', '2026-11-01']) {
      const { errors } = await api.graphql(SEEN, { id: demo.groupId, asRecordedAt });
      expect(errors?.map((error) => [error.message.endsWith(sentence(asRecordedAt)), error.extensions?.code])).toEqual([
        [true, 'VALIDATION_FAILED'],
      ]);
    }
    const noSuchDay = await api.graphql(SEEN, { id: demo.groupId, asRecordedAt: '2026-02-30T10:00:00Z' });
    expect(noSuchDay.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([
      [
        expect.stringMatching(/"2026-02-30T10:00:00Z" is on a day that does not exist \(2026-02-30\)\.$/),
        'VALIDATION_FAILED',
      ],
    ]);
    const written = await api.graphql(`{ regionalGroup(id: "${demo.groupId}", asRecordedAt: "yesterday") { name } }`);
    expect(written.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([
      [sentence('yesterday'), 'VALIDATION_FAILED'],
    ]);
    const number = await api.graphql(`{ regionalGroup(id: "${demo.groupId}", asRecordedAt: 20261101) { name } }`);
    expect(number.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([
      [sentence('20261101'), 'VALIDATION_FAILED'],
    ]);
    // A moment with an offset instead of Z is one.
    await seen({ asRecordedAt: now().toISOString().replace('Z', '+00:00') });
  });

  it('rebuilds an older read model at start-up, reading events recorded before business dates were kept', async () => {
    // An event as the platform recorded it before schema version 2: a chair appointed, with no date.
    const stream = regionalGroupStream(demo.groupId);
    const history = await api.store.readStream(stream);
    const last = history[history.length - 1];
    const [old] = chainEvents(stream, last, [
      {
        id: randomUUID(),
        type: 'ChairAppointed',
        data: { appointmentId: demo.appointmentIds['mike-bowden'] },
        metadata: {
          actor: SYSTEM_ACTOR,
          occurredAt: '2026-11-23T12:00:00.000Z',
          correlationId: randomUUID(),
          causationId: randomUUID(),
          reason: 'recorded by version 1',
          schemaVersion: 1,
          idempotencyKey: null,
          inputHash: null,
        },
      },
    ]);
    const { position } = await api.store.append(stream, [old], { expectedRevision: last.revision });
    await api.app.get(ProjectionRunner).waitFor(position);
    // The read model as version 4 of the projection left it: no bitemporal tables.
    const readDb = new Database(join(api.config.dataDir, 'read.db'));
    readDb.exec(`UPDATE projection_checkpoints SET version = 4 WHERE name = 'regional-groups';
      DROP TABLE partner_memberships; DROP TABLE partner_coverage; DROP TABLE representative_seats; DROP TABLE group_posts;`);
    readDb.close();
    api = await api.restart({ CLOCK_NOW: '2026-11-24T09:00:00.000Z' });

    const today = await seen({});
    expect(today.chair?.name).toBe('Mike Bowden');
    expect((await seen({ asAt: '2026-11-22' })).chair?.name).toBe('Will White');
    expect((await seen({ asAt: '2020-03-01' })).representatives).toHaveLength(10);
  });
});

type Listed = {
  meetings: { startsAt: string }[];
  workstreams: { name: string }[];
  policies: { id: string; title: string; status: string; reviewOverdue: boolean }[];
};
type WorkstreamSeen = {
  asAt: string | null;
  status: string;
  members: Named[];
  taskCounts: { status: string; count: number }[];
};

const LISTED = `query($id: ID!, $asAt: String) {
  regionalGroup(id: $id, asAt: $asAt) {
    meetings { startsAt } workstreams { name } policies { id title status reviewOverdue }
  } }`;
const WORKSTREAM = `query($id: ID!, $asAt: String, $asRecordedAt: DateTime) {
  workstream(id: $id, asAt: $asAt, asRecordedAt: $asRecordedAt) {
    asAt status members { name } taskCounts { status count }
  } }`;
const FEED = `query($areaId: ID!, $asAt: String, $asRecordedAt: DateTime) {
  areaFeed(areaId: $areaId, asAt: $asAt, asRecordedAt: $asRecordedAt, first: 100) { totalCount edges { node { cursor kind subjectId asAt acknowledgedAt awaitingAcknowledgement } } } }`;
type Feed = {
  totalCount: number;
  edges: {
    node: {
      cursor: string;
      kind: string;
      subjectId: string;
      asAt: string | null;
      acknowledgedAt: string | null;
      awaitingAcknowledgement: boolean;
    };
  }[];
};

/**
 * A3 beyond the membership: the whole demo (the meeting year, the workstreams, the policies, the
 * feeds), entered on 23 November 2026, seen as it stood on earlier days and at earlier moments.
 */
describe('workstreams, policies, a group’s lists and area feeds as at a date', () => {
  let api: TestApp;
  let demo: LoadedDemo;
  let workstreams: LoadedWorkstreams;
  let beforeMeetingYear: string;
  let beforeWorkstreams: string;
  /** Jacqui Jensen, who leads the task-and-finish group, and Bristol's business manager. */
  let lead: string;
  let bristol: string;
  const now = () => api.app.get<Clock>(CLOCK).now().toISOString();

  const listed = async (asAt?: string) => {
    const { data, errors } = await api.graphql<{ regionalGroup: Listed }>(LISTED, { id: demo.groupId, asAt });
    expect(errors).toBeUndefined();
    return data?.regionalGroup as Listed;
  };
  const workstream = (variables: { asAt?: string; asRecordedAt?: string }) =>
    api.graphql<{ workstream: WorkstreamSeen }>(WORKSTREAM, { id: workstreams.taskAndFinishId, ...variables }, lead);
  const feed = async (asAt?: string) => {
    const { data, errors } = await api.graphql<{ areaFeed: Feed }>(
      FEED,
      { areaId: demo.areaIds.Bristol, asAt },
      bristol,
    );
    expect(errors).toBeUndefined();
    return data?.areaFeed as Feed;
  };

  beforeAll(async () => {
    const app = await startDemoApp({ load: [] });
    ({ api, demo } = app);
    const { context } = app;
    beforeMeetingYear = now();
    const meetings = await loadMeetingYear(context, demo);
    beforeWorkstreams = now();
    workstreams = await loadWorkstreams(context, demo, meetings);
    await loadPoliciesAndNotices(context, demo, '2026-11-23');
    lead = await app.tokenOf('jacqui-jensen');
    bristol = await app.tokenOf('bristol-business-manager');
  });
  afterAll(async () => api.stop());

  it('lists under regionalGroup(asAt:) only the meetings, workstreams and policies that existed by then', async () => {
    const march2020 = await listed('2020-03-12');
    expect(march2020.meetings.map((m) => m.startsAt)).toEqual(['2020-03-12T10:00:00.000Z']);
    expect(march2020.workstreams).toHaveLength(7);
    expect(march2020.policies).toEqual([]);

    const july2026 = await listed('2026-07-01');
    // The extraordinary meeting of December 2024 approved the information sharing protocol; September's
    // meeting was booked at June's.
    expect(july2026.meetings.map((m) => m.startsAt.slice(0, 10))).toEqual([
      '2020-03-12',
      '2024-12-12',
      '2025-12-11',
      '2026-03-12',
      '2026-06-11',
      '2026-09-10',
    ]);
    expect(july2026.workstreams.map((w) => w.name)).not.toContain('Missing children return interviews (BNSSG)');
    // Entered in November 2026, the protocol is known to have been published in December 2024, its review overdue.
    expect(july2026.policies).toEqual([
      expect.objectContaining({ title: 'Information sharing protocol', status: 'PUBLISHED', reviewOverdue: true }),
    ]);

    // As the platform showed it before the workstreams were entered: the meeting year, no workstream or policy.
    const shown = await api.graphql<{ regionalGroup: Listed }>(
      'query($id: ID!, $t: DateTime) { regionalGroup(id: $id, asRecordedAt: $t) { meetings { startsAt } workstreams { name } policies { title } } }',
      { id: demo.groupId, t: beforeWorkstreams },
    );
    expect(shown.data?.regionalGroup).toMatchObject({ workstreams: [], policies: [] });
    // The extraordinary meeting of 19 November was booked after that moment; December's already was.
    expect(shown.data?.regionalGroup.meetings.map((m) => m.startsAt.slice(0, 10))).toEqual([
      '2020-03-12',
      '2025-12-11',
      '2026-03-12',
      '2026-06-11',
      '2026-09-10',
      '2026-12-10',
    ]);

    const today = await listed();
    expect(today.meetings).toHaveLength(8);
    expect(today.workstreams).toHaveLength(8);
    expect(today.policies.map((p) => p.title)).toEqual([
      'Regional escalation procedure',
      'Information sharing protocol',
    ]);

    // Drafted on 23 November, it is known from its publication on the day of the meeting that approved it.
    const escalation = today.policies[0].id;
    const before = await api.graphql('query($id: ID!) { policy(id: $id, asAt: "2026-11-18") { id } }', {
      id: escalation,
    });
    expect(before.errors?.[0]).toMatchObject({
      message: 'The policy existed from 2026-11-19; 2026-11-18 is before it.',
      extensions: { code: 'OUT_OF_RANGE', earliest: '2026-11-19' },
    });
  });

  it('answers the rest of a query when a lookup is refused: that lookup null, its refusal in errors with its path', async () => {
    const [protocol] = (await listed('2026-07-01')).policies;
    const { data, errors } = await api.graphql(
      `query($g: ID!, $p: ID!, $w: ID!, $a: ID!) {
        policy(id: $p, asAt: "2024-12-11") { id }
        workstream(id: $w, asAt: "2019-05-31") { id }
        regionalGroup(id: $g, asAt: "2019-05-31") { id }
        localArrangement(areaId: $a, asAt: "2019-05-31") { groupId }
        meeting(id: "00000000-0000-4000-8000-000000000000") { id }
        me { name }
        group: regionalGroup(id: $g) { name }
      }`,
      { g: demo.groupId, p: protocol.id, w: workstreams.taskAndFinishId, a: demo.areaIds.Bristol },
    );
    expect(data).toEqual({
      policy: null,
      workstream: null,
      regionalGroup: null,
      localArrangement: null,
      meeting: null,
      me: { name: expect.any(String) as string },
      group: { name: 'Avon and Somerset Strategic Safeguarding Partnership' },
    });
    const refusals = Object.fromEntries(
      (errors ?? []).map((error) => [String(error.path?.[0]), error.extensions?.code]),
    );
    expect(refusals).toEqual({
      policy: 'OUT_OF_RANGE',
      workstream: 'OUT_OF_RANGE',
      regionalGroup: 'OUT_OF_RANGE',
      // The administrator asking reads the group's business but no area's (R43).
      localArrangement: 'FORBIDDEN',
      meeting: 'NOT_FOUND',
    });
    expect(errors?.find((error) => error.path?.[0] === 'policy')?.message).toBe(
      'The policy existed from 2024-12-12; 2024-12-11 is before it.',
    );
  });

  it('gives a past day’s next meeting among those booked by then, as its meetings list does; and as the platform held it at a moment', async () => {
    type Cadence = {
      lastMeeting: { startsAt: string } | null;
      nextMeeting: { startsAt: string; place: string } | null;
    };
    const cadence = async (variables: { asAt?: string; asRecordedAt?: string }) => {
      const { data, errors } = await api.graphql<{
        regionalGroup: { cadence: Cadence; meetings: { startsAt: string }[] };
      }>(
        `query($id: ID!, $asAt: String, $asRecordedAt: DateTime) { regionalGroup(id: $id, asAt: $asAt, asRecordedAt: $asRecordedAt) {
          cadence { lastMeeting { startsAt } nextMeeting { startsAt place } } meetings { startsAt } } }`,
        { id: demo.groupId, ...variables },
      );
      expect(errors).toBeUndefined();
      const { cadence: seen, meetings } = data?.regionalGroup as { cadence: Cadence; meetings: { startsAt: string }[] };
      const listed = meetings.map((meeting) => meeting.startsAt);
      for (const meeting of [seen.lastMeeting, seen.nextMeeting])
        if (meeting) expect(listed).toContain(meeting.startsAt);
      return [seen.lastMeeting?.startsAt.slice(0, 10) ?? null, seen.nextMeeting?.startsAt.slice(0, 10) ?? null];
    };
    // Every past meeting was entered after its day with the day it was booked: the quarterly ones at the
    // meeting before, so a day between two has the next one booked (March 2020's at December 2019's).
    expect(await cadence({ asAt: '2020-03-01' })).toEqual([null, '2020-03-12']);
    // The extraordinary December 2024 meeting, called a fortnight ahead, was not booked on 1 January 2022.
    expect(await cadence({ asAt: '2022-01-01' })).toEqual(['2020-03-12', null]);
    expect(await cadence({ asAt: '2024-12-01' })).toEqual(['2020-03-12', '2024-12-12']);
    expect(await cadence({ asAt: '2026-07-01' })).toEqual(['2026-06-11', '2026-09-10']);
    expect(await cadence({ asAt: '2026-09-10' })).toEqual(['2026-09-10', '2026-12-10']);
    // November's extraordinary meeting was called on 5 November, before December's.
    expect(await cadence({ asAt: '2026-11-10' })).toEqual(['2026-09-10', '2026-11-19']);
    // December's meeting, booked at September's, is next today and on a day planned for next week.
    expect(await cadence({})).toEqual(['2026-11-19', '2026-12-10']);
    expect(await cadence({ asAt: '2026-12-01' })).toEqual(['2026-11-19', '2026-12-10']);
    // Before the year was entered the platform knew of no meeting after March 2020.
    expect(await cadence({ asAt: '2026-07-01', asRecordedAt: beforeMeetingYear })).toEqual(['2020-03-12', null]);
    expect(await cadence({ asAt: '2026-09-10', asRecordedAt: beforeWorkstreams })).toEqual([
      '2026-09-10',
      '2026-12-10',
    ]);
  });

  it('answers a workstream as at a day and as recorded at a moment; OUT_OF_RANGE before it existed', async () => {
    expect((await workstream({ asAt: '2026-09-14' })).errors?.[0]).toMatchObject({
      message: 'The workstream existed from 2026-09-15; 2026-09-14 is before it.',
      extensions: { code: 'OUT_OF_RANGE', earliest: '2026-09-15' },
    });
    // Before its group existed too: the earliest is the workstream's first day, not the group's, itself refused.
    expect((await workstream({ asAt: '2019-05-31' })).errors?.[0]).toMatchObject({
      message: 'The workstream existed from 2026-09-15; 2019-05-31 is before it.',
      extensions: { code: 'OUT_OF_RANGE', earliest: '2026-09-15' },
    });
    // Before the platform held it, or its group: the refusal names the moment it was commissioned, which can be asked.
    const beforeHeld = (await workstream({ asRecordedAt: beforeWorkstreams })).errors?.[0];
    const earliest = beforeHeld?.extensions?.earliest as string;
    expect(earliest > beforeWorkstreams).toBe(true);
    for (const instant of [beforeWorkstreams, '2026-01-01T00:00:00.000Z']) {
      expect((await workstream({ asRecordedAt: instant })).errors?.[0]).toMatchObject({
        message: `The platform held nothing of this workstream at ${instant}; it first recorded it at ${earliest}.`,
        extensions: { code: 'OUT_OF_RANGE', earliest },
      });
    }
    expect((await workstream({ asRecordedAt: earliest })).data?.workstream.status).toBe('ACTIVE');
    const justBefore = new Date(Date.parse(earliest) - 1).toISOString();
    expect((await workstream({ asRecordedAt: justBefore })).errors?.[0].extensions?.earliest).toBe(earliest);
    expect((await workstream({ asAt: '15 September 2026' })).errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    // Commissioned from 15 September and entered on 23 November with the days things happened: two
    // members from its first day, the police's from the 29th; its first tasks from the 22nd.
    expect((await workstream({ asAt: '2026-09-20' })).data?.workstream).toEqual({
      asAt: '2026-09-20',
      status: 'ACTIVE',
      members: [{ name: 'Chris Sivers' }, { name: 'Janet Baptiste-Grant' }],
      taskCounts: [],
    });
    // By 10 October the data set was in progress; nothing was yet done, blocked or cancelled.
    expect((await workstream({ asAt: '2026-10-10' })).data?.workstream).toEqual({
      asAt: '2026-10-10',
      status: 'ACTIVE',
      members: [{ name: 'Chris Sivers' }, { name: 'Janet Baptiste-Grant' }, { name: 'Victoria Capel' }],
      taskCounts: [
        { status: 'IN_PROGRESS', count: 1 },
        { status: 'TO_DO', count: 3 },
      ],
    });
    const today = (await workstream({})).data?.workstream as WorkstreamSeen;
    expect(today.asAt).toBeNull();
    expect(today.members.map((m) => m.name)).toEqual(['Chris Sivers', 'Janet Baptiste-Grant', 'Victoria Capel']);
    expect(today.taskCounts.map((c) => c.count)).toEqual([1, 1, 1, 1, 1]);

    const beforeAddition = now();
    const added = await api.graphql(
      'mutation($i: AddWorkstreamMemberInput!) { addWorkstreamMember(input: $i) { id } }',
      { i: { workstreamId: workstreams.taskAndFinishId, personId: demo.personIds['will-white'] } },
      lead,
    );
    expect(added.errors).toBeUndefined();
    expect(((await workstream({})).data?.workstream as WorkstreamSeen).members).toHaveLength(4);
    const shown = (await workstream({ asRecordedAt: beforeAddition })).data?.workstream as WorkstreamSeen;
    expect(shown.asAt).toBe('2026-11-23');
    expect(shown.members.map((m) => m.name)).toEqual(['Chris Sivers', 'Janet Baptiste-Grant', 'Victoria Capel']);

    // A task started now: as shown before, still to do, its history without the start.
    type Tasks = {
      workstream: {
        workstreamTasks: { edges: { node: { id: string; status: string; history: { change: string }[] } }[] };
      };
    };
    const tasks = async (asRecordedAt?: string) =>
      (
        await api.graphql<Tasks>(
          'query($id: ID!, $t: DateTime) { workstream(id: $id, asRecordedAt: $t) { workstreamTasks(first: 100) { edges { node { id status history { change } } } } } }',
          { id: workstreams.taskAndFinishId, t: asRecordedAt },
          lead,
        )
      ).data?.workstream.workstreamTasks.edges.map((e) => e.node);
    const toDo = (await tasks())?.find((t) => t.status === 'TO_DO');
    const beforeStart = now();
    const started = await api.graphql(
      'mutation($i: TaskInput!) { startTask(input: $i) { id } }',
      {
        i: { workstreamId: workstreams.taskAndFinishId, taskId: toDo?.id },
      },
      lead,
    );
    expect(started.errors).toBeUndefined();
    expect((await tasks())?.find((t) => t.id === toDo?.id)).toMatchObject({
      status: 'IN_PROGRESS',
      history: [{ change: 'ADDED' }, { change: 'STARTED' }],
    });
    expect((await tasks(beforeStart))?.find((t) => t.id === toDo?.id)).toMatchObject({
      status: 'TO_DO',
      history: [{ change: 'ADDED' }],
    });
  });

  it('answers an area feed as at a day and as recorded at a moment: the items that had flowed down, each acknowledged or not as of then', async () => {
    expect((await feed('2026-11-22')).edges).toEqual([]);
    const today = await feed();
    expect(today.totalCount).toBeGreaterThan(0);
    const acknowledged = today.edges.filter((e) => e.node.acknowledgedAt !== null);
    expect(acknowledged.map((e) => e.node.kind)).toEqual(['COMMUNICATION']);
    // Every other item waits for Bristol, but a signed head of the log, which its system keeps and nobody acknowledges.
    const waiting = today.edges.filter((e) => e.node.awaitingAcknowledgement);
    expect(waiting).toEqual(today.edges.filter((e) => e.node.acknowledgedAt === null && e.node.kind !== 'TREE_HEAD'));
    expect(waiting.length).toBeGreaterThan(0);

    // Two days later Bristol acknowledges the escalation procedure.
    api = await api.restart({ CLOCK_NOW: '2026-11-25T09:00:00.000Z' });
    const policyItem = today.edges.find((e) => e.node.kind === 'POLICY_PUBLISHED' && e.node.acknowledgedAt === null);
    const acknowledgement = await api.graphql(
      'mutation($i: AcknowledgeFeedItemInput!) { acknowledgeFeedItem(input: $i) { acknowledgedAt } }',
      { i: { areaId: demo.areaIds.Bristol, cursor: policyItem?.node.cursor } },
      bristol,
    );
    expect(acknowledgement.errors).toBeUndefined();
    const item = (view: Feed) => view.edges.find((e) => e.node.cursor === policyItem?.node.cursor)?.node;
    expect(item(await feed('2026-11-24'))).toMatchObject({
      asAt: '2026-11-24',
      acknowledgedAt: null,
      awaitingAcknowledgement: true,
    });
    expect(item(await feed('2026-11-25'))).toMatchObject({
      acknowledgedAt: expect.stringMatching(/^2026-11-25T/) as string,
      awaitingAcknowledgement: false,
    });

    // As the platform showed the feed on the 24th (before the acknowledgement was recorded), and now.
    const recorded = async (asRecordedAt: string) =>
      api.graphql<{ areaFeed: Feed }>(FEED, { areaId: demo.areaIds.Bristol, asRecordedAt }, bristol);
    const before = (await recorded('2026-11-24T12:00:00.000Z')).data?.areaFeed as Feed;
    expect(before.totalCount).toBe(today.totalCount);
    expect(item(before)).toMatchObject({ asAt: null, acknowledgedAt: null, awaitingAcknowledgement: true });
    expect(item((await recorded(now())).data?.areaFeed as Feed)?.acknowledgedAt).toMatch(/^2026-11-25T/);
    expect((await recorded('2026-11-22T12:00:00.000Z')).errors?.[0]?.extensions?.code).toBe('OUT_OF_RANGE');

    const refusal = async (asAt: string) =>
      (await api.graphql(FEED, { areaId: demo.areaIds.Bristol, asAt }, bristol)).errors?.[0]?.extensions?.code;
    expect(await refusal('2019-05-31')).toBe('OUT_OF_RANGE');
    expect(await refusal('yesterday')).toBe('VALIDATION_FAILED');
  });

  it('rebuilds a read model that predates bitemporal policies, workstreams and meetings into the same answers', async () => {
    const answers = async () => ({
      listed: await listed('2026-07-01'),
      workstream: (await workstream({ asAt: '2026-11-23' })).data,
      today: (await workstream({})).data,
    });
    const before = await answers();
    // The read model as policies version 1, workstreams version 1 and meetings version 2 left it.
    const readDb = new Database(join(api.config.dataDir, 'read.db'));
    readDb.exec(`UPDATE projection_checkpoints SET version = 1 WHERE name IN ('policies', 'workstreams');
      UPDATE projection_checkpoints SET version = 2 WHERE name = 'meetings';
      DROP TABLE policy_states; DROP TABLE workstream_states; DROP TABLE workstream_memberships; DROP TABLE task_states;
      ALTER TABLE meetings DROP COLUMN scheduled_on;`);
    readDb.close();
    api = await api.restart({ CLOCK_NOW: '2026-11-25T10:00:00.000Z' });
    expect(await answers()).toEqual(before);
  });
});

/** Days are London's: what flowed down at 00:30 on 1 July in British Summer Time flowed down on 1 July. */
describe('an area feed as at a day, at London midnight in summer', () => {
  let app: DemoApp;

  beforeAll(async () => {
    app = await startDemoApp({ clockNow: '2026-06-30T23:30:00.000Z', load: [] });
  });
  afterAll(async () => app.api.stop());

  it('counts a communication sent at 23:30 UTC on 30 June as flowing down on 1 July, not on 30 June', async () => {
    const { demo, api } = app;
    const bristol = await app.tokenOf('bristol-business-manager');
    await api.send(
      'mutation($i: IssueRegionalCommunicationInput!) { issueRegionalCommunication(input: $i) { id } }',
      {
        i: {
          groupId: demo.groupId,
          areaIds: [demo.areaIds.Bristol],
          title: 'Summer holiday cover',
          body: 'Who covers the regional duty rota over the summer.',
          cascadeBy: '2026-07-10',
        },
      },
      await app.tokenOf('sheila-smith'),
    );
    const communications = async (asAt: string) => {
      const { data, errors } = await api.graphql<{ areaFeed: Feed }>(
        FEED,
        { areaId: demo.areaIds.Bristol, asAt },
        bristol,
      );
      expect(errors).toBeUndefined();
      return data?.areaFeed.edges.filter((edge) => edge.node.kind === 'COMMUNICATION').length;
    };
    await expect(communications('2026-06-30')).resolves.toBe(0);
    await expect(communications('2026-07-01')).resolves.toBe(1);
  });
});
