import {
  ANY as SERVER_ANY,
  jsonEvent,
  NO_STREAM as SERVER_NO_STREAM,
  STREAM_EXISTS as SERVER_STREAM_EXISTS,
} from '@kurrent/kurrentdb-client';
import type { AppendStreamState, EventData, JSONType, Position as ServerPosition } from '@kurrent/kurrentdb-client';
import { detectRetriedAppend } from '../append-rules';
import {
  ANY,
  AppendResult,
  EventMetadataRecord,
  ExpectedRevision,
  NewEvent,
  NO_STREAM,
  Position,
  StoredEvent,
  STREAM_EXISTS,
} from '../event-store';
import { SealedText } from '../sealed-text';

/**
 * EventStoreDB cannot delete part of an event, so this adapter keeps free text inside the event
 * (its data as read) and its salts and digests in the metadata under this key, which the port's
 * metadata leaves out. The chain verifies as in the other stores; a redaction is refused.
 */
const TEXTS_KEY = '$texts';

/** What this adapter reads from a client's recorded event; both stream and $all reads satisfy it. */
export interface RecordedEventLike {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly created: Date;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly position?: ServerPosition;
}

/** The port's expected revision as the client's stream state, which it checks before writing. */
export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case NO_STREAM:
      return SERVER_NO_STREAM;
    case STREAM_EXISTS:
      return SERVER_STREAM_EXISTS;
    case ANY:
      return SERVER_ANY;
    default:
      if (!Number.isSafeInteger(expected) || expected < 0) {
        throw new RangeError(`An expected revision must be a revision (an integer from 0), not ${expected}.`);
      }
      return BigInt(expected);
  }
}

/**
 * EventStoreDB orders $all by a pair of byte offsets into its transaction log, (commit, prepare).
 * Every append made over gRPC is an implicit transaction in which each event is its own commit:
 * its commit and prepare offsets are both the offset of its own record, and an append's reported
 * position is that of its last event. So the commit offset alone is unique and strictly increasing
 * in $all order, and a single number loses nothing. Only explicit transactions (legacy TCP API)
 * share one commit offset across several events; no single strictly increasing number exists for
 * those, so they are refused loudly rather than merged or skipped silently. Offsets are bytes, so a
 * Number stays exact until the log passes 8 PiB.
 */
export function toPortPosition(position: ServerPosition): Position {
  if (position.commit !== position.prepare) {
    throw new Error(
      `EventStoreDB position ${position.commit}/${position.prepare} belongs to an explicit transaction, ` +
        'which this adapter cannot order by a single number.',
    );
  }
  if (position.commit < 0n || position.commit > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`EventStoreDB position ${position.commit} does not fit a safe integer.`);
  }
  return Number(position.commit);
}

/** The inverse of toPortPosition: a position this store handed out names a record boundary. */
export function toServerPosition(position: Position): ServerPosition {
  if (!Number.isSafeInteger(position) || position < 0) {
    throw new RangeError(`A position must be an integer from 0, not ${position}.`);
  }
  const offset = BigInt(position);
  return { commit: offset, prepare: offset };
}

/**
 * $all reads start *at* the position given, and the port's positions are exclusive, so reads
 * skip whatever is not strictly after where they started. Compared as the server orders $all.
 */
export function isAfter(position: ServerPosition, start: ServerPosition): boolean {
  return position.commit > start.commit || (position.commit === start.commit && position.prepare > start.prepare);
}

/** The server's bookkeeping ($-prefixed streams, link and metadata events) is not this store's log. */
export function isSystemEvent(event: { readonly streamId: string; readonly type: string }): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}

export function toEventData(event: NewEvent): EventData {
  return jsonEvent({
    id: event.id,
    type: event.type,
    // The port accepts any JSON value; the client's type is narrower than what it serialises.
    data: event.data as JSONType,
    metadata: event.texts ? { ...event.metadata, [TEXTS_KEY]: event.texts } : event.metadata,
  });
}

export function toStoredEvent(recorded: RecordedEventLike): StoredEvent {
  if (!recorded.position) {
    throw new Error(
      'EventStoreDB returned an event without its position; stream reads carry positions from server 22.6.',
    );
  }
  const { [TEXTS_KEY]: texts, ...metadata } = toMetadataRecord(recorded.metadata);
  const event: StoredEvent = {
    id: recorded.id,
    type: recorded.type,
    data: recorded.data,
    metadata,
    streamId: recorded.streamId,
    revision: Number(recorded.revision),
    position: toPortPosition(recorded.position),
    recordedAt: recorded.created.toISOString(),
  };
  return Array.isArray(texts) ? { ...event, texts: texts as SealedText[] } : event;
}

/** Events written by other clients may carry no metadata, or metadata that is not a JSON object. */
function toMetadataRecord(metadata: unknown): EventMetadataRecord {
  return isJsonObject(metadata) ? metadata : {};
}

function isJsonObject(value: unknown): value is EventMetadataRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/**
 * The port's rule for event ids, applied to what the target stream holds. The server hands ids
 * back in lower case, so they are matched without regard to case.
 */
export function retriedAppendIn(
  stream: readonly StoredEvent[],
  streamId: string,
  events: readonly NewEvent[],
): AppendResult | null {
  const byId = new Map(stream.map((stored) => [stored.id.toLowerCase(), stored]));
  const retried = detectRetriedAppend(
    streamId,
    events,
    events.map((event) => byId.get(event.id.toLowerCase())),
  );
  return retried && { nextRevision: retried.revision, position: retried.position };
}
