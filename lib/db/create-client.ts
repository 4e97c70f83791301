// Making a Prisma client for a URL. Apart from client.ts (which is
// server-only, for the app's modules) so that server.ts — which runs outside
// Next.js's server conditions — can make the notification worker's client.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseTimeouts, type DatabaseTimeouts } from "./timeouts";

/** `timeouts`: where one server deserves shorter limits than the rest (a replica the primary can stand in for). */
export function createPrismaClient(url: string, timeouts: Partial<DatabaseTimeouts> = {}): PrismaClient {
  const adapter = new PrismaPg(
    // Fail a request within seconds when the server is down, paused or locked, rather than hang.
    { connectionString: url, max: 10, ...databaseTimeouts(), ...timeouts },
    // A dropped idle connection is logged and replaced, never fatal to the process.
    { onPoolError: (error) => console.warn(`[db] idle connection lost: ${error.message}`) },
  );
  return new PrismaClient({ adapter });
}
