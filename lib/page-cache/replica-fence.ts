// Why the page cache waits for the replica. A publication reaches this
// instance as a NOTIFY from the primary, sent when the publishing transaction
// commits; the cache drops the report's pages and the next reader's render
// fills it again. With DATABASE_REPLICA_URL that render reads the replica, and
// a replica that has not yet replayed the publication would hand it the old
// report: stored, the old page would be served until the next publication.
// The generation check in page-cache.ts does not see this (the render began
// after the invalidation). So before such a render the fence takes the
// primary's WAL position — heard after the commit, it is at or past the
// publication — and waits until the replica has replayed that far
// (pg_last_wal_replay_lsn). Taken once per cache generation: between
// publications a render costs nothing more.
// A replica that cannot be reached, or is still behind after maxWaitMs, is
// marked down (lib/db/replica-health.ts): reads, this render's included, go to
// the primary for a while, and the page is kept if the replica was still
// marked down when the render ended — every read of it was the primary's.
import pg from "pg";
import type { ReplicaHealth } from "@/lib/db/replica-health";

/** Awaited before a render the cache may keep; resolves to a check, made after the render, whether it may be kept. */
export type RenderFence = (generation: number) => Promise<() => boolean>;

export const NO_FENCE: RenderFence = async () => () => true;

export interface ReplicaFenceOptions {
  primaryUrl: string;
  replicaUrl: string;
  health: ReplicaHealth;
  /** How long a render waits for the replica before reads turn to the primary. */
  maxWaitMs?: number;
  pollMs?: number;
}

function smallPool(connectionString: string) {
  // One connection each, failing fast: the fence sits in front of a reader's request.
  const pool = new pg.Pool({ connectionString, max: 1, connectionTimeoutMillis: 2_000, query_timeout: 2_000 });
  pool.on("error", () => undefined);
  return pool;
}

export function createReplicaFence({ primaryUrl, replicaUrl, health, maxWaitMs = 2_000, pollMs = 20 }: ReplicaFenceOptions) {
  const primary = smallPool(primaryUrl);
  const replica = smallPool(replicaUrl);
  /** The generation the replica was last seen caught up in. */
  let caughtUpIn: number | null = null;
  /** Concurrent renders of one generation share one wait. */
  let pending: { generation: number; verdict: Promise<string | null> } | null = null;

  /** null: caught up; else why the replica will not do (it is then marked down). */
  async function waitForReplica(): Promise<string | null> {
    const { rows } = await primary.query<{ lsn: string }>("select pg_current_wal_insert_lsn()::text as lsn");
    const target = rows[0]!.lsn;
    const deadline = Date.now() + maxWaitMs;
    for (;;) {
      try {
        const { rows } = await replica.query<{ replayed: boolean | null; standby: boolean }>(
          "select pg_last_wal_replay_lsn() >= $1::pg_lsn as replayed, pg_is_in_recovery() as standby",
          [target],
        );
        // A replica promoted to primary has everything.
        if (rows[0]!.replayed || !rows[0]!.standby) return null;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
      if (Date.now() >= deadline) return `${maxWaitMs} 毫秒内未追上主库 ${target}`;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  const fence: RenderFence = async (generation) => {
    const downThroughout = () => health.isDown();
    if (health.isDown()) return downThroughout;
    if (caughtUpIn === generation) return () => true;
    if (pending?.generation !== generation) {
      const verdict = waitForReplica();
      const entry = { generation, verdict };
      pending = entry;
      verdict
        .then((problem) => {
          if (problem === null) caughtUpIn = generation;
        })
        .catch(() => undefined)
        .finally(() => {
          if (pending === entry) pending = null;
        });
    }
    let problem: string | null;
    try {
      problem = await pending.verdict;
    } catch {
      return () => false; // The primary is down: server.ts's outage handling answers readers.
    }
    if (problem === null) return () => true;
    health.markDown(problem);
    return downThroughout;
  };

  return {
    fence,
    async stop() {
      await Promise.all([primary.end(), replica.end()]);
    },
  };
}
