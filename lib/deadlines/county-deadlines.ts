// A county's publication deadlines: a date per kind of unit for every year,
// and overrides for one report year. Read by the workspace, 待办 and the
// status board; changed by the county's 主管部门 (audited).
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { OrganizationKind } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { auditActorEvent } from "@/lib/audit/actor-audit";
import { overrideKey, type DeadlineSchedule } from "@/lib/report-format";

type Client = PrismaClient | Prisma.TransactionClient;

export const organizationKinds: readonly OrganizationKind[] = ["COUNTY_GOVERNMENT", "TOWNSHIP", "DEPARTMENT"];

const pad = (n: number) => String(n).padStart(2, "0");

/** Schedules of several counties at once, by county id (counties without rows get empty schedules). */
export async function loadDeadlineSchedules(prisma: Client, countyIds: readonly string[]): Promise<Map<string, DeadlineSchedule>> {
  const [defaults, overrides] = await Promise.all([
    prisma.deadlineDefault.findMany({ where: { countyId: { in: [...countyIds] } } }),
    prisma.deadlineOverride.findMany({ where: { countyId: { in: [...countyIds] } } }),
  ]);
  const schedules = new Map<string, { defaults: DeadlineSchedule["defaults"]; overrides: Record<string, string> }>(
    countyIds.map((id) => [id, { defaults: {}, overrides: {} }]),
  );
  for (const row of defaults) schedules.get(row.countyId)!.defaults[row.kind] = `${pad(row.month)}-${pad(row.day)}`;
  for (const row of overrides) {
    schedules.get(row.countyId)!.overrides[overrideKey(row.kind, row.year)] = row.dueOn.toISOString().slice(0, 10);
  }
  return schedules;
}

export async function loadDeadlineSchedule(prisma: Client, countyId: string): Promise<DeadlineSchedule> {
  return (await loadDeadlineSchedules(prisma, [countyId])).get(countyId)!;
}

/** The county whose schedule applies to a unit: itself, or the county above it. */
export function countyIdOf(organization: { id: string; kind: OrganizationKind; parentId: string | null }): string {
  return organization.kind === "COUNTY_GOVERNMENT" || !organization.parentId ? organization.id : organization.parentId;
}

export interface DeadlineChanges {
  /** MM-DD, or null to return to the national default. */
  defaults: Partial<Record<OrganizationKind, string | null>>;
  /** YYYY-MM-DD for `year`, or null to remove the override. */
  overrides: Partial<Record<OrganizationKind, string | null>>;
}

/** Writes a county's deadlines; the caller has checked that the actor supervises the county. */
export async function saveDeadlines(prisma: PrismaClient, actor: Actor, countyId: string, year: number, changes: DeadlineChanges) {
  await prisma.$transaction(async (tx) => {
    for (const kind of organizationKinds) {
      const monthDay = changes.defaults[kind];
      if (monthDay === null) await tx.deadlineDefault.deleteMany({ where: { countyId, kind } });
      else if (monthDay !== undefined) {
        const [month, day] = monthDay.split("-").map(Number) as [number, number];
        await tx.deadlineDefault.upsert({
          where: { countyId_kind: { countyId, kind } },
          create: { countyId, kind, month, day },
          update: { month, day },
        });
      }
      const due = changes.overrides[kind];
      if (due === null) await tx.deadlineOverride.deleteMany({ where: { countyId, kind, year } });
      else if (due !== undefined) {
        const dueOn = new Date(`${due}T00:00:00Z`);
        await tx.deadlineOverride.upsert({
          where: { countyId_kind_year: { countyId, kind, year } },
          create: { countyId, kind, year, dueOn },
          update: { dueOn },
        });
      }
    }
    await auditActorEvent(tx, actor, "deadlines.update", { type: "organization", id: countyId }, { year, ...changes });
  });
}
