import { fold } from '../shared/decider';
import { meetingDecider } from './meeting.decider';
import { meetingQuorum, quorumFromCount } from './meeting.state';
import { meetingClosed, meetingOpened, meetingScheduled, presentInPerson } from '../testing/avon-and-somerset.fixture';

const opened = (presentCount: number) => ({
  opened: true,
  quorumPercentage: 66,
  representativeCount: 10,
  presentCount,
});

describe('a meeting’s quorum (R7, R8)', () => {
  it('needs 7 of the 10 Avon and Somerset representatives present: 66% rounded up', () => {
    expect(quorumFromCount(opened(7))).toEqual({ required: 7, present: 7, isQuorate: true });
    expect(quorumFromCount(opened(6))).toEqual({ required: 7, present: 6, isQuorate: false });
  });

  it('is never met before the meeting opens, however many are there', () => {
    expect(quorumFromCount({ ...opened(10), opened: false }).isQuorate).toBe(false);
  });

  it('is never met by an empty membership', () => {
    expect(quorumFromCount({ ...opened(0), representativeCount: 0 })).toEqual({
      required: 0,
      present: 0,
      isQuorate: false,
    });
  });

  it('counts a meeting’s own stream the same way: 7 present at the March 2020 meeting, still quorate once closed', () => {
    const meeting = fold(meetingDecider, [meetingScheduled(), meetingOpened(), ...presentInPerson(7), meetingClosed]);
    if (meeting.status === 'NONE') throw new Error('No meeting.');
    expect(meetingQuorum(meeting)).toEqual({ required: 7, present: 7, isQuorate: true });
  });
});
