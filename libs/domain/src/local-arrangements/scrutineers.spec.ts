import { DomainError } from '../shared/domain-error';
import { requireScrutineerOn, ScrutineerTerms } from './scrutineers';

const areaScrutineer = { s1: { from: '2025-04-01', to: '2026-04-01' } };
const groupScrutineer = { g1: { from: '2025-06-01', to: null } };
/** The refusal of naming `scrutineerId` for work on `date`, or null when it is allowed. */
const refusalOf = (
  scrutineerId: string,
  date: string,
  appointed: { area: ScrutineerTerms; group: ScrutineerTerms },
): DomainError | null => {
  try {
    requireScrutineerOn(scrutineerId, date, appointed);
    return null;
  } catch (error) {
    return error as DomainError;
  }
};

describe("requireScrutineerOn (L6): who may have scrutinised an area's arrangements on a day", () => {
  it("given the area's own scrutineer, when the day is within the appointment, then it is allowed", () =>
    expect(refusalOf('s1', '2025-04-01', { area: areaScrutineer, group: {} })).toBeNull());
  it("given the area's own scrutineer, when the day is the first day no longer appointed, then OUT_OF_RANGE", () =>
    expect(refusalOf('s1', '2026-04-01', { area: areaScrutineer, group: {} })).toMatchObject({ code: 'OUT_OF_RANGE' }));
  it("given a scrutineer of the whole group, when the day is within the appointment, then it is allowed for the group's area", () =>
    expect(refusalOf('g1', '2026-11-01', { area: areaScrutineer, group: groupScrutineer })).toBeNull());
  it('given a scrutineer of the whole group, when the day is before the appointment, then OUT_OF_RANGE with its first day', () =>
    expect(refusalOf('g1', '2025-05-31', { area: {}, group: groupScrutineer })).toMatchObject({
      code: 'OUT_OF_RANGE',
      details: { earliest: '2025-06-01' },
    }));
  it('given scrutineers of the area and the group, when another id is named, then NOT_FOUND', () =>
    expect(refusalOf('s9', '2025-07-01', { area: areaScrutineer, group: groupScrutineer })).toMatchObject({
      code: 'NOT_FOUND',
    }));
  it("given a scrutineer of another group only, when named for this area, then NOT_FOUND: only the area's own group counts", () =>
    expect(refusalOf('g1', '2025-07-01', { area: areaScrutineer, group: {} })).toMatchObject({ code: 'NOT_FOUND' }));
});
