import { refusalOf } from '../testing/given-when-then';
import { dayItHappened } from './day-it-happened';

/** 2 December 2026, 9am in London: the day history is entered. */
const NOW = '2026-12-02T09:00:00.000Z';
const STARTED = { on: '2026-09-15', what: 'the workstream started' };
const ADDED = { on: '2026-10-01', what: 'the task was added' };
const MEETING = { on: '2026-09-10', what: 'the meeting' };
const DAY = { field: 'changedOn', label: 'The day' };
const TASK_CHANGED = { field: 'changedOn', label: 'The day the task changed' };

describe('dayItHappened: the day a fact entered now happened in the world', () => {
  it('given no day, when recorded, then it happened today in London', () => {
    expect(dayItHappened(null, NOW, DAY, { notBefore: [STARTED] })).toBe('2026-12-02');
    expect(dayItHappened(undefined, '2026-06-30T23:30:00.000Z', DAY, {})).toBe('2026-07-01');
  });

  it('given a day within its bounds, when recorded, then it happened on that day', () => {
    expect(dayItHappened('2026-10-01', NOW, DAY, { notBefore: [STARTED, ADDED] })).toBe('2026-10-01');
    expect(dayItHappened('2026-09-08', NOW, DAY, { notAfter: [MEETING] })).toBe('2026-09-08');
    expect(dayItHappened('2026-09-10', NOW, DAY, { notAfter: [MEETING] })).toBe('2026-09-10');
  });

  it.each(['2026-13-01', '2026-02-30', '1 October 2026', ''])(
    'given %j, when recorded, then it is refused as no day (VALIDATION_FAILED)',
    (given) => {
      const error = refusalOf(() => dayItHappened(given, NOW, TASK_CHANGED, {}));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.message).toMatch(/^The day the task changed /);
    },
  );

  it('given tomorrow in London, when recorded, then it is refused as not yet happened (VALIDATION_FAILED)', () => {
    const error = refusalOf(() => dayItHappened('2026-12-03', NOW, TASK_CHANGED, {}));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe(
      'The day the task changed (2026-12-03) is in the future; record it once it has happened.',
    );
  });

  it('given a day before a bound, when recorded, then it is refused naming the first bound it breaks (OUT_OF_RANGE)', () => {
    const beforeStart = refusalOf(() => dayItHappened('2026-09-14', NOW, DAY, { notBefore: [STARTED, ADDED] }));
    expect(beforeStart).toMatchObject({ code: 'OUT_OF_RANGE', details: { earliest: '2026-09-15' } });
    expect(beforeStart.message).toBe('The day (2026-09-14) is before the workstream started (2026-09-15).');
    const beforeAdded = refusalOf(() => dayItHappened('2026-09-30', NOW, DAY, { notBefore: [STARTED, ADDED] }));
    expect(beforeAdded.message).toBe('The day (2026-09-30) is before the task was added (2026-10-01).');
  });

  it.each([
    ['no day', '2026-02-30', {}],
    ['tomorrow', '2026-12-03', {}],
    ['before a bound', '2026-09-14', { notBefore: [STARTED] }],
    ['after a bound', '2026-09-11', { notAfter: [MEETING] }],
  ])('given %s, when refused, then the refusal names its field as input validation does', (_case, given, bounds) => {
    const error = refusalOf(() => dayItHappened(given, NOW, TASK_CHANGED, bounds));
    expect(error.details).toMatchObject({
      field: 'changedOn',
      problems: [{ field: 'changedOn', sentence: error.message }],
    });
  });

  it('given a day after a bound, when recorded, then it is refused (OUT_OF_RANGE)', () => {
    const late = refusalOf(() => dayItHappened('2026-09-11', NOW, DAY, { notAfter: [MEETING] }));
    expect(late).toMatchObject({ code: 'OUT_OF_RANGE', details: { latest: '2026-09-10' } });
    expect(late.message).toBe('The day (2026-09-11) is after the meeting (2026-09-10).');
    // No day given is today, which is after the meeting too.
    expect(refusalOf(() => dayItHappened(null, NOW, DAY, { notAfter: [MEETING] })).code).toBe('OUT_OF_RANGE');
  });
});
