// Timing for the benchmark: per-operation latencies (mean, p50, p99), throughput, and the heap retained after
// the run (with a forced GC before and after, so it shows leaks rather than garbage not yet collected).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
// A context created after the flag is set sees `gc`; `npm run bench` needs no node flags this way.
const gc = runInNewContext('gc') as () => void;

export interface Measurement {
  label: string;
  ops: number;
  meanUs: number;
  p50Us: number;
  p99Us: number;
  opsPerSec: number;
  heapDeltaKiB: number;
}

/**
 * Runs `op(i)` `ops` times after `warmup` untimed runs. Each timed sample covers `batch` operations, so an
 * operation far shorter than the timer's own cost (the hand-written functions) is still measured fairly; the
 * percentiles are then of batch means.
 */
export async function measure(label: string, op: (i: number) => unknown, opts: { ops: number; warmup: number; batch?: number }): Promise<Measurement> {
  const batch = opts.batch ?? 1;
  let sink: unknown;
  for (let i = 0; i < opts.warmup; i++) sink = await op(i);
  // Allocated before the heap is read, so the samples themselves do not count as retained memory.
  const samples = new Float64Array(Math.ceil(opts.ops / batch));
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = process.hrtime.bigint();
  for (let s = 0; s < samples.length; s++) {
    const t0 = process.hrtime.bigint();
    for (let k = s * batch; k < (s + 1) * batch; k++) {
      const r = op(k);
      sink = r instanceof Promise ? await r : r;
    }
    samples[s] = Number(process.hrtime.bigint() - t0) / 1000 / batch;
  }
  const totalUs = Number(process.hrtime.bigint() - started) / 1000;
  gc();
  const heapDelta = process.memoryUsage().heapUsed - heapBefore;
  if (sink === Symbol.for('never')) console.log(sink);
  samples.sort();
  const ops = samples.length * batch;
  return {
    label,
    ops,
    meanUs: totalUs / ops,
    p50Us: percentile(samples, 0.5),
    p99Us: percentile(samples, 0.99),
    opsPerSec: ops / (totalUs / 1e6),
    heapDeltaKiB: heapDelta / 1024,
  };
}

function percentile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export function formatMeasurements(rows: Measurement[]): string {
  const head = ['benchmark', 'ops', 'mean µs', 'p50 µs', 'p99 µs', 'ops/s', 'heap Δ KiB'];
  const body = rows.map((m) => [m.label, String(m.ops), fixed(m.meanUs), fixed(m.p50Us), fixed(m.p99Us), Math.round(m.opsPerSec).toLocaleString('en-US'), m.heapDeltaKiB.toFixed(0)]);
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((r) => r[c]!.length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(' | ')} |`;
  return [line(head), `| ${widths.map((w, c) => (c === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`, ...body.map(line)].join('\n');
}

function fixed(us: number): string {
  return us >= 100 ? us.toFixed(0) : us >= 1 ? us.toFixed(1) : us.toFixed(3);
}
