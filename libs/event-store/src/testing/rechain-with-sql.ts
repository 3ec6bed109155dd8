import Database from 'better-sqlite3';
import { eventHash, GENESIS_HASH } from '../hash-chain';

interface Row {
  position: number;
  event_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
}

/**
 * The insider's attack the hash chain alone cannot see: change one event's data with plain SQL
 * on the SQLite file, then recompute the hash and prevHash of it and of every later event of its
 * stream with the project's own hash function, so `verifyHashChains` finds nothing wrong.
 */
export function alterEventAndRechain(
  file: string,
  streamId: string,
  revision: number,
  change: (data: Record<string, unknown>) => Record<string, unknown>,
): void {
  const db = new Database(file);
  try {
    const rows = db
      .prepare(
        'SELECT position, event_id, revision, type, data, metadata FROM events WHERE stream_id = ? ORDER BY revision',
      )
      .all(streamId) as Row[];
    const update = db.prepare('UPDATE events SET data = ?, metadata = ? WHERE position = ?');
    db.transaction(() => {
      let prevHash = GENESIS_HASH;
      for (const row of rows) {
        let data = JSON.parse(row.data) as Record<string, unknown>;
        const metadata = JSON.parse(row.metadata) as Record<string, unknown>;
        if (row.revision === revision) data = change(data);
        if (row.revision >= revision) {
          const hash = eventHash({
            streamId,
            revision: row.revision,
            id: row.event_id,
            type: row.type,
            data,
            metadata: { ...metadata, prevHash },
            prevHash,
          });
          update.run(JSON.stringify(data), JSON.stringify({ ...metadata, prevHash, hash }), row.position);
          prevHash = hash;
        } else {
          prevHash = String(metadata.hash);
        }
      }
    })();
  } finally {
    db.close();
  }
}
