// The application's Prisma client. One per process; the URL comes from the
// environment (set by scripts/with-database.ts when the embedded server is used).
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { databaseTimeouts } from "./timeouts";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function createPrismaClient(url: string): PrismaClient {
  const adapter = new PrismaPg(
    // Fail a request within seconds when the server is down, paused or locked, rather than hang.
    { connectionString: url, max: 10, ...databaseTimeouts() },
    // A dropped idle connection is logged and replaced, never fatal to the process.
    { onPoolError: (error) => console.warn(`[db] idle connection lost: ${error.message}`) },
  );
  return new PrismaClient({ adapter });
}

/** Lazily created so that importing a module never needs a database. */
export function db(): PrismaClient {
  globalForPrisma.prisma ??= createPrismaClient(env().DATABASE_URL);
  return globalForPrisma.prisma;
}
