// Several years of reports for 来安县's units, in the states a 主管部门 meets
// on its status board: published on time, submitted late, returned with a
// comment, a draft past its deadline, a narrative copied from another unit
// (雷同) and a figure that jumped six-fold. The tables are the real 雷官镇 2023
// report's, scaled; the narratives are each unit's own (demo-narratives).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OrganizationKind } from "@/lib/generated/prisma/enums";
import type { ParsedReport } from "@/lib/import/parse-text-report";
import { recordAuditEvent } from "@/lib/db/audit-rows";
import { withComputedTotals, formatForYear } from "@/lib/report-format";
import { importReport } from "@/lib/reports/import-report";
import { freezeRevision } from "@/lib/reports/steps/freeze-revision";
import { demoNarrative } from "./demo-narratives";

export const demoHistoryUnits: { slug: string; name: string; shortName: string; kind: OrganizationKind; code: string }[] = [
  { slug: "laian-shunshan", code: "11341122003250612M", name: "来安县舜山镇人民政府", shortName: "舜山镇", kind: "TOWNSHIP" },
  { slug: "laian-zhangshan", code: "11341122003250723F", name: "来安县张山镇人民政府", shortName: "张山镇", kind: "TOWNSHIP" },
  { slug: "laian-jiaoti", code: "113411220032508349", name: "来安县教育体育局", shortName: "县教体局", kind: "DEPARTMENT" },
  { slug: "laian-gongan", code: "113411220032509466", name: "来安县公安局", shortName: "县公安局", kind: "DEPARTMENT" },
];

type State = { published: string } | "SUBMITTED" | "RETURNED" | "DRAFT";

export interface DemoHistoryReport {
  slug: string;
  year: number;
  state: State;
  /** Figures = the sample's × scale. */
  scale: number;
  /** Narrative copied word for word from this unit's report (雷同). */
  copiesFrom?: string;
  /** The reviewer's comment when RETURNED (a default one otherwise). */
  comment?: string;
}

export const demoHistoryReports: DemoHistoryReport[] = [
  { slug: "laian-shunshan", year: 2022, state: { published: "2023-01-18" }, scale: 2 },
  { slug: "laian-shunshan", year: 2023, state: { published: "2024-01-22" }, scale: 2 },
  { slug: "laian-shunshan", year: 2024, state: { published: "2025-01-20" }, scale: 2 },
  { slug: "laian-shunshan", year: 2025, state: { published: "2026-01-26" }, scale: 2 },
  { slug: "laian-zhangshan", year: 2024, state: { published: "2025-02-08" }, scale: 1 },
  { slug: "laian-zhangshan", year: 2025, state: "SUBMITTED", scale: 1, copiesFrom: "laian-shunshan" },
  { slug: "laian-jiaoti", year: 2024, state: { published: "2025-01-27" }, scale: 3 },
  { slug: "laian-jiaoti", year: 2025, state: "RETURNED", scale: 3 },
  { slug: "laian-gongan", year: 2024, state: { published: "2025-01-15" }, scale: 1 },
  { slug: "laian-gongan", year: 2025, state: "DRAFT", scale: 6 },
  { slug: "laian", year: 2024, state: { published: "2025-03-25" }, scale: 4 },
  { slug: "laian", year: 2025, state: { published: "2026-03-28" }, scale: 4 },
];

const ACTOR = "system:demo";

/**
 * The report of one entry: the sample's tables × scale and the unit's own
 * narrative (demo-narratives), or, when it copies, the source unit's
 * narrative of that year with the source's name replaced by its own.
 */
