// How long a database request may take before it fails. A stopped server is
// noticed by the connection timeout; a paused or overloaded one, or a lock
// held by someone else, by these — so a request fails in seconds with a
// message instead of hanging (quality bar: "PostgreSQL restarted in the middle
// of saves"). statement_timeout and lock_timeout are enforced by the server;
// query_timeout by the client, for a server that does not answer at all.
import { databaseEnv } from "@/lib/env";

export interface DatabaseTimeouts {
  connectionTimeoutMillis: number;
  statement_timeout: number;
  lock_timeout: number;
  idle_in_transaction_session_timeout: number;
  query_timeout: number;
}

export function databaseTimeouts(): DatabaseTimeouts {
  const env = databaseEnv();
  const statement = env.DB_STATEMENT_TIMEOUT_MS;
  return {
    connectionTimeoutMillis: env.DB_CONNECT_TIMEOUT_MS,
    statement_timeout: statement,
    lock_timeout: env.DB_LOCK_TIMEOUT_MS,
    idle_in_transaction_session_timeout: env.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    // A little longer than the server's own limit, so the server's clearer error wins when it can answer.
    query_timeout: statement + 2_000,
  };
}
