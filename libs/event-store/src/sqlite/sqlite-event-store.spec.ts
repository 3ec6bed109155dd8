import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '../testing/event-store-contract';
import { SqliteEventStore } from './sqlite-event-store';

eventStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'events-'));
  const store = new SqliteEventStore(join(dir, 'events.db'));
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('sqlite store durability settings', () => {
  it('runs in WAL mode with synchronous=FULL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'events-'));
    const store = new SqliteEventStore(join(dir, 'events.db'));
    const db = (store as unknown as { db: import('better-sqlite3').Database }).db;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    void store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
