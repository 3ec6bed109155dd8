import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError, MeetingCommandUnion, meetingDecider, MeetingEvent, meetingStream } from '@app/domain';
import { EventStore } from '@app/event-store';
import { CommandGateway, PreparedCommand, RequestMeta } from '../common/command-gateway';
import { IdempotentInput } from '../common/idempotency-key.input';
import { EVENT_STORE } from '../infrastructure/injection-tokens';

export interface MeetingTarget {
  readonly meetingId: string;
  /** Known when scheduling; otherwise read from the meeting's stream. */
  readonly groupId?: string;
}

/** Any command to a meeting: the resolver maps its input to a domain command; this does the rest. */
export class ChangeMeetingCommand extends Command<{ meetingId: string; groupId: string; events: readonly MeetingEvent[] }> {
  constructor(
    readonly target: MeetingTarget,
    readonly operation: string,
    readonly input: IdempotentInput,
    readonly meta: RequestMeta,
    readonly toCommand: (context: PreparedCommand, groupId: string) => MeetingCommandUnion | Promise<MeetingCommandUnion>,
  ) {
    super();
  }
}

@CommandHandler(ChangeMeetingCommand)
export class ChangeMeetingHandler implements ICommandHandler<ChangeMeetingCommand> {
  constructor(
    private readonly gateway: CommandGateway,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ target, operation, input, meta, toCommand }: ChangeMeetingCommand) {
    const groupId = target.groupId ?? (await this.groupOf(target.meetingId));
    const { idempotencyKey, ...request } = input;
    const context = await this.gateway.prepare(meta, operation, request, idempotencyKey, groupId);
    const outcome = await this.gateway.execute(meetingStream(target.meetingId), meetingDecider, await toCommand(context, groupId), context);
    return { meetingId: target.meetingId, groupId, events: outcome.events };
  }

  private async groupOf(meetingId: string): Promise<string> {
    const [scheduled] = await this.store.readStream(meetingStream(meetingId));
    if (!scheduled) throw new DomainError('NOT_FOUND', `There is no meeting with id ${meetingId}.`);
    return (scheduled.data as { groupId: string }).groupId;
  }
}
