import type { SealedText } from './sealed-text';

/**
 * The port every adapter implements. Positions are global, strictly increasing numbers and
 * always exclusive starting points: `readAll({ from: p })` returns what came after `p`.
 * Revisions count from 0 within a stream.
 */
export type Position = number;

export const NO_STREAM = 'no_stream' as const;
export const STREAM_EXISTS = 'stream_exists' as const;
export const ANY = 'any' as const;
export type ExpectedRevision = typeof NO_STREAM | typeof STREAM_EXISTS | typeof ANY | number;

export type EventMetadataRecord = Readonly<Record<string, unknown>>;

/**
 * `data` is always readable: each free-text field holds its text, or "[redacted]". `texts` lists
 * the fields kept beside the event, whose salted hashes the chain commits to (see sealed-text.ts);
 * events recorded before free text was sealed have none.
 */
export interface NewEvent {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadataRecord;
  readonly texts?: readonly SealedText[];
}

export interface StoredEvent extends NewEvent {
  readonly streamId: string;
  readonly revision: number;
  readonly position: Position;
  readonly recordedAt: string;
}

export interface AppendResult {
  /** The revision of the last event now in the stream: the expected revision of the next append. */
  readonly nextRevision: number;
  /** The global position of the last event appended. */
  readonly position: Position;
}

export interface ReadAllOptions {
  readonly from?: Position | null;
  readonly limit?: number;
}

export interface ReadStreamOptions {
  /** The first revision to return (inclusive, as revisions name events rather than gaps between them); 0 when absent. */
  readonly fromRevision?: number;
  /** At most this many events, from `fromRevision` on; all of them when absent. */
  readonly limit?: number;
}

export interface SubscribeOptions {
  readonly from?: Position | null;
  readonly signal?: AbortSignal;
}

/**
 * What a pass over the whole log that hashes it needs of each event: its place, kind, time and
 * hash-chain hash, and its data only for the events of the one stream the reader asked for.
 */
export interface LogEntry {
  readonly position: Position;
  readonly streamId: string;
  readonly type: string;
  /** The metadata's `occurredAt`, or when the store recorded the event if it has none. */
  readonly occurredAt: string;
  /** The metadata's `hash`, as stored. */
  readonly hash: unknown;
  /** The event's data for events of the stream asked for, null for the others. */
  readonly data: unknown;
}

export interface EventStore {
  readonly kind: string;
  append(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  /** Catches up from `from`, then follows live, until the signal aborts or the consumer stops. */
  subscribeAll(options?: SubscribeOptions): AsyncIterable<StoredEvent>;
  /**
   * The event with this id, or null. Offered by the stores that keep free text beside their
   * events, which also delete it when a FieldRedacted event is appended to the redactions stream.
   */
  readEvent?(eventId: string): Promise<StoredEvent | null>;
  /**
   * `readAll` reduced to each event's LogEntry, with data only for events of `dataOf`. Offered by
   * stores that can leave the rest unread and unparsed (the transparency log's start-up pass over
   * the whole store otherwise parses every event's data and joins its texts for nothing).
   */
  readLogEntries?(options: ReadAllOptions & { readonly dataOf: string }): Promise<LogEntry[]>;
  /** The position of the newest event, or null for an empty store. Also serves as a reachability check. */
  lastPosition(): Promise<Position | null>;
  close(): Promise<void>;
}

export class WrongExpectedVersionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | null,
  ) {
    super(
      `Stream ${streamId} was expected at ${String(expected)} but is at ${actual === null ? 'no stream' : `revision ${actual}`}.`,
    );
    this.name = 'WrongExpectedVersionError';
  }
}

export class DuplicateEventIdError extends Error {
  constructor(readonly eventId: string) {
    super(`Event ${eventId} is already recorded, but not as this same append.`);
    this.name = 'DuplicateEventIdError';
  }
}
