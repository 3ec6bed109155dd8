import Database from 'better-sqlite3';
import { CallHandler } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { Decider, DomainError, Message } from '@app/domain';
import { InMemoryEventStore } from '@app/event-store';
import { InputValidationError, systemClock } from '@app/platform';
import { ProjectionRunner } from '@app/read-models';
import { defer, lastValueFrom } from 'rxjs';
import { Actors } from '../auth/actors';
import { AddTaskInput } from '../workstreams/workstream.inputs';
import { AuthorisationFirstInterceptor, AuthorisationFirstValidationPipe } from './authorisation-first';
import { CommandGateway } from './command-gateway';
import { inputRefusal } from './input-refusal';

type Add = Message<'Add', { personId: string; title: string }>;
type Added = Message<'Added', { title: string }>;

const STREAM = 'list-1';
const LEAD = 'will-white';

/** A list only its lead adds to: FORBIDDEN for anyone else, whatever they send. */
const listDecider: Decider<Add, Added, number> = {
  initialState: 0,
  evolve: (count) => count + 1,
  decide: ({ data }) => {
    if (data.personId !== LEAD) throw new DomainError('FORBIDDEN', 'Only the list’s lead adds to it.');
    return [{ type: 'Added', data: { title: data.title } }];
  },
};

const valid: Record<string, unknown> = {
  workstreamId: '0b6c2f8e-4a53-4c1e-9f0e-2d7c9a1b3e54',
  title: 'Agree the return interview template',
  ownerId: '1c7d3f9a-5b64-4d2f-8a1f-3e8d0b2c4f65',
  dueDate: '2027-01-15',
};
const noTitleNorDay = { ...valid, title: '', dueDate: '' };

/** A GraphQL resolver's execution context, of a field of the type named (Mutation or Query). */
function resolving(parentType: 'Mutation' | 'Query'): ExecutionContextHost {
  const context = new ExecutionContextHost([{}, {}, {}, { parentType: { name: parentType } }]);
  context.setType('graphql');
  return context;
}

describe('refusing a mutation’s input only once its rules say whether the person may act', () => {
  let store: InMemoryEventStore;
  let gateway: CommandGateway;
  const pipe = new AuthorisationFirstValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: inputRefusal,
  });
  const interceptor = new AuthorisationFirstInterceptor();

  let runner: ProjectionRunner;

  beforeEach(async () => {
    store = new InMemoryEventStore();
    runner = new ProjectionRunner(store, new Database(':memory:'), [], {
      log: () => {},
      warn: () => {},
      error: () => {},
    });
    // A change waits until the read side has seen it.
    await runner.start();
    // Execute never asks who is acting: the command carries the person already.
    gateway = new CommandGateway(store, systemClock, {} as Actors, runner);
  });
  afterEach(() => runner.stop());

  /** `input` validated as the API's add-task input, then the list's command sent by `personId`, as a resolver of `parentType` does. */
  const send = (personId: string, input: Record<string, unknown>, parentType: 'Mutation' | 'Query' = 'Mutation') => {
    const handler: CallHandler = {
      handle: () =>
        defer(async () => {
          const checked = (await pipe.transform(input, { type: 'body', metatype: AddTaskInput })) as AddTaskInput;
          return gateway.execute(
            STREAM,
            listDecider,
            { type: 'Add', data: { personId, title: checked.title } },
            { actor: { personId, partnerId: null, roles: [] }, now: '2026-11-23T10:00:00.000Z', correlationId: 'c-1' },
          );
        }),
    };
    return lastValueFrom(interceptor.intercept(resolving(parentType), handler));
  };
  const refusalOf = (sent: Promise<unknown>) =>
    sent.then(
      () => {
        throw new Error('It was not refused.');
      },
      (error: unknown) => error,
    );
  /** The fields a refusal of the input names: what validation found wrong, never a rule's refusal. */
  const fieldsNamedBy = (refusal: unknown) => {
    expect(refusal).toBeInstanceOf(InputValidationError);
    return (refusal as InputValidationError).problems.map(({ field }) => field);
  };

  it('given the list’s lead, when they send a valid input, then it is recorded', async () => {
    await send(LEAD, valid);
    await expect(store.readStream(STREAM)).resolves.toHaveLength(1);
  });

  it('given the list’s lead, when they send an input with no title nor due date, then the held refusal names both fields, and nothing is recorded', async () => {
    const refusal = await refusalOf(send(LEAD, noTitleNorDay));
    expect(fieldsNamedBy(refusal)).toEqual(['title', 'dueDate']);
    await expect(store.readStream(STREAM)).resolves.toEqual([]);
  });

  it('given someone who may not add to the list, when they send an input with no title nor due date, then they are told they may not (FORBIDDEN), not about the fields', async () => {
    const refusal = await refusalOf(send('chris-sivers', noTitleNorDay));
    expect(refusal).toBeInstanceOf(DomainError);
    expect([(refusal as DomainError).code, (refusal as DomainError).message]).toEqual([
      'FORBIDDEN',
      'Only the list’s lead adds to it.',
    ]);
    await expect(store.readStream(STREAM)).resolves.toEqual([]);
  });

  it('given a query’s arguments, when they fail validation, then they are refused at once, before any rule is asked', async () => {
    const refusal = await refusalOf(send('chris-sivers', noTitleNorDay, 'Query'));
    expect(fieldsNamedBy(refusal)).toEqual(['title', 'dueDate']);
  });

  it('given no mutation under way, when the pipe is given an invalid input, then it refuses it at once', async () => {
    const refusal = await refusalOf(pipe.transform(noTitleNorDay, { type: 'body', metatype: AddTaskInput }));
    expect(fieldsNamedBy(refusal)).toEqual(['title', 'dueDate']);
  });

  it('given a mutation whose resolver answers without deciding, when its input failed validation, then the held refusal is given, not the answer', async () => {
    const handler: CallHandler = {
      handle: () => defer(() => pipe.transform(noTitleNorDay, { type: 'body', metatype: AddTaskInput })),
    };
    const refusal = await refusalOf(lastValueFrom(interceptor.intercept(resolving('Mutation'), handler)));
    expect(fieldsNamedBy(refusal)).toEqual(['title', 'dueDate']);
  });
});
