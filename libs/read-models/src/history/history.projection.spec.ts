import Database from 'better-sqlite3';
import { StoredEvent } from '@app/event-store';
import { openReadDatabase } from '../read-database';
import {
  inStream,
  projectedDatabase,
  projectionSpec,
  RECORDED_AT as SPEC_RECORDED_AT,
} from '../testing/projection-spec';
import { historyProjection } from './history.projection';
import { historyCursorOrder, HistoryQueries } from './history.queries';

const RECORDED = '2026-11-23T09:00:00.000Z';
const admin = { personId: 'admin', partnerId: null, roles: ['ADMINISTRATOR'] };
const victoria = { personId: 'victoria', partnerId: 'police', roles: ['REPRESENTATIVE'] };

let position = 0;
function stored(
  streamId: string,
  type: string,
  data: object,
  actor: object,
  reason: string | null = null,
): StoredEvent {
  position += 1;
  return {
    id: `event-${position}`,
    streamId,
    revision: 0,
    position,
    recordedAt: RECORDED,
    type,
    data,
    metadata: { actor, occurredAt: RECORDED, reason },
  };
}

describe('the history projection', () => {
  let db: Database.Database;
  let history: HistoryQueries;

  /** Given these events, the history as the API pages it. */
  const given = (...events: StoredEvent[]) => {
    for (const event of events) historyProjection.apply(db, event);
  };
  const page = (filter: Parameters<HistoryQueries['page']>[0], first = 20, after: string | null = null) =>
    history.page(filter, first, after);

  beforeEach(() => {
    position = 0;
    db = openReadDatabase(':memory:');
    historyProjection.setup(db);
    history = new HistoryQueries(db);
    given(
      stored('access-platform', 'PersonRegistered', { personId: 'victoria', name: 'Victoria Capel' }, admin),
      stored(
        'regional-group-g',
        'CorePartnerAdmitted',
        {
          partnerId: 'police',
          name: 'Avon and Somerset Police',
          agencyType: 'POLICE',
          areaIds: ['bristol'],
          admittedOn: '2019-06-01',
        },
        admin,
      ),
      stored(
        'meeting-m',
        'RecommendationResponded',
        { recommendationId: 'r', partnerId: 'police', response: 'ACCEPTED', reason: null },
        victoria,
        'Agreed at the chief officers’ group',
      ),
      stored(
        'regional-group-g',
        'CorePartnerAdmitted',
        {
          partnerId: 'council',
          name: 'Bristol City Council',
          agencyType: 'LOCAL_AUTHORITY',
          areaIds: ['bristol'],
          admittedOn: '2019-06-01',
        },
        admin,
      ),
    );
  });
  afterEach(() => db.close());

  it('records each event with its actor named as known then, its two dates and its reason', () => {
    const response = page({ types: ['RecommendationResponded'] })?.items[0].node;
    expect(response).toEqual({
      position: 3,
      eventId: 'event-3',
      streamId: 'meeting-m',
      kind: 'MEETING',
      type: 'RecommendationResponded',
      data: JSON.stringify({ recommendationId: 'r', partnerId: 'police', response: 'ACCEPTED', reason: null }),
      actorPersonId: 'victoria',
      actorName: 'Victoria Capel',
      actorPartnerId: 'police',
      actorPartnerName: 'Avon and Somerset Police',
      actorRoles: '["REPRESENTATIVE"]',
      happenedOn: '2026-11-23',
      recordedAt: RECORDED,
      reason: 'Agreed at the chief officers’ group',
      restrictedGroupId: null,
      restrictedAreaIds: null,
      scopeAreaId: null,
      scopeWorkstreamId: null,
      // No event of it names the meeting: the history knows neither its group nor its day.
      recordGroupId: null,
      recordName: null,
      recordStartsAt: null,
    });
  });

  it('names the record each event is in as it is named now, with its group, a restricted communication by its title too (withheld when read, R42)', () => {
    const group = { groupId: 'g', name: 'Avon and Somerset', areas: [{ areaId: 'bristol', name: 'Bristol' }] };
    given(
      stored('regional-group-g', 'RegionalGroupEstablished', group, admin),
      stored('regional-group-g', 'AreaAdded', { areaId: 'swindon', name: 'Swindon', addedOn: '2026-04-01' }, admin),
      stored(
        'meeting-m',
        'MeetingScheduled',
        { meetingId: 'm', groupId: 'g', startsAt: '2026-03-12T10:00:00Z' },
        admin,
      ),
      stored('meeting-m', 'MeetingDetailsCorrected', { startsAt: '2026-03-13T10:00:00Z', place: 'HQ' }, admin),
      stored('policy-p', 'PolicyDrafted', { policyId: 'p', groupId: 'g', title: 'Escalation', body: 'b' }, admin),
      stored('policy-p', 'PolicyDraftRevised', { title: 'Escalation procedure', body: 'b', summary: '' }, admin),
      stored('local-arrangement-swindon', 'PerformanceFiguresSubmitted', { areaId: 'swindon', groupId: 'g' }, admin),
      ...(['open', 'restricted'] as const).map((id) =>
        stored(
          `communication-${id}`,
          'CommunicationIssued',
          { communicationId: id, groupId: 'g', title: `An ${id} one`, areas: [], restricted: id === 'restricted' },
          admin,
        ),
      ),
    );
    const records = new Map(
      page({}, 50)?.items.map(({ node }) => [
        node.streamId,
        [node.recordGroupId, node.recordName, node.recordStartsAt],
      ]),
    );
    expect(Object.fromEntries(records)).toEqual({
      'access-platform': [null, null, null],
      'regional-group-g': ['g', 'Avon and Somerset', null],
      'meeting-m': ['g', null, '2026-03-13T10:00:00Z'],
      'policy-p': ['g', 'Escalation procedure', null],
      'local-arrangement-swindon': ['g', 'Swindon', null],
      'communication-open': ['g', 'An open one', null],
      'communication-restricted': ['g', 'An restricted one', null],
    });
  });

  it('keeps the area whose reports, or the workstream whose tasks, an event says, and neither for the group’s own (R43)', () => {
    given(
      stored('local-arrangement-bristol', 'PerformanceFiguresSubmitted', { areaId: 'bristol', groupId: 'g' }, admin),
      stored('workstream-w', 'TaskAdded', { taskId: 't', title: 'Audit the referrals' }, admin),
      stored('workstream-w', 'WorkstreamMemberAdded', { personId: 'victoria', name: 'Victoria Capel' }, admin),
    );
    const rows = page({ types: ['PerformanceFiguresSubmitted', 'TaskAdded', 'WorkstreamMemberAdded'] })?.items.map(
      ({ node }) => [node.type, node.scopeAreaId, node.scopeWorkstreamId],
    );
    expect(rows).toEqual([
      ['PerformanceFiguresSubmitted', 'bristol', null],
      ['TaskAdded', null, 'w'],
      ['WorkstreamMemberAdded', null, null],
    ]);
  });

  it('keeps whom a restricted communication is restricted to, and nothing for an open one (R42)', () => {
    const issued = (communicationId: string, restricted: boolean) =>
      stored(
        `communication-${communicationId}`,
        'CommunicationIssued',
        {
          communicationId,
          groupId: 'g',
          title: 'Strategy meeting',
          body: 'For the areas concerned.',
          areas: [{ areaId: 'bristol', name: 'Bristol' }],
          cascadeBy: '2026-12-04',
          restricted,
        },
        admin,
      );
    given(issued('closed', true), issued('open', false));
    const rows = page({ types: ['CommunicationIssued'] })?.items.map(({ node }) => ({
      streamId: node.streamId,
      restrictedGroupId: node.restrictedGroupId,
      restrictedAreaIds: node.restrictedAreaIds,
    }));
    expect(rows).toEqual([
      { streamId: 'communication-closed', restrictedGroupId: 'g', restrictedAreaIds: '["bristol"]' },
      { streamId: 'communication-open', restrictedGroupId: null, restrictedAreaIds: null },
    ]);
  });

  it('keeps a response to and the resolution of a restricted escalation restricted as the escalation was (R42)', () => {
    const raised = (escalationId: string, restricted: boolean) =>
      stored(
        'local-arrangement-bristol',
        'EscalationRaised',
        {
          areaId: 'bristol',
          groupId: 'g',
          escalationId,
          title: 'Out-of-hours health cover',
          detail: 'No designated doctor at weekends.',
          restricted,
          raisedOn: '2026-11-02',
        },
        admin,
      );
    const answered = (type: string, escalationId: string) =>
      stored(
        'regional-reports-g',
        type,
        {
          groupId: 'g',
          areaId: 'bristol',
          escalationId,
          response: 'A rota is being drawn up.',
          respondedOn: '2026-11-10',
        },
        admin,
      );
    given(
      raised('closed', true),
      raised('open', false),
      answered('EscalationResponded', 'closed'),
      answered('EscalationResolved', 'closed'),
      answered('EscalationResponded', 'open'),
    );
    const rows = page({ types: ['EscalationResponded', 'EscalationResolved'] })?.items.map(({ node }) => ({
      type: node.type,
      restrictedGroupId: node.restrictedGroupId,
      restrictedAreaIds: node.restrictedAreaIds,
    }));
    expect(rows).toEqual([
      { type: 'EscalationResponded', restrictedGroupId: 'g', restrictedAreaIds: '["bristol"]' },
      { type: 'EscalationResolved', restrictedGroupId: 'g', restrictedAreaIds: '["bristol"]' },
      { type: 'EscalationResponded', restrictedGroupId: null, restrictedAreaIds: null },
    ]);
  });

  it('finds what concerns a partner, in the order recorded, and narrows it by the date things happened', () => {
    expect(page({ partnerId: 'police' })?.items.map((i) => i.node.type)).toEqual([
      'CorePartnerAdmitted',
      'RecommendationResponded',
    ]);
    expect(
      page({ partnerId: 'police', from: '2026-01-01', to: '2026-12-31' })?.items.map((i) => i.node.position),
    ).toEqual([3]);
    expect(page({ partnerId: 'police', kinds: ['REGIONAL_GROUP'] })?.totalCount).toBe(1);
  });

  it('combines an entity with a person: only events concerning both', () => {
    expect(page({ entityId: 'g', personId: 'victoria' })?.totalCount).toBe(0);
    expect(page({ entityId: 'm', personId: 'victoria' })?.items.map((i) => i.node.position)).toEqual([3]);
  });

  it('pages with cursors, and refuses a cursor it did not give out', () => {
    const first = page({}, 2);
    expect(first?.items.map((i) => i.node.position)).toEqual([1, 2]);
    expect(first?.hasNextPage).toBe(true);
    expect(first?.totalCount).toBe(4);
    const second = page({}, 2, first?.items[1].cursor ?? null);
    expect(second?.items.map((i) => i.node.position)).toEqual([3, 4]);
    expect(second?.hasNextPage).toBe(false);
    expect(page({}, 2, 'not-a-cursor')).toBeNull();
  });

  it('reads a partner’s history, or the whole log, in the order things happened: an appointment entered late before what followed it', () => {
    given(
      stored(
        'regional-group-g',
        'RepresentativeAppointed',
        { appointmentId: 'a', partnerId: 'police', personId: 'victoria', startDate: '2019-07-01' },
        admin,
      ),
    );
    const days = (found: ReturnType<typeof page>) => found?.items.map((i) => [i.node.position, i.node.happenedOn]);
    expect(days(page({ partnerId: 'police' }))).toEqual([
      [2, '2019-06-01'],
      [3, '2026-11-23'],
      [5, '2019-07-01'],
    ]);
    expect(days(history.page({ partnerId: 'police' }, 20, null, 'HAPPENED'))).toEqual([
      [2, '2019-06-01'],
      [5, '2019-07-01'],
      [3, '2026-11-23'],
    ]);
    // Events of the same day keep the log's order between them.
    expect(history.page({}, 20, null, 'HAPPENED')?.items.map((i) => i.node.position)).toEqual([2, 4, 5, 1, 3]);
    expect(
      history
        .page({ kinds: ['REGIONAL_GROUP'], to: '2019-12-31' }, 20, null, 'HAPPENED')
        ?.items.map((i) => i.node.position),
    ).toEqual([2, 4, 5]);
  });

  it('pages in the order things happened across a page boundary, and refuses there a cursor of the order recorded', () => {
    const firstPage = history.page({}, 3, null, 'HAPPENED');
    expect(firstPage?.items.map((i) => i.node.position)).toEqual([2, 4, 1]);
    expect([firstPage?.hasNextPage, firstPage?.hasPreviousPage, firstPage?.totalCount]).toEqual([true, false, 4]);
    const second = history.page({}, 3, firstPage?.items[2].cursor ?? null, 'HAPPENED');
    expect(second?.items.map((i) => i.node.position)).toEqual([3]);
    expect([second?.hasNextPage, second?.hasPreviousPage, second?.totalCount]).toEqual([false, true, 4]);

    const recorded = page({}, 2);
    expect(history.page({}, 2, recorded?.items[1].cursor ?? null, 'HAPPENED')).toBeNull();
    expect(page({}, 2, firstPage?.items[0].cursor ?? null)).toBeNull();
    expect(historyCursorOrder(recorded?.items[1].cursor ?? '')).toBe('RECORDED');
    expect(historyCursorOrder(firstPage?.items[0].cursor ?? '')).toBe('HAPPENED');
    expect(historyCursorOrder('not-a-cursor')).toBeNull();
  });

  it('prepares each of its queries once on a database, however often it is asked', () => {
    // A fresh database: its first asking prepares what it needs, and none after it prepares again.
    const fresh = openReadDatabase(':memory:');
    historyProjection.setup(fresh);
    const queries = new HistoryQueries(fresh);
    const ask = () => {
      queries.page({ entityId: 'police', kinds: ['REGIONAL_GROUP'] }, 1, null, 'HAPPENED');
      queries.page({}, 1, null);
      queries.positionAt(RECORDED);
      queries.firstRecordedAt('police');
      queries.mentions('police');
    };
    ask();
    const prepare = jest.spyOn(fresh, 'prepare');
    ask();
    ask();
    expect(prepare).not.toHaveBeenCalled();
    fresh.close();
  });

  it('keeps the 256 query shapes used most recently: a 257th lets go of the least recently used, not of one just asked again', () => {
    const fresh = openReadDatabase(':memory:');
    historyProjection.setup(fresh);
    const queries = new HistoryQueries(fresh);
    // Each length of the list of types is a shape of page query and one of count query: two statements.
    const ofTypes = (count: number) =>
      queries.page({ types: Array.from({ length: count }, (_, n) => `Type${n}`) }, 1, null);
    for (let count = 1; count <= 128; count += 1) ofTypes(count);
    const prepare = jest.spyOn(fresh, 'prepare');
    ofTypes(1);
    expect(prepare).not.toHaveBeenCalled();
    ofTypes(129);
    expect(prepare).toHaveBeenCalledTimes(2);
    // The first shape was asked again just before the 129th: the second was the least recently used.
    ofTypes(1);
    expect(prepare).toHaveBeenCalledTimes(2);
    ofTypes(2);
    expect(prepare).toHaveBeenCalledTimes(4);
    fresh.close();
  });

  it('knows which ids it has ever seen', () => {
    expect(history.mentions('police')).toBe(true);
    expect(history.mentions('nobody')).toBe(false);
  });
});

