import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ACCESS_STREAM, accessDecider } from '@app/domain';
import { SYSTEM_ACTOR } from '@app/event-store';
import { Inject } from '@nestjs/common';
import { CLOCK, Clock } from '@app/platform';
import { randomUUID } from 'node:crypto';
import { CommandGateway } from '../common/command-gateway';

/** Sent by `cli init` from the machine the platform runs on, before anyone can sign in. */
export class InitialisePlatformCommand extends Command<{ personId: string }> {
  constructor(
    readonly administrator: { name: string; email: string | null; subject: string | null },
    readonly correlationId: string = randomUUID(),
  ) {
    super();
  }
}

@CommandHandler(InitialisePlatformCommand)
export class InitialisePlatformHandler implements ICommandHandler<InitialisePlatformCommand> {
  constructor(
    private readonly gateway: CommandGateway,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ administrator, correlationId }: InitialisePlatformCommand): Promise<{ personId: string }> {
    const personId = randomUUID();
    await this.gateway.execute(
      ACCESS_STREAM,
      accessDecider,
      { type: 'InitialisePlatform', data: { personId, ...administrator } },
      {
        actor: SYSTEM_ACTOR,
        now: this.clock.now().toISOString(),
        correlationId,
        reason: 'First administrator recorded from the command line',
      },
    );
    return { personId };
  }
}
