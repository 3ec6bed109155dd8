import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handleCommand } from './handle-command';
import { verifyHashChains } from './hash-chain';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { counterDecider } from './testing/counter-decider';

const context = {
  actor: { personId: 'p', partnerId: null, roles: [] },
  now: '2020-01-01T00:00:00.000Z',
  correlationId: 'c',
};

describe('tamper evidence (A4)', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chain-'));
    file = join(dir, 'events.db');
    store = new SqliteEventStore(file);
    for (const stream of ['counter-a', 'counter-b']) {
      for (let i = 0; i < 3; i += 1) {
        await handleCommand(store, stream, counterDecider, { type: 'Increment', data: { by: 1 } }, context);
      }
    }
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const tamper = (sql: string) => {
    const raw = new Database(file);
    raw.exec(sql);
    raw.close();
  };

  it('finds an intact store intact', async () => {
    expect(await verifyHashChains(store)).toEqual({ events: 6, streams: 2, breaks: [], redactions: [] });
  });

  it('names the stream whose event data was altered with plain SQL', async () => {
    tamper(`UPDATE events SET data = json_set(data, '$.by', 100) WHERE stream_id = 'counter-b' AND revision = 1`);
    const report = await verifyHashChains(store);
    expect(report.breaks).toEqual([
      expect.objectContaining({ streamId: 'counter-b', revision: 1, problem: expect.stringMatching(/altered/) }),
    ]);
  });

  it('finds a removed event', async () => {
    tamper(`DELETE FROM events WHERE stream_id = 'counter-a' AND revision = 1`);
    const report = await verifyHashChains(store);
    expect(report.breaks.map((b) => [b.streamId, b.revision])).toEqual([['counter-a', 2]]);
  });

  it('finds reordered events', async () => {
    tamper(`UPDATE events SET revision = revision + 10 WHERE stream_id = 'counter-a' AND revision IN (0, 1);
            UPDATE events SET revision = 1 WHERE stream_id = 'counter-a' AND revision = 10;
            UPDATE events SET revision = 0 WHERE stream_id = 'counter-a' AND revision = 11;`);
    const report = await verifyHashChains(store);
    expect(report.breaks.some((b) => b.streamId === 'counter-a')).toBe(true);
    expect(report.breaks.every((b) => b.streamId === 'counter-a')).toBe(true);
  });
});
