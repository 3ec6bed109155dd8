import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError, WorkstreamCommandUnion, workstreamDecider, WorkstreamEvent, workstreamStream } from '@app/domain';
import { EventStore } from '@app/event-store';
import { CommandGateway, PreparedCommand, RequestMeta } from '../common/command-gateway';
import { IdempotentInput } from '../common/idempotency-key.input';
import { EVENT_STORE } from '../infrastructure/injection-tokens';

export interface WorkstreamTarget {
  readonly workstreamId: string;
  /** Known when commissioning; otherwise read from the workstream's stream. */
  readonly groupId?: string;
}

/** Any command to a workstream: the resolver maps its input to a domain command; this does the rest. */
export class ChangeWorkstreamCommand extends Command<{ workstreamId: string; events: readonly WorkstreamEvent[] }> {
  constructor(
    readonly target: WorkstreamTarget,
    readonly operation: string,
    readonly input: IdempotentInput,
    readonly meta: RequestMeta,
    readonly toCommand: (context: PreparedCommand, groupId: string) => WorkstreamCommandUnion | Promise<WorkstreamCommandUnion>,
  ) {
    super();
  }
}

@CommandHandler(ChangeWorkstreamCommand)
export class ChangeWorkstreamHandler implements ICommandHandler<ChangeWorkstreamCommand> {
  constructor(
    private readonly gateway: CommandGateway,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ target, operation, input, meta, toCommand }: ChangeWorkstreamCommand) {
    const groupId = target.groupId ?? (await this.groupOf(target.workstreamId));
    const { idempotencyKey, ...request } = input;
    const context = await this.gateway.prepare(meta, operation, request, idempotencyKey, groupId);
    const outcome = await this.gateway.execute(workstreamStream(target.workstreamId), workstreamDecider, await toCommand(context, groupId), context);
    return { workstreamId: target.workstreamId, events: outcome.events };
  }

  private async groupOf(workstreamId: string): Promise<string> {
    const [commissioned] = await this.store.readStream(workstreamStream(workstreamId));
    if (!commissioned) throw new DomainError('NOT_FOUND', `There is no workstream with id ${workstreamId}.`);
    return (commissioned.data as { groupId: string }).groupId;
  }
}
