import { Actor } from '../shared/roles';
import { mayActForRegion } from './regional-reports.decider';

const actor = (...roles: string[]): Actor => ({ personId: 'person-1', partnerId: null, roles });

describe('mayActForRegion (R11, R43)', () => {
  it('given a current representative of the group, then they act for the region', () => {
    expect(mayActForRegion(actor('REPRESENTATIVE'))).toBe(true);
    expect(mayActForRegion(actor('AUDITOR', 'REPRESENTATIVE'))).toBe(true);
  });

  it('given an auditor, an administrator or an area business manager who represents nobody, then they do not', () => {
    expect(mayActForRegion(actor('AUDITOR'))).toBe(false);
    expect(mayActForRegion(actor('ADMINISTRATOR'))).toBe(false);
    expect(mayActForRegion(actor('AREA_BUSINESS_MANAGER'))).toBe(false);
  });
});
