import { DomainError } from '@app/domain';
import { notHeld } from './not-held';

const MOMENT = new Date('2026-01-05T09:30:00.000Z');
const FIRST = '2026-02-01T10:00:00.000Z';

describe('the refusal of a view in which the platform held nothing of a thing', () => {
  it('given a thing asked for only as at a day, with no day it existed, then it names that day and says so', () => {
    const error = notHeld('workstream', { asAt: '2025-06-01', asRecordedAt: null }, null);
    expect(error).toBeInstanceOf(DomainError);
    expect([error.code, error.message, error.details]).toEqual([
      'OUT_OF_RANGE',
      'The platform holds nothing of this workstream to show on 2025-06-01: it records no day the workstream existed.',
      { earliest: null },
    ]);
  });

  it('given a thing asked for only as recorded at a moment before it was recorded, then it names that moment and the first it was recorded at', () => {
    const error = notHeld('policy', { asAt: null, asRecordedAt: MOMENT }, FIRST);
    expect([error.code, error.message, error.details]).toEqual([
      'OUT_OF_RANGE',
      `The platform held nothing of this policy at 2026-01-05T09:30:00.000Z; it first recorded it at ${FIRST}.`,
      { earliest: FIRST },
    ]);
  });

  it('given a thing asked for on a day as recorded at a moment, then it names the moment and the day', () => {
    const error = notHeld('policy', { asAt: '2025-12-01', asRecordedAt: MOMENT }, FIRST);
    expect(error.message).toBe(
      `The platform held nothing of this policy at 2026-01-05T09:30:00.000Z to show on 2025-12-01; it first recorded it at ${FIRST}.`,
    );
  });
});
