import { Injectable } from '@nestjs/common';
import { StoredEvent } from '@app/event-store';
import { ProjectionRunner } from '@app/read-models';
import { EventEmitter, on } from 'node:events';

/**
 * Events as the read models commit them, for GraphQL subscriptions. Fed after the read database
 * commits, so a subscriber that queries on receipt sees the change; each api instance feeds its
 * own subscribers, whichever instance wrote the event.
 */
@Injectable()
export class LiveEvents {
  private readonly emitter = new EventEmitter();

  constructor(runner: ProjectionRunner) {
    this.emitter.setMaxListeners(0);
    runner.onCommitted((events) => {
      for (const event of events) this.emitter.emit('event', event);
    });
  }

  /** Every event committed from now on whose stream passes the filter, until the consumer stops. */
  async *follow(streamFilter: (streamId: string) => boolean): AsyncGenerator<StoredEvent> {
    for await (const [event] of on(this.emitter, 'event') as AsyncIterable<[StoredEvent]>) {
      if (streamFilter(event.streamId)) yield event;
    }
  }
}
