import { FIELD_REDACTED, FieldRedacted, Reanchor, REDACTIONS_STREAM, valueAtPath } from '@app/domain';
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { EventStore, NewEvent, StoredEvent } from './event-store';
import { occurredAtOf, UnchainedMetadata } from './metadata';
import { hashedForm, sealTexts, textDigest } from './sealed-text';

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

/**
 * Links events to the end of a stream whose last event is `last` (null for a new stream). Each
 * free-text field is sealed: the hash covers its salted digest, not the text.
 */
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
    const texts = sealTexts(event.type, event.data);
    const hash = eventHash({
      streamId,
      revision,
      id: event.id,
      type: event.type,
      data: hashedForm(event.data, texts),
      metadata,
      prevHash,
    });
    prevHash = hash;
    const chained = { id: event.id, type: event.type, data: event.data, metadata: { ...metadata, hash } };
    return texts.length === 0 ? chained : { ...chained, texts };
  });
}

export interface ChainBreak {
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
  readonly problem: string;
}

/** A redaction as the redactions stream records it: what, who, when and why. */
export interface RedactionRecord {
  readonly eventId: string;
  readonly streamId: string;
  readonly field: string;
  readonly reason: string;
  readonly by: string;
  readonly at: string;
  readonly position: number;
  /** True for an event recorded before free text was sealed, whose hash the redaction re-anchored. */
  readonly reanchored: boolean;
}

export interface VerificationReport {
  readonly events: number;
  readonly streams: number;
  readonly breaks: readonly ChainBreak[];
  readonly redactions: readonly RedactionRecord[];
}

interface Unverified {
  readonly event: StoredEvent;
  readonly recomputed: string;
}

/**
 * Walks the whole log and checks each stream's chain: revisions without gaps, each event's
 * prevHash the previous event's hash, each hash recomputed from what is stored (free text by its
 * salted digest) and each kept text against its digest. A text that is gone must have a recorded
 * redaction; an event recorded before free text was sealed, whose hash covered the text, holds
 * once a redaction re-anchored it and its content still has the hash that redaction recorded.
 */
export async function verifyHashChains(
  store: EventStore,
  onProgress?: (checked: number) => void,
): Promise<VerificationReport> {
  const heads = new Map<string, { revision: number; hash: string }>();
  const breaks: ChainBreak[] = [];
  const unverified = new Map<string, Unverified>();
  const removedTexts = new Map<string, StoredEvent>();
  const anchors = new Map<string, Reanchor>();
  const redactions: RedactionRecord[] = [];
  const breakAt = (event: StoredEvent, problem: string) =>
    breaks.push({ streamId: event.streamId, revision: event.revision, position: event.position, problem });
  let checked = 0;
  let from: number | null = null;
  for (;;) {
    const page = await store.readAll({ from, limit: 1000 });
    if (page.length === 0) break;
    for (const event of page) {
      const head = heads.get(event.streamId);
      const problem = linkProblem(event, head);
      if (problem) breakAt(event, problem);
      const recomputed = eventHash({
        streamId: event.streamId,
        revision: event.revision,
        id: event.id,
        type: event.type,
        data: hashedForm(event.data, event.texts),
        metadata: event.metadata,
        prevHash: head ? head.hash : GENESIS_HASH,
      });
      if (!problem && recomputed !== event.metadata.hash) unverified.set(event.id, { event, recomputed });
      for (const text of event.texts ?? []) {
        if (text.salt === null) removedTexts.set(`${event.id} ${text.path}`, event);
        else if (textDigest(text.salt, String(valueAtPath(event.data, text.path))) !== text.digest) {
          breakAt(event, `its text at ${text.path} no longer matches the digest its hash covers: it was altered`);
        }
      }
      if (event.streamId === REDACTIONS_STREAM && event.type === FIELD_REDACTED) {
        const record = redactionRecordOf(event);
        redactions.push(record);
        removedTexts.delete(`${record.eventId} ${record.field}`);
        const { reanchor } = event.data as FieldRedacted['data'];
        if (reanchor) anchors.set(record.eventId, reanchor);
      }
      heads.set(event.streamId, { revision: event.revision, hash: String(event.metadata.hash) });
      checked += 1;
    }
    from = page[page.length - 1].position;
    onProgress?.(checked);
  }
  for (const { event, recomputed } of unverified.values()) {
    const anchor = anchors.get(event.id);
    if (!anchor || anchor.hash !== event.metadata.hash || anchor.sealedHash !== recomputed) {
      breakAt(event, 'its content no longer matches its hash: it was altered');
    }
  }
  for (const [key, event] of removedTexts) {
    breakAt(event, `its text at ${key.split(' ')[1]} is gone but no redaction of it is recorded`);
  }
  breaks.sort((a, b) => a.position - b.position);
  return { events: checked, streams: heads.size, breaks, redactions };
}

function redactionRecordOf(event: StoredEvent): RedactionRecord {
  const data = event.data as FieldRedacted['data'];
  const actor = event.metadata.actor as { personId?: string } | undefined;
  return {
    eventId: data.eventId,
    streamId: data.streamId,
    field: data.field,
    reason: data.reason,
    by: actor?.personId ?? 'unknown',
    at: occurredAtOf(event),
    position: event.position,
    reanchored: data.reanchor !== null,
  };
}

function linkProblem(event: StoredEvent, head: { revision: number; hash: string } | undefined): string | null {
  const expectedRevision = head ? head.revision + 1 : 0;
  if (event.revision !== expectedRevision) {
    return `revision ${event.revision} follows ${head ? `revision ${head.revision}` : 'the start of the stream'}: an event is missing or out of order`;
  }
  const expectedPrev = head ? head.hash : GENESIS_HASH;
  if (event.metadata.prevHash !== expectedPrev) {
    return 'its prevHash is not the hash of the event before it';
  }
  return null;
}
