import {
  ACCESS_STREAM,
  communicationStream,
  localArrangementStream,
  meetingStream,
  policyStream,
  regionalGroupStream,
  workstreamStream,
} from '@app/domain';
import { StoredEvent, SYSTEM_ACTOR } from '@app/event-store';

export type StreamKind =
  'REGIONAL_GROUP' | 'MEETING' | 'WORKSTREAM' | 'POLICY' | 'COMMUNICATION' | 'LOCAL_ARRANGEMENT' | 'ACCESS';

/** The aggregates events are recorded in, by the prefix of their stream ids (the access stream is one whole id). */
const PREFIXES: readonly (readonly [string, StreamKind])[] = [
  [regionalGroupStream(''), 'REGIONAL_GROUP'],
  [meetingStream(''), 'MEETING'],
  [workstreamStream(''), 'WORKSTREAM'],
  [policyStream(''), 'POLICY'],
  [communicationStream(''), 'COMMUNICATION'],
  [localArrangementStream(''), 'LOCAL_ARRANGEMENT'],
  [ACCESS_STREAM, 'ACCESS'],
];

/** The kind of aggregate a stream holds, and the entity it is (none for the platform's one access stream). */
export function streamEntity(streamId: string): { kind: StreamKind | 'OTHER'; entityId: string | null } {
  for (const [prefix, kind] of PREFIXES) {
    if (streamId.startsWith(prefix))
      return { kind, entityId: kind === 'ACCESS' ? null : streamId.slice(prefix.length) };
  }
  return { kind: 'OTHER', entityId: null };
}

/** Every id under a key named `…Id` or `…Ids`, however deep: a task carried with its owner, an area in a list. */
function idsIn(value: unknown, key: string | null, into: Set<string>): void {
  if (typeof value === 'string') {
    if (key !== null && value !== '' && (key.endsWith('Id') || key.endsWith('Ids'))) into.add(value);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) idsIn(item, key, into);
    return;
  }
  // Event data is parsed JSON: plain objects with no inherited keys, walked without copying their entries.
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const name in record) idsIn(record[name], name, into);
  }
}

/**
 * The entities an event concerns, so the history of any of them finds it (A2): its stream's
 * entity, every id its data names (a partner, person, appointment, meeting, task, area...), and
 * the person who acted and the partner they acted for. Ids are unique across kinds, so one
 * set serves the history of an entity, a partner and a person alike.
 */
export function entitiesOf(event: Pick<StoredEvent, 'streamId' | 'data' | 'metadata'>): string[] {
  const ids = new Set<string>();
  const { entityId } = streamEntity(event.streamId);
  if (entityId) ids.add(entityId);
  idsIn(event.data, null, ids);
  const actor = event.metadata.actor as { personId?: unknown; partnerId?: unknown } | undefined;
  if (typeof actor?.personId === 'string' && actor.personId !== SYSTEM_ACTOR.personId) ids.add(actor.personId);
  if (typeof actor?.partnerId === 'string') ids.add(actor.partnerId);
  return [...ids];
}
