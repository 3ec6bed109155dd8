import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { EventStore, NewEvent, StoredEvent } from './event-store';
import { UnchainedMetadata } from './metadata';

/** The prevHash of the first event of every stream. */
export const GENESIS_HASH = '0'.repeat(64);

interface HashInput {
  readonly streamId: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly prevHash: string;
}

/**
 * SHA-256 over the RFC 8785 canonical JSON of the event with its place in the stream, so
 * that changing any field, or moving the event, changes the hash. The hash fields themselves
 * are left out of the metadata that is hashed.
 */
export function eventHash(input: HashInput): string {
  const { prevHash: _prev, hash: _hash, ...metadata } = input.metadata;
  const canonical = canonicalize({ ...input, metadata });
  if (canonical === undefined) throw new Error('An event must be serialisable as JSON to be hashed.');
  return createHash('sha256').update(canonical).digest('hex');
}

export interface UnchainedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: UnchainedMetadata;
}

/** Links events to the end of a stream whose last event is `last` (null for a new stream). */
export function chainEvents(
  streamId: string,
  last: Pick<StoredEvent, 'revision' | 'metadata'> | null,
  events: readonly UnchainedEvent[],
): NewEvent[] {
  let revision = last ? last.revision : -1;
  let prevHash = last ? String(last.metadata.hash) : GENESIS_HASH;
  return events.map((event) => {
    revision += 1;
    const metadata = { ...event.metadata, prevHash };
    const hash = eventHash({
      streamId,
      revision,
      id: event.id,
      type: event.type,
      data: event.data,
      metadata,
      prevHash,
    });
    prevHash = hash;
    return { id: event.id, type: event.type, data: event.data, metadata: { ...metadata, hash } };
  });
}

export interface ChainBreak {
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
  readonly problem: string;
}

export interface VerificationReport {
  readonly events: number;
  readonly streams: number;
  readonly breaks: readonly ChainBreak[];
}

/**
 * Walks the whole log and checks each stream's chain: revisions without gaps, each event's
 * prevHash the previous event's hash, and each hash recomputed from what is stored.
 */
export async function verifyHashChains(
  store: EventStore,
  onProgress?: (checked: number) => void,
): Promise<VerificationReport> {
  const heads = new Map<string, { revision: number; hash: string }>();
  const breaks: ChainBreak[] = [];
  let checked = 0;
  let from: number | null = null;
  for (;;) {
    const page = await store.readAll({ from, limit: 1000 });
    if (page.length === 0) break;
    for (const event of page) {
      const problem = checkLink(event, heads.get(event.streamId));
      if (problem)
        breaks.push({ streamId: event.streamId, revision: event.revision, position: event.position, problem });
      heads.set(event.streamId, { revision: event.revision, hash: String(event.metadata.hash) });
      checked += 1;
    }
    from = page[page.length - 1].position;
    onProgress?.(checked);
  }
  return { events: checked, streams: heads.size, breaks };
}

function checkLink(event: StoredEvent, head: { revision: number; hash: string } | undefined): string | null {
  const expectedRevision = head ? head.revision + 1 : 0;
  if (event.revision !== expectedRevision) {
    return `revision ${event.revision} follows ${head ? `revision ${head.revision}` : 'the start of the stream'}: an event is missing or out of order`;
  }
  const expectedPrev = head ? head.hash : GENESIS_HASH;
  if (event.metadata.prevHash !== expectedPrev) {
    return 'its prevHash is not the hash of the event before it';
  }
  const recomputed = eventHash({
    streamId: event.streamId,
    revision: event.revision,
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    prevHash: expectedPrev,
  });
  if (recomputed !== event.metadata.hash) return 'its content no longer matches its hash: it was altered';
  return null;
}
