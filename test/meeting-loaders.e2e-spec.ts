import { MeetingQueries } from '@app/read-models';
import { LoadedDemo } from '../apps/cli/src/demo/load-demo';
import { LoadedMeetings } from '../apps/cli/src/demo/meeting-year';
import { startDemoApp } from './support/demo-app';
import { TestApp } from './support/test-app';

const GROUP_MEETINGS = `query($id: ID!) { regionalGroup(id: $id) { meetings {
  id status quorum { required present isQuorate } attendance { status } writtenViews { views }
  decisions { text } meetingRecommendations { targets { partnerId status respondedOn } }
  minutes { stage corrections { reason } } localPublication { areaName published }
} } }`;

type MeetingResult = {
  id: string;
  status: string;
  quorum: { required: number; present: number; isQuorate: boolean } | null;
  attendance: { status: string | null }[];
  decisions: { text: string }[];
  meetingRecommendations: { targets: { partnerId: string; status: string; respondedOn: string | null }[] }[];
  minutes: { stage: string };
  localPublication: { areaName: string; published: boolean }[];
};

describe('a list of meetings with their quorum and records, over GraphQL', () => {
  let api: TestApp;
  let demo: LoadedDemo;
  let year: LoadedMeetings;

  beforeAll(async () => {
    ({ api, demo, year } = await startDemoApp({ load: ['meetings'] }));
  });
  afterAll(async () => api.stop());
  afterEach(() => jest.restoreAllMocks());

  const groupMeetings = async () => {
    const { data, errors } = await api.graphql<{ regionalGroup: { meetings: MeetingResult[] } }>(GROUP_MEETINGS, {
      id: demo.groupId,
    });
    expect(errors).toBeUndefined();
    return data?.regionalGroup.meetings ?? [];
  };

  it('counts each meeting’s quorum from its own snapshot: 8 of 10 in March 2020, then 8, 9, 6 (inquorate) and 10 of 10 present, the next one not open', async () => {
    const meetings = await groupMeetings();
    expect(meetings.map((m) => [m.id, m.status, m.quorum])).toEqual([
      [demo.march2020MeetingId, 'CLOSED', { required: 7, present: 8, isQuorate: true }],
      [year.meetingIds[0], 'CLOSED', { required: 7, present: 8, isQuorate: true }],
      [year.meetingIds[1], 'CLOSED', { required: 7, present: 9, isQuorate: true }],
      [year.meetingIds[2], 'CLOSED', { required: 7, present: 6, isQuorate: false }],
      [year.meetingIds[3], 'CLOSED', { required: 7, present: 10, isQuorate: true }],
      [year.nextMeetingId, 'SCHEDULED', null],
    ]);
  });

  it('gives each meeting its own attendance, decisions, recommendations, minutes and publications', async () => {
    const [, first, , inquorate, , next] = await groupMeetings();
    expect(first.attendance.filter((a) => a.status === 'PRESENT')).toHaveLength(8);
    expect(first.decisions).toHaveLength(1);
    expect(first.meetingRecommendations[0].targets.map((t) => t.status)).toEqual(['IMPLEMENTED', 'IMPLEMENTED']);
    // The days the police and the ICB answered, not the day the demo recorded their answers.
    expect(first.meetingRecommendations[0].targets.map((t) => t.respondedOn)).toEqual(['2026-02-16', '2026-02-23']);
    expect(first.localPublication.filter((p) => p.published).map((p) => p.areaName)).toEqual(['Bristol']);
    expect(inquorate.decisions).toEqual([]);
    expect(inquorate.meetingRecommendations).toEqual([]);
    expect(next).toMatchObject({ attendance: [], decisions: [], minutes: { stage: 'NONE' } });
    expect(next.localPublication.map((p) => p.published)).toEqual([false, false, false, false, false]);
  });

  it('reads each per-meeting field for the whole list in one batch, and no meeting’s events from the store', async () => {
    const queries = api.app.get(MeetingQueries);
    const batches = (['quorumCounts', 'seatsOfMeetings', 'decisionsOfMeetings', 'recommendations'] as const).map(
      (method) => jest.spyOn(queries, method),
    );
    const readStream = jest.spyOn(api.store, 'readStream');
    await groupMeetings();
    const held = [demo.march2020MeetingId, ...year.meetingIds];
    const allMeetings = [...held, year.nextMeetingId];
    const [quorum, seats, decisions, recommendations] = batches;
    // A scheduled meeting has no quorum to count: only the five held ask for one.
    expect(quorum.mock.calls).toEqual([[held]]);
    expect(seats.mock.calls).toEqual([[allMeetings]]);
    expect(decisions.mock.calls).toEqual([[allMeetings, null]]);
    expect(recommendations.mock.calls).toEqual([[{ meetingIds: allMeetings }]]);
    expect(readStream.mock.calls.filter(([stream]) => stream.startsWith('meeting-'))).toEqual([]);
  });

  it('reads each meeting’s row once, by the group’s list, its minutes finding it read', async () => {
    const queries = api.app.get(MeetingQueries);
    const listed = jest.spyOn(queries, 'meetingsOfGroups');
    const rows = jest.spyOn(queries, 'meetings');
    const meetings = await groupMeetings();
    expect(meetings.map((m) => m.minutes.stage)).toEqual([
      'NONE',
      'PUBLISHED',
      'PUBLISHED',
      'PUBLISHED',
      'PUBLISHED',
      'NONE',
    ]);
    expect(listed).toHaveBeenCalledTimes(1);
    expect(rows).not.toHaveBeenCalled();
  });
});
