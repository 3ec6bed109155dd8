import { Inject, Injectable } from '@nestjs/common';
import { Actor, Decider, Message } from '@app/domain';
import { CommandContext, CommandOutcome, EventStore, handleCommand, inputHashOf } from '@app/event-store';
import { ProjectionRunner } from '@app/read-models';
import { Clock } from '@app/platform';
import { Actors } from '../auth/actors';
import { Identity } from '../auth/identity';
import { CLOCK, EVENT_STORE } from '../infrastructure/injection-tokens';

/** Who sent a request and how to trace it: what a Nest command carries besides its input. */
export interface RequestMeta {
  readonly identity: Identity;
  readonly correlationId: string;
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
      inputHash: idempotencyKey ? inputHashOf(operation, input) : null,
    };
  }

  async execute<C extends Message, E extends Message, S>(
    streamId: string,
    decider: Decider<C, E, S>,
    command: C,
    context: CommandContext,
  ): Promise<CommandOutcome<E>> {
    const outcome = await handleCommand(this.store, streamId, decider, command, context);
    await this.runner.waitFor(outcome.position);
    return outcome;
  }
}
