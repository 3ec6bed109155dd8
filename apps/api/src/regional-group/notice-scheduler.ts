import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { regionalGroupDecider, regionalGroupStream } from '@app/domain';
import { SYSTEM_ACTOR } from '@app/event-store';
import { MembershipQueries } from '@app/read-models';
import { CLOCK, Clock } from '@app/platform';
import { randomUUID } from 'node:crypto';
import { CommandGateway } from '../common/command-gateway';

const CHECK_EVERY_MS = 60_000;

/**
 * Notices take effect on their date with no one sending a command (R13): checked at start-up,
 * so a restart after the date catches up, and then every minute. The decider records each effect
 * once however often it is asked, and whichever api instance asks first.
 */
@Injectable()
export class NoticeScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NoticeScheduler');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly gateway: CommandGateway,
    private readonly membership: MembershipQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.applyDueNotices();
    this.timer = setInterval(() => {
      this.running = this.applyDueNotices();
    }, CHECK_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  async applyDueNotices(): Promise<void> {
    for (const groupId of this.membership.groupsWithOpenNotices()) {
      const now = this.clock.now().toISOString();
      try {
        await this.gateway.execute(
          regionalGroupStream(groupId),
          regionalGroupDecider,
          { type: 'ApplyDueNotices', data: { actor: SYSTEM_ACTOR, now } },
          {
            actor: SYSTEM_ACTOR,
            now,
            correlationId: randomUUID(),
            reason: 'A notice to leave reached its effective date',
          },
        );
      } catch (error) {
        this.logger.error(error instanceof Error ? error : String(error), `Applying notices of group ${groupId}`);
      }
    }
  }
}
