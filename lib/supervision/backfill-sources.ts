// What 补录's two steps (backfill.ts: matching; backfill-files.ts: publishing)
// both read: the upload, off the request thread and within bounds, and the
// units a government may back-fill — itself and the units directly under it.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { readReportFilesOffThread } from "@/lib/import/read-report-off-thread";

export interface BackfillFile {
  name: string;
  bytes: Uint8Array;
}

export interface BackfillUnit {
  id: string;
  name: string;
  shortName: string;
}

type ReadOptions = { year: number | null; only: string | null } | { entries: readonly { name: string; year: number }[] };

/** The upload read off the request thread, within bounds: itself, or each report in a zip (only `only`, or only the `entries` each as its year). */
export function readBackfillUpload(file: BackfillFile, options: ReadOptions) {
  const pick = "entries" in options ? { year: null, only: null, entries: options.entries } : options;
  return readReportFilesOffThread({ name: file.name, bytes: file.bytes, expandZip: true, ...pick });
}

/**
 * A government's own units — itself and the units directly under it — which
 * its board lists: titles are matched among them (names repeat across a
 * province; 区财政局 is twenty units), deeper units on their own board.
 */
export async function ownUnits(prisma: PrismaClient, governmentId: string): Promise<BackfillUnit[]> {
  return prisma.organization.findMany({
    where: { OR: [{ id: governmentId }, { parentId: governmentId }] },
    select: { id: true, name: true, shortName: true },
  });
}
