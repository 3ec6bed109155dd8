import { DomainError } from '../shared/domain-error';
import { checkHistoryWindow } from './history-window';

describe('checkHistoryWindow (A2)', () => {
  it('given a window from 1 January to 31 December 2026, then it is accepted', () => {
    expect(() => checkHistoryWindow('2026-01-01', '2026-12-31')).not.toThrow();
  });

  it('given a window of one day, or open at either end, then it is accepted', () => {
    expect(() => checkHistoryWindow('2026-03-12', '2026-03-12')).not.toThrow();
    expect(() => checkHistoryWindow(null, '2026-03-12')).not.toThrow();
    expect(() => checkHistoryWindow('2026-03-12', null)).not.toThrow();
  });

  it('given "from" after "to", then it is refused as VALIDATION_FAILED naming both dates', () => {
    let error: unknown;
    try {
      checkHistoryWindow('2026-12-31', '2026-01-01');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION_FAILED');
    expect((error as DomainError).message).toMatch(/2026-12-31.*2026-01-01/);
    expect((error as DomainError).details).toEqual({ field: 'from', from: '2026-12-31', to: '2026-01-01' });
  });
});
