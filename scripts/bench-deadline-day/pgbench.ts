// PostgreSQL's own ceiling on the same server: pgbench's TPC-B-like
// transactions (five statements: three updates, a select, an insert) on a
// throwaway database of scale 10, with as many clients as the step had clerks.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { dropDatabase, ensureDatabase } from "@/lib/db/admin";
import { withDatabaseName } from "@/lib/db/server";

const run = promisify(execFile);
const PGBENCH = process.env.PGBENCH ?? "/usr/bin/pgbench";

export class Pgbench {
  private readonly url: string;
  private readonly tps = new Map<number, number>();

  constructor(serverUrl: string) {
    this.url = withDatabaseName(serverUrl, `nianbao_bench_pgbench_${process.pid}`);
  }

  private connection() {
    const url = new URL(this.url);
    return ["-h", url.hostname, "-p", url.port || "5432", "-U", decodeURIComponent(url.username) || "postgres", url.pathname.slice(1)];
  }

  async initialise() {
    await ensureDatabase(this.url);
    await run(PGBENCH, ["-i", "-s", "10", "-q", ...this.connection()], { env: { ...process.env, PGPASSWORD: decodeURIComponent(new URL(this.url).password) } });
  }

  /** TPS (without the initial connection time) for this many clients, measured once per count. */
  async tpsFor(clients: number, seconds: number): Promise<number> {
    const known = this.tps.get(clients);
    if (known !== undefined) return known;
    const { stdout } = await run(
      PGBENCH,
      ["-c", String(clients), "-j", "2", "-T", String(seconds), "-M", "prepared", ...this.connection()],
      { env: { ...process.env, PGPASSWORD: decodeURIComponent(new URL(this.url).password) } },
    );
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1]);
    if (!Number.isFinite(tps)) throw new Error(`pgbench said: ${stdout.slice(-300)}`);
    this.tps.set(clients, tps);
    return tps;
  }

  async drop() {
    await dropDatabase(this.url).catch(() => undefined);
  }
}
