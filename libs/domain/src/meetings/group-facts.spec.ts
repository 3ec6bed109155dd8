import {
  avonAndSomerset,
  banesCcgSucceeded,
  groupAfter,
  groupFacts,
  MEETING_DATE,
  meetingCommand,
  meetingOpened,
  meetingScheduled,
  partnerSucceeded,
  quorateMeeting,
  recommendationMade,
  REPRESENTATIVES,
  representativeOf,
  snapshotOf,
} from '../testing/avon-and-somerset.fixture';
import { specification } from '../testing/given-when-then';
import { groupFactsOn } from './group-facts';
import { meetingDecider } from './meeting.decider';

const spec = specification(meetingDecider);

/** The CCGs became ICBs on 1 July 2022; Lisa Harvey's and Sandra Corry's seats passed over. */
const afterIcbs = groupAfter([
  ...avonAndSomerset,
  banesCcgSucceeded(),
  partnerSucceeded({ transferredAppointmentIds: [REPRESENTATIVES.sandraCorry.appointmentId] }),
]);
/** Commands sent in November 2026, years after the meetings they record. */
const enteredLater = '2026-11-23T09:00:00.000Z';

describe('The group as a meeting sees it on its own date (R7, A3)', () => {
  it('counts, on 12 March 2020, the CCGs’ representatives in the CCGs’ seats', () => {
    const facts = groupFactsOn(afterIcbs, MEETING_DATE);
    expect(facts.currentRepresentatives).toHaveLength(10);
    expect(facts.currentRepresentatives.find((rep) => rep.name === 'Lisa Harvey')).toMatchObject({
      partnerId: 'banes-ccg',
      partnerName: 'NHS BANES CCG',
    });
  });

  it('counts, on 1 August 2022, the same people in the ICBs’ seats', () => {
    const facts = groupFactsOn(afterIcbs, '2022-08-01');
    expect(facts.currentRepresentatives.find((rep) => rep.name === 'Lisa Harvey')?.partnerId).toBe('bsw-icb');
    expect(facts.currentRepresentatives.find((rep) => rep.name === 'Sandra Corry')?.partnerId).toBe('somerset-icb');
  });
});

describe('Opening a meeting entered years later (R7)', () => {
  it('snapshots the membership of the meeting’s date, not of the day it is entered', () => {
    spec
      .given([meetingScheduled()])
      .when(meetingCommand('OpenMeeting', { group: groupFactsOn(afterIcbs, MEETING_DATE), now: enteredLater }))
      .then([
        meetingOpened({
          openedAt: enteredLater,
          representatives: Object.values(REPRESENTATIVES).map(snapshotOf),
        }),
      ]);
  });

  it('is refused for a meeting whose date has not come', () => {
    spec
      .given([meetingScheduled({ startsAt: '2020-03-13T10:00:00.000Z' })])
      .when(meetingCommand('OpenMeeting', { group: groupFacts({ on: '2020-03-13' }) }))
      .thenFails('VALIDATION_FAILED', /The meeting’s date \(2020-03-13\) is in the future/);
  });

  it('cannot be decided on the facts of another day', () => {
    expect(() =>
      meetingDecider.decide(
        meetingCommand('OpenMeeting', { group: groupFacts({ on: '2026-11-23' }), now: enteredLater }),
        meetingDecider.evolve({ status: 'NONE' }, meetingScheduled()),
      ),
    ).toThrow(/needs its group's facts of that day/);
  });
});

describe('Scheduling a meeting before the group existed', () => {
  it('is refused as OUT_OF_RANGE', () => {
    spec
      .given([])
      .when(
        meetingCommand('ScheduleMeeting', {
          meetingId: 'm-2019',
          groupId: 'asssp',
          startsAt: '2019-05-31T10:00:00Z',
          place: 'Portishead',
          group: groupFacts(),
        }),
      )
      .thenFails(
        'OUT_OF_RANGE',
        /The meeting’s date \(2019-05-31\) is before the group was established \(2019-06-01\)/,
      );
  });
});

describe('Responding to a recommendation on a date (R9)', () => {
  const respond = (respondedOn: string | null, now?: string) =>
    meetingCommand('RespondToRecommendation', {
      recommendationId: 'rec-1',
      partnerId: 'police',
      response: 'ACCEPTED',
      reason: null,
      respondedOn,
      successors: {},
      actor: representativeOf(REPRESENTATIVES.victoriaCapel),
      ...(now ? { now } : {}),
    });
  const given = [...quorateMeeting, recommendationMade()];

  it('records the day it was given', () => {
    spec
      .given(given)
      .when(respond('2020-04-02', '2026-11-23T09:00:00.000Z'))
      .then([
        {
          type: 'RecommendationResponded',
          data: {
            recommendationId: 'rec-1',
            partnerId: 'police',
            response: 'ACCEPTED',
            reason: null,
            respondedOn: '2020-04-02',
          },
        },
      ]);
  });

  it('is refused as OUT_OF_RANGE before the meeting that made it', () => {
    spec
      .given(given)
      .when(respond('2020-03-11'))
      .thenFails('OUT_OF_RANGE', /before the meeting that made it/);
  });

  it('is refused when dated in the future', () => {
    spec
      .given(given)
      .when(respond('2020-03-13'))
      .thenFails('VALIDATION_FAILED', /is in the future/);
  });
});
