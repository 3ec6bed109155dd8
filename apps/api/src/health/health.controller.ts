import { Controller, Get, HttpStatus, Inject, Logger, Res } from '@nestjs/common';
import { Response } from 'express';
import { EventStore } from '@app/event-store';
import { ProjectionRunner } from '@app/read-models';
import { EVENT_STORE } from '../infrastructure/injection-tokens';

/** For load balancers and operators: 200 when the store answers and the read models are running. */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
  ) {}

  @Get()
  async health(@Res() response: Response): Promise<void> {
    let lastPosition: number | null = null;
    let reachable = true;
    try {
      lastPosition = await this.store.lastPosition();
    } catch (error) {
      // The reason goes to the log, not to anonymous callers.
      reachable = false;
      new Logger('Health').error(error instanceof Error ? error : String(error));
    }
    const projectionsFailed = this.runner.error !== null;
    const ok = reachable && !projectionsFailed;
    response.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({
      status: ok ? 'ok' : 'unavailable',
      store: { kind: this.store.kind, reachable, lastPosition },
      projections: {
        running: !projectionsFailed,
        position: this.runner.position,
        lag: lastPosition === null ? 0 : Math.max(0, lastPosition - this.runner.position),
      },
    });
  }
}
