// A government's public page: where it sits (its governments above, for the
// breadcrumbs), the governments directly below it with their counts, and its
// own units — itself, its departments, its townships — with their reports
// for the year. Published reports only; a handful of queries whatever the
// size of the region (the counts are one aggregate, see count-subtrees.ts).
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OrganizationKind } from "@/lib/generated/prisma/enums";
import { readDb } from "@/lib/db/client";
import { GOVERNMENT_KINDS, isGovernment } from "@/lib/organizations/tree";
import { countRegions, type SubtreeCounts } from "./count-regions";
import { listAncestors, type RegionLink } from "./list-ancestors";
import { inPortalGroup, PORTAL_GROUPS } from "./portal-groups";
import { defaultYear, listPublishedYears } from "./published-years";

export interface RegionSummary extends SubtreeCounts {
  slug: string;
  name: string;
  kind: OrganizationKind;
}

export interface RegionUnit {
  slug: string;
  name: string;
  kind: OrganizationKind;
  /** The latest published edition of its report for the year; null when none is published. */
  report: { title: string; publishedAt: Date } | null;
  /** Every year it has published a report for (its history page exists only then), newest first. */
  publishedYears: number[];
}

export interface RegionPage {
  government: { slug: string; name: string; kind: OrganizationKind };
  /** The governments above it, the root first. */
  ancestors: RegionLink[];
  year: number;
  /** Years with a published report (anywhere: see published-years.ts), newest first. */
  years: number[];
  /** The whole region: the government and every unit under it. */
  totals: SubtreeCounts;
  /** The governments directly below (a province's cities, a city's counties). */
  regions: RegionSummary[];
  /** The government itself, then its departments and townships. */
  units: RegionUnit[];
}

/** The page of the government `slug` for `year` (by default the newest with published reports); null when there is no such government. */
export async function getRegionPage(slug: string, year?: number, prisma: PrismaClient = readDb()): Promise<RegionPage | null> {
  const government = await prisma.organization.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, kind: true, ancestorIds: true },
  });
  if (!government || !isGovernment(government.kind)) return null;
  const [ancestors, regions, years, units] = await Promise.all([
    listAncestors(government.ancestorIds, prisma),
    prisma.organization.findMany({
      where: { parentId: government.id, kind: { in: [...GOVERNMENT_KINDS] } },
      orderBy: [{ regionCode: { sort: "asc", nulls: "last" } }, { name: "asc" }],
      select: { id: true, slug: true, name: true, kind: true },
    }),
    listPublishedYears(prisma),
    ownUnits(government.id, prisma),
  ]);
  const shown = year ?? years[0] ?? defaultYear();
  const counts = (await countRegions([government.id], shown, prisma)).get(government.id)!;
  const none = { units: 0, published: 0 };
  const groupOf = (unit: { slug: string; kind: OrganizationKind }) => PORTAL_GROUPS.findIndex((g) => inPortalGroup(g, unit, government.slug));
  return {
    government: { slug: government.slug, name: government.name, kind: government.kind },
    ancestors,
    year: shown,
    years,
    totals: counts.totals,
    regions: regions.map(({ id, ...region }) => ({ ...region, ...(counts.below.get(id) ?? none) })),
    units: units
      .sort((a, b) => groupOf(a) - groupOf(b) || a.name.localeCompare(b.name, "zh-CN"))
      .map((unit) => {
        const ofYear = unit.reports.find((r) => r.year === shown)?.revisions[0];
        return {
          slug: unit.slug,
          name: unit.name,
          kind: unit.kind,
          report: ofYear?.publishedAt ? { title: ofYear.title, publishedAt: ofYear.publishedAt } : null,
          publishedYears: unit.reports.map((r) => r.year),
        };
      }),
  };
}

/** The government and the units that report to it directly, each with its published reports. */
function ownUnits(governmentId: string, prisma: PrismaClient) {
  const published = { publishedAt: { not: null } };
  return prisma.organization.findMany({
    where: { OR: [{ id: governmentId }, { parentId: governmentId, kind: { in: ["DEPARTMENT", "TOWNSHIP"] } }] },
    select: {
      id: true,
      slug: true,
      name: true,
      kind: true,
      reports: {
        where: { revisions: { some: published } },
        orderBy: { year: "desc" },
        select: { year: true, revisions: { where: published, orderBy: { number: "desc" }, take: 1, select: { title: true, publishedAt: true } } },
      },
    },
  });
}

