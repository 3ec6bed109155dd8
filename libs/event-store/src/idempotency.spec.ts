import { createHash } from 'node:crypto';
import { inputFingerprintsOf, inputHashOf } from './idempotency';

/** The fingerprint as every key was recorded with before null and omitted were one: the canonical JSON, nulls kept. */
const recordedBefore = (canonicalJson: string) => createHash('sha256').update(canonicalJson).digest('hex');

describe('the fingerprint of an idempotent request', () => {
  it('given an optional field sent as null, when fingerprinted, then it is the one of the input leaving it out', () => {
    const omitted = { groupId: 'g', startsAt: '2026-10-22T09:00:00Z', place: 'Portishead' };
    expect(inputHashOf('scheduleMeeting', { ...omitted, bookedOn: null })).toBe(
      inputHashOf('scheduleMeeting', omitted),
    );
    expect(inputHashOf('op', { nested: { a: 1, b: null } })).toBe(inputHashOf('op', { nested: { a: 1 } }));
  });

  it.each([
    ['another value', { a: 1, b: '2026-09-10' }],
    ['another operation', { a: 1 }, 'other'],
    ['a null in a list, which keeps its place', { a: 1, list: [null, 2] }],
  ])('given %s, when fingerprinted, then it differs', (_, input, operation = 'op') => {
    expect(inputHashOf(operation, input)).not.toBe(inputHashOf('op', { a: 1, list: [2] }));
  });

  it('given the keys in another order, when fingerprinted, then it is the same', () => {
    expect(inputHashOf('op', { a: 1, b: 2 })).toBe(inputHashOf('op', { b: 2, a: 1 }));
  });

  it('given a request, then its former fingerprint is the one keys were recorded with before, nulls kept', () => {
    const input = { a: 1, b: null };
    expect(inputFingerprintsOf('op', input)).toEqual({
      inputHash: inputHashOf('op', { a: 1 }),
      formerInputHash: recordedBefore('{"input":{"a":1,"b":null},"operation":"op"}'),
    });
  });
});
