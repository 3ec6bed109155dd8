/**
 * Appends events to a SQLite store as fast as it can and prints each acknowledged event id on
 * its own line, for the crash test to kill it mid-stream.
 */
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '../../libs/event-store/src/sqlite/sqlite-event-store';

async function main(file: string): Promise<void> {
  const store = new SqliteEventStore(file);
  for (let revision = 0; ; revision += 1) {
    const id = randomUUID();
    await store.append('crash-stream', [{ id, type: 'Appended', data: { revision }, metadata: {} }], {
      expectedRevision: revision === 0 ? 'no_stream' : revision - 1,
    });
    process.stdout.write(`${id}\n`);
  }
}

void main(process.argv[2]);
