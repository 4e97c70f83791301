// /reports/<organization>/<year>.csv|.xlsx|.docx (rewritten here by
// next.config.mjs): the published report as a download, drawn from the same
// format definition as the page.
import { reportToCsv } from "@/lib/exports/csv";
import { reportToDocx } from "@/lib/exports/docx";
import { reportToXlsx } from "@/lib/exports/xlsx";
import { notModified, revisionCacheHeaders } from "@/lib/publication/http-cache";
import { getPublishedReport } from "@/lib/reports/queries";
import { parseReportParams } from "@/lib/reports/route-params";

export const dynamic = "force-dynamic";

/** RFC 5987 leaves fewer characters bare than encodeURIComponent does. */
const rfc5987 = (text: string) =>
  encodeURIComponent(text).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

export async function GET(
  request: Request,
  { params }: { params: Promise<{ organization: string; year: string; ext: string }> },
) {
  const { ext, ...rest } = await params;
  const parsed = parseReportParams(rest);
  if (!parsed || !Object.hasOwn(TYPES, ext)) return new Response("未找到", { status: 404 });
  const report = await getPublishedReport(parsed.organization, parsed.year);
  if (!report) return new Response("未找到已发布的年度报告", { status: 404 });
  const kind = ext as keyof typeof TYPES;
  const unchanged = notModified(request, report.revisionId, kind);
  if (unchanged) return unchanged;
  const body =
    kind === "csv" ? reportToCsv(report) : kind === "xlsx" ? await reportToXlsx(report) : await reportToDocx(report);
  const filename = `${report.title}.${kind}`;
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      ...revisionCacheHeaders(report.revisionId, kind),
      "Content-Type": TYPES[kind],
      "Content-Disposition": `attachment; filename="${report.organization.slug}-${report.year}.${kind}"; filename*=UTF-8''${rfc5987(filename)}`,
    },
  });
}
