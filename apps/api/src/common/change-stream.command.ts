import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Decider, Message } from '@app/domain';
import { CommandGateway, PreparedCommand, RequestMeta } from './command-gateway';
import { IdempotentInput } from './idempotency-key.input';

/**
 * Any change a person sends to one stream. The resolver says which stream and decider, which
 * group the person acts in (so the actor records the partner acted for; null outside a group),
 * and how the client's input becomes the domain command; the rest is the same for every context.
 */
export class ChangeStreamCommand<C extends Message, E extends Message, S> extends Command<readonly E[]> {
  constructor(
    readonly streamId: string,
    readonly decider: Decider<C, E, S>,
    readonly groupId: string | null,
    readonly operation: string,
    readonly input: IdempotentInput,
    readonly meta: RequestMeta,
    readonly toCommand: (context: PreparedCommand) => C | Promise<C>,
  ) {
    super();
  }
}

@CommandHandler(ChangeStreamCommand)
export class ChangeStreamHandler implements ICommandHandler<ChangeStreamCommand<Message, Message, unknown>> {
  constructor(private readonly gateway: CommandGateway) {}

  async execute<C extends Message, E extends Message, S>(command: ChangeStreamCommand<C, E, S>): Promise<readonly E[]> {
    const request = { operation: command.operation, input: command.input, meta: command.meta };
    const outcome = await this.gateway.change(request, command.groupId, command.streamId, command.decider, (context) =>
      command.toCommand(context),
    );
    return outcome.events;
  }
}
