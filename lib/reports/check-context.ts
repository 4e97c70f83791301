// What the rule engine needs besides the report itself: the unit's previous
// report (R6/R7, stale text, 雷同 with last year), its catalog for the year
// (R8 主动公开, table 二) and this year's reports of the other units under the
// same government (雷同). One loader for the editor, the review page,
// submission and the boards, so all four check a report against the same things.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { OrganizationKind } from "@/lib/generated/prisma/enums";
import { countCatalogForReports } from "@/lib/catalog/report-counts";
import type { PeerReport, ReportFormat, RuleInput } from "@/lib/report-format";
import { previousValuesFor, previousYearReports, type PreviousReport } from "./previous-year";
import { isGovernment, type TreeNode } from "@/lib/organizations/tree";

type Client = PrismaClient | Prisma.TransactionClient;

export interface CheckContext {
  /** Last year's report, in its own format (previousValuesFor reads it as another's). */
  previous: PreviousReport | null;
  catalog: RuleInput["catalog"];
  peers: PeerReport[];
}

export interface CheckUnit {
  id: string;
  kind: OrganizationKind;
  parentId: string | null;
  ancestorIds: string[];
}

/**
 * The government a unit's reports are compared within (雷同): a government's
 * own report within its own units, any other unit's within its parent
 * government's — a township beside the county and its other townships and
 * departments, a county department beside them too.
 */
export function peerGroupOf(unit: CheckUnit): TreeNode {
  if (isGovernment(unit.kind) || !unit.parentId) return unit;
  return { id: unit.parentId, ancestorIds: unit.ancestorIds.slice(0, -1) };
}

/** Working-copy narratives of every report of the year of a government's own units (itself and the units directly under it). */
async function groupNarratives(prisma: Client, governmentId: string, year: number): Promise<PeerReport[]> {
  const reports = await prisma.report.findMany({
    where: { year, organization: { OR: [{ id: governmentId }, { parentId: governmentId }] } },
    // In a fixed order, as the save's context has them (save-check-context.ts): of two equally alike units, the same one is named.
    orderBy: { organizationId: "asc" },
    select: { organizationId: true, organization: { select: { shortName: true } }, sections: { select: { sectionKey: true, body: true } } },
  });
  return reports.map((report) => ({
    unitId: report.organizationId,
    unitName: report.organization.shortName,
    sections: Object.fromEntries(report.sections.map((s) => [s.sectionKey, s.body])),
  }));
}

/**
 * Check contexts for several units of one year (the board asks
 * for all of them at once): three queries, whatever the number of units.
 */
export async function loadCheckContexts(prisma: Client, units: readonly CheckUnit[], year: number): Promise<Map<string, CheckContext>> {
  const groups = [...new Set(units.map((unit) => peerGroupOf(unit).id))];
  const [narratives, previous, catalogs] = await Promise.all([
    Promise.all(groups.map(async (group) => [group, await groupNarratives(prisma, group, year)] as const)).then((pairs) => new Map(pairs)),
    previousYearReports(
      prisma,
      units.map((u) => u.id),
      year,
    ),
    countCatalogForReports(
      units.map((u) => u.id),
      year,
      prisma,
    ),
  ]);
  return new Map(
    units.map((unit) => {
      const counts = catalogs.get(unit.id)!;
      const peers = (narratives.get(peerGroupOf(unit).id) ?? []).filter((peer) => peer.unitId !== unit.id);
      return [
        unit.id,
        {
          previous: previous.get(unit.id) ?? null,
          catalog: counts.total > 0 ? { total: counts.total, cells: counts.cells } : null,
          peers,
        },
      ];
    }),
  );
}

export async function loadCheckContext(prisma: Client, unit: CheckUnit, year: number): Promise<CheckContext> {
  return (await loadCheckContexts(prisma, [unit], year)).get(unit.id)!;
}

/** The context as the rule engine takes it. */
export function ruleContext(context: CheckContext, format: ReportFormat): Pick<RuleInput, "previous" | "previousSections" | "catalog" | "peers"> {
  return {
    previous: context.previous ? previousValuesFor(context.previous, format) : null,
    previousSections: context.previous?.sections ?? null,
    catalog: context.catalog,
    peers: context.peers,
  };
}
