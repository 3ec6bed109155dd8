import { LiveEvents } from '../apps/api/src/live/live-events';
import { REPRESENTATIVES } from '../apps/cli/src/demo/avon-and-somerset';
import { LoadedDemo } from '../apps/cli/src/demo/load-demo';
import { LoadedMeetings, MEETINGS } from '../apps/cli/src/demo/meeting-year';
import { DemoApp, startDemoApp } from './support/demo-app';
import { TestApp, waitUntil } from './support/test-app';

const MEETING = `id status quorum { required present isQuorate } minutes { stage text corrections { text reason } }
  attendance { name status substitute { name organisation } } decisions { text agreedBy }
  localPublication { areaName published address }`;
/** What recordLocalPublication answers: the area's own publication, and the meeting only for a reader of the group's business (R43). */
const PUBLICATION_CHANGE = `meetingId localPublication { areaName published address } meeting { ${MEETING} }`;

describe('meetings, quorum, minutes and area feeds over GraphQL', () => {
  let api: TestApp;
  let demo: LoadedDemo;
  let year: LoadedMeetings;
  let tokenOf: DemoApp['tokenOf'];
  let businessManager: DemoApp['businessManager'];
  let chair: string;
  const call = async (
    mutation: string,
    inputType: string,
    input: Record<string, unknown>,
    token: string | null = chair,
  ) => api.graphql(`mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${MEETING} } }`, { input }, token);
  const publishLocally = (input: Record<string, unknown>, token: string) =>
    api.graphql(
      `mutation($input: RecordLocalPublicationInput!) { recordLocalPublication(input: $input) { ${PUBLICATION_CHANGE} } }`,
      { input },
      token,
    );
  const meeting = async (id: string) =>
    (await api.graphql(`query($id: ID!) { meeting(id: $id) { ${MEETING} } }`, { id })).data?.meeting;

  /** Schedules and opens a meeting, recording every representative present but those listed. */
  const openMeeting = async (startsAt: string, absent: string[] = [], substituted: string | null = null) => {
    const { data } = await call('scheduleMeeting', 'ScheduleMeetingInput', {
      groupId: demo.groupId,
      startsAt,
      place: 'Portishead',
    });
    const meetingId = data?.scheduleMeeting.id as string;
    await call('openMeeting', 'MeetingIdInput', { meetingId });
    for (const rep of REPRESENTATIVES) {
      const away = absent.includes(rep.key) || rep.key === substituted;
      await call('recordAttendance', 'RecordAttendanceInput', {
        meetingId,
        appointmentId: demo.appointmentIds[rep.key],
        status: away ? 'APOLOGIES' : 'PRESENT',
        substitute: rep.key === substituted ? { name: 'A Deputy', organisation: 'Somerset County Council' } : null,
      });
    }
    return meetingId;
  };

  beforeAll(async () => {
    ({ api, demo, year, tokenOf, businessManager } = await startDemoApp({ load: ['meetings'] }));
    chair = await tokenOf('sheila-smith');
  });
  afterAll(async () => api.stop());

  it('took a quarterly meeting from schedule to minutes published in every area', async () => {
    const held = await meeting(year.meetingIds[0]);
    expect(held.status).toBe('CLOSED');
    expect(held.quorum).toEqual({ required: 7, present: 8, isQuorate: true });
    expect(held.minutes.stage).toBe('PUBLISHED');
    expect(held.decisions[0].agreedBy).toHaveLength(8);
    expect(
      held.localPublication
        .filter((p: { published: boolean }) => p.published)
        .map((p: { areaName: string }) => p.areaName),
    ).toEqual(['Bristol']);
    for (const areaId of Object.values(demo.areaIds)) {
      const { data } = await api.graphql(
        'query($areaId: ID!) { areaFeed(areaId: $areaId) { totalCount edges { node { kind subjectId happenedOn occurredAt } } } }',
        { areaId },
        chair,
      );
      expect(data?.areaFeed.totalCount).toBe(4);
      // Entered on the demo's day, each item keeps the day its minutes were published.
      expect(data?.areaFeed.edges.map((edge: { node: object }) => edge.node)).toEqual(
        MEETINGS.map(({ minutes }, index) => ({
          kind: 'MINUTES_PUBLISHED',
          subjectId: year.meetingIds[index],
          happenedOn: minutes.publishedOn,
          occurredAt: expect.stringMatching(/^2026-11-23T/),
        })),
      );
    }
  });

  it('is quorate with 7 of 10 present and records the decision', async () => {
    const meetingId = await openMeeting('2026-11-20T10:00:00Z', ['chris-sivers', 'lisa-harvey', 'mike-bowden']);
    const { data, errors } = await call('recordDecision', 'RecordDecisionInput', {
      meetingId,
      text: 'Agreed the annual report.',
    });
    expect(errors).toBeUndefined();
    expect(data?.recordDecision.quorum).toEqual({ required: 7, present: 7, isQuorate: true });
    expect(data?.recordDecision.decisions[0].agreedBy).toHaveLength(7);
  });

  it('is not quorate with 6 present and a substitute, and refuses decisions and recommendations (R8, R9)', async () => {
    const meetingId = await openMeeting(
      '2026-11-21T10:00:00Z',
      ['chris-sivers', 'lisa-harvey', 'mike-bowden'],
      'julian-wooster',
    );
    const before = await api.store.lastPosition();
    const decision = await call('recordDecision', 'RecordDecisionInput', {
      meetingId,
      text: 'Agreed the annual report.',
    });
    expect(decision.errors?.[0]).toMatchObject({ extensions: { code: 'QUORUM_NOT_MET', required: 7, present: 6 } });
    const recommendation = await call('makeRecommendation', 'MakeRecommendationInput', {
      meetingId,
      text: 'Review escalations.',
      targetPartnerIds: [demo.partnerIds.police],
      dueDate: '2027-01-31',
    });
    expect(recommendation.errors?.[0].extensions?.code).toBe('QUORUM_NOT_MET');
    expect(await api.store.lastPosition()).toBe(before);
    const { attendance } = await meeting(meetingId);
    expect(attendance.find((a: { name: string }) => a.name === 'Julian Wooster')).toEqual({
      name: 'Julian Wooster',
      status: 'APOLOGIES',
      substitute: { name: 'A Deputy', organisation: 'Somerset County Council' },
    });
  });

  it('lets only a target organisation answer a recommendation, for itself (R9, R41)', async () => {
    const [first] = year.recommendationIds;
    const asSomersetCouncil = await call(
      'respondToRecommendation',
      'RespondToRecommendationInput',
      {
        meetingId: year.meetingIds[0],
        recommendationId: first,
        partnerId: demo.partnerIds.police,
        response: 'DECLINED',
        reason: 'No.',
      },
      await tokenOf('julian-wooster'),
    );
    expect(asSomersetCouncil.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      requiredRole: 'REPRESENTATIVE of the target partner',
    });
    const { data } = await api.graphql(
      'query($g: ID!, $p: ID) { recommendations(groupId: $g, partnerId: $p, overdueOnly: true) { dueDate targets { status } } }',
      {
        g: demo.groupId,
        p: demo.partnerIds.police,
      },
    );
    expect(data?.recommendations).toEqual([
      { dueDate: '2026-09-30', targets: [{ status: 'ACCEPTED' }, { status: 'DECLINED' }] },
    ]);
  });

  it("refuses Bristol's business manager recording publication for Somerset (R10, R41)", async () => {
    const { errors } = await publishLocally(
      {
        meetingId: year.meetingIds[1],
        areaId: demo.areaIds.Somerset,
        address: 'https://somerset.example/minutes',
        publishedOn: '2026-04-01',
      },
      await tokenOf('bristol-business-manager'),
    );
    expect(errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      requiredRole: 'AREA_BUSINESS_MANAGER of the area',
    });
  });

  it('refuses a meeting whose start is not a date and time, or on a day that does not exist, saying which', async () => {
    const schedule = (startsAt: string) =>
      call('scheduleMeeting', 'ScheduleMeetingInput', { groupId: demo.groupId, startsAt, place: 'Portishead' });
    const refusals = await Promise.all(['2027-02-30T10:00:00Z', '2027-01-01', '2027-01-01T10:00:00'].map(schedule));
    expect(refusals.map(({ errors }) => [errors?.[0].message, errors?.[0].extensions?.code])).toEqual([
      ['startsAt is on a day that does not exist (2027-02-30).', 'VALIDATION_FAILED'],
      [
        'startsAt is not a date and time: write one as 2026-11-01T09:30:00Z, with Z or an offset such as +01:00.',
        'VALIDATION_FAILED',
      ],
      [
        'startsAt is not a date and time: write one as 2026-11-01T09:30:00Z, with Z or an offset such as +01:00.',
        'VALIDATION_FAILED',
      ],
    ]);
  });

  it('books a meeting entered after the fact on the day given, lists it from then, and refuses a day it cannot have been booked on, recording nothing', async () => {
    const group = async (asAt?: string) =>
      (
        await api.graphql(
          'query($id: ID!, $asAt: String) { regionalGroup(id: $id, asAt: $asAt) { meetings { id } cadence { nextMeeting { id bookedOn } } } }',
          { id: demo.groupId, asAt },
        )
      ).data?.regionalGroup as {
        meetings: { id: string }[];
        cadence: { nextMeeting: { id: string; bookedOn: string } };
      };
    const schedule = (startsAt: string, bookedOn?: string) =>
      api.graphql(
        'mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id startsAt bookedOn } }',
        { input: { groupId: demo.groupId, startsAt, place: 'Portishead', bookedOn } },
        chair,
      );
    const meetingsBefore = (await group()).meetings.length;

    const refusals = await Promise.all([
      schedule('2026-10-22T09:00:00Z', '2026-11-24'),
      schedule('2026-10-22T09:00:00Z', '2026-10-23'),
      schedule('2026-10-22T09:00:00Z', '2019-05-31'),
      schedule('2026-10-22T09:00:00Z', '2026-02-30'),
    ]);
    expect(refusals.map(({ errors }) => [errors?.[0].extensions?.code, errors?.[0].message])).toEqual([
      [
        'VALIDATION_FAILED',
        'The day the meeting was booked (2026-11-24) is in the future; record it once it has happened.',
      ],
      ['OUT_OF_RANGE', 'The day the meeting was booked (2026-10-23) is after the meeting’s own day (2026-10-22).'],
      ['OUT_OF_RANGE', 'The day the meeting was booked (2019-05-31) is before the group was established (2019-06-01).'],
      ['VALIDATION_FAILED', expect.stringMatching(/^bookedOn .*not a real date/)],
    ]);
    for (const { errors } of refusals) expect(errors?.[0].extensions?.field).toBe('bookedOn');
    expect((await group()).meetings).toHaveLength(meetingsBefore);

    // Held on 22 October, entered today (23 November) with the day it was booked at the meeting before.
    const { data } = await schedule('2026-10-22T09:00:00Z', '2026-09-10');
    const { id, bookedOn } = data?.scheduleMeeting as { id: string; bookedOn: string };
    expect(bookedOn).toBe('2026-09-10');
    expect((await group('2026-10-01')).cadence.nextMeeting).toEqual({ id, bookedOn: '2026-09-10' });
    // Without a day given, one entered after it was held reads as booked on its own day, one ahead as booked today.
    const late = await schedule('2026-10-29T09:00:00Z');
    const ahead = await schedule('2027-01-14T10:00:00Z');
    expect([late.data?.scheduleMeeting.bookedOn, ahead.data?.scheduleMeeting.bookedOn]).toEqual([
      '2026-10-29',
      '2026-11-23',
    ]);

    // A correction to a day before the day it was booked is refused unless it gives the booking day too.
    const correct = (startsAt: string, bookedOn?: string | null) =>
      api.graphql(
        'mutation($input: CorrectMeetingDetailsInput!) { correctMeetingDetails(input: $input) { bookedOn bookedOnEntered } }',
        { input: { meetingId: id, startsAt, place: 'Portishead', reason: 'The date was mistyped.', bookedOn } },
        chair,
      );
    const refused = await correct('2026-09-03T09:00:00Z');
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'OUT_OF_RANGE', field: 'startsAt' });
    expect(refused.errors?.[0].message).toBe(
      'The meeting’s corrected day (2026-09-03) is before the day it was booked (2026-09-10); give the day it was booked too (bookedOn).',
    );
    const booking = async () =>
      (
        await api.graphql(
          `query($id: ID!) { meeting(id: $id) { startsAt bookedOn bookedOnEntered
            history(filter: { types: ["MeetingScheduled"] }) { edges { node { happenedOn } } } } }`,
          { id },
          await tokenOf('auditor'),
        )
      ).data?.meeting as { startsAt: string; bookedOn: string; bookedOnEntered: string; history: unknown };
    await expect(booking()).resolves.toEqual({
      startsAt: '2026-10-22T09:00:00.000Z',
      bookedOn: '2026-09-10',
      bookedOnEntered: '2026-09-10',
      history: { edges: [{ node: { happenedOn: '2026-09-10' } }] },
    });
    // With the day it was booked, both the meetings view and the history date the booking on it; a later correction keeps it.
    await expect(correct('2026-09-03T09:00:00Z', '2026-08-20')).resolves.toMatchObject({
      data: { correctMeetingDetails: { bookedOn: '2026-08-20', bookedOnEntered: '2026-08-20' } },
    });
    await expect(correct('2026-09-04T09:00:00Z', null)).resolves.toMatchObject({
      data: { correctMeetingDetails: { bookedOn: '2026-08-20', bookedOnEntered: '2026-08-20' } },
    });
    await expect(booking()).resolves.toMatchObject({ history: { edges: [{ node: { happenedOn: '2026-08-20' } }] } });
    // One entered without a booking day says so.
    expect(late.data?.scheduleMeeting).toMatchObject({ bookedOn: '2026-10-29' });
    const lateMeeting = await api.graphql('query($id: ID!) { meeting(id: $id) { bookedOnEntered } }', {
      id: (late.data?.scheduleMeeting as { id: string }).id,
    });
    expect(lateMeeting.data?.meeting).toEqual({ bookedOnEntered: null });
  });

  it('answers a retry that sends bookedOn as null after a request that left it out as that request, recording nothing again', async () => {
    const schedule = (bookedOn?: null) =>
      api.graphql(
        'mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id bookedOn } }',
        {
          input: {
            groupId: demo.groupId,
            startsAt: '2027-03-11T10:00:00Z',
            place: 'Portishead',
            idempotencyKey: 'booked-on-null-retry',
            ...(bookedOn === null ? { bookedOn } : {}),
          },
        },
        chair,
      );
    const first = await schedule();
    const before = await api.store.lastPosition();
    const retry = await schedule(null);
    expect(retry).toEqual(first);
    expect(await api.store.lastPosition()).toBe(before);
  });

  it('refuses a local publication dated before the region published the minutes, and records one on that day (R10)', async () => {
    const somersetManager = await businessManager('Somerset', 'Sam Somerset');
    // The March meeting's minutes were published by the region on 30 March 2026. The address is
    // pasted with white space around it, which is accepted and recorded trimmed.
    const record = (publishedOn: string, address = ' https://somerset.example/minutes/march-2026\n') =>
      publishLocally(
        { meetingId: year.meetingIds[1], areaId: demo.areaIds.Somerset, address, publishedOn },
        somersetManager,
      );
    const early = await record('2026-03-27');
    expect(early.data).toBeNull();
    expect(early.errors?.[0]).toMatchObject({
      extensions: { code: 'OUT_OF_RANGE' },
      message:
        'The day the area published the minutes (2026-03-27) is before the day the region published them (2026-03-30).',
    });
    const future = await record('2026-11-24');
    expect(future.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    const script = await record('2026-03-30', 'javascript:alert(1)');
    expect(script.errors?.[0]).toMatchObject({
      extensions: { code: 'VALIDATION_FAILED' },
      message: expect.stringContaining('address must be an http or https address.'),
    });
    // R40 holds for an address as for any field: an NHS number in its path is refused.
    const identifying = await record('2026-03-30', 'https://somerset.example/case/9434765919');
    expect(identifying.errors?.[0].extensions?.code).toBe('IDENTIFYING_DATA');
    // Nothing was recorded by the refusals: the same day as the region's publication is accepted once.
    const onTheDay = await record('2026-03-30');
    expect(onTheDay.errors).toBeUndefined();
    // R43: Somerset's business manager may not read the group's meetings, so the answer is Somerset's publication only.
    expect(onTheDay.data?.recordLocalPublication).toEqual({
      meetingId: year.meetingIds[1],
      localPublication: {
        areaName: 'Somerset',
        published: true,
        address: 'https://somerset.example/minutes/march-2026',
      },
      meeting: null,
    });
  });

  it('answers a representative who also manages an area with the whole meeting (R10, R43)', async () => {
    const representative = await tokenOf(REPRESENTATIVES[1].key);
    const { me } = await api.send<{ me: { personId: string } }>('{ me { personId } }', {}, representative);
    await api.send(
      'mutation($i: RoleInput!) { grantRole(input: $i) { personId } }',
      { i: { personId: me.personId, role: 'AREA_BUSINESS_MANAGER', areaId: demo.areaIds['North Somerset'] } },
      api.adminToken as string,
    );
    const { data, errors } = await publishLocally(
      {
        meetingId: year.meetingIds[1],
        areaId: demo.areaIds['North Somerset'],
        address: 'https://north-somerset.example/minutes/march-2026',
        publishedOn: '2026-03-31',
      },
      representative,
    );
    expect(errors).toBeUndefined();
    expect(data?.recordLocalPublication.localPublication).toEqual({
      areaName: 'North Somerset',
      published: true,
      address: 'https://north-somerset.example/minutes/march-2026',
    });
    expect(data?.recordLocalPublication.meeting).toEqual(await meeting(year.meetingIds[1]));
  });

  it("lets an area's business manager acknowledge what reached the area, and shows the region who has (L3)", async () => {
    const bristolManager = await tokenOf('bristol-business-manager');
    const first = async (area: string) =>
      (
        await api.graphql(
          'query($a: ID!) { areaFeed(areaId: $a, first: 1) { edges { cursor } } }',
          { a: demo.areaIds[area] },
          chair,
        )
      ).data?.areaFeed.edges[0].cursor;
    const acknowledge = async (area: string) =>
      api.graphql(
        'mutation($input: AcknowledgeFeedItemInput!) { acknowledgeFeedItem(input: $input) { subjectId acknowledgedAt } }',
        { input: { areaId: demo.areaIds[area], cursor: await first(area) } },
        bristolManager,
      );
    const mine = await acknowledge('Bristol');
    expect(mine.data?.acknowledgeFeedItem).toEqual({
      subjectId: year.meetingIds[0],
      acknowledgedAt: expect.stringMatching(/^2026-11-23T/),
    });
    expect((await acknowledge('Somerset')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await acknowledge('Bristol')).errors?.[0].extensions?.code).toBe('ALREADY_EXISTS');
    const { data } = await api.graphql(
      'query($s: ID!) { feedItemAcknowledgements(subjectId: $s) { areaId acknowledgedAt } }',
      { s: year.meetingIds[0] },
      chair,
    );
    const acknowledged = data?.feedItemAcknowledgements
      .filter((a: { acknowledgedAt: string | null }) => a.acknowledgedAt)
      .map((a: { areaId: string }) => a.areaId);
    expect(data?.feedItemAcknowledgements).toHaveLength(5);
    expect(acknowledged).toEqual([demo.areaIds.Bristol]);
  });

  it('keeps published minutes sealed: a correction stands beside them with its reason', async () => {
    const meetingId = year.meetingIds[3];
    const redraft = await call('draftMinutes', 'DraftMinutesInput', { meetingId, text: 'Rewritten.' });
    expect(redraft.errors?.[0].extensions?.code).toBe('MINUTES_SEALED');
    const { data } = await call('correctMinutes', 'CorrectMinutesInput', {
      meetingId,
      text: 'Item 2: the date is 10 September.',
      reason: 'Typing error',
    });
    expect(data?.correctMinutes.minutes.text).toMatch(/^Minutes of the meeting of 10 September 2026 at /);
    expect(data?.correctMinutes.minutes.corrections).toEqual([
      { text: 'Item 2: the date is 10 September.', reason: 'Typing error' },
    ]);
  });

  it('shows the last and next meeting, and serves the calendar to members', async () => {
    const { data } = await api.graphql(
      'query($id: ID!) { regionalGroup(id: $id) { cadence { cadenceMonths overdue nextMeeting { id } } } }',
      { id: demo.groupId },
    );
    expect(data?.regionalGroup.cadence).toEqual({
      cadenceMonths: 3,
      overdue: false,
      nextMeeting: { id: year.nextMeetingId },
    });
    const bearer = { headers: { authorization: `Bearer ${chair}` } };
    const calendar = await fetch(`${api.url}/groups/${demo.groupId}/calendar.ics`, bearer);
    expect(calendar.headers.get('content-type')).toMatch(/text\/calendar/);
    const body = await calendar.text();
    expect(body).toMatch(/BEGIN:VCALENDAR/);
    expect(body.match(/BEGIN:VEVENT/g)?.length).toBeGreaterThanOrEqual(5);
    expect(body).toContain('DTSTART:20261210T100000Z');
    expect((await fetch(`${api.url}/groups/${demo.groupId}/calendar.ics`)).status).toBe(401);
    expect((await fetch(`${api.url}/groups/no-such-group/calendar.ics`, bearer)).status).toBe(404);
  });

  it('replays an area feed from a cursor and follows it live, every item once and in order, while minutes are published', async () => {
    const bristol = demo.areaIds.Bristol;
    const pending: string[] = [];
    for (const day of ['2026-11-10', '2026-11-11', '2026-11-12']) {
      const meetingId = await openMeeting(`${day}T10:00:00Z`);
      await call('draftMinutes', 'DraftMinutesInput', { meetingId, text: `Minutes of ${day}.` });
      await call('approveMinutes', 'ApproveMinutesInput', { meetingId });
      pending.push(meetingId);
    }
    const { data } = await api.graphql(
      'query($a: ID!) { areaFeed(areaId: $a, first: 1) { pageInfo { endCursor } } }',
      { a: bristol },
      chair,
    );
    const cursor = data?.areaFeed.pageInfo.endCursor;
    const everything = await api.graphql(
      'query($a: ID!) { areaFeed(areaId: $a, first: 100) { edges { node { subjectId kind } } } }',
      { a: bristol },
      chair,
    );
    const expectedBefore = everything.data?.areaFeed.edges.slice(1).map((e: { node: unknown }) => e.node);

    const live = api.app.get(LiveEvents);
    const before = live.subscriberCount;
    const received: { subjectId: string; kind: string }[] = [];
    const total = expectedBefore.length + pending.length;
    const client = api.subscriptionClient(chair);
    const done = new Promise<void>((resolve, reject) => {
      client.subscribe<{ areaFeed: { subjectId: string; kind: string } }>(
        {
          query: 'subscription($a: ID!, $after: String) { areaFeed(areaId: $a, after: $after) { subjectId kind } }',
          variables: { a: bristol, after: cursor },
        },
        {
          next: ({ data: item }) => {
            received.push(item?.areaFeed as { subjectId: string; kind: string });
            if (received.length === total) resolve();
          },
          error: reject,
          complete: () => undefined,
        },
      );
    });
    // Publish while the subscription is starting up and replaying, not after it is ready.
    const publishing = (async () => {
      for (const meetingId of pending) await call('publishMinutes', 'PublishMinutesInput', { meetingId });
    })();
    await Promise.all([done, publishing]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toEqual([
      ...expectedBefore,
      ...pending.map((subjectId) => ({ subjectId, kind: 'MINUTES_PUBLISHED' })),
    ]);
    await client.dispose();
    await waitUntil(() => live.subscriberCount === before);
  });

  it('dates the approval and publication of minutes on the days given, refusing days that cannot be, recording nothing', async () => {
    const meetingId = await openMeeting('2026-10-15T10:00:00Z');
    await call('closeMeeting', 'MeetingIdInput', { meetingId });
    await call('draftMinutes', 'DraftMinutesInput', { meetingId, text: 'Minutes of 15 October 2026.' });
    const refusal = async (mutation: string, inputType: string, input: Record<string, unknown>) =>
      (await call(mutation, inputType, { meetingId, ...input })).errors?.[0];

    expect(await refusal('approveMinutes', 'ApproveMinutesInput', { approvedOn: '2026-10-14' })).toMatchObject({
      message: 'The day the minutes were approved (2026-10-14) is before the meeting (2026-10-15).',
      extensions: { code: 'OUT_OF_RANGE' },
    });
    expect(await refusal('approveMinutes', 'ApproveMinutesInput', { approvedOn: '2026-11-24' })).toMatchObject({
      message: 'The day the minutes were approved (2026-11-24) is in the future; record it once it has happened.',
      extensions: { code: 'VALIDATION_FAILED' },
    });
    expect((await meeting(meetingId)).minutes.stage).toBe('DRAFT');
    await call('approveMinutes', 'ApproveMinutesInput', { meetingId, approvedOn: '2026-10-29' });

    expect(await refusal('publishMinutes', 'PublishMinutesInput', { publishedOn: '2026-10-28' })).toMatchObject({
      message: 'The day the minutes were published (2026-10-28) is before their approval (2026-10-29).',
      extensions: { code: 'OUT_OF_RANGE' },
    });
    expect(
      (await refusal('publishMinutes', 'PublishMinutesInput', { publishedOn: '2 November' }))?.extensions?.code,
    ).toBe('VALIDATION_FAILED');
    expect((await meeting(meetingId)).minutes.stage).toBe('APPROVED');
    await call('publishMinutes', 'PublishMinutesInput', { meetingId, publishedOn: '2026-11-02' });
    const { data } = await api.graphql('query($id: ID!) { meeting(id: $id) { minutes { approvedOn publishedOn } } }', {
      id: meetingId,
    });
    expect(data?.meeting.minutes).toEqual({ approvedOn: '2026-10-29', publishedOn: '2026-11-02' });
  });

  describe('dissolution (R14)', () => {
    it('dissolves the group once every core partner agrees at a quorate meeting, and then refuses business', async () => {
      const meetingId = await openMeeting('2026-11-22T10:00:00Z');
      const partnerOf = (key: string) => REPRESENTATIVES.find((r) => r.key === key)?.partner as string;
      const agreeing = REPRESENTATIVES.filter((rep) => rep.key !== 'will-white');
      const agree = async (key: string) =>
        api.graphql(
          'mutation($input: RecordDissolutionAgreementInput!) { recordDissolutionAgreement(input: $input) { group { dissolvedAt dissolutionAgreedBy } } }',
          { input: { groupId: demo.groupId, meetingId, partnerId: currentPartner(partnerOf(key)) } },
          await tokenOf(key),
        );
      const currentPartner = (seedPartner: string) =>
        demo.partnerIds[seedPartner.replace('-ccg', '-icb')] ?? demo.partnerIds[seedPartner];

      const onBehalf = await api.graphql(
        'mutation($input: RecordDissolutionAgreementInput!) { recordDissolutionAgreement(input: $input) { group { id } } }',
        { input: { groupId: demo.groupId, meetingId, partnerId: demo.partnerIds.bristol } },
        await tokenOf('julian-wooster'),
      );
      expect(onBehalf.errors?.[0].extensions?.code).toBe('FORBIDDEN');

      let last;
      for (const rep of agreeing) last = await agree(rep.key);
      expect(last?.errors).toBeUndefined();
      expect(last?.data?.recordDissolutionAgreement.group.dissolvedAt).toEqual(expect.any(String));
      expect(last?.data?.recordDissolutionAgreement.group.dissolutionAgreedBy).toHaveLength(9);

      const afterwards = await call('scheduleMeeting', 'ScheduleMeetingInput', {
        groupId: demo.groupId,
        startsAt: '2027-01-01T10:00:00Z',
        place: 'Portishead',
      });
      expect(afterwards.errors?.[0].extensions?.code).toBe('GROUP_DISSOLVED');
    });
  });
});
