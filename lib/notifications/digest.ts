// The daily digest for a government's 主管部门 at any level who asked for it (account setting):
// what moved on the board since the day before — submitted, returned,
// published, and reports that became overdue. Made once a day per person
// (dedupe key), after 7:00 China time.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { formatChineseDate, publicationDeadline, todayInChina, toChinaTimeIso } from "@/lib/report-format";
import { loadSchedulesFor } from "@/lib/deadlines/deadline-settings";
import { childOnPath, isGovernment, subtreeWhere } from "@/lib/organizations/tree";
import { notify } from "./notify";

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
  let made = 0;
  for (const supervisor of supervisors) {
    const governments = await prisma.organization.findMany({ where: { id: { in: supervisor.roles.map((r) => r.organizationId) } }, orderBy: { name: "asc" } });
    const lines = (await Promise.all(governments.map((government) => digestLines(prisma, government, now)))).flat();
    if (lines.length === 0) continue;
    const year = Number(today.slice(0, 4)) - 1;
    const first = governments[0];
    const sent = await notify(prisma, [supervisor], {
      kind: "DIGEST",
      title: `年报工作日报（${formatChineseDate(today)}）`,
      body: lines.join("\n"),
      href: first ? `/workspace/supervision/${first.slug}/${year}` : "/workspace",
      dedupeKey: `digest:${today}`,
    });
    made += sent.length;
  }
  return made;
}

/**
 * What moved under one government since the day before, as its board shows
 * it: a line per event of its own units (itself, its departments, its
 * townships), and per government below it one line of counts — a province's
 * 主管部门 hears that 滁州市 had 12 reports published, not each of them.
 */
export async function digestLines(prisma: Prisma.TransactionClient, government: { id: string; name: string }, now: Date): Promise<string[]> {
  const today = todayInChina(now);
  const units = await prisma.organization.findMany({ where: subtreeWhere([government.id]), select: { id: true, name: true, kind: true, ancestorIds: true } });
  const since = new Date(now.getTime() - 24 * 3600_000);
  const reports = await prisma.report.findMany({ where: { organizationId: { in: units.map((u) => u.id) } }, select: { id: true, year: true, organizationId: true, status: true } });
  const events = await prisma.auditEvent.findMany({
    where: { objectType: "report", objectId: { in: reports.map((r) => r.id) }, event: { in: Object.keys(EVENTS) }, result: "success", occurredAt: { gt: since } },
    orderBy: { occurredAt: "asc" },
  });
  const unitOf = new Map(units.map((u) => [u.id, u]));
  const reportOf = new Map(reports.map((r) => [r.id, r]));
  const itemized: string[] = [];
  const counted = new Map<string, Map<string, number>>();
  const add = (unit: (typeof units)[number], itemLine: string, countLabel: string) => {
    const row = childOnPath(unit, government.id);
    const rowUnit = unitOf.get(row)!;
    if (row === unit.id || !isGovernment(rowUnit.kind)) return void itemized.push(itemLine);
    const counts = counted.get(row) ?? new Map<string, number>();
    counts.set(countLabel, (counts.get(countLabel) ?? 0) + 1);
    counted.set(row, counts);
  };
  for (const e of events) {
    const report = reportOf.get(e.objectId!)!;
    const unit = unitOf.get(report.organizationId)!;
    add(unit, `${unit.name}${report.year}年度报告：${EVENTS[e.event]}`, EVENTS[e.event]!);
  }
  // Newly overdue: the deadline was yesterday and the report is not published.
  const schedules = await loadSchedulesFor(prisma, units);
  const year = Number(today.slice(0, 4)) - 1;
  const yesterday = toChinaTimeIso(new Date(now.getTime() - 24 * 3600_000)).slice(0, 10);
  const statusOf = new Map(reports.filter((r) => r.year === year).map((r) => [r.organizationId, r.status]));
  for (const unit of units) {
    if (publicationDeadline(unit.kind, year, schedules.get(unit.id)) !== yesterday) continue;
    if (statusOf.get(unit.id) !== "PUBLISHED") add(unit, `${unit.name}${year}年度报告：今日起逾期`, "今日起逾期");
  }
  const summaries = [...counted].map(([row, counts]) => `${unitOf.get(row)!.name}：${[...counts].map(([label, n]) => `${label} ${n} 份`).join("，")}`);
  return [...itemized, ...summaries];
}
