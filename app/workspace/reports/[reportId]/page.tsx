import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getActor } from "@/lib/auth/current-actor";
import { notFoundWhenDenied } from "@/lib/not-found-when-denied";
import { getCatalogForReport } from "@/lib/catalog/report-comparison";
import { getReportForEditor } from "@/lib/reports/editor-queries";
import { getFormat } from "@/lib/report-format";
import { checkContextOf, narrativeTextFindings } from "./_components/editor-checks";
import { editorStateOf } from "./_components/editor-state";
import { ReportEditor } from "./_components/report-editor";
import { redirectToSignIn } from "@/lib/auth/require-sign-in";

export const metadata: Metadata = { title: "填报年度报告" };

export default async function EditReportPage({ params }: { params: Promise<{ reportId: string }> }) {
  const { reportId } = await params;
  const actor = await getActor();
  if (!actor) return redirectToSignIn();
  if (!/^[0-9a-f-]{36}$/i.test(reportId)) notFound();
  // Someone else's report is indistinguishable from a missing one.
  const [report, catalog] = await notFoundWhenDenied(
    Promise.all([getReportForEditor(actor, reportId), getCatalogForReport(actor, reportId)]),
  );
  // The costliest of the editor's checks, run here once so that the editor opens without running them.
  const format = getFormat(report.formatVersion);
  const initialTextFindings = narrativeTextFindings(format, editorStateOf(format, report), checkContextOf(report, report.peerFindings));
  return (
    <>
      <h1 className="mb-4 text-xl font-bold">
        {report.organization.name}
        {report.year}年度报告
      </h1>
      {/* A new version or status (after a workflow step) starts the editor afresh. */}
      <ReportEditor key={`${report.version}-${report.status}`} report={report} catalog={catalog} initialTextFindings={initialTextFindings} />
    </>
  );
}
