import { Controller, Get, HttpStatus, Inject, Logger, Res } from '@nestjs/common';
import { Response } from 'express';
import { EventStore } from '@app/event-store';
import { ProjectionRunner } from '@app/read-models';
import { EVENT_STORE } from '../infrastructure/injection-tokens';
import { IntegrityMonitor, IntegrityVerdict } from '../integrity/integrity-monitor';

/**
 * For load balancers and operators: 200 when the store answers, the read models are running and
 * the store agrees with every tree head the log has signed (A4). A store edited behind the
 * service's back is not healthy, whatever else works.
 */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
    private readonly integrity: IntegrityMonitor,
  ) {}

  @Get()
  async health(@Res() response: Response): Promise<void> {
    let lastPosition: number | null = null;
    let reachable = true;
    let verdict: IntegrityVerdict | null = null;
    try {
      lastPosition = await this.store.lastPosition();
      verdict = await this.integrity.verdict();
    } catch (error) {
      // The reason goes to the log, not to anonymous callers.
      reachable = false;
      new Logger('Health').error(error instanceof Error ? error : String(error));
    }
    const projectionsFailed = this.runner.error !== null;
    const ok = reachable && !projectionsFailed && verdict?.consistent === true;
    response.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({
      status: ok ? 'ok' : 'unavailable',
      store: { kind: this.store.kind, reachable, lastPosition },
      projections: {
        running: !projectionsFailed,
        position: this.runner.position,
        lag: lastPosition === null ? 0 : Math.max(0, lastPosition - this.runner.position),
      },
      // What contradicts which head is logged; callers learn only whether the store holds.
      integrity: {
        consistent: verdict?.consistent ?? null,
        treeSize: verdict?.treeSize ?? null,
        signedTreeSize: verdict?.latestHead?.treeSize ?? null,
        signedAt: verdict?.latestHead?.timestamp ?? null,
      },
    });
  }
}
