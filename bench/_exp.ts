import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@app/event-store';
import { ALL_PROJECTIONS, openReadDatabase, ProjectionRunner } from '@app/read-models';
import { seed } from './rebuild.bench';
import { performance } from 'node:perf_hooks';

async function main() {
  const ev = '/tmp/bt/events.db';
  if (!existsSync(ev)) await seed(ev, 100000);
  const mode = process.argv[2] ?? 'plain';
  const rf = `/tmp/bt/read-${Date.now()}.db`;
  const store = new SqliteEventStore(ev);
  const db = openReadDatabase(rf);
  if (mode.includes('syncoff')) db.pragma('synchronous = OFF');
  if (mode.includes('normal')) db.pragma('synchronous = NORMAL');
  if (mode.includes('nockpt')) db.pragma('wal_autocheckpoint = 0');
  if (mode.includes('cache')) db.pragma('cache_size = -200000');
  const proto = Database.prototype as any;
  const origT = proto.transaction;
  let commitMs = 0;
  if (mode.includes('trace')) {
    proto.transaction = function (fn: any) { const t = origT.call(this, fn); return (...a: any[]) => { const s = performance.now(); const r = t(...a); commitMs += performance.now() - s; return r; }; };
  }
  const runner = new ProjectionRunner(store, db, ALL_PROJECTIONS, { log() {}, error() {} });
  const s = performance.now();
  await runner.start(); await runner.stop();
  const sec = (performance.now() - s) / 1000;
  console.log(mode, sec.toFixed(2), 's', Math.round(100000 / sec), 'ev/s', 'tx ms', commitMs.toFixed(0), 'pagecount', db.pragma('page_count', { simple: true }));
  db.close(); await store.close();
}
main();
