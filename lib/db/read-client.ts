// The client public reads use: the primary's client, with reads sent to a
// streaming replica (DATABASE_REPLICA_URL). Routing is Prisma's maintained
// read-replicas extension; this module adds the two things it leaves out:
//  - raw SQL. The extension keeps $queryRaw on the primary because it cannot
//    know a raw query only reads; a client handed out for reads can, and the
//    heaviest public reads (region counts, boards, roll-ups) are raw SQL.
//  - a replica that is down: its read is answered by the primary, and the
//    replica is skipped for a while (replica-health.ts).
// Writes and transactions stay on the primary (the extension's rule), and a
// write sent to the replica by mistake fails there: a standby is read-only.
import { readReplicas } from "@prisma/extension-read-replicas";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isReplicaUnavailable, type ReplicaHealth } from "./replica-health";

const RAW_READS = new Set(["$queryRaw", "$queryRawUnsafe"]);

type Operation = { model?: string; operation: string; args: unknown; query: (args: unknown) => Promise<unknown> };
/** Set by Prisma inside $transaction; the read-replicas extension reads the same field. */
type InternalParams = { __internalParams?: { transaction?: unknown } };

/**
 * The same operation, on another client: a model's accessor (organization for
 * Organization) or a raw method, which gets $queryRaw's Sql object as it is and
 * $queryRawUnsafe's [text, ...values] spread back out.
 */
function runOn(client: PrismaClient, model: string | undefined, operation: string, args: unknown): Promise<unknown> {
  const target = (model ? client[(model[0]!.toLowerCase() + model.slice(1)) as keyof PrismaClient] : client) as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  return operation === "$queryRawUnsafe" && Array.isArray(args) ? target[operation]!(...args) : target[operation]!(args);
}

/** The replica's client, which hands a read to the primary while the replica cannot be reached. */
function replicaWithFallback(replica: PrismaClient, primary: PrismaClient, health: ReplicaHealth) {
  return replica.$extends({
    query: {
      async $allOperations({ model, operation, args, query }: Operation) {
        if (health.isDown()) return runOn(primary, model, operation, args);
        try {
          const result = await query(args);
          health.markUp();
          return result;
        } catch (error) {
          if (!isReplicaUnavailable(error)) throw error;
          health.markDown(error instanceof Error ? error.message.split("\n").at(-1)! : String(error));
          return runOn(primary, model, operation, args);
        }
      },
    },
  }) as unknown as PrismaClient;
}

/**
 * A client for read-only call sites: the primary itself without a replica URL,
 * else the primary with its reads routed to the replica. Typed as a plain
 * PrismaClient: the extensions route queries, they add nothing a caller uses.
 */
export function createReadClient(primary: PrismaClient, replica: PrismaClient | null, health: ReplicaHealth): PrismaClient {
  if (!replica) return primary;
  const reader = replicaWithFallback(replica, primary, health);
  return primary
    .$extends({
      query: {
        // Runs before the read-replicas extension (applied last, as it asks):
        // raw reads outside a transaction go to the replica too.
        async $allOperations({ model, operation, args, query, ...rest }: Operation & InternalParams) {
          if (model || !RAW_READS.has(operation) || rest.__internalParams?.transaction) return query(args);
          return runOn(reader, undefined, operation, args);
        },
      },
    })
    .$extends(readReplicas({ replicas: [reader] })) as unknown as PrismaClient;
}
