import { Inject, Injectable } from '@nestjs/common';
import { Actor, Decider, Message } from '@app/domain';
import {
  CommandContext,
  CommandOutcome,
  CommandSource,
  EventStore,
  handleCommand,
  inputFingerprintsOf,
  readState,
} from '@app/event-store';
import { ProjectionRunner } from '@app/read-models';
import { CLOCK, Clock, ReadSideStoppedError } from '@app/platform';
import { Actors } from '../auth/actors';
import { heldInputRefusal, refusesThePerson } from './authorisation-first';
import { IdempotentInput } from './idempotency-key.input';
import { Identity } from '../auth/identity';
import { EVENT_STORE } from '../infrastructure/injection-tokens';

/** Who sent a request and how to trace it: what a Nest command carries besides its input. */
export interface RequestMeta {
  readonly identity: Identity;
  readonly correlationId: string;
}

/** The meta of a request, from who sent it and the request's context (which carries its correlation id). */
export function requestMeta(identity: Identity, context: { readonly correlationId: string }): RequestMeta {
  return { identity, correlationId: context.correlationId };
}

/** One use case's request: which operation, the client's input (with its key and reason) and who sent it. */
export interface ChangeRequest {
  readonly operation: string;
  readonly input: IdempotentInput;
  readonly meta: RequestMeta;
}

export interface PreparedCommand extends CommandContext {
  readonly actor: Actor;
  readonly now: string;
}

/**
 * The shared path of every command handler: who is acting and when, then decide-and-append
 * through the store, then wait until the read models include the result so the caller reads
 * its own write.
 */
@Injectable()
export class CommandGateway {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly actors: Actors,
    private readonly runner: ProjectionRunner,
  ) {}

  /**
   * `input` is the client's input without its idempotency key: what a retry must repeat exactly.
   * `groupId` names the regional group the command is for, so the actor records the partner acted for;
   * `reason` is the client's reason for the change, recorded in the metadata of its events (A1).
   */
  async prepare(
    meta: RequestMeta,
    operation: string,
    input: object,
    idempotencyKey?: string | null,
    groupId?: string,
    reason?: string | null,
  ): Promise<PreparedCommand> {
    return {
      actor: await this.actors.actorFor(meta.identity, groupId),
      now: this.clock.now().toISOString(),
      correlationId: meta.correlationId,
      reason: reason ?? null,
      idempotencyKey: idempotencyKey ?? null,
      ...(idempotencyKey ? inputFingerprintsOf(operation, input) : { inputHash: null }),
    };
  }

  async execute<C extends Message, E extends Message, S>(
    streamId: string,
    decider: Decider<C, E, S>,
    command: CommandSource<C>,
    context: CommandContext,
  ): Promise<CommandOutcome<E>> {
    // With the read side stopped a command could be recorded but never shown: record nothing.
    if (this.runner.error) throw new ReadSideStoppedError();
    const refusal = heldInputRefusal();
    if (refusal) return this.refuse(streamId, decider, command, refusal);
    const outcome = await handleCommand(this.store, streamId, decider, command, context);
    await this.runner.waitFor(outcome.position);
    return outcome;
  }

  /**
   * A command whose input failed validation is decided, never appended, only to learn whether the
   * person may act: if not, they are told that; if so, what is wrong with their input.
   */
  private async refuse<C extends Message, E extends Message, S>(
    streamId: string,
    decider: Decider<C, E, S>,
    command: CommandSource<C>,
    refusal: unknown,
  ): Promise<never> {
    try {
      decider.decide(
        typeof command === 'function' ? await command() : command,
        await readState(this.store, streamId, decider),
      );
    } catch (error) {
      if (refusesThePerson(error)) throw error;
    }
    throw refusal;
  }

  /**
   * One change to one stream, as an application service sends it: prepare who acts (for the partner
   * of `groupId`, null outside a group), when, the idempotency key and the reason, then decide and
   * append. `build` is called on every attempt, so the facts it reads from other streams are read
   * again after a concurrent change to this stream.
   */
  async change<C extends Message, E extends Message, S>(
    request: ChangeRequest,
    groupId: string | null,
    streamId: string,
    decider: Decider<C, E, S>,
    build: (context: PreparedCommand) => C | Promise<C>,
  ): Promise<CommandOutcome<E>> {
    const { idempotencyKey, ...input } = request.input;
    const context = await this.prepare(
      request.meta,
      request.operation,
      input,
      idempotencyKey,
      groupId ?? undefined,
      request.input.reason,
    );
    return this.execute(streamId, decider, () => build(context), context);
  }
}
