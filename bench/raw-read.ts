import Database from 'better-sqlite3';
import { peakResidentMegabytes } from './measure';

/**
 * The baseline of the benchmarks that read the whole log: every row in position order, data and
 * metadata parsed, nothing else. Returns how many rows it read.
 */
export function rawRead(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    let count = 0;
    let checksum = 0;
    const rows = db.prepare('SELECT * FROM events ORDER BY position').iterate() as IterableIterator<{
      position: number;
      data: string;
      metadata: string;
    }>;
    for (const row of rows) {
      const data = JSON.parse(row.data) as object;
      const metadata = JSON.parse(row.metadata) as { schemaVersion: number };
      // Touches both parsed values, so neither parse can be skipped; any schema version counts once.
      checksum += (metadata.schemaVersion > 0 ? 1 : 0) + (data ? 1 : 0);
      count += 1;
    }
    if (checksum !== count * 2) throw new Error('The rows did not parse as expected.');
    return count;
  } finally {
    db.close();
  }
}

/**
 * Run on its own with an events file (`node dist/bench/raw-read.js events.db`): the raw read in a
 * process of its own, printing the rows read and the process's peak resident memory as JSON, so
 * the start-up bench can compare the api's peak memory with it.
 */
if (require.main === module) {
  const events = rawRead(process.argv[2]);
  console.log(JSON.stringify({ events, peakMegabytes: peakResidentMegabytes(process.pid) }));
}
