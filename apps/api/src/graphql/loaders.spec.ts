import { meetingStream, regionalGroupStream } from '@app/domain';
import {
  attendanceRecorded,
  avonAndSomerset,
  meetingOpened,
  meetingScheduled,
  presentInPerson,
  recommendationMade,
  REPRESENTATIVES,
} from '@app/domain/testing/avon-and-somerset.fixture';
import { InMemoryEventStore } from '@app/event-store';
import {
  ALL_PROJECTIONS,
  MeetingQueries,
  MembershipQueries,
  openReadDatabase,
  ProjectionRunner,
  RegionalGroupQueries,
} from '@app/read-models';
import { randomUUID } from 'node:crypto';
import { createLoaders } from './loaders';

const silent = { log: () => undefined, error: () => undefined };
const MARCH = 'asssp-2020-03';
const JUNE = 'asssp-2020-06';
const SEPTEMBER = 'asssp-2020-09';

/**
 * The March 2020 meeting with 7 of 10 present (quorate) and a recommendation to the police and
 * Bristol City Council and one decision; June with 6 present (inquorate); September scheduled, not yet open.
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
  const db = openReadDatabase(':memory:');
  const runner = new ProjectionRunner(store, db, ALL_PROJECTIONS, silent);
  await runner.start();
  await runner.stop();
  const meetings = new MeetingQueries(db);
  return { meetings, loaders: createLoaders(new RegionalGroupQueries(db), new MembershipQueries(db), meetings) };
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
        loaders.decisionsOfMeeting.load(id),
        loaders.writtenViewsOfMeeting.load(id),
        loaders.correctionsOfMeeting.load(id),
        loaders.localPublicationsOfMeeting.load(id),
      ]),
    );
    for (const spy of spies) expect(spy.mock.calls).toEqual([[[MARCH, SEPTEMBER]]]);
    expect(loaded[0]).toMatchObject({ meetingId: MARCH, status: 'OPEN' });
    expect(loaded[5]).toMatchObject({ meetingId: SEPTEMBER, status: 'SCHEDULED' });
    expect(loaded[1]).toMatchObject([{ decisionId: 'dec-1', meetingId: MARCH }]);
    expect(loaded[6]).toEqual([]);
  });
});
