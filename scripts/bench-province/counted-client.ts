// A Prisma client that counts the SQL statements it sends — BEGIN, COMMIT and
// the advisory locks included — by counting at the pg driver, below Prisma:
// what a set operation costs the database is how many round trips it makes,
// and that number must not grow with the number of units. Used by the set
// operations' bench and by the tests that hold them to it.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseTimeouts } from "@/lib/db/timeouts";

export interface CountedClient {
  prisma: PrismaClient;
  /** Statements sent since the client was made or last reset. */
  statements(): number;
  /** Starts counting again from zero; returns the count so far. */
  reset(): number;
  /** What `run` sent: its result and its statement count (nothing else may use the client meanwhile). */
  count<T>(run: (prisma: PrismaClient) => Promise<T>): Promise<{ result: T; statements: number }>;
}

export function createCountedClient(url: string): CountedClient {
  let statements = 0;
  class CountingClient extends pg.Client {
    // pg's overloads cannot be restated one by one here; every one of them passes through.
    override query(...args: unknown[]): never {
      statements += 1;
      return (super.query as (...a: unknown[]) => never)(...args);
    }
  }
  const pool = new pg.Pool({ connectionString: url, max: 10, ...databaseTimeouts(), Client: CountingClient });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  const reset = () => {
    const before = statements;
    statements = 0;
    return before;
  };
  return {
    prisma,
    statements: () => statements,
    reset,
    async count(run) {
      reset();
      const result = await run(prisma);
      return { result, statements: reset() };
    },
  };
}
