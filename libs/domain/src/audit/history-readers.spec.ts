import { DomainError } from '../shared/domain-error';
import { mayReadHistory, requireHistoryReader } from './history-readers';

describe('who may read the history (A2, R43)', () => {
  it('given an auditor or an administrator, then they may', () => {
    expect(mayReadHistory(['AUDITOR'])).toBe(true);
    expect(mayReadHistory(['AREA_BUSINESS_MANAGER', 'ADMINISTRATOR'])).toBe(true);
  });

  it('given a chair or an area business manager without either role, then they are refused as FORBIDDEN', () => {
    expect(mayReadHistory(['CHAIR', 'REPRESENTATIVE'])).toBe(false);
    let error: unknown;
    try {
      requireHistoryReader(['AREA_BUSINESS_MANAGER']);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'FORBIDDEN', details: { requiredRole: 'AUDITOR or ADMINISTRATOR' } });
  });
});
