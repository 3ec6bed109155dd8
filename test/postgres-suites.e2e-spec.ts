import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SUITE = 'libs/event-store/src/postgres/postgres-event-store.spec.ts';

interface JestSummary {
  numFailedTests: number;
  numPassedTests: number;
  numPendingTests: number;
  success: boolean;
}

/** Runs the PostgreSQL store's suite in a jest of its own, with DATABASE_URL as given. */
function runSuite(databaseUrl: string): JestSummary & { output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'postgres-suites-'));
  try {
    const outputFile = join(dir, 'summary.json');
    const run = spawnSync(
      process.execPath,
      [require.resolve('jest/bin/jest'), SUITE, '--maxWorkers=1', '--json', `--outputFile=${outputFile}`],
      { cwd: join(__dirname, '..'), env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8' },
    );
    const summary = JSON.parse(readFileSync(outputFile, 'utf8')) as JestSummary;
    return { ...summary, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the PostgreSQL suites', () => {
  it('fail, rather than skip, when DATABASE_URL names a server that cannot be reached', () => {
    const run = runSuite('postgres://postgres@127.0.0.1:1/test');
    expect(run.success).toBe(false);
    expect(run.numFailedTests).toBeGreaterThan(0);
    expect(run.numPendingTests).toBe(0);
    expect(run.output).toMatch(/ECONNREFUSED/);
    expect(run.output).not.toMatch(/skipped: no PostgreSQL/);
  });

  it('say they were skipped, and pass, when DATABASE_URL is not set', () => {
    const run = runSuite('');
    expect(run.success).toBe(true);
    expect(run.numPendingTests).toBe(1);
    expect(run.output).toMatch(/skipped: no PostgreSQL configured/);
  });
});
