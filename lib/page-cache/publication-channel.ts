// How app instances learn that a report was published: through PostgreSQL
// itself. stampPublication sends NOTIFY inside the publishing transaction, so
// every listening instance hears it when — and only if — the publication
// commits. No broker, no shared cache server.
import type { Prisma } from "@/lib/generated/prisma/client";

export const PUBLICATION_CHANNEL = "nianbao_publication";

export type PublicationEvent = { organization: string; year: number };

export async function notifyPublication(tx: Prisma.TransactionClient, event: PublicationEvent) {
  await tx.$executeRaw`select pg_notify(${PUBLICATION_CHANNEL}, ${JSON.stringify(event)})`;
}

/** A payload from the channel, or null when it is not one of ours. */
export function parsePublicationEvent(payload: string | undefined): PublicationEvent | null {
  try {
    const value: unknown = JSON.parse(payload ?? "");
    if (typeof value !== "object" || value === null) return null;
    const { organization, year } = value as Record<string, unknown>;
    return typeof organization === "string" && typeof year === "number" ? { organization, year } : null;
  } catch {
    return null;
  }
}
