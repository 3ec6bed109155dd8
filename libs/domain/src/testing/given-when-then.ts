import { Decider, fold, Message } from '../shared/decider';
import { DomainError, DomainErrorCode } from '../shared/domain-error';

/**
 * given(events).when(command).then(events) or .thenFails(code): a decider specification that
 * reads like the rule it tests.
 */
export function specification<C extends Message, E extends Message, S>(decider: Decider<C, E, S>) {
  return {
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