describe('the history projection, given events through the runner', () => {
  const spec = projectionSpec(historyProjection);
  const registered = { type: 'PersonRegistered', data: { personId: 'victoria', name: 'Victoria Capel' } };

  it('records every event, from any stream, naming its actor as the platform then knew them', () =>
    spec
      .given(inStream('access-platform', registered, { actor: admin }))
      .when(
        inStream(
          'meeting-m',
          { type: 'AttendanceRecorded', data: { appointmentId: 'a', status: 'PRESENT' } },
          { actor: victoria, reason: 'Late arrival noted' },
        ),
        inStream('counter-1', { type: 'Counted', data: { n: 1 } }),
      )
      .then({
        history_events: [
          {
            position: 1,
            kind: 'ACCESS',
            type: 'PersonRegistered',
            actor_name: null,
            happened_on: '2020-03-12',
            reason: null,
          },
          {
            position: 2,
            kind: 'MEETING',
            type: 'AttendanceRecorded',
            actor_name: 'Victoria Capel',
            happened_on: '2020-03-12',
            reason: 'Late arrival noted',
          },
          { position: 3, kind: 'OTHER', type: 'Counted', actor_name: null, happened_on: '2020-03-12', reason: null },
        ],
        history_people: [{ person_id: 'victoria', name: 'Victoria Capel' }],
      }));

  const policyDrafted = {
    type: 'PolicyDrafted',
    data: { policyId: 'p', groupId: 'g', title: 'T', workstreamId: null, body: 'B', summary: '' },
  };

  it('dates a policy’s approval and publication on their own days, and its draft entered later no later than its approval (D1)', () => {
    const entered = { actor: admin, occurredAt: '2026-12-01T10:00:00.000Z', schemaVersion: 3 };
    const version = {
      version: 1,
      effectiveOn: '2026-12-01',
      reviewOn: '2027-12-01',
      title: 'T',
      body: 'B',
      summary: '',
    };
    return spec
      .given()
      .when(
        inStream(
          'policy-p',
          [
            policyDrafted,
            { type: 'PolicyApproved', data: { meetingId: 'm', decisionId: 'd', approvedOn: '2026-11-19' } },
            { type: 'PolicyVersionPublished', data: { ...version, publishedOn: '2026-11-19', areas: [] } },
          ],
          entered,
        ),
        inStream(
          'policy-q',
          { type: 'PolicyVersionPublished', data: { ...version, effectiveOn: '2027-01-01', areas: [] } },
          { ...entered, schemaVersion: 2 },
        ),
      )
      .then({
        history_events: [
          { type: 'PolicyDrafted', happened_on: '2026-11-19' },
          { type: 'PolicyApproved', happened_on: '2026-11-19' },
          { type: 'PolicyVersionPublished', happened_on: '2026-11-19' },
          { type: 'PolicyVersionPublished', happened_on: '2026-12-01' },
        ],
      });
  });

  /** A meeting of December 2025 entered with its minutes on 2 December 2026, as the demo enters its year. */
  const enteredLate = { actor: admin, occurredAt: '2026-12-02T09:00:00.000Z' };
  const meeting = (type: string, data: object) => inStream('meeting-m', { type, data }, enteredLate);
  const meetingBooked = meeting('MeetingScheduled', {
    meetingId: 'm',
    groupId: 'g',
    startsAt: '2025-12-11T10:00:00.000Z',
    place: 'P',
  });
  const meetingHeld = [
    meetingBooked,
    meeting('MeetingOpened', { openedAt: enteredLate.occurredAt, membershipOn: '2025-12-11', representatives: [] }),
    meeting('MeetingClosed', { closedAt: enteredLate.occurredAt }),
  ].flat();
  const minutesEntered = [
    meeting('MinutesDrafted', { text: 'Minutes' }),
    meeting('RecommendationResponded', { recommendationId: 'r', partnerId: 'police', respondedOn: '2026-02-16' }),
    meeting('MinutesCorrected', { text: 'Minutes, corrected', reason: 'A name misspelt', areas: [] }),
    meeting('MinutesApproved', { approvedOn: '2025-12-19', atMeetingId: null }),
    meeting('MinutesPublished', { publishedAt: enteredLate.occurredAt, publishedOn: '2026-01-06', areas: [] }),
  ].flat();

  it('moves a meeting entered a year late back: booked by its day, closed and its minutes drafted by their approval', () =>
    spec
      .given(meetingHeld)
      .when(
        minutesEntered,
        inStream('policy-p', { type: 'PolicyReviewed', data: { reviewedOn: '2025-01-05' } }, enteredLate),
      )
      .then({
        history_events: [
          { type: 'MeetingScheduled', happened_on: '2025-12-11' },
          { type: 'MeetingOpened', happened_on: '2025-12-11' },
          { type: 'MeetingClosed', happened_on: '2025-12-19' },
          { type: 'MinutesDrafted', happened_on: '2025-12-19' },
          { type: 'RecommendationResponded', happened_on: '2026-02-16' },
          { type: 'MinutesCorrected', happened_on: '2026-12-02' },
          { type: 'MinutesApproved', happened_on: '2025-12-19' },
          { type: 'MinutesPublished', happened_on: '2026-01-06' },
          { type: 'PolicyReviewed', happened_on: '2025-01-05' },
        ],
      }));

  it('dates a meeting entered after it was held, and never opened, on its own day, as the meetings view lists it', () =>
    spec
      .given()
      .when(
        meetingBooked,
        inStream(
          'meeting-n',
          {
            type: 'MeetingScheduled',
            data: { meetingId: 'n', groupId: 'g', startsAt: '2027-01-14T10:00:00Z', place: 'P' },
          },
          enteredLate,
        ),
      )
      .then({
        history_events: [
          { type: 'MeetingScheduled', happened_on: '2025-12-11' },
          { type: 'MeetingScheduled', happened_on: '2026-12-02' },
        ],
      }));

  /** December 2025's meeting entered late, with the day it was booked at September's. */
  const bookedAtSeptembers = meeting('MeetingScheduled', {
    meetingId: 'm',
    groupId: 'g',
    startsAt: '2025-12-11T10:00:00.000Z',
    place: 'P',
    bookedOn: '2025-09-11',
  });

  it('dates the booking of a meeting entered late on the day entered for it, before the opening that needed it', () =>
    spec
      .given()
      .when(
        bookedAtSeptembers,
        meeting('MeetingOpened', { openedAt: enteredLate.occurredAt, membershipOn: '2025-12-11', representatives: [] }),
      )
      .then({
        history_events: [
          { type: 'MeetingScheduled', happened_on: '2025-09-11' },
          { type: 'MeetingOpened', happened_on: '2025-12-11' },
        ],
      }));

  it('dates the booking of a meeting on the day a correction of its date entered again, and a later correction without one keeps it', () =>
    spec
      .given(bookedAtSeptembers)
      .when(
        meeting('MeetingDetailsCorrected', {
          startsAt: '2025-09-04T10:00:00.000Z',
          place: 'P',
          reason: 'The date was mistyped.',
          bookedOn: '2025-08-28',
          snapshot: null,
        }),
        meeting('MeetingDetailsCorrected', {
          startsAt: '2025-09-05T10:00:00.000Z',
          place: 'P',
          reason: 'The day was still wrong.',
          snapshot: null,
        }),
      )
      .then({
        history_events: [
          { type: 'MeetingScheduled', happened_on: '2025-08-28' },
          { type: 'MeetingDetailsCorrected', happened_on: '2026-12-02' },
          { type: 'MeetingDetailsCorrected', happened_on: '2026-12-02' },
        ],
      }));

  it('dates a meeting entered late and closed with its day on that day, with no minutes after it', () =>
    spec
      .given()
      .when(
        meetingBooked,
        meeting('MeetingOpened', { openedAt: enteredLate.occurredAt, membershipOn: '2025-12-11', representatives: [] }),
        meeting('MeetingClosed', { closedAt: enteredLate.occurredAt, heldOn: '2025-12-11' }),
      )
      .then({
        history_events: [
          { type: 'MeetingScheduled', happened_on: '2025-12-11' },
          { type: 'MeetingOpened', happened_on: '2025-12-11' },
          { type: 'MeetingClosed', happened_on: '2025-12-11' },
        ],
      }));

  it('moves a draft back to its approval even when the approval was recorded on an earlier day than the draft', () =>
    spec
      .given()
      .when(
        inStream('policy-p', policyDrafted, enteredLate),
        inStream(
          'policy-p',
          { type: 'PolicyApproved', data: { meetingId: 'm', decisionId: 'd', approvedOn: '2026-12-01' } },
          { actor: admin, occurredAt: '2026-12-01T09:00:00.000Z' },
        ),
      )
      .then({
        history_events: [
          { type: 'PolicyDrafted', happened_on: '2026-12-01' },
          { type: 'PolicyApproved', happened_on: '2026-12-01' },
        ],
      }));

  it('finds a meeting entered late, in the history of each entity it concerns, by the days it was moved back to', async () => {
    const { db } = await projectedDatabase(historyProjection, meetingHeld, minutesEntered);
    const history = new HistoryQueries(db);
    const types = (filter: Parameters<HistoryQueries['page']>[0]) =>
      history.page(filter, 20, null)?.items.map(({ node }) => node.type);
    expect(types({ entityId: 'g', from: '2025-12-01', to: '2025-12-31' })).toEqual(['MeetingScheduled']);
    expect(types({ personId: 'admin', from: '2025-12-12', to: '2025-12-31' })).toEqual([
      'MeetingClosed',
      'MinutesDrafted',
      'MinutesApproved',
    ]);
    expect(history.page({ entityId: 'm', from: '2026-12-02' }, 20, null)?.totalCount).toBe(1);
    db.close();
  });

  it('reads a meeting entered late in the order things happened, by the days later events moved its booking and closing back to', async () => {
    const { db } = await projectedDatabase(historyProjection, meetingHeld, minutesEntered);
    const history = new HistoryQueries(db);
    const pages = (filter: Parameters<HistoryQueries['page']>[0]) => {
      const read: [string, string][][] = [];
      for (let after: string | null = null; ;) {
        const found = history.page(filter, 3, after, 'HAPPENED');
        read.push(found?.items.map(({ node }) => [node.type, node.happenedOn]) ?? []);
        if (!found?.hasNextPage) return read;
        after = found.items[2].cursor;
      }
    };
    expect(pages({ entityId: 'm' })).toEqual([
      [
        ['MeetingScheduled', '2025-12-11'],
        ['MeetingOpened', '2025-12-11'],
        ['MeetingClosed', '2025-12-19'],
      ],
      [
        ['MinutesDrafted', '2025-12-19'],
        ['MinutesApproved', '2025-12-19'],
        ['MinutesPublished', '2026-01-06'],
      ],
      [
        ['RecommendationResponded', '2026-02-16'],
        ['MinutesCorrected', '2026-12-02'],
      ],
    ]);
    expect(pages({ personId: 'admin', from: '2025-12-12', to: '2026-01-31' })).toEqual([
      [
        ['MeetingClosed', '2025-12-19'],
        ['MinutesDrafted', '2025-12-19'],
        ['MinutesApproved', '2025-12-19'],
      ],
      [['MinutesPublished', '2026-01-06']],
    ]);
    db.close();
  });

  it('dates what was recorded ahead of its day (a commission starting later, a succession) on the day recorded', () =>
    spec
      .given()
      .when(
        inStream(
          'workstream-w',
          {
            type: 'WorkstreamCommissioned',
            data: { workstreamId: 'w', startDate: '2027-01-04', endDate: '2027-06-30' },
          },
          { actor: admin, occurredAt: '2026-12-01T10:00:00.000Z' },
        ),
        inStream(
          'regional-group-g',
          { type: 'PartnerSucceeded', data: { predecessorId: 'ccg', successorId: 'icb', effectiveOn: '2022-07-01' } },
          { actor: admin, occurredAt: '2022-06-30T23:30:00.000Z' },
        ),
      )
      .then({
        history_events: [
          { type: 'WorkstreamCommissioned', happened_on: '2026-12-01' },
          { type: 'PartnerSucceeded', happened_on: '2022-07-01' },
        ],
      }));

  it('keeps an area’s reason for not adopting a policy in its data, not as the reason for the change (A1, D1)', () => {
    const notAdopted = (areaId: string) => ({
      type: 'PolicyAdoptionRecorded',
      data: {
        areaId,
        policyId: 'p',
        version: 1,
        decision: 'NOT_ADOPTED',
        variation: null,
        reason: 'Covered locally.',
        decidedOn: '2026-12-01',
      },
    });
    return spec
      .given()
      .when(
        inStream('local-arrangement-north-somerset', notAdopted('north-somerset'), {
          actor: admin,
          reason: 'Covered locally.',
          schemaVersion: 2,
        }),
        inStream('local-arrangement-somerset', notAdopted('somerset'), {
          actor: admin,
          reason: 'Entered from the board’s minutes',
          schemaVersion: 3,
        }),
      )
      .then({
        history_events: [
          { stream_id: 'local-arrangement-north-somerset', reason: null },
          { stream_id: 'local-arrangement-somerset', reason: 'Entered from the board’s minutes' },
        ],
      });
  });

  const review = (reviewId: string) => ({ areaId: 'bristol', reviewId });
  const notified = (reviewId: string, restricted: boolean) => ({
    type: 'SeriousIncidentNotified',
    data: {
      ...review(reviewId),
      groupId: 'g',
      reference: `SI-${reviewId}`,
      awareOn: '2026-11-02',
      notifiedOn: null,
      notificationDueOn: '2026-11-09',
      rapidReviewDueOn: null,
      restricted,
    },
  });
  const followUps = (reviewId: string) => [
    {
      type: 'PanelNotificationRecorded',
      data: { ...review(reviewId), notifiedOn: '2026-11-04', rapidReviewDueOn: '2026-11-25' },
    },
    {
      type: 'LocalReviewPublished',
      data: { ...review(reviewId), publishedOn: '2027-05-03', link: 'https://example.org/lcspr' },
    },
  ];

  it("keeps a restricted practice review's panel notification and published link restricted as the review was, and an open one's open (R42)", () =>
    spec
      .given(inStream('local-arrangement-bristol', [notified('closed', true), notified('open', false)]))
      .when(inStream('local-arrangement-bristol', [...followUps('closed'), ...followUps('open')]))
      .then({
        history_events: [
          { type: 'SeriousIncidentNotified', restricted_group_id: 'g', restricted_area_ids: '["bristol"]' },
          { type: 'SeriousIncidentNotified', restricted_group_id: null, restricted_area_ids: null },
          { type: 'PanelNotificationRecorded', restricted_group_id: 'g', restricted_area_ids: '["bristol"]' },
          { type: 'LocalReviewPublished', restricted_group_id: 'g', restricted_area_ids: '["bristol"]' },
          { type: 'PanelNotificationRecorded', restricted_group_id: null, restricted_area_ids: null },
          { type: 'LocalReviewPublished', restricted_group_id: null, restricted_area_ids: null },
        ],
        history_restricted_items: [{ item_id: 'closed', group_id: 'g', area_ids: '["bristol"]' }],
      }));

  it('keeps when it was recorded apart from when it happened', () =>
    spec
      .given()
      .when(
        inStream(
          'regional-group-g',
          {
            type: 'CorePartnerAdmitted',
            data: {
              partnerId: 'police',
              name: 'Avon and Somerset Police',
              agencyType: 'POLICE',
              areaIds: [],
              admittedOn: '2019-06-01',
            },
          },
          { actor: admin },
        ),
      )
      .then({ history_events: [{ happened_on: '2019-06-01', recorded_at: SPEC_RECORDED_AT }] }));
});
