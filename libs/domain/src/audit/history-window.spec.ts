import { DomainError } from '../shared/domain-error';
import { checkHistoryWindow } from './history-window';

/** 23 November 2026, 09:00 in London. */
const NOW = '2026-11-23T09:00:00.000Z';

function refusalOf(check: () => void): DomainError {
  try {
    check();
  } catch (caught) {
    if (caught instanceof DomainError) return caught;
    throw caught;
  }
  throw new Error('the window was accepted');
}

describe('checkHistoryWindow (A2)', () => {
  it('given a window from 1 January to 31 December 2026, then it is accepted', () => {
    expect(() => checkHistoryWindow('2026-01-01', '2026-12-31', NOW)).not.toThrow();
  });

  it('given a window of one day, or open at either end, then it is accepted', () => {
    expect(() => checkHistoryWindow('2026-03-12', '2026-03-12', NOW)).not.toThrow();
    expect(() => checkHistoryWindow(null, '2026-03-12', NOW)).not.toThrow();
    expect(() => checkHistoryWindow('2026-03-12', null, NOW)).not.toThrow();
  });

  it('given "from" after "to", then it is refused as VALIDATION_FAILED naming both dates', () => {
    const error = refusalOf(() => checkHistoryWindow('2026-12-31', '2026-01-01', NOW));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(/2026-12-31.*2026-01-01/);
    expect(error.details).toEqual({ field: 'from', from: '2026-12-31', to: '2026-01-01' });
  });

  it('given "from" today, when evaluated on 23 November 2026, then it is accepted', () => {
    expect(() => checkHistoryWindow('2026-11-23', null, NOW)).not.toThrow();
  });

  it('given "from" a day still to come, when evaluated on 23 November 2026, then it is refused naming it and today', () => {
    const error = refusalOf(() => checkHistoryWindow('2026-11-24', null, NOW));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(/2026-11-24.*2026-11-23/);
    expect(error.details).toEqual({ field: 'from', from: '2026-11-24', today: '2026-11-23' });
  });
});
