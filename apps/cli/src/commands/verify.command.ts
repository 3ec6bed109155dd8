import { verifyHashChains } from '@app/event-store';
import { AppConfig } from '@app/platform';
import { createEventStore } from '../../../api/src/infrastructure/create-event-store';

/** Walks every stream's hash chain; exit code 1 and the broken streams named when any is broken. */
export async function verify(config: AppConfig): Promise<number> {
  const store = createEventStore(config);
  try {
    const report = await verifyHashChains(store, (checked) => process.stderr.write(`\rchecked ${checked} events`));
    process.stderr.write('\n');
    if (report.breaks.length === 0) {
      process.stdout.write(`ok: ${report.events} events in ${report.streams} streams, every hash chain intact\n`);
      return 0;
    }
    const streams = [...new Set(report.breaks.map((b) => b.streamId))];
    process.stdout.write(`BROKEN: ${streams.length} of ${report.streams} streams fail verification\n`);
    for (const b of report.breaks) {
      process.stdout.write(`  ${b.streamId} at revision ${b.revision} (position ${b.position}): ${b.problem}\n`);
    }
    return 1;
  } finally {
    await store.close();
  }
}
