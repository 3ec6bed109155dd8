import { Actor } from '../shared/roles';
import { mayActForArea } from './area-recorders';

const actor = (...roles: string[]): Actor => ({ personId: 'person-1', partnerId: null, roles });

describe('mayActForArea (L3, R41)', () => {
  it('given the business manager of the area, then they act for it', () => {
    expect(mayActForArea(actor('AREA_BUSINESS_MANAGER'), 'bristol', ['bristol'])).toBe(true);
  });

  it('given the business manager of another area, a representative, an auditor or an administrator, then they do not', () => {
    expect(mayActForArea(actor('AREA_BUSINESS_MANAGER'), 'bristol', ['somerset'])).toBe(false);
    expect(mayActForArea(actor('REPRESENTATIVE', 'CHAIR'), 'bristol', [])).toBe(false);
    expect(mayActForArea(actor('AUDITOR'), 'bristol', [])).toBe(false);
    expect(mayActForArea(actor('ADMINISTRATOR'), 'bristol', [])).toBe(false);
  });
});