export function reportFor(sample: ParsedReport, unit: { name: string; shortName: string }, entry: DemoHistoryReport, copied?: { shortName: string }): ParsedReport {
  const format = formatForYear(entry.year)!;
  const scaled = Object.fromEntries(Object.entries(sample.values).map(([key, value]) => [key, value === null ? null : value * entry.scale]));
  const values = withComputedTotals(format, scaled);
  const figures = {
    license: values["active.license.decisions"] ?? 0,
    penalty: values["active.penalty.decisions"] ?? 0,
    enforcement: values["active.enforcement.decisions"] ?? 0,
  };
  const source = entry.copiesFrom ? (copied ?? demoHistoryUnits.find((u) => u.slug === entry.copiesFrom)) : undefined;
  const narrative = demoNarrative(source ? entry.copiesFrom! : entry.slug, entry.year, figures);
  const sections = Object.fromEntries(
    Object.entries(narrative).map(([key, text]) => [key, source ? text.replaceAll(source.shortName, unit.shortName) : text]),
  ) as ParsedReport["sections"];
  return {
    ...sample,
    title: `${unit.name}${entry.year}年政府信息公开工作年度报告`,
    sections,
    values,
    signatureLine: unit.name,
    signedOn: typeof entry.state === "object" ? entry.state.published : `${entry.year + 1}-01-20`,
    preamble: "",
    issues: [],
    notes: [],
    guessed: [],
  };
}

const RETURN_COMMENT = "主动公开数据与信息公开目录不一致，请核实后重新提交";

/** Idempotent: a unit-year that already has a report is left as it is. */
export async function seedDemoHistory(prisma: PrismaClient, sample: ParsedReport, reviewerAccountId: string) {
  return seedDemoReports(prisma, sample, reviewerAccountId, demoHistoryReports);
}

/**
 * Stores each entry's report (reportFor) in its state: published on its date,
 * submitted, returned with the reviewer's comment, or a draft. Units are found
 * by slug (an entry whose unit is missing is skipped). Idempotent: a unit-year
 * that already has a report is left as it is. Returns "slug/year" of those created.
 */
export async function seedDemoReports(
  prisma: PrismaClient,
  sample: ParsedReport,
  reviewerAccountId: string,
  entries: readonly DemoHistoryReport[],
): Promise<string[]> {
  const slugs = [...new Set(entries.flatMap((e) => (e.copiesFrom ? [e.slug, e.copiesFrom] : [e.slug])))];
  const units = new Map((await prisma.organization.findMany({ where: { slug: { in: slugs } } })).map((o) => [o.slug, o]));
  const created: string[] = [];
  for (const entry of entries) {
    const unit = units.get(entry.slug);
    if (!unit) continue;
    if (await prisma.report.findFirst({ where: { organizationId: unit.id, year: entry.year } })) continue;
    const parsed = reportFor(sample, unit, entry, entry.copiesFrom ? units.get(entry.copiesFrom) : undefined);
    const published = typeof entry.state === "object";
    const { reportId } = await importReport(prisma, {
      organizationSlug: entry.slug,
      year: entry.year,
      parsed,
      actor: ACTOR,
      publish: published,
      ...(published ? { publishedAt: new Date(`${(entry.state as { published: string }).published}T10:00:00+08:00`) } : {}),
    });
    if (entry.state === "SUBMITTED" || entry.state === "RETURNED") {
      await prisma.$transaction(async (tx) => {
        const revision = await freezeRevision(tx, reportId, { submittedById: null });
        if (entry.state === "RETURNED") {
          await tx.reviewComment.create({
            data: { revisionId: revision.id, authorId: reviewerAccountId, target: null, body: entry.comment ?? RETURN_COMMENT },
          });
        }
        await tx.report.update({ where: { id: reportId }, data: { status: entry.state === "SUBMITTED" ? "SUBMITTED" : "DRAFT" } });
        await recordAuditEvent(tx, {
          actor: ACTOR,
          event: entry.state === "SUBMITTED" ? "report.submit" : "report.return",
          objectType: "report",
          objectId: reportId,
          result: "success",
          detail: { revision: revision.number, demo: true },
        });
      });
    }
    created.push(`${entry.slug}/${entry.year}`);
  }
  return created;
}
