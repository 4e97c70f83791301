// /reports/<organization>/<year>.json (rewritten here by next.config.mjs):
// the published report as open data.
import { toOpenData } from "@/lib/report-format";
import { notModified, revisionCacheHeaders } from "@/lib/publication/http-cache";
import { getPublishedReport } from "@/lib/reports/queries";
import { parseReportParams } from "@/lib/reports/route-params";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ organization: string; year: string }> }) {
  const parsed = parseReportParams(await params);
  const report = parsed ? await getPublishedReport(parsed.organization, parsed.year) : null;
  if (!report) return Response.json({ error: "未找到已发布的年度报告" }, { status: 404 });
  const unchanged = notModified(request, report.revisionId, "json");
  if (unchanged) return unchanged;
  const body = toOpenData({
    format: report.format,
    organization: {
      name: report.organization.name,
      code: report.organization.code,
      parent: report.organization.parent,
    },
    year: report.year,
    title: report.title,
    // The public edition: publications counted, as the page numbers them.
    revision: report.edition,
    publishedAt: report.publishedAt,
    signatureLine: report.signatureLine,
    signedOn: report.signedOn,
    sections: report.sections,
    values: report.values,
  });
  return Response.json(body, {
    headers: {
      ...revisionCacheHeaders(report.revisionId, "json"),
      "Content-Disposition": `inline; filename="${report.organization.slug}-${report.year}.json"`,
    },
  });
}
