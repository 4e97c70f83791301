// Publication deadlines set by governments for the units they supervise: a
// date per kind of unit for every year, and overrides for one report year.
// A unit's deadline is decided by the nearest government up the tree (the
// unit itself first, when it is a government) that has a setting for the
// unit's kind, else by the national default (条例第四十九条,
// lib/report-format/deadlines.ts). Read by the workspace, 待办, reminders and
// the boards; changed by a government's 主管部门 (audited).
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { OrganizationKind } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { auditActorEvent } from "@/lib/audit/actor-audit";
import { overrideKey, type DeadlineSchedule } from "@/lib/report-format";
import { selfAndAncestors, type TreeNode } from "@/lib/organizations/tree";

type Client = PrismaClient | Prisma.TransactionClient;

export const organizationKinds: readonly OrganizationKind[] = ["PROVINCE_GOVERNMENT", "CITY_GOVERNMENT", "COUNTY_GOVERNMENT", "TOWNSHIP", "DEPARTMENT"];

const pad = (n: number) => String(n).padStart(2, "0");

interface Settings {
  defaults: Partial<Record<OrganizationKind, string>>;
  overrides: Record<string, string>;
}

/** Each government's own settings, by government id (none set: an empty schedule). */
export async function loadDeadlineSettings(prisma: Client, governmentIds: readonly string[]): Promise<Map<string, DeadlineSchedule>> {
  const ids = [...new Set(governmentIds)];
  const [defaults, overrides] = await Promise.all([
    prisma.deadlineDefault.findMany({ where: { governmentId: { in: ids } } }),
    prisma.deadlineOverride.findMany({ where: { governmentId: { in: ids } } }),
  ]);
  const settings = new Map<string, Settings>(ids.map((id) => [id, { defaults: {}, overrides: {} }]));
  for (const row of defaults) settings.get(row.governmentId)!.defaults[row.kind] = `${pad(row.month)}-${pad(row.day)}`;
  for (const row of overrides) settings.get(row.governmentId)!.overrides[overrideKey(row.kind, row.year)] = row.dueOn.toISOString().slice(0, 10);
  return settings;
}

export async function loadDeadlineSetting(prisma: Client, governmentId: string): Promise<DeadlineSchedule> {
  return (await loadDeadlineSettings(prisma, [governmentId])).get(governmentId)!;
}

/**
 * One schedule for a unit from the settings along its path, nearest first:
 * for each kind and year, the nearest level that sets that kind decides (its
 * override for the year, else its every-year date); farther levels only fill
 * what nearer ones leave open.
 */
export function effectiveSchedule(path: readonly (DeadlineSchedule | undefined)[]): DeadlineSchedule {
  const defaults: Partial<Record<OrganizationKind, string>> = {};
  const overrides: Record<string, string> = {};
  const decided = new Set<string>();
  for (const level of path) {
    if (!level) continue;
    for (const [key, due] of Object.entries(level.overrides)) {
      const kind = key.split(":")[0]!;
      if (!decided.has(kind) && !(key in overrides)) overrides[key] = due;
    }
    for (const [kind, monthDay] of Object.entries(level.defaults)) {
      if (!decided.has(kind) && monthDay) {
        defaults[kind as OrganizationKind] = monthDay;
        decided.add(kind);
      }
    }
  }
  return { defaults, overrides };
}

/** The schedule that applies to each unit, by unit id: one query for the settings of every level above them. */
export async function loadSchedulesFor(prisma: Client, units: readonly TreeNode[]): Promise<Map<string, DeadlineSchedule>> {
  const settings = await loadDeadlineSettings(prisma, units.flatMap(selfAndAncestors));
  return new Map(units.map((unit) => [unit.id, effectiveSchedule(selfAndAncestors(unit).map((id) => settings.get(id)))]));
}

export async function loadScheduleFor(prisma: Client, unit: TreeNode): Promise<DeadlineSchedule> {
  return (await loadSchedulesFor(prisma, [unit])).get(unit.id)!;
}

export interface DeadlineChanges {
  /** MM-DD, or null to return to the default from above. */
  defaults: Partial<Record<OrganizationKind, string | null>>;
  /** YYYY-MM-DD for `year`, or null to remove the override. */
  overrides: Partial<Record<OrganizationKind, string | null>>;
}

/** Writes a government's deadlines; the caller has checked that the actor supervises the government. */
export async function saveDeadlines(prisma: PrismaClient, actor: Actor, governmentId: string, year: number, changes: DeadlineChanges) {
  await prisma.$transaction(async (tx) => {
    for (const kind of organizationKinds) {
      const monthDay = changes.defaults[kind];
      if (monthDay === null) await tx.deadlineDefault.deleteMany({ where: { governmentId, kind } });
      else if (monthDay !== undefined) {
        const [month, day] = monthDay.split("-").map(Number) as [number, number];
        await tx.deadlineDefault.upsert({
          where: { governmentId_kind: { governmentId, kind } },
          create: { governmentId, kind, month, day },
          update: { month, day },
        });
      }
      const due = changes.overrides[kind];
      if (due === null) await tx.deadlineOverride.deleteMany({ where: { governmentId, kind, year } });
      else if (due !== undefined) {
        const dueOn = new Date(`${due}T00:00:00Z`);
        await tx.deadlineOverride.upsert({
          where: { governmentId_kind_year: { governmentId, kind, year } },
          create: { governmentId, kind, year, dueOn },
          update: { dueOn },
        });
      }
    }
    await auditActorEvent(tx, actor, "deadlines.update", { type: "organization", id: governmentId }, { year, ...changes });
  });
}
