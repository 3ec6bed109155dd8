import { AppendNotifier } from '../append-notifier';
import { assertExpectedRevision, detectRetriedAppend } from '../append-rules';
import {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeOptions,
} from '../event-store';
import { followAll } from '../follow-all';
import { TextRedaction, textRedactionIn, withValueAt } from '../sealed-text';
import { REDACTED_TEXT, valueAtPath } from '@app/domain';

/** For unit tests: the same contract as the durable adapters, held in an array. */
export class InMemoryEventStore implements EventStore {
  readonly kind = 'in-memory';
  private readonly log: StoredEvent[] = [];
  private readonly notifier = new AppendNotifier();

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    if (events.length === 0) throw new Error('An append needs at least one event.');
    const retried = detectRetriedAppend(
      streamId,
      events,
      events.map((event) => this.log.find((stored) => stored.id === event.id)),
    );
    if (retried) return { nextRevision: retried.revision, position: retried.position };
    const stream = this.log.filter((event) => event.streamId === streamId);
    const current = stream.length === 0 ? null : stream[stream.length - 1].revision;
    assertExpectedRevision(streamId, options.expectedRevision, current);
    const redactions = events.flatMap((event) => textRedactionIn(streamId, event) ?? []);
    const targets = redactions.map((redaction) => this.redactionTarget(redaction));
    const recordedAt = new Date().toISOString();
    let revision = current ?? -1;
    for (const event of events) {
      revision += 1;
      this.log.push({ ...structuredClone(event), streamId, revision, position: this.log.length + 1, recordedAt });
    }
    redactions.forEach((redaction, index) => this.redact(targets[index], redaction));
    this.notifier.notify();
    return { nextRevision: revision, position: this.log.length };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const from = options.fromRevision ?? 0;
    return this.log
      .filter((event) => event.streamId === streamId && event.revision >= from)
      .slice(0, options.limit)
      .map((event) => structuredClone(event));
  }

  async readEvent(eventId: string): Promise<StoredEvent | null> {
    const event = this.log.find((stored) => stored.id === eventId);
    return event ? structuredClone(event) : null;
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const from = options.from ?? 0;
    const after = this.log.slice(from);
    return (options.limit === undefined ? after : after.slice(0, options.limit)).map((event) => structuredClone(event));
  }

  subscribeAll(options: SubscribeOptions = {}): AsyncIterable<StoredEvent> {
    return followAll((from, limit) => this.readAll({ from, limit }), this.notifier, { ...options, pollMs: 60_000 });
  }

  async lastPosition(): Promise<Position | null> {
    return this.log.length === 0 ? null : this.log.length;
  }

  async close(): Promise<void> {}

  /** The index of the event a redaction names, checked before anything of its append is written. */
  private redactionTarget({ eventId, path, digest }: TextRedaction): number {
    const index = this.log.findIndex((stored) => stored.id === eventId);
    const event = index === -1 ? undefined : this.log[index];
    const sealed = event?.texts?.find((text) => text.path === path);
    const holdsText =
      digest === null
        ? typeof sealed?.salt === 'string'
        : sealed === undefined && typeof valueAtPath(event?.data, path) === 'string';
    if (!holdsText) throw new Error(`Event ${eventId} holds no text at ${path} to redact.`);
    return index;
  }

  private redact(index: number, { path, digest }: TextRedaction): void {
    const event = this.log[index];
    const sealed = (event.texts ?? []).map((text) => (text.path === path ? { ...text, salt: null } : text));
    const texts = digest === null ? sealed : [...sealed, { path, digest, salt: null }];
    this.log[index] = { ...event, data: withValueAt(event.data, path, REDACTED_TEXT), texts };
  }
}
