// The daily digest for a government's 主管部门 at any level who asked for it (account setting):
// what moved on the board since the day before — submitted, returned,
// published, and reports that became overdue. Made once a day per person
// (dedupe key), after 7:00 China time. Made for all of them at once: one read
// of every government's subtree, one statement of notifications (notify.ts).
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { OrganizationKind } from "@/lib/generated/prisma/enums";
import { formatChineseDate, publicationDeadline, todayInChina, toChinaTimeIso } from "@/lib/report-format";
import { loadSchedulesFor } from "@/lib/deadlines/deadline-settings";
import { childOnPath, isGovernment, subtreeWhere } from "@/lib/organizations/tree";
import { notifyAll } from "./notify";

const EVENTS: Record<string, string> = { "report.submit": "提交审核", "report.return": "退回", "report.publish": "发布" };

export async function produceDigests(prisma: PrismaClient, now = new Date()): Promise<number> {
  const chinaTime = toChinaTimeIso(now);
  if (chinaTime.slice(11, 13) < "07") return 0;
  // One instance at a time; the dedupe key makes each digest once a day.
  return prisma.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext('nianbao.digests')) AS locked`;
      return lock?.locked ? digestsIn(tx, now) : 0;
    },
    { timeout: 60_000 },
  );
}

async function digestsIn(prisma: Prisma.TransactionClient, now: Date): Promise<number> {
  const today = todayInChina(now);
  const supervisors = await prisma.account.findMany({
    where: { dailyDigest: true, disabled: false, roles: { some: { role: "SUPERVISOR" } } },
    select: { id: true, email: true, roles: { where: { role: "SUPERVISOR" }, select: { organizationId: true } } },
  });
  // Every government any of them supervises, with its lines, read once for all of them.
  const governments = await prisma.organization.findMany({
    where: { id: { in: [...new Set(supervisors.flatMap((s) => s.roles.map((r) => r.organizationId)))] } },
    orderBy: { name: "asc" },
  });
  const linesOf = await digestLinesOf(prisma, governments, now);
  const year = Number(today.slice(0, 4)) - 1;
  const notices = supervisors.flatMap((supervisor) => {
    const own = new Set(supervisor.roles.map((r) => r.organizationId));
    const theirs = governments.filter((government) => own.has(government.id));
    const lines = theirs.flatMap((government) => linesOf.get(government.id)!);
    if (lines.length === 0) return [];
    const first = theirs[0];
    return [
      {
        recipients: [supervisor],
        draft: {
          kind: "DIGEST" as const,
          title: `年报工作日报（${formatChineseDate(today)}）`,
          body: lines.join("\n"),
          href: first ? `/workspace/supervision/${first.slug}/${year}` : "/workspace",
          dedupeKey: `digest:${today}`,
        },
      },
    ];
  });
  const sent = await notifyAll(prisma, notices);
  return sent.reduce((made, people) => made + people.length, 0);
}

/**
 * What moved under one government since the day before, as its board shows
 * it: a line per event of its own units (itself, its departments, its
 * townships), and per government below it one line of counts — a province's
 * 主管部门 hears that 滁州市 had 12 reports published, not each of them.
 */
export async function digestLines(prisma: Prisma.TransactionClient, government: { id: string; name: string }, now: Date): Promise<string[]> {
  return (await digestLinesOf(prisma, [government], now)).get(government.id)!;
}

interface DigestUnit {
  id: string;
  name: string;
  kind: OrganizationKind;
  ancestorIds: string[];
}

/** digestLines of each government, from one read of their subtrees, reports, events and deadlines. */
async function digestLinesOf(prisma: Prisma.TransactionClient, governments: readonly { id: string; name: string }[], now: Date): Promise<Map<string, string[]>> {
  if (governments.length === 0) return new Map();
  const today = todayInChina(now);
  const roots = governments.map((g) => g.id);
  const units: DigestUnit[] = await prisma.organization.findMany({ where: subtreeWhere(roots), select: { id: true, name: true, kind: true, ancestorIds: true } });
  const since = new Date(now.getTime() - 24 * 3600_000);
  const reports = await prisma.report.findMany({ where: { organization: subtreeWhere(roots) }, select: { id: true, year: true, organizationId: true, status: true } });
  // The day's report events, kept below for the reports of these subtrees: a day's events are few beside a province's reports.
  const events = await prisma.auditEvent.findMany({
    where: { objectType: "report", event: { in: Object.keys(EVENTS) }, result: "success", occurredAt: { gt: since } },
    orderBy: { occurredAt: "asc" },
    select: { objectId: true, event: true },
  });
  const schedules = await loadSchedulesFor(prisma, units);
  const unitOf = new Map(units.map((u) => [u.id, u]));
  const reportOf = new Map(reports.map((r) => [r.id, r]));
  const year = Number(today.slice(0, 4)) - 1;
  const yesterday = toChinaTimeIso(new Date(now.getTime() - 24 * 3600_000)).slice(0, 10);
  const statusOf = new Map(reports.filter((r) => r.year === year).map((r) => [r.organizationId, r.status]));
  // What each unit's line says, whichever government reads it.
  const moved = events.flatMap((e) => {
    const report = reportOf.get(e.objectId!);
    if (!report) return [];
    const unit = unitOf.get(report.organizationId)!;
    return [{ unit, line: `${unit.name}${report.year}年度报告：${EVENTS[e.event]}`, label: EVENTS[e.event]! }];
  });
  const overdue = units
    .filter((unit) => publicationDeadline(unit.kind, year, schedules.get(unit.id)) === yesterday && statusOf.get(unit.id) !== "PUBLISHED")
    .map((unit) => ({ unit, line: `${unit.name}${year}年度报告：今日起逾期`, label: "今日起逾期" }));
  return new Map(
    governments.map((government) => {
      const itemized: string[] = [];
      const counted = new Map<string, Map<string, number>>();
      for (const { unit, line, label } of [...moved, ...overdue]) {
        if (unit.id !== government.id && !unit.ancestorIds.includes(government.id)) continue;
        const row = childOnPath(unit, government.id);
        const rowUnit = unitOf.get(row)!;
        if (row === unit.id || !isGovernment(rowUnit.kind)) {
          itemized.push(line);
          continue;
        }
        const counts = counted.get(row) ?? new Map<string, number>();
        counts.set(label, (counts.get(label) ?? 0) + 1);
        counted.set(row, counts);
      }
      const summaries = [...counted].map(([row, counts]) => `${unitOf.get(row)!.name}：${[...counts].map(([label, n]) => `${label} ${n} 份`).join("，")}`);
      return [government.id, [...itemized, ...summaries]];
    }),
  );
}
