import { Injectable } from '@nestjs/common';
import { StoredEvent } from '@app/event-store';
import { ProjectionRunner } from '@app/read-models';
import { EventEmitter } from 'node:events';

/**
 * Events as the read models commit them, for GraphQL subscriptions. Fed after the read database
 * commits, so a subscriber that queries on receipt sees the change; each api instance feeds its
 * own subscribers, whichever instance wrote the event.
 *
 * It listens to the runner only while someone subscribes: a runner with a listener keeps every
 * event of a catch-up transaction (50,000) until it commits, and at start-up, when nobody can
 * have subscribed yet, those events outlived the young generation and doubled the old one.
 */
@Injectable()
export class LiveEvents {
  private readonly emitter = new EventEmitter();
  private stopListening: (() => void) | null = null;

  constructor(private readonly runner: ProjectionRunner) {
    this.emitter.setMaxListeners(0);
  }

  get subscriberCount(): number {
    return this.emitter.listenerCount('event');
  }

  /**
   * Each accepted event from now on, mapped in order. `return()` (a client unsubscribing or
   * disconnecting) detaches at once, even while waiting for the next event.
   */
  follow<T>(
    accept: (event: StoredEvent) => boolean,
    map: (event: StoredEvent) => Promise<T> | T,
  ): AsyncIterableIterator<T> {
    const queue: StoredEvent[] = [];
    let wake: (() => void) | null = null;
    let closed = false;
    const listener = (event: StoredEvent) => {
      if (!accept(event)) return;
      queue.push(event);
      wake?.();
    };
    const close = () => {
      if (closed) return;
      closed = true;
      this.emitter.off('event', listener);
      if (this.subscriberCount === 0) {
        this.stopListening?.();
        this.stopListening = null;
      }
      queue.length = 0;
      wake?.();
    };
    this.emitter.on('event', listener);
    this.stopListening ??= this.runner.onCommitted((events) => {
      for (const event of events) this.emitter.emit('event', event);
    });
    const iterator: AsyncIterableIterator<T> = {
      async next() {
        while (!closed && queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        if (closed) return { done: true, value: undefined };
        return { done: false, value: await map(queue.shift() as StoredEvent) };
      },
      async return() {
        close();
        return { done: true, value: undefined };
      },
      async throw(error?: unknown) {
        close();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }
}
