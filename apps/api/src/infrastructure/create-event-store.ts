import { EventStore, SqliteEventStore } from '@app/event-store';
import { EventStoreDbEventStore } from '@app/event-store/eventstoredb/eventstoredb-event-store';
import { AppConfig } from '@app/platform';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export function createEventStore(config: AppConfig): EventStore {
  if (config.eventStore.kind === 'eventstoredb') {
    return EventStoreDbEventStore.fromConnectionString(config.eventStore.connectionString);
  }
  mkdirSync(config.dataDir, { recursive: true });
  return new SqliteEventStore(join(config.dataDir, 'events.db'));
}
