import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '@app/domain';
import { checkReplay } from '@app/read-models';
import { AppConfig } from '@app/platform';
import { createEventStore } from '../../../api/src/infrastructure/create-event-store';

/** Rows named per differing table; the count says how many more there are. */
const ROWS_SHOWN = 20;

/**
 * `replay --check` (A5): rebuilds every read model from the log into a fresh database and compares
 * it row by row with `read.db`; exit code 1 and each differing table and key named when any differs.
 */
export async function replayCheck(config: AppConfig): Promise<number> {
  const liveFile = join(config.dataDir, 'read.db');
  if (!existsSync(liveFile)) {
    throw new DomainError('NOT_FOUND', `There is no read.db in ${config.dataDir}: start the service on it first.`);
  }
  const store = createEventStore(config);
  try {
    const report = await checkReplay(store, liveFile, (line) => process.stderr.write(`${line}\n`));
    if (report.differences.length === 0) {
      process.stdout.write(
        `ok: ${report.tables} tables, ${report.rows} rows rebuilt from the log to position ${report.position}, identical to read.db\n`,
      );
      return 0;
    }
    process.stdout.write(
      `DIFFERENT: ${report.differences.length} tables of read.db differ from a rebuild from the log\n`,
    );
    for (const difference of report.differences) {
      if (difference.problem) {
        process.stdout.write(`  ${difference.table}: ${difference.problem}\n`);
        continue;
      }
      process.stdout.write(`  ${difference.table}: ${difference.rows.length} rows\n`);
      for (const row of difference.rows.slice(0, ROWS_SHOWN)) {
        const key = Object.entries(row.key)
          .map(([column, value]) => `${column}=${JSON.stringify(value)}`)
          .join(', ');
        process.stdout.write(`    ${key}: ${row.problem}\n`);
      }
      if (difference.rows.length > ROWS_SHOWN) {
        process.stdout.write(`    ... and ${difference.rows.length - ROWS_SHOWN} more\n`);
      }
    }
    return 1;
  } finally {
    await store.close();
  }
}
