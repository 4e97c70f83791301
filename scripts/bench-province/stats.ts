// Timing many runs of one thing, and the table the bench prints: p50, p95
// and max of each row beside its target. Each row has a time budget, so a
// page far slower than its target cannot hold the whole bench up: it stops
// after its budget (with at least a few runs) and says how many it made.
import { performance } from "node:perf_hooks";
import type { TimedOperation } from "./dataset";

export interface TimedRow {
  label: string;
  level: string;
  samples: number[];
  /** The target for p95, in ms; none for rows measured for information. */
  target?: number;
  note?: string;
}

const MIN_RUNS = 5;

/** Warms up, then times `runs` calls (fewer when the budget runs out); `i` lets each run vary its subject. */
export async function timeRuns(runs: number, warmup: number, budgetMs: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await run(i);
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await run(warmup + i);
    samples.push(performance.now() - t);
    if (samples.length >= MIN_RUNS && performance.now() - started > budgetMs) break;
  }
  return samples;
}

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const ms = (value: number) => `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;

export function printRows(title: string, rows: readonly TimedRow[], log: (line: string) => void = console.log): void {
  log(`\n${title}\n`);
  log("| | level | runs | p50 | p95 | max | target (p95) |");
  log("|---|---|---|---|---|---|---|");
  for (const row of rows) {
    const p95 = percentile(row.samples, 95);
    const verdict = row.target === undefined ? "—" : `≤ ${row.target} ms ${p95 <= row.target ? "✓" : "✗"}`;
    log(
      `| ${row.label}${row.note ? ` (${row.note})` : ""} | ${row.level} | ${row.samples.length} | ${ms(percentile(row.samples, 50))} | ${ms(p95)} | ${ms(Math.max(...row.samples))} | ${verdict} |`,
    );
  }
}

/** Targets of the set operations, by the name set-operations.ts gives them. */
const OPERATION_TARGETS: Record<string, number> = { "deadline-reminder run": 10_000 };

export function printOperations(title: string, operations: readonly TimedOperation[], log: (line: string) => void = console.log): void {
  log(`\n${title}\n`);
  log("| operation | time | SQL statements | size | target |");
  log("|---|---|---|---|---|");
  for (const op of operations) {
    const target = OPERATION_TARGETS[op.name];
    const verdict = target === undefined ? "—" : `≤ ${target / 1000} s ${op.ms <= target ? "✓" : "✗"}`;
    log(`| ${op.name} | ${(op.ms / 1000).toFixed(2)} s | ${op.queries ?? "—"} | ${op.size ?? ""} | ${verdict} |`);
  }
}
