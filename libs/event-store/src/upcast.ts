import { upcastData } from '@app/domain';
import { StoredEvent } from './event-store';

/** A stored event as the current schema reads it (events on disk stay as recorded, so their hashes hold). */
export function upcast(event: StoredEvent): StoredEvent {
  const { schemaVersion, occurredAt } = event.metadata as { schemaVersion?: number; occurredAt?: string };
  const data = upcastData(event.type, event.data, schemaVersion ?? 1, occurredAt ?? event.recordedAt);
  return data === event.data ? event : { ...event, data };
}
