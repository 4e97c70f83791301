// Deadline reminders, made by a periodic job on every instance: 7 days and
// 1 day before a report's deadline while it is not yet submitted (to the
// unit's clerks), and once when it is overdue (to its clerks and reviewers).
// Each is made once per report year, threshold and person — the dedupe key
// is unique, and an advisory lock lets one instance at a time make them.
// The run is a few statements whatever the number of units (notify.ts).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { NotificationKind, Role } from "@/lib/generated/prisma/enums";
import { formatChineseDate, todayInChina } from "@/lib/report-format";
import { loadSchedulesFor } from "@/lib/deadlines/deadline-settings";
import { subtreeWhere } from "@/lib/organizations/tree";
import { dueReports, dueStateLabel, type DueReport } from "@/lib/deadlines/due-reports";
import { loadReportFacts } from "@/lib/deadlines/report-facts";
import { notifyAll, peopleOfUnits, type Recipient } from "./notify";

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
      const units = await tx.organization.findMany({
        ...(rootIds ? { where: subtreeWhere(rootIds) } : {}),
        select: { id: true, name: true, kind: true, ancestorIds: true },
      });
      const reports = await loadReportFacts(tx, rootIds);
      const schedules = await loadSchedulesFor(tx, units);
      const owed = units.flatMap((unit) =>
        dueReports(unit, reports.get(unit.id) ?? [], today, schedules.get(unit.id)).flatMap((due) => {
          const reminder = reminderFor(due);
          return reminder ? [{ unit, due, reminder }] : [];
        }),
      );
      // The people of every unit owing a reminder, a query per set of roles (two at most), not per unit.
      const byRoles = new Map<string, Map<string, Recipient[]>>();
      for (const roles of new Set(owed.map(({ reminder }) => reminder.roles.join()))) {
        const ids = [...new Set(owed.filter(({ reminder }) => reminder.roles.join() === roles).map(({ unit }) => unit.id))];
        byRoles.set(roles, await peopleOfUnits(tx, ids, roles.split(",") as Role[]));
      }
      const sent = await notifyAll(
        tx,
        owed.map(({ unit, due, reminder }) => ({
          recipients: byRoles.get(reminder.roles.join())!.get(unit.id) ?? [],
          draft: {
            kind: reminder.kind,
            ...textOf(unit.name, due),
            href: due.reportId ? `/workspace/reports/${due.reportId}` : "/workspace",
            dedupeKey: `deadline:${unit.id}:${due.year}:${reminder.key}`,
          },
        })),
      );
      return sent.reduce((sum, people) => sum + people.length, 0);
    },
    { timeout: 60_000 },
  );
}
