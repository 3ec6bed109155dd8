import { EventStore, SqliteEventStore } from '@app/event-store';
import { EventStoreDbEventStore } from '@app/event-store/eventstoredb/eventstoredb-event-store';
import { PostgresEventStore } from '@app/event-store/postgres/postgres-event-store';
import { AppConfig } from '@app/platform';
import { Logger } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export function createEventStore(config: AppConfig): EventStore {
  switch (config.eventStore.kind) {
    case 'eventstoredb':
      return EventStoreDbEventStore.fromConnectionString(config.eventStore.connectionString);
    case 'postgres':
      return new PostgresEventStore(config.eventStore.connectionString, { schema: config.eventStore.schema });
    case 'sqlite':
      mkdirSync(config.dataDir, { recursive: true });
      return new SqliteEventStore(join(config.dataDir, 'events.db'), { logger: new Logger('EventStore') });
  }
}
