// The application's Prisma clients. One per process; the URLs come from the
// environment (set by scripts/with-database.ts when the embedded server is used).
//   db()      the primary: every write, and every read that must see a write
//             just made (the editor, the review page, the steps, sessions, audit).
//   readDb()  public reads (pages, open data, search, boards, roll-ups, exports):
//             a streaming replica when DATABASE_REPLICA_URL is set, which may be
//             a moment behind the primary; the primary itself otherwise.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { createPrismaClient } from "./create-client";
import { createReadClient } from "./read-client";
import { replicaHealth } from "./replica-health";

export { createPrismaClient };

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; readPrisma?: PrismaClient };

/** Lazily created so that importing a module never needs a database. */
export function db(): PrismaClient {
  globalForPrisma.prisma ??= createPrismaClient(env().DATABASE_URL);
  return globalForPrisma.prisma;
}

// A replica host that has gone away without a word is given up on sooner than
// the primary would be: its reader is then answered by the primary.
const REPLICA_CONNECT_TIMEOUT_MS = 2_000;

/** For reads that may be a moment behind the latest write: see above. */
export function readDb(): PrismaClient {
  globalForPrisma.readPrisma ??= createReadDb();
  return globalForPrisma.readPrisma;
}

function createReadDb(): PrismaClient {
  const replicaUrl = env().DATABASE_REPLICA_URL;
  const replica = replicaUrl ? createPrismaClient(replicaUrl, { connectionTimeoutMillis: REPLICA_CONNECT_TIMEOUT_MS }) : null;
  return createReadClient(db(), replica, replicaHealth());
}
