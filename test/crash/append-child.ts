/**
 * Appends events as fast as it can and prints each acknowledged event id on its own line, for
 * the crash test to kill it mid-stream. Usage: `append-child.ts sqlite <file>` or
 * `append-child.ts postgres <connection string> <schema>`.
 */
import './register-aliases';
import { randomUUID } from 'node:crypto';
import { EventStore } from '../../libs/event-store/src/event-store';
import { PostgresEventStore } from '../../libs/event-store/src/postgres/postgres-event-store';
import { SqliteEventStore } from '../../libs/event-store/src/sqlite/sqlite-event-store';

function openStore([kind, target, schema]: string[]): EventStore {
  if (kind === 'sqlite') return new SqliteEventStore(target);
  if (kind === 'postgres') return new PostgresEventStore(target, { schema });
  throw new Error(`Unknown store "${kind}": use sqlite or postgres.`);
}

async function main(args: string[]): Promise<void> {
  const store = openStore(args);
  for (let revision = 0; ; revision += 1) {
    const id = randomUUID();
    await store.append('crash-stream', [{ id, type: 'Appended', data: { revision }, metadata: {} }], {
      expectedRevision: revision === 0 ? 'no_stream' : revision - 1,
    });
    process.stdout.write(`${id}\n`);
  }
}

void main(process.argv.slice(2));
