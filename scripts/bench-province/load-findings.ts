// The last step of a bulk load: each report's findings stored for its
// version (lib/reports/stored-findings.ts), as saving it would have. Every
// report is checked against the complete data set, so the mirroring of 雷同
// onto peers checked earlier — what a single save needs — is left out.
// Reports go in order of year and parent government, so that the units one
// batch compares with (雷同 within a government's own units) are loaded once.
import { createPrismaClient } from "@/lib/db/client";
import { runtimeRoleUrl } from "@/lib/db/roles";
import { refreshStoredFindings } from "@/lib/reports/stored-findings";

const CHUNK = 5_000;

export async function storeFindings(ownerUrl: string, log: (line: string) => void): Promise<void> {
  // As the app stores them: its own role and client.
  const prisma = createPrismaClient(await runtimeRoleUrl(ownerUrl));
  try {
    const reports = await prisma.$queryRaw<{ id: string }[]>`
      select r.id::text from report r join organization o on o.id = r.organization_id
       order by r.year, coalesce(case when o.kind in ('TOWNSHIP', 'DEPARTMENT') then o.parent_id end, o.id), o.id`;
    const ids = reports.map((r) => r.id);
    const started = performance.now();
    for (let start = 0; start < ids.length; start += CHUNK) {
      await refreshStoredFindings(prisma, ids.slice(start, start + CHUNK), { mirror: false });
      const done = Math.min(start + CHUNK, ids.length);
      if (done < ids.length) log(`    ${done.toLocaleString("en")} of ${ids.length.toLocaleString("en")} reports checked (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
  } finally {
    await prisma.$disconnect();
  }
}
