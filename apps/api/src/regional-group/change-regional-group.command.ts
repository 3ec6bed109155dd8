import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RegionalGroupCommand, regionalGroupDecider, RegionalGroupEvent, regionalGroupStream } from '@app/domain';
import { CommandGateway, PreparedCommand, RequestMeta } from '../common/command-gateway';
import { IdempotentInput } from '../common/idempotency-key.input';

/**
 * Any change to an existing regional group: the resolver says how its input becomes a domain
 * command; this handler does the rest the same way for all of them.
 */
export class ChangeRegionalGroupCommand extends Command<readonly RegionalGroupEvent[]> {
  constructor(
    readonly groupId: string,
    readonly operation: string,
    readonly input: IdempotentInput,
    readonly meta: RequestMeta,
    readonly toCommand: (context: PreparedCommand) => RegionalGroupCommand | Promise<RegionalGroupCommand>,
  ) {
    super();
  }
}

@CommandHandler(ChangeRegionalGroupCommand)
export class ChangeRegionalGroupHandler implements ICommandHandler<ChangeRegionalGroupCommand> {
  constructor(private readonly gateway: CommandGateway) {}

  async execute({ groupId, operation, input, meta, toCommand }: ChangeRegionalGroupCommand): Promise<readonly RegionalGroupEvent[]> {
    const { idempotencyKey, ...request } = input;
    const context = await this.gateway.prepare(meta, operation, request, idempotencyKey, groupId);
    const outcome = await this.gateway.execute(regionalGroupStream(groupId), regionalGroupDecider, await toCommand(context), context);
    return outcome.events;
  }
}
