import { Actor } from '../shared/roles';
import { mayManageMembers } from './member-managers';

const people = { leadId: 'jacqui', memberIds: ['chris', 'janet'] };
const actor = (personId: string, ...roles: string[]): Actor => ({ personId, partnerId: null, roles });

describe('mayManageMembers', () => {
  it('given the workstream’s lead, when they manage its members, then they may', () => {
    expect(mayManageMembers(people, actor('jacqui', 'REPRESENTATIVE'))).toBe(true);
  });

  it('given the group’s chair or an administrator outside the workstream, when they manage its members, then they may', () => {
    expect(mayManageMembers(people, actor('sheila', 'REPRESENTATIVE', 'CHAIR'))).toBe(true);
    expect(mayManageMembers(people, actor('admin', 'ADMINISTRATOR'))).toBe(true);
  });

  it('given a member, a deputy chair or an auditor, when they manage its members, then they may not', () => {
    expect(mayManageMembers(people, actor('chris', 'REPRESENTATIVE'))).toBe(false);
    expect(mayManageMembers(people, actor('will', 'REPRESENTATIVE', 'DEPUTY_CHAIR'))).toBe(false);
    expect(mayManageMembers(people, actor('auditor', 'AUDITOR'))).toBe(false);
  });
});
