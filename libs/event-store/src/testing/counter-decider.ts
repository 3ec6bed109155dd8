import { Decider, DomainError, Message } from '@app/domain';

/** A minimal decider for exercising command handling without a real aggregate's rules. */
export type Increment = Message<'Increment', { by: number }>;
export type Incremented = Message<'Incremented', { by: number; total: number }>;

export const counterDecider: Decider<Increment, Incremented, number> = {
  initialState: 0,
  evolve: (total, event) => event.data.total,
  decide: (command, total) => {
    if (command.data.by <= 0) throw new DomainError('VALIDATION_FAILED', 'A counter only goes up.');
    return [{ type: 'Incremented', data: { by: command.data.by, total: total + command.data.by } }];
  },
};
