// Whether the streaming replica is worth asking. A read that finds it
// unreachable is answered by the primary at once and marks it down for a few
// seconds; meanwhile reads go straight to the primary (no reader waits on a
// connection attempt to a stopped server), then one read tries it again.
// A replica that answers but lags is still used: public pages may be a moment
// behind (the page cache makes sure that what it keeps is not — see
// lib/page-cache/replica-fence.ts).

/** How long reads skip a replica that could not be reached. */
export const REPLICA_RETRY_MS = 5_000;

// Prisma's codes for a server it cannot reach or that dropped the connection,
// the driver adapter's kinds for the same, and PostgreSQL's own: class 08
// (connection exception), 57P01–57P03 (shut down, crashed, still starting —
// a standby refuses connections until it is consistent).
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout expired|connection timeout|Query read timeout|ECONNREFUSED|ECONNRESET/i;

/** The replica did not answer (as opposed to answering with an error of the query's own). */
export function isReplicaUnavailable(error: unknown): boolean {
  const { code, message, meta } = (error ?? {}) as { code?: string; message?: string; meta?: { driverAdapterError?: { cause?: { kind?: string; originalCode?: string } } } };
  const cause = meta?.driverAdapterError?.cause;
  const postgresCode = cause?.originalCode ?? (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined);
  return (
    (code !== undefined && UNAVAILABLE_CODES.has(code)) ||
    (cause?.kind !== undefined && UNAVAILABLE_KINDS.has(cause.kind)) ||
    (postgresCode !== undefined && (postgresCode.startsWith("08") || /^57P0[123]$/.test(postgresCode))) ||
    UNAVAILABLE_MESSAGES.test(message ?? "")
  );
}

export class ReplicaHealth {
  private downUntil = 0;
  private readonly retryMs: number;
  private readonly log: (line: string) => void;
  private readonly now: () => number;

  constructor(options: { retryMs?: number; log?: (line: string) => void; now?: () => number } = {}) {
    this.retryMs = options.retryMs ?? REPLICA_RETRY_MS;
    this.log = options.log ?? ((line) => console.warn(line));
    this.now = options.now ?? Date.now;
  }

  isDown(): boolean {
    return this.now() < this.downUntil;
  }

  markDown(reason: string) {
    // Said once per outage, not once per retry.
    if (this.downUntil === 0) this.log(`[db] 只读副本暂不可用（${reason}），公开读取改由主库承担`);
    this.downUntil = this.now() + this.retryMs;
  }

  /** A read on the replica succeeded. */
  markUp() {
    if (this.downUntil !== 0) this.log("[db] 只读副本已恢复，公开读取重新由副本承担");
    this.downUntil = 0;
  }
}

const SHARED = Symbol.for("nianbao.replica-health");

/**
 * The process's one health state. Kept on globalThis: server.ts (the page
 * cache's fence) and the Next.js bundle (readDb) load this module as two
 * copies, and both must see the same state.
 */
export function replicaHealth(): ReplicaHealth {
  const shared = globalThis as unknown as { [SHARED]?: ReplicaHealth };
  shared[SHARED] ??= new ReplicaHealth();
  return shared[SHARED];
}
