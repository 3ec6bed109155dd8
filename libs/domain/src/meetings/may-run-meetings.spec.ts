import { Actor } from '../shared/roles';
import { mayRunMeetings } from './meeting.decider';

const actor = (...roles: string[]): Actor => ({ personId: 'person-1', partnerId: null, roles });

describe('mayRunMeetings', () => {
  it('given an administrator, the chair or the deputy chair, then they run the group’s meetings', () => {
    expect(mayRunMeetings(actor('ADMINISTRATOR'))).toBe(true);
    expect(mayRunMeetings(actor('REPRESENTATIVE', 'CHAIR'))).toBe(true);
    expect(mayRunMeetings(actor('REPRESENTATIVE', 'DEPUTY_CHAIR'))).toBe(true);
  });

  it('given any other representative or an auditor, then they do not', () => {
    expect(mayRunMeetings(actor('REPRESENTATIVE'))).toBe(false);
    expect(mayRunMeetings(actor('AUDITOR'))).toBe(false);
  });
});
