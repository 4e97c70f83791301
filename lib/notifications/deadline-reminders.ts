// Deadline reminders, made by a periodic job on every instance: 7 days and
// 1 day before a report's deadline while it is not yet submitted (to the
// unit's clerks), and once when it is overdue (to its clerks and reviewers).
// Each is made once per report year, threshold and person — the dedupe key
// is unique, and an advisory lock lets one instance at a time make them.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { NotificationKind, Role } from "@/lib/generated/prisma/enums";
import { formatChineseDate, todayInChina } from "@/lib/report-format";
import { loadSchedulesFor } from "@/lib/deadlines/deadline-settings";
import { subtreeWhere } from "@/lib/organizations/tree";
import { dueReportSelect, dueReports, dueStateLabel, factsOf, type DueReport } from "@/lib/deadlines/due-reports";
import { notify, unitPeople } from "./notify";

type Tx = Prisma.TransactionClient;

interface Threshold {
  key: string;
  kind: NotificationKind;
  roles: Role[];
}

/** Which reminder a report owed today calls for, if any. */
export function reminderFor(due: DueReport): Threshold | null {
  if (due.daysLeft < 0) return { key: "overdue", kind: "OVERDUE", roles: ["CLERK", "REVIEWER"] };
  const notSubmitted = due.state === "NOT_STARTED" || due.state === "DRAFT" || due.state === "RETURNED";
  if (!notSubmitted) return null;
  if (due.daysLeft <= 1) return { key: "1d", kind: "DEADLINE_TOMORROW", roles: ["CLERK"] };
  if (due.daysLeft <= 7) return { key: "7d", kind: "DEADLINE_SOON", roles: ["CLERK"] };
  return null;
}

function textOf(organization: string, due: DueReport) {
  const report = `${organization}${due.year}年度报告`;
  const when = formatChineseDate(due.deadline);
  if (due.daysLeft < 0) return { title: `已逾期：${report}`, body: `应于${when}前公开，已逾期 ${-due.daysLeft} 天（${dueStateLabel[due.state]}）。` };
  const left = due.daysLeft === 0 ? "今天截止" : `还剩 ${due.daysLeft} 天`;
  return { title: `即将到期：${report}`, body: `应于${when}前公开，${left}（${dueStateLabel[due.state]}）。` };
}

async function unitsWithReports(tx: Tx, rootIds?: readonly string[]) {
  return tx.organization.findMany({
    ...(rootIds ? { where: subtreeWhere(rootIds) } : {}),
    include: {
      reports: { select: dueReportSelect },
    },
  });
}

/** Makes today's reminders; returns how many people were notified. */
export async function produceDeadlineReminders(
  prisma: PrismaClient,
  today = todayInChina(),
  /** Only the units under these governments (tests); every unit otherwise. */
  rootIds?: readonly string[],
): Promise<number> {
  return prisma.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext('nianbao.deadline-reminders')) AS locked`;
      // Another instance is making them right now.
      if (!lock?.locked) return 0;
      const units = await unitsWithReports(tx, rootIds);
      const schedules = await loadSchedulesFor(tx, units);
      let notified = 0;
      for (const unit of units) {
        for (const due of dueReports(unit, unit.reports.map(factsOf), today, schedules.get(unit.id))) {
          const reminder = reminderFor(due);
          if (!reminder) continue;
          const people = await unitPeople(tx, unit.id, reminder.roles);
          const sent = await notify(tx, people, {
            kind: reminder.kind,
            ...textOf(unit.name, due),
            href: due.reportId ? `/workspace/reports/${due.reportId}` : "/workspace",
            dedupeKey: `deadline:${unit.id}:${due.year}:${reminder.key}`,
          });
          notified += sent.length;
        }
      }
      return notified;
    },
    { timeout: 60_000 },
  );
}
