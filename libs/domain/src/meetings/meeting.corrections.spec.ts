import { fold } from '../shared/decider';
import {
  appointmentEnded,
  avonAndSomerset,
  groupAfter,
  groupFacts,
  MEETING_DATE,
  meetingClosed,
  meetingCommand,
  meetingRepresentative,
  meetingScheduled,
  quorateMeeting,
  REPRESENTATIVES,
  SNAPSHOT_REPRESENTATIVES,
  START,
  stranger,
} from '../testing/avon-and-somerset.fixture';
import { specification } from '../testing/given-when-then';
import { groupFactsOn } from './group-facts';
import { meetingDecider } from './meeting.decider';
import { MeetingEvent } from './meeting.events';
import { Meeting, meetingQuorum } from './meeting.state';

const spec = specification(meetingDecider);
const decided: MeetingEvent = {
  type: 'DecisionRecorded',
  data: {
    decisionId: 'dec-1',
    text: 'The neglect strategy is adopted.',
    agreedBy: SNAPSHOT_REPRESENTATIVES.slice(0, 7).map((rep) => rep.appointmentId),
    decidedOn: MEETING_DATE,
  },
};
const REASON = 'The minutes record the strategy as adopted subject to legal review.';

describe('Correcting a decision’s text (A7)', () => {
  const correct = (overrides: { decisionId?: string; text?: string; reason?: string; actor?: typeof stranger } = {}) =>
    meetingCommand('CorrectDecision', {
      decisionId: 'dec-1',
      text: 'The neglect strategy is adopted, subject to legal review.',
      reason: REASON,
      ...overrides,
    });

  it('records the corrected text and its reason as a new event, even after the meeting closed', () => {
    spec
      .given([...quorateMeeting, decided, meetingClosed])
      .when(correct())
      .then([
        {
          type: 'DecisionCorrected',
          data: {
            decisionId: 'dec-1',
            text: 'The neglect strategy is adopted, subject to legal review.',
            reason: REASON,
          },
        },
      ]);
  });

  it('is refused without a reason, or for a decision the meeting did not record', () => {
    spec
      .given([...quorateMeeting, decided])
      .when(correct({ reason: ' ' }))
      .thenFails('VALIDATION_FAILED', /reason/);
    spec
      .given([...quorateMeeting, decided])
      .when(correct({ text: '' }))
      .thenFails('VALIDATION_FAILED');
    spec
      .given([...quorateMeeting, decided])
      .when(correct({ decisionId: 'dec-2' }))
      .thenFails('NOT_FOUND');
  });

  it('is corrected only by whoever may record decisions', () => {
    spec
      .given([...quorateMeeting, decided])
      .when(correct({ actor: stranger }))
      .thenFails('FORBIDDEN');
    spec
      .given([...quorateMeeting, decided])
      .when(correct({ actor: meetingRepresentative }))
      .thenFails('FORBIDDEN');
  });
});

