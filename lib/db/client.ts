// The application's Prisma client. One per process; the URL comes from the
// environment (set by scripts/with-database.ts when the embedded server is used).
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { createPrismaClient } from "./create-client";

export { createPrismaClient };

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** Lazily created so that importing a module never needs a database. */
export function db(): PrismaClient {
  globalForPrisma.prisma ??= createPrismaClient(env().DATABASE_URL);
  return globalForPrisma.prisma;
}
