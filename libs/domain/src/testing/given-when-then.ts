import { Decider, fold, Message } from '../shared/decider';
import { DomainError, DomainErrorCode } from '../shared/domain-error';

/** The refusal `run` meets, to read its details; fails the test if it is accepted (`what` names it). */
export function refusalOf(run: () => unknown, what = 'It'): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`${what} was not refused.`);
}

/**
 * given(events).when(command).then(events) or .thenFails(code): a decider specification that
 * reads like the rule it tests.
 */
export function specification<C extends Message, E extends Message, S>(decider: Decider<C, E, S>) {
  return {
    /** The refusal `command` meets after `given`, to read its details; fails the test if it is accepted. */
    refusal: (given: readonly E[], command: C): DomainError =>
      refusalOf(() => decider.decide(command, fold(decider, given)), command.type),
    given(events: readonly E[]) {
      return {
        when(command: C) {
          const run = () => decider.decide(command, fold(decider, events));
          return {
            then(expected: readonly E[]) {
              expect(run()).toEqual(expected);
            },
            thenFails(code: DomainErrorCode, message?: RegExp) {
              let error: unknown;
              try {
                run();
              } catch (caught) {
                error = caught;
              }
              expect(error).toBeInstanceOf(DomainError);
              expect((error as DomainError).code).toBe(code);
              if (message) expect((error as DomainError).message).toMatch(message);
            },
          };
        },
      };
    },
  };
}
