/**
 * Tiny benchmark harness: warm up, run for a fixed time, print ops/s and percentiles, and a
 * target line with the ratio (≥ 1 means the target is met).
 */
export interface BenchResult {
  readonly name: string;
  readonly ops: number;
  readonly seconds: number;
  readonly perSecond: number;
}

export function measure(name: string, fn: () => unknown, opts: { seconds?: number; warmup?: number } = {}): BenchResult {
  const warmupEnd = performance.now() + (opts.warmup ?? 0.3) * 1000;
  while (performance.now() < warmupEnd) fn();
  const end = performance.now() + (opts.seconds ?? 2) * 1000;
  const start = performance.now();
  let ops = 0;
  while (performance.now() < end) {
    fn();
    ops++;
  }
  const seconds = (performance.now() - start) / 1000;
  return { name, ops, seconds, perSecond: ops / seconds };
}

export async function measureAsync(name: string, fn: () => Promise<unknown>, opts: { seconds?: number } = {}): Promise<BenchResult> {
  const end = performance.now() + (opts.seconds ?? 2) * 1000;
  const start = performance.now();
  let ops = 0;
  while (performance.now() < end) {
    await fn();
    ops++;
  }
  const seconds = (performance.now() - start) / 1000;
  return { name, ops, seconds, perSecond: ops / seconds };
}

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2));

export function report(result: BenchResult, target?: { perSecond: number; label?: string }): void {
  let line = `  ${result.name}: ${fmt(result.perSecond)}/s (${result.ops} ops in ${result.seconds.toFixed(2)} s)`;
  if (target) {
    const ratio = result.perSecond / target.perSecond;
    line += ` — target ≥ ${fmt(target.perSecond)}/s${target.label ? ` (${target.label})` : ''}: ratio ${ratio.toFixed(2)} ${ratio >= 1 ? 'OK' : 'BELOW TARGET'}`;
  }
  process.stdout.write(`${line}\n`);
}

/** Prints a figure with a target: lowerIsBetter for latencies and durations. */
export function figure(name: string, value: number, unit: string, target?: { value: number; lowerIsBetter?: boolean }): void {
  let line = `  ${name}: ${fmt(value)} ${unit}`;
  if (target) {
    const ok = target.lowerIsBetter ? value <= target.value : value >= target.value;
    const ratio = target.lowerIsBetter ? target.value / value : value / target.value;
    line += ` — target ${target.lowerIsBetter ? '≤' : '≥'} ${fmt(target.value)} ${unit}: ratio ${ratio.toFixed(2)} ${ok ? 'OK' : 'BELOW TARGET'}`;
  }
  process.stdout.write(`${line}\n`);
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}
