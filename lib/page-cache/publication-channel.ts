// How app instances learn that a report was published: through PostgreSQL
// itself. stampPublication logs the publication and sends NOTIFY inside the
// publishing transaction, so every listening instance hears it when — and
// only if — the publication commits. Each carries the log's number: an
// instance that was not listening asks the log what it missed.
// No broker, no shared cache server.
import type { Prisma } from "@/lib/generated/prisma/client";

export const PUBLICATION_CHANNEL = "nianbao_publication";

export type PublicationEvent = { organization: string; year: number; seq?: number };

export async function notifyPublication(tx: Prisma.TransactionClient, event: PublicationEvent) {
  const [logged] = await tx.$queryRaw<{ seq: bigint }[]>`
    insert into publication_log (organization_slug, year) values (${event.organization}, ${event.year}) returning seq`;
  const payload = { organization: event.organization, year: event.year, seq: Number(logged!.seq) };
  await tx.$executeRaw`select pg_notify(${PUBLICATION_CHANNEL}, ${JSON.stringify(payload)})`;
}

/** A payload from the channel, or null when it is not one of ours. */
export function parsePublicationEvent(payload: string | undefined): PublicationEvent | null {
  try {
    const value: unknown = JSON.parse(payload ?? "");
    if (typeof value !== "object" || value === null) return null;
    const { organization, year, seq } = value as Record<string, unknown>;
    if (typeof organization !== "string" || typeof year !== "number") return null;
    return typeof seq === "number" ? { organization, year, seq } : { organization, year };
  } catch {
    return null;
  }
}
