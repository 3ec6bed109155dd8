import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** What every benchmark prints last, as one JSON line. */
export interface BenchResult {
  readonly bench: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline: number;
  readonly ratio: number;
  /** The most resident memory the process held while measured, for benchmarks with a memory bound. */
  readonly peakRssMb?: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('The median of nothing is undefined.');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs `fn` once and returns how long it took, in seconds, with its result. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ seconds: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { seconds: (performance.now() - start) / 1000, result };
}

/** A positive integer from the environment, or the fallback when the variable is unset or empty. */
export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, not "${raw}".`);
  return value;
}

/** Gives `fn` a fresh temporary directory and removes it afterwards, whatever happens. */
export async function withTempDir<T>(prefix: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A running process's peak resident memory so far (VmHWM, Linux), in MB (MiB). */
export function peakResidentMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error(`No VmHWM in /proc/${pid}/status: the process has ended, or this is not Linux.`);
  return Number(match[1]) / 1024;
}

/**
 * Runs `fn` and returns the most resident memory the process held meanwhile, in MB. On Linux the
 * kernel's high-water mark (VmHWM) is reset first, so it is the peak of `fn` alone, however briefly
 * it lasted; elsewhere it is the process's peak so far.
 */
export async function peakRss<T>(fn: () => Promise<T>): Promise<{ peakRssMb: number; result: T }> {
  const linux = process.platform === 'linux';
  if (linux) writeFileSync('/proc/self/clear_refs', '5');
  const result = await fn();
  const mb = linux ? peakResidentMegabytes(process.pid) : process.resourceUsage().maxRSS / 1024;
  return { peakRssMb: Math.round(mb), result };
}

export const formatNumber = (value: number): string => Math.round(value).toLocaleString('en-GB');

export function printRound(bench: string, round: number, label: string, count: number, seconds: number): number {
  const perSecond = count / seconds;
  console.log(
    `  [${bench}] round ${round} ${label.padEnd(8)} ${formatNumber(count)} events in ${seconds.toFixed(2)} s = ${formatNumber(perSecond)} events/s`,
  );
  return perSecond;
}

/**
 * Prints the medians, the ratio and whether the target is met (when the figure has a target
 * ratio), then the single JSON line that ends every benchmark's output. A missed target is
 * reported, never turned into a failure.
 */
export function report(options: {
  bench: string;
  unit: string;
  valueLabel: string;
  value: number;
  baselineLabel: string;
  baseline: number;
  target?: number;
  peakRssMb?: number;
}): BenchResult {
  const { bench, unit, value, baseline, target, peakRssMb } = options;
  const ratio = Math.round((value / baseline) * 100) / 100;
  console.log(
    `${bench}: ${options.valueLabel} ${formatNumber(value)} ${unit} vs ${options.baselineLabel} ${formatNumber(baseline)} ${unit} (medians); ratio ${ratio.toFixed(2)}`,
  );
  if (target !== undefined) console.log(`target: ratio >= ${target} — ${ratio >= target ? 'met' : 'not met'}`);
  const result: BenchResult = {
    bench,
    value: Math.round(value),
    unit,
    baseline: Math.round(baseline),
    ratio,
    ...(peakRssMb === undefined ? {} : { peakRssMb }),
  };
  console.log(JSON.stringify(result));
  return result;
}

/** For a benchmark file run on its own: run it, and exit non-zero only if it crashed. */
export function runMain(bench: () => Promise<unknown>): void {
  bench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