describe('Correcting a meeting’s date and place (A7, R7)', () => {
  const correct = (
    startsAt: string,
    overrides: Partial<{
      place: string;
      reason: string;
      bookedOn: string | null;
      actor: typeof stranger;
      group: ReturnType<typeof groupFacts>;
    }> = {},
  ) =>
    meetingCommand('CorrectMeetingDetails', {
      startsAt,
      place: 'Bristol City Hall',
      reason: 'The meeting was moved; the invitation shows the old date.',
      group: groupFacts({ on: startsAt.slice(0, 10) }),
      ...overrides,
    });

  it('a meeting not yet held takes the new date and place without a snapshot', () => {
    spec
      .given([meetingScheduled()])
      .when(correct('2020-03-19T10:00:00Z'))
      .then([
        {
          type: 'MeetingDetailsCorrected',
          data: {
            startsAt: '2020-03-19T10:00:00.000Z',
            place: 'Bristol City Hall',
            reason: 'The meeting was moved; the invitation shows the old date.',
            snapshot: null,
          },
        },
      ]);
  });

  it('a held meeting is counted again from the membership valid on the corrected date', () => {
    // Lisa Harvey's appointment ended on 1 March 2020: on 5 March nine representatives, so 66% needs 6.
    const group = groupAfter([
      ...avonAndSomerset,
      appointmentEnded(REPRESENTATIVES.lisaHarvey.appointmentId, '2020-03-01'),
    ]);
    const facts = groupFactsOn(group, '2020-03-05');
    const [event] = meetingDecider.decide(
      correct('2020-03-05T10:00:00Z', { group: facts }),
      fold(meetingDecider, quorateMeeting),
    );
    expect(event).toEqual({
      type: 'MeetingDetailsCorrected',
      data: expect.objectContaining({
        startsAt: '2020-03-05T10:00:00.000Z',
        snapshot: expect.objectContaining({ membershipOn: '2020-03-05', quorumPercentage: 66, required: 6 }) as unknown,
      }) as unknown,
    });
    const meeting = fold(meetingDecider, [...quorateMeeting, event]) as Meeting;
    expect(meeting.meetingDate).toBe('2020-03-05');
    expect(meeting.representatives).toHaveLength(9);
    // Lisa Harvey, recorded present, was no representative on 5 March: her attendance goes, six of the nine count.
    expect(meeting.attendance[REPRESENTATIVES.lisaHarvey.appointmentId]).toBeUndefined();
    expect(meetingQuorum(meeting)).toEqual({ required: 6, present: 6, isQuorate: true });
  });

  it('a held meeting cannot move into the future; no meeting moves before its group existed', () => {
    spec
      .given(quorateMeeting)
      .when(correct('2020-03-13T10:00:00Z'))
      .thenFails('VALIDATION_FAILED', /future/);
    spec.given([meetingScheduled()]).when(correct('2019-05-01T10:00:00Z')).thenFails('OUT_OF_RANGE', new RegExp(START));
    spec
      .given([meetingScheduled()])
      .when(correct('12 March 2020'))
      .thenFails('VALIDATION_FAILED', /startsAt/);
  });

  it('a meeting booked on a day entered cannot be corrected to before it unless the correction enters its booking day too', () => {
    const booked = meetingScheduled({ bookedOn: '2020-03-01' });
    const refusal = spec.refusal([booked], correct('2020-02-27T10:00:00Z'));
    expect(refusal).toMatchObject({ code: 'OUT_OF_RANGE', details: { field: 'startsAt', earliest: '2020-03-01' } });
    expect(refusal.message).toMatch(/give the day it was booked too \(bookedOn\)/);
    spec
      .given([booked])
      .when(correct('2020-02-27T10:00:00Z', { bookedOn: '2020-02-13' }))
      .then([
        {
          type: 'MeetingDetailsCorrected',
          data: {
            startsAt: '2020-02-27T10:00:00.000Z',
            place: 'Bristol City Hall',
            reason: 'The meeting was moved; the invitation shows the old date.',
            bookedOn: '2020-02-13',
            snapshot: null,
          },
        },
      ]);
    spec
      .given([booked])
      .when(correct('2020-02-27T10:00:00Z', { bookedOn: '2020-02-28' }))
      .thenFails('OUT_OF_RANGE', /is after the meeting’s own day \(2020-02-27\)/);
  });

  it('a booking day entered by a correction is the one a later correction is held to', () => {
    const corrected: MeetingEvent = {
      type: 'MeetingDetailsCorrected',
      data: { startsAt: '2020-02-27T10:00:00.000Z', place: 'P', reason: 'R', bookedOn: '2020-02-13', snapshot: null },
    };
    const history = [meetingScheduled({ bookedOn: '2020-03-01' }), corrected];
    expect(fold(meetingDecider, history)).toMatchObject({ bookedOn: '2020-02-13' });
    expect(spec.refusal(history, correct('2020-02-12T10:00:00Z')).details).toMatchObject({ earliest: '2020-02-13' });
    spec
      .given(history)
      .when(correct('2020-02-20T10:00:00Z'))
      .then([expect.not.objectContaining({ data: expect.objectContaining({ bookedOn: expect.anything() }) })]);
  });

  it('is refused without a reason, to anyone who may not schedule meetings, and for no meeting', () => {
    spec
      .given([meetingScheduled()])
      .when(correct('2020-03-19T10:00:00Z', { reason: '' }))
      .thenFails('VALIDATION_FAILED');
    spec
      .given([meetingScheduled()])
      .when(correct('2020-03-19T10:00:00Z', { actor: stranger }))
      .thenFails('FORBIDDEN');
    spec.given([]).when(correct('2020-03-19T10:00:00Z')).thenFails('NOT_FOUND');
  });
});
