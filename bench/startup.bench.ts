import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  BenchResult,
  envInt,
  formatNumber,
  median,
  peakResidentMegabytes,
  report,
  runMain,
  timed,
  withTempDir,
} from './measure';
import { seed } from './rebuild.bench';

/**
 * The api's start-up over a large store, in time and peak resident memory: `node main.js` (which
 * runs `createApp`) on a DATA_DIR holding the events, until `/health` answers 200 with the read
 * models caught up (lag 0). Cold: no read database, so every projection rebuilds from the whole
 * log. Warm: the read database the cold start left, caught up. The baseline, measured in the same
 * run: a process that reads the same rows and parses their JSON (bench/raw-read.ts). Each process
 * is a child of this one, so its peak memory (VmHWM) is its own.
 */

const DEFAULT_EVENTS = 1_000_000;
const DEFAULT_ROUNDS = 1;
const MEMORY_TARGET_MB = 400;
/** How often /health is asked while the api starts: often enough for the figure, rarely enough not to slow it. */
const POLL_MS = 200;

const API_MAIN = join(__dirname, '..', 'apps', 'api', 'src', 'main.js');
const PACKAGE_JSON = join(__dirname, '..', '..', 'package.json');
const RAW_READ = join(__dirname, 'raw-read.js');

interface Measured {
  readonly seconds: number;
  readonly peakMegabytes: number;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** Keeps the tail of what a child writes, to say why it stopped. */
function collectOutput(child: ChildProcess): () => string {
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => output;
}

/** The raw read in a child process: from spawn to exit, and its peak memory as it reports it. */
async function rawReadChild(eventsFile: string): Promise<Measured & { events: number }> {
  const start = performance.now();
  const child = spawn(process.execPath, [RAW_READ, eventsFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output = collectOutput(child);
  const [code] = (await once(child, 'exit')) as [number | null];
  const seconds = (performance.now() - start) / 1000;
  if (code !== 0) throw new Error(`The raw read stopped with code ${code}: ${output()}`);
  const { events, peakMegabytes } = JSON.parse(output().trim().split('\n').pop() as string) as {
    events: number;
    peakMegabytes: number;
  };
  return { seconds, peakMegabytes, events };
}

interface Health {
  readonly status: string;
  readonly projections: { readonly position: number; readonly lag: number };
}

/**
 * The node options `npm start` runs the api with (its heap limit), so the bench measures the api
 * as it is run. The Dockerfile sets the same in NODE_OPTIONS.
 */
function startOptions(): string[] {
  const { scripts } = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { scripts: { start: string } };
  const match = /\bnode ((?:--\S+ )*)dist\/apps\/api\/src\/main\.js/.exec(scripts.start);
  if (!match) throw new Error(`The start script "${scripts.start}" does not run dist/apps/api/src/main.js with node.`);
  return match[1].split(' ').filter((option) => option !== '');
}

/** The api in a child process: from spawn until /health says it serves with the read models caught up. */
async function startApi(dataDir: string, expectedEvents: number): Promise<Measured> {
  const port = await freePort();
  const start = performance.now();
  const child = spawn(process.execPath, [...startOptions(), API_MAIN], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectOutput(child);
  let exited = false;
  child.once('exit', () => (exited = true));
  try {
    for (;;) {
      if (exited) throw new Error(`The api stopped before it was ready: ${output()}`);
      const health = await fetch(`http://127.0.0.1:${port}/health`)
        .then(async (response) => (response.ok ? ((await response.json()) as Health) : null))
        .catch(() => null);
      if (health && health.projections.lag === 0) {
        const seconds = (performance.now() - start) / 1000;
        if (health.projections.position < expectedEvents) {
          throw new Error(`The api serves from position ${health.projections.position}, not ${expectedEvents}.`);
        }
        return { seconds, peakMegabytes: peakResidentMegabytes(child.pid as number) };
      }
      await sleep(POLL_MS);
    }
  } finally {
    if (!exited) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }
}

/**
 * Seeds `count` events into `eventsFile`. With BENCH_STARTUP_SEED_DIR set, the seeded log is kept
 * there as `events-<count>.db` and copied from it on later runs (seeding 1,000,000 events takes
 * minutes; the copy seconds). A copy, not the kept file itself, because each cold start may sign
 * a tree head and so append to the log.
 */
async function seedOrCopy(eventsFile: string, count: number): Promise<string> {
  const seedDir = process.env.BENCH_STARTUP_SEED_DIR;
  if (!seedDir) {
    const seeded = await timed(() => seed(eventsFile, count));
    return `seeded in ${seeded.seconds.toFixed(1)} s, not timed`;
  }
  const kept = join(seedDir, `events-${count}.db`);
  if (!existsSync(kept)) {
    mkdirSync(seedDir, { recursive: true });
    const partial = `${kept}.partial`;
    rmSync(partial, { force: true });
    await seed(partial, count);
    renameSync(partial, kept);
  }
  const copied = await timed(() => copyFileSync(kept, eventsFile));
  return `copied from ${kept} in ${copied.seconds.toFixed(1)} s, not timed`;
}

function removeReadDatabase(dataDir: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, `read.db${suffix}`), { force: true });
}

const printRound = (round: number, label: string, { seconds, peakMegabytes }: Measured) =>
  console.log(
    `  [startup] round ${round} ${label.padEnd(5)} ${seconds.toFixed(2)} s, peak resident memory ${formatNumber(peakMegabytes)} MB`,
  );

export async function startupBench(): Promise<BenchResult[]> {
  const count = envInt('BENCH_STARTUP_EVENTS', DEFAULT_EVENTS);
  const rounds = envInt('BENCH_STARTUP_ROUNDS', DEFAULT_ROUNDS);
  return withTempDir('bench-startup', async (dir) => {
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir);
    const eventsFile = join(dataDir, 'events.db');
    const seeding = await seedOrCopy(eventsFile, count);
    console.log(
      `startup: the api (node ${startOptions().join(' ')}) over ${formatNumber(count)} events, ${rounds} round(s) ` +
        `of raw read, cold and warm start (${seeding})`,
    );
    const raw: Measured[] = [];
    const cold: Measured[] = [];
    const warm: Measured[] = [];
    for (let round = 1; round <= rounds; round += 1) {
      const read = await rawReadChild(eventsFile);
      // Each cold start may sign a tree head, so the log grows by one event a round.
      if (read.events < count) throw new Error(`The raw read saw ${read.events} events, expected ${count}.`);
      printRound(round, 'raw', read);
      raw.push(read);
      removeReadDatabase(dataDir);
      const coldStart = await startApi(dataDir, count);
      printRound(round, 'cold', coldStart);
      cold.push(coldStart);
      const warmStart = await startApi(dataDir, count);
      printRound(round, 'warm', warmStart);
      warm.push(warmStart);
    }
    const baseline = {
      seconds: median(raw.map((m) => m.seconds)),
      peakMegabytes: median(raw.map((m) => m.peakMegabytes)),
    };
    const results: BenchResult[] = [];
    for (const [kind, measured] of [
      ['cold', cold],
      ['warm', warm],
    ] as const) {
      results.push(
        report({
          bench: `startup-${kind}`,
          unit: 'ms',
          valueLabel: `${kind} start until ready`,
          value: median(measured.map((m) => m.seconds)) * 1000,
          baselineLabel: 'raw read + JSON.parse',
          baseline: baseline.seconds * 1000,
        }),
      );
      const peak = median(measured.map((m) => m.peakMegabytes));
      console.log(
        `target: peak resident memory < ${MEMORY_TARGET_MB} MB — ${peak < MEMORY_TARGET_MB ? 'met' : 'not met'}`,
      );
      results.push(
        report({
          bench: `startup-${kind}-memory`,
          unit: 'MB',
          valueLabel: `${kind} start peak resident memory`,
          value: peak,
          baselineLabel: 'raw read',
          baseline: baseline.peakMegabytes,
        }),
      );
    }
    return results;
  });
}

if (require.main === module) runMain(startupBench);
