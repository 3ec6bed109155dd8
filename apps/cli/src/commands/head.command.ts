import { signAndRecordTreeHead, SignedTreeHead } from '@app/event-store';
import { AppConfig, clockStartingAt, systemClock } from '@app/platform';
import { writeFileSync } from 'node:fs';
import { createEventStore } from '../../../api/src/infrastructure/create-event-store';
import { loadOrCreateLogKey } from '../../../api/src/integrity/log-key';

/**
 * Signs a head of the store as it is now, records it in the log (so the service and the areas'
 * feeds see it too) and writes it for someone to keep. Refused, with what is wrong, when the
 * store contradicts a head signed before: the log never vouches for a tampered history.
 */
export async function signHead(config: AppConfig, out: string | null): Promise<number> {
  const store = createEventStore(config);
  try {
    const key = await loadOrCreateLogKey(config);
    const now = (config.clockNow ? clockStartingAt(config.clockNow) : systemClock).now();
    const outcome = await signAndRecordTreeHead(store, key, now, 'Signed on request with `cli head`');
    if (!outcome.signed) {
      process.stdout.write('REFUSED: the store contradicts a tree head signed before, so no head is signed:\n');
      for (const problem of outcome.problems) process.stdout.write(`  ${problem}\n`);
      return 1;
    }
    const json = `${JSON.stringify(outcome.head satisfies SignedTreeHead, null, 2)}\n`;
    if (out) {
      writeFileSync(out, json);
      process.stderr.write(`wrote the signed head of ${outcome.head.treeSize} events to ${out}\n`);
    } else {
      process.stdout.write(json);
    }
    return 0;
  } finally {
    await store.close();
  }
}
