import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ACCESS_STREAM, AccessCommand, accessDecider } from '@app/domain';
import { CommandGateway, PreparedCommand, RequestMeta } from '../common/command-gateway';
import { IdempotentInput } from '../common/idempotency-key.input';

/** A change to the platform's people and roles, sent by an administrator. */
export class ChangeAccessCommand extends Command<void> {
  constructor(
    readonly operation: string,
    readonly input: IdempotentInput,
    readonly meta: RequestMeta,
    readonly toCommand: (context: PreparedCommand) => AccessCommand | Promise<AccessCommand>,
  ) {
    super();
  }
}

@CommandHandler(ChangeAccessCommand)
export class ChangeAccessHandler implements ICommandHandler<ChangeAccessCommand> {
  constructor(private readonly gateway: CommandGateway) {}

  async execute({ operation, input, meta, toCommand }: ChangeAccessCommand): Promise<void> {
    const { idempotencyKey, ...request } = input;
    const context = await this.gateway.prepare(meta, operation, request, idempotencyKey);
    await this.gateway.execute(ACCESS_STREAM, accessDecider, await toCommand(context), context);
  }
}
