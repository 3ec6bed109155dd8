import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store';

describe('crash safety of the SQLite store', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crash-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged append, in order, when the writer is killed with SIGKILL', async () => {
    const file = join(dir, 'events.db');
    const acknowledged: string[] = [];
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', join(__dirname, 'append-child.ts'), file],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let buffered = '';
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      acknowledged.push(...lines);
      if (acknowledged.length >= 300) child.kill('SIGKILL');
    });
    expect(await exited).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);

    const raw = new Database(file);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();

    const store = new SqliteEventStore(file);
    const stored = (await store.readStream('crash-stream')).map((event) => event.id);
    await store.close();
    expect(stored.slice(0, acknowledged.length)).toEqual(acknowledged);
    expect(stored.length).toBeGreaterThanOrEqual(acknowledged.length);
  });
});
