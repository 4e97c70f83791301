// 催报: the county's 主管部门 reminds units of a report year — each unit's
// clerks and reviewers get it in the app and by e-mail; each unit's reminder
// is audited, and the board shows when it was last sent.
import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { auditActorEvent, auditRefusal } from "@/lib/audit/actor-audit";
import { AppError } from "@/lib/errors";
import { notify, unitPeople } from "@/lib/notifications/notify";
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacters } from "@/lib/validation/plain-text";
import { requireSupervisedCounty } from "./county-access";

export const REMIND_EVENT = "supervision.remind";

export const ZRemindUnitsInput = z.object({
  countySlug: z.string().min(1).max(100),
  year: z.coerce.number().int().min(2000).max(2100),
  organizationIds: z.array(z.uuid()).min(1, "请选择要催报的单位").max(500),
  message: z.string().trim().max(500, "附言最多500字").refine((text) => !hasControlCharacters(text), CONTROL_CHARACTER_MESSAGE).optional(),
});

export async function remindUnits(actor: Actor | null, input: z.output<typeof ZRemindUnitsInput>, prisma: PrismaClient) {
  const { actor: supervisor, county } = await requireSupervisedCounty(actor, input.countySlug, prisma);
  const ids = [...new Set(input.organizationIds)];
  const units = await prisma.organization.findMany({
    where: { id: { in: ids }, OR: [{ id: county.id }, { parentId: county.id }] },
    orderBy: { name: "asc" },
  });
  if (units.length !== ids.length) {
    await auditRefusal(prisma, supervisor, REMIND_EVENT, { type: "organization", id: county.id }, "unit-outside-county");
    throw new AppError("FORBIDDEN", "只能催报本县的单位");
  }
  const message = input.message?.trim() || null;
  return prisma.$transaction(async (tx) => {
    let people = 0;
    for (const unit of units) {
      const recipients = await unitPeople(tx, unit.id, ["CLERK", "REVIEWER"]);
      await notify(tx, recipients, {
        kind: "REMINDER",
        title: `催报：${unit.name}${input.year}年度报告`,
        body: `${county.name}政务公开主管部门提醒：请尽快完成${input.year}年度报告的填报、审核和公开。${message ? `附言：${message}` : ""}`,
        href: "/workspace",
      });
      await auditActorEvent(tx, supervisor, REMIND_EVENT, { type: "organization", id: unit.id }, { year: input.year, message, recipients: recipients.length });
      people += recipients.length;
    }
    return { units: units.length, people };
  });
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
