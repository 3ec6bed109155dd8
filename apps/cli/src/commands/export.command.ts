import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { AppConfig } from '@app/platform';
import { createEventStore } from '../../../api/src/infrastructure/create-event-store';

/** The whole history as JSON Lines (A6), one event per line in global order. */
export async function exportHistory(config: AppConfig, file: string | null): Promise<void> {
  const store = createEventStore(config);
  const out: Writable = file ? createWriteStream(file) : process.stdout;
  let written = 0;
  try {
    for (let from: number | null = null; ;) {
      const page = await store.readAll({ from, limit: 1000 });
      if (page.length === 0) break;
      for (const event of page) {
        if (!out.write(`${JSON.stringify(event)}\n`)) await once(out, 'drain');
      }
      written += page.length;
      from = page[page.length - 1].position;
      process.stderr.write(`\rexported ${written} events`);
    }
    process.stderr.write(`\rexported ${written} events\n`);
  } finally {
    if (file) {
      out.end();
      await once(out, 'finish');
    }
    await store.close();
  }
}
