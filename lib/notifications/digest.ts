// The daily digest for a county's 主管部门 who asked for it (account setting):
// what moved on the board since the day before — submitted, returned,
// published, and reports that became overdue. Made once a day per person
// (dedupe key), after 7:00 China time.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { formatChineseDate, publicationDeadline, todayInChina, toChinaTimeIso } from "@/lib/report-format";
import { countyIdOf, loadDeadlineSchedules } from "@/lib/deadlines/county-deadlines";
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
    const countyIds = supervisor.roles.map((r) => r.organizationId);
    const units = await prisma.organization.findMany({ where: { OR: [{ id: { in: countyIds } }, { parentId: { in: countyIds } }] } });
    const since = new Date(now.getTime() - 24 * 3600_000);
    const reports = await prisma.report.findMany({ where: { organizationId: { in: units.map((u) => u.id) } }, select: { id: true, year: true, organizationId: true, status: true } });
    const events = await prisma.auditEvent.findMany({
      where: { objectType: "report", objectId: { in: reports.map((r) => r.id) }, event: { in: Object.keys(EVENTS) }, result: "success", occurredAt: { gt: since } },
      orderBy: { occurredAt: "asc" },
    });
    const unitOf = new Map(units.map((u) => [u.id, u]));
    const reportOf = new Map(reports.map((r) => [r.id, r]));
    const lines = events.map((e) => {
      const report = reportOf.get(e.objectId!)!;
      return `${unitOf.get(report.organizationId)!.name}${report.year}年度报告：${EVENTS[e.event]}`;
    });
    // Newly overdue: the deadline was yesterday and the report is not published.
    const schedules = await loadDeadlineSchedules(prisma, units.map(countyIdOf));
    const year = Number(today.slice(0, 4)) - 1;
    const yesterday = toChinaTimeIso(new Date(now.getTime() - 24 * 3600_000)).slice(0, 10);
    for (const unit of units) {
      if (publicationDeadline(unit.kind, year, schedules.get(countyIdOf(unit))) !== yesterday) continue;
      const report = reports.find((r) => r.organizationId === unit.id && r.year === year);
      if (report?.status !== "PUBLISHED") lines.push(`${unit.name}${year}年度报告：今日起逾期`);
    }
    if (lines.length === 0) continue;
    const county = units.find((u) => countyIds.includes(u.id));
    const sent = await notify(prisma, [supervisor], {
        kind: "DIGEST",
        title: `年报工作日报（${formatChineseDate(today)}）`,
        body: lines.join("\n"),
        href: county ? `/workspace/supervision/${county.slug}/${year}` : "/workspace",
        dedupeKey: `digest:${today}`,
    });
    made += sent.length;
  }
  return made;
}
