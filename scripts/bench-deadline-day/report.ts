// The figures of bench:deadline-day: a line per step, then the targets.
import type { StepRecord } from "./traffic";

export interface StepResult {
  instances: number;
  clerks: number;
  seconds: number;
  record: StepRecord;
  problems: string[];
  /** The cached report's and a board's p99 with nothing else running. */
  reportAlone: number;
  boardAlone: number;
  /** The busiest instance's CPU over the step, as a share of one core. */
  appCpu: number;
  /** PostgreSQL's backends of the bench database, and the load generator, over the step (share of one core). */
  dbCpu: number;
  clientCpu: number;
}

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const SAVE_P99_TARGET_MS = 500;
const ms = (value: number) => (Number.isNaN(value) ? "—" : `${value.toFixed(0)} ms`);
export const savesPerSecond = (result: StepResult) => result.record.acks.length / result.seconds;

/** Save p99 ≤ 500 ms, the cached report's p99 ≤ 2× alone, and nothing wrong. */
export function withinTargets(result: StepResult): boolean {
  const { record } = result;
  return (
    percentile(record.saveMs, 99) <= SAVE_P99_TARGET_MS &&
    percentile(record.reportMs, 99) <= 2 * result.reportAlone &&
    record.errors.length === 0 &&
    result.problems.length === 0
  );
}

export function formatStep(result: StepResult): string {
  const { record } = result;
  const line =
    `${result.instances} inst ${String(result.clerks).padStart(4)} clerks  ` +
    `${savesPerSecond(result).toFixed(1).padStart(6)} saves/s  ` +
    `save p50 ${ms(percentile(record.saveMs, 50)).padStart(7)} p99 ${ms(percentile(record.saveMs, 99)).padStart(7)}  ` +
    `publish p99 ${ms(percentile(record.publishMs, 99)).padStart(7)} (${record.publications})  ` +
    `report p99 ${percentile(record.reportMs, 99).toFixed(1).padStart(6)} ms (${(percentile(record.reportMs, 99) / result.reportAlone).toFixed(1)}×)  ` +
    `region p99 ${ms(percentile(record.regionMs, 99)).padStart(7)}  board p99 ${ms(percentile(record.boardMs, 99)).padStart(7)}  ` +
    `CPU app ${(100 * result.appCpu).toFixed(0)} % db ${(100 * result.dbCpu).toFixed(0)} % bench ${(100 * result.clientCpu).toFixed(0)} %  conflicts ${record.conflicts.length}  errors ${record.errors.length + result.problems.length}` +
    (withinTargets(result) ? "" : "  ✗");
  const wrong = [...record.errors, ...result.problems];
  return wrong.length === 0 ? line : `${line}\n    ${wrong.slice(0, 5).join("\n    ")}`;
}

export function printSummary(results: readonly StepResult[], tpsFor: (clerks: number) => number | undefined, maxPgbenchClients: number) {
  console.log(`\nsaves/s against PostgreSQL's own ceiling (pgbench, TPC-B-like, -M prepared, as many clients as clerks, at most ${maxPgbenchClients}):`);
  for (const result of results) {
    const tps = tpsFor(result.clerks);
    const ratio = tps ? `${((100 * savesPerSecond(result)) / tps).toFixed(1)} % of ${tps.toFixed(0)} TPS` : "—";
    console.log(`  ${result.instances} inst ${String(result.clerks).padStart(4)} clerks  ${savesPerSecond(result).toFixed(1).padStart(6)} saves/s  ${ratio}${withinTargets(result) ? "" : "  (beyond the targets)"}`);
  }
  const best = (instances: number) =>
    results.filter((r) => r.instances === instances && withinTargets(r)).sort((a, b) => savesPerSecond(b) - savesPerSecond(a))[0];
  const one = best(1);
  const two = best(2);
  console.log("\ntargets (the best step with save p99 ≤ 500 ms, cached report p99 ≤ 2× alone, no error):");
  if (one) {
    const tps = tpsFor(one.clerks);
    const ratio = tps ? (100 * savesPerSecond(one)) / tps : Number.NaN;
    console.log(`  one instance: ${savesPerSecond(one).toFixed(1)} saves/s at ${one.clerks} clerks = ${ratio.toFixed(1)} % of pgbench (target ≥ 5 %)${ratio >= 5 ? "" : "  NOT MET"}`);
  } else console.log("  one instance: no step within the targets");
  if (two) {
    const gain = one ? savesPerSecond(two) / savesPerSecond(one) - 1 : Number.NaN;
    console.log(`  two instances: ${savesPerSecond(two).toFixed(1)} saves/s at ${two.clerks} clerks = +${(100 * gain).toFixed(0)} % over one (target ≥ +50 %)${gain >= 0.5 ? "" : "  NOT MET"}`);
  } else if (results.some((r) => r.instances === 2)) console.log("  two instances: no step within the targets");
}
