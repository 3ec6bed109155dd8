import { DomainError } from '@app/domain';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const DEMO_MARKER = '.demo-store';

/** DATA_DIR as for the api when it is set; ./data/demo otherwise, so a bare `npm run demo` never touches ./data. */
export function demoDataDir(env: NodeJS.ProcessEnv): string {
  return env.DATA_DIR ? resolve(env.DATA_DIR) : resolve('data', 'demo');
}

/**
 * Empties `dataDir` for a fresh demo, so it always shows the same example. It only ever replaces a
 * directory an earlier demo made (marked by DEMO_MARKER), never a real store.
 */
export function prepareDemoStore(dataDir: string): void {
  const marker = join(dataDir, DEMO_MARKER);
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0 && !existsSync(marker)) {
    throw new DomainError('CONFLICT', `${dataDir} holds data the demo did not create; move it away to run the demo.`);
  }
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(marker, 'Made by `npm run demo`, which replaces this directory each time it starts.\n');
}
