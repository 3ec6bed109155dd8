import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { regionalGroupDecider, regionalGroupStream } from '@app/domain';
import { childId, newEntityId } from '@app/event-store';
import { CommandGateway, RequestMeta } from '../common/command-gateway';
import { EstablishRegionalGroupInput } from './establish-regional-group.input';

export class EstablishRegionalGroupCommand extends Command<{ groupId: string }> {
  constructor(
    readonly input: EstablishRegionalGroupInput,
    readonly meta: RequestMeta,
  ) {
    super();
  }
}

@CommandHandler(EstablishRegionalGroupCommand)
export class EstablishRegionalGroupHandler implements ICommandHandler<EstablishRegionalGroupCommand> {
  constructor(private readonly gateway: CommandGateway) {}

  async execute({ input, meta }: EstablishRegionalGroupCommand): Promise<{ groupId: string }> {
    const { idempotencyKey, ...request } = input;
    const context = await this.gateway.prepare(meta, 'establishRegionalGroup', request, idempotencyKey);
    const groupId = newEntityId('regional-group', meta.identity.personId, idempotencyKey);
    await this.gateway.execute(
      regionalGroupStream(groupId),
      regionalGroupDecider,
      {
        type: 'EstablishRegionalGroup',
        data: {
          groupId,
          name: input.name,
          areas: input.areas.map((area, index) => ({ areaId: childId(groupId, 'area', index), name: area.name })),
          actor: context.actor,
          now: context.now,
        },
      },
      context,
    );
    return { groupId };
  }
}
