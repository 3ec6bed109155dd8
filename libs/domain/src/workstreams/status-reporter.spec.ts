import { mayReportStatus } from './status-reporter';

const people = { leadId: 'jacqui', memberIds: ['chris', 'janet'] };

describe('mayReportStatus (W1)', () => {
  it('given the workstream’s lead, when they report its status, then they may', () => {
    expect(mayReportStatus(people, 'jacqui')).toBe(true);
  });

  it('given a member, when they report its status, then they may not', () => {
    expect(mayReportStatus(people, 'chris')).toBe(false);
  });

  it('given someone neither lead nor member, when they report its status, then they may not', () => {
    expect(mayReportStatus(people, 'sheila')).toBe(false);
  });
});
