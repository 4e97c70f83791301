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
import { actorEventInput, auditActorEvent, auditRefusal } from "@/lib/audit/actor-audit";
import { parseChinaDateTime } from "@/lib/catalog/china-time";
import { recordAuditEvent } from "@/lib/db/audit-rows";
import { AppError } from "@/lib/errors";
import { notify, unitPeople } from "@/lib/notifications/notify";
import { todayInChina } from "@/lib/report-format";
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacters } from "@/lib/validation/plain-text";
import { requireSupervisedGovernment } from "./government-access";
import { rootsOf, selfAndAncestors, subtreeWhere } from "@/lib/organizations/tree";

export const REMIND_EVENT = "supervision.remind";
export const REMINDED_TODAY_MESSAGE = "今天已催报过，明天可再次催报";

type Tx = Prisma.TransactionClient;
type Unit = { id: string; name: string };

export const ZRemindUnitsInput = z.object({
  governmentSlug: z.string().min(1).max(100),
  year: z.coerce.number().int().min(2000).max(2100),
  organizationIds: z.array(z.uuid()).min(1, "请选择要催报的单位").max(500),
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
  const outcome = await prisma.$transaction(async (tx) => {
    // One 催报 at a time: of two pressed together (from this board or another
    // level's), the second waits here, then finds the units the first reminded.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('nianbao.remind'))`;
    const remindedToday = await unitsRemindedToday(tx, ids);
    let people = 0;
    const refused: { organizationId: string; name: string; message: string }[] = [];
    for (const unit of units) {
      if (remindedToday.has(unit.id)) {
        await auditRemindedToday(tx, supervisor, unit, input.year);
        refused.push({ organizationId: unit.id, name: unit.name, message: REMINDED_TODAY_MESSAGE });
      } else {
        people += await remindUnit(tx, supervisor, unit, draft);
      }
    }
    return { units: units.length - refused.length, people, refused };
  });
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

/** Notifies the unit's clerks and reviewers and audits it; the number of people reached. */
async function remindUnit(tx: Tx, supervisor: Actor, unit: Unit, draft: { governmentName: string; year: number; message: string | null }): Promise<number> {
  const recipients = await unitPeople(tx, unit.id, ["CLERK", "REVIEWER"]);
  await notify(tx, recipients, {
    kind: "REMINDER",
    title: `催报：${unit.name}${draft.year}年度报告`,
    body: `${draft.governmentName}政务公开主管部门提醒：请尽快完成${draft.year}年度报告的填报、审核和公开。${draft.message ? `附言：${draft.message}` : ""}`,
    href: "/workspace",
  });
  await auditActorEvent(tx, supervisor, REMIND_EVENT, { type: "organization", id: unit.id }, { year: draft.year, message: draft.message, recipients: recipients.length });
  return recipients.length;
}

/** The refused second reminder of the day, in the batch's transaction (the others of the batch commit with it). */
function auditRemindedToday(tx: Tx, supervisor: Actor, unit: Unit, year: number): Promise<void> {
  const event = actorEventInput(supervisor, REMIND_EVENT, { type: "organization", id: unit.id }, { reason: "reminded-today", year });
  return recordAuditEvent(tx, { ...event, result: "failure" });
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
