// Where a page's time goes: the library functions behind the board, the
// roll-up and the drill-down, called in this process with the app's client
// and role, for the same governments the pages were timed on. What a page
// costs beyond its function is rendering and sending it.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { cellKey } from "@/lib/report-format";
import { loadStatusBoard } from "@/lib/supervision/board";
import { loadGovernmentRollup, rollupCells, rollupContributions } from "@/lib/supervision/rollup";
import { supervisorUsername } from "./plan";
import { timeRuns, type TimedRow } from "./stats";

const VARIANTS = 4;

async function supervisorOf(prisma: PrismaClient, slug: string): Promise<{ actor: Actor; governmentId: string }> {
  const account = await prisma.account.findUniqueOrThrow({
    where: { username: supervisorUsername(slug) },
    select: { id: true, username: true, displayName: true, roles: { select: { organizationId: true, role: true } } },
  });
  const government = await prisma.organization.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  return {
    actor: { accountId: account.id, username: account.username, displayName: account.displayName, isSystemAdmin: false, isAuditor: false, roles: account.roles, sessionId: "bench", sourceIp: null },
    governmentId: government.id,
  };
}

export async function timeLibrary(prisma: PrismaClient, year: number, runs: number, log: (line: string) => void): Promise<TimedRow[]> {
  const governments = await prisma.organization.findMany({ where: { kind: { in: ["PROVINCE_GOVERNMENT", "CITY_GOVERNMENT", "COUNTY_GOVERNMENT"] } }, select: { slug: true, kind: true }, orderBy: { slug: "asc" } });
  const spread = (kind: string) => {
    const all = governments.filter((g) => g.kind === kind);
    const step = Math.max(1, Math.floor(all.length / VARIANTS));
    return all.filter((_, i) => i % step === 0).slice(0, VARIANTS);
  };
  const levels = [
    { level: "province", of: spread("PROVINCE_GOVERNMENT") },
    { level: "city", of: spread("CITY_GOVERNMENT") },
    { level: "county", of: spread("COUNTY_GOVERNMENT") },
  ];
  const budget = Number(process.env.BENCH_ROW_SECONDS ?? 60) * 1000;
  const rows: TimedRow[] = [];
  const cell = cellKey("applications", "received", "total");
  for (const { level, of } of levels) {
    const readers = await Promise.all(of.map(async (g) => ({ slug: g.slug, ...(await supervisorOf(prisma, g.slug)) })));
    const pick = (i: number) => readers[i % readers.length]!;
    const name = `${level}${readers.length > 1 ? ` (${readers.length} in turn)` : ""}`;
    const warmup = Math.max(2, readers.length);
    rows.push({ label: "loadStatusBoard", level: name, target: 300, samples: await timeRuns(runs, warmup, budget, (i) => loadStatusBoard(pick(i).actor, pick(i).slug, year, prisma)) });
    rows.push({ label: "loadGovernmentRollup", level: name, target: 300, samples: await timeRuns(runs, warmup, budget, (i) => loadGovernmentRollup(pick(i).actor, pick(i).slug, year, "all", prisma)) });
    rows.push({
      label: "rollupCells (this year's sums alone)",
      level: name,
      samples: await timeRuns(runs, warmup, budget, (i) => rollupCells(prisma, { governmentId: pick(i).governmentId, year, scope: "all" })),
    });
    rows.push({
      label: "rollupContributions",
      level: name,
      target: 200,
      samples: await timeRuns(runs, warmup, budget, (i) => rollupContributions(prisma, { governmentId: pick(i).governmentId, year, scope: "all" }, cell)),
    });
    log(`  library functions, ${level}: done`);
  }
  return rows;
}
