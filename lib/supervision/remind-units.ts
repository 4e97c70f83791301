// 催报: a government's 主管部门 reminds units under it of a report year — each unit's
// clerks and reviewers get it in the app and by e-mail; each unit's reminder
// is audited, and the board shows when it was last sent. A unit is reminded
// at most once a day (China time), whatever the year: a second press the
// same day would only fill its people's inboxes. That unit is refused (and
// the refusal audited); the others of the batch are still reminded.
import "server-only";
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { actorEventInput, auditRefusal } from "@/lib/audit/actor-audit";
import { parseChinaDateTime } from "@/lib/catalog/china-time";
import { recordAuditEvents } from "@/lib/db/audit-rows";
import { AppError } from "@/lib/errors";
import { notifyAll, peopleOfUnits, type NotificationDraft } from "@/lib/notifications/notify";
import { todayInChina } from "@/lib/report-format";
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacters } from "@/lib/validation/plain-text";
import { requireSupervisedGovernment } from "./government-access";
import { rootsOf, selfAndAncestors, subtreeWhere } from "@/lib/organizations/tree";

export const REMIND_EVENT = "supervision.remind";
export const REMINDED_TODAY_MESSAGE = "今天已催报过，明天可再次催报";
/**
 * The units one 催报 may name: a province's whole board and more (a province
 * is some 10,000 units). The ids as the board's form sends them, about 39
 * bytes each, stay well within the 1 MB a Server Action's body may take
 * (lib/http/body-limits.ts; tests/unit/body-limits.test.ts).
 */
export const MAX_REMIND_UNITS = 10_000;

type Tx = Prisma.TransactionClient;
type Unit = { id: string; name: string };

export const ZRemindUnitsInput = z.object({
  governmentSlug: z.string().min(1).max(100),
  year: z.coerce.number().int().min(2000).max(2100),
  organizationIds: z.array(z.uuid()).min(1, "请选择要催报的单位").max(MAX_REMIND_UNITS, `一次最多催报${MAX_REMIND_UNITS}个单位`),
  message: z.string().trim().max(500, "附言最多500字").refine((text) => !hasControlCharacters(text), CONTROL_CHARACTER_MESSAGE).optional(),
});

export async function remindUnits(actor: Actor | null, input: z.output<typeof ZRemindUnitsInput>, prisma: PrismaClient) {
  const { actor: supervisor, government } = await requireSupervisedGovernment(actor, input.governmentSlug, prisma);
  const ids = [...new Set(input.organizationIds)];
  const units = await prisma.organization.findMany({
    where: { AND: [{ id: { in: ids } }, subtreeWhere([government.id])] },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  if (units.length !== ids.length) {
    await auditRefusal(prisma, supervisor, REMIND_EVENT, { type: "organization", id: government.id }, "unit-outside-government");
    throw new AppError("FORBIDDEN", `只能催报${government.name}所辖的单位`);
  }
  // The reminder speaks for the supervisor's own government: a province's
  // 政务公开办 reminding a county's units from that county's board signs as the province.
  const own = new Set(rootsOf(supervisor, "SUPERVISOR"));
  const signingId = selfAndAncestors(government).find((id) => own.has(id))!;
  const signing = signingId === government.id ? government : await prisma.organization.findUniqueOrThrow({ where: { id: signingId }, select: { name: true } });
  const draft = { governmentName: signing.name, year: input.year, message: input.message?.trim() || null };
  const outcome = await prisma.$transaction(
    async (tx) => {
      // One 催报 at a time: of two pressed together (from this board or another
      // level's), the second waits here, then finds the units the first reminded.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('nianbao.remind'))`;
      const remindedToday = await unitsRemindedToday(tx, ids);
      const reminded = units.filter((unit) => !remindedToday.has(unit.id));
      // The whole batch in a few statements, whatever its size: everyone's people at once, every notice at once.
      const people = await peopleOfUnits(tx, reminded.map((unit) => unit.id), ["CLERK", "REVIEWER"]);
      const recipientsOf = (unit: Unit) => people.get(unit.id) ?? [];
      await notifyAll(tx, reminded.map((unit) => ({ recipients: recipientsOf(unit), draft: reminderOf(unit, draft) })));
      // A row per unit, in the batch's order: each reminder, or its refusal as the second of the day.
      await recordAuditEvents(
        tx,
        units.map((unit) =>
          remindedToday.has(unit.id)
            ? { ...actorEventInput(supervisor, REMIND_EVENT, { type: "organization", id: unit.id }, { reason: "reminded-today", year: input.year }), result: "failure" as const }
            : actorEventInput(supervisor, REMIND_EVENT, { type: "organization", id: unit.id }, { year: draft.year, message: draft.message, recipients: recipientsOf(unit).length }),
        ),
      );
      const refused = units.filter((unit) => remindedToday.has(unit.id)).map((unit) => ({ organizationId: unit.id, name: unit.name, message: REMINDED_TODAY_MESSAGE }));
      return { units: reminded.length, people: reminded.reduce((sum, unit) => sum + recipientsOf(unit).length, 0), refused };
    },
    // A province's thousands of units: a few statements, but each carries thousands of rows.
    { timeout: 60_000 },
  );
  // Nothing went out: say so as a refusal, its audit rows committed above.
  if (outcome.units === 0) {
    throw new AppError("CONFLICT", units.length === 1 ? `${units[0]!.name}${REMINDED_TODAY_MESSAGE}` : `所选单位${REMINDED_TODAY_MESSAGE}`);
  }
  return outcome;
}

/**
 * The units among `unitIds` reminded (of any year) since 00:00 today in China:
 * they may not be reminded again today. The board asks the same, so that it
 * offers no 催报 this refuses.
 */
export async function unitsRemindedToday(tx: Tx | PrismaClient, unitIds: readonly string[]): Promise<Set<string>> {
  const since = parseChinaDateTime(todayInChina())!;
  const events = await tx.auditEvent.findMany({
    where: { event: REMIND_EVENT, result: "success", objectType: "organization", objectId: { in: [...unitIds] }, occurredAt: { gte: since } },
    select: { objectId: true },
  });
  return new Set(events.map((e) => e.objectId!));
}

/** What a unit's clerks and reviewers read. */
function reminderOf(unit: Unit, draft: { governmentName: string; year: number; message: string | null }): NotificationDraft {
  return {
    kind: "REMINDER",
    title: `催报：${unit.name}${draft.year}年度报告`,
    body: `${draft.governmentName}政务公开主管部门提醒：请尽快完成${draft.year}年度报告的填报、审核和公开。${draft.message ? `附言：${draft.message}` : ""}`,
    href: "/workspace",
  };
}

/** When each unit was last reminded of the year's report (the board's 已催报). */
export async function lastReminders(prisma: PrismaClient, unitIds: readonly string[], year: number): Promise<Map<string, Date>> {
  const events = await prisma.auditEvent.findMany({
    where: { event: REMIND_EVENT, result: "success", objectType: "organization", objectId: { in: [...unitIds] }, detail: { path: ["year"], equals: year } },
    orderBy: { occurredAt: "asc" },
    select: { objectId: true, occurredAt: true },
  });
  return new Map(events.map((e) => [e.objectId!, e.occurredAt]));
}
