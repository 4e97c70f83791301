import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ReportDocument } from "@/components/report/report-document";
import { getActor } from "@/lib/auth/current-actor";
import { notFoundWhenDenied } from "@/lib/not-found-when-denied";
import { findingId, formatCells, getFormat, narrativeSections } from "@/lib/report-format";
import { getCatalogForReport } from "@/lib/catalog/report-comparison";
import { getReviewView } from "@/lib/reports/review-queries";
import { CatalogDifferences } from "./_components/catalog-differences";
import { reportStatusLabel } from "@/lib/reports/status-labels";
import { DiffView } from "./_components/diff-view";
import { ReviewActions } from "./_components/review-actions";

export const metadata: Metadata = { title: "审核年度报告" };

export default async function ReviewPage({ params }: { params: Promise<{ reportId: string }> }) {
  const { reportId } = await params;
  const actor = await getActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(`/workspace/reports/${reportId}/review`)}`);
  if (!/^[0-9a-f-]{36}$/i.test(reportId)) notFound();
  const [view, catalog] = await notFoundWhenDenied(Promise.all([getReviewView(actor, reportId), getCatalogForReport(actor, reportId)]));
  const format = getFormat(view.formatVersion);
  const targets = [
    { value: "", label: "整体意见" },
    { value: "title", label: "标题" },
    ...narrativeSections(format).map((s) => ({ value: `sections.${s.key}`, label: `${s.numeral}、${s.heading}` })),
    ...formatCells(format).filter((c) => !c.sum).map((c) => ({ value: `cells.${c.key}`, label: c.name })),
    { value: "signedOn", label: "落款日期" },
  ];
  const { content } = view.revision;
  return (
    <>
      <h1 className="mb-1 text-xl font-bold">
        审核：{view.organizationName}
        {view.year}年度报告（第{view.revision.number}版）
      </h1>
      <p className="mb-4 text-sm text-gray-700">
        状态：{reportStatusLabel[view.status]}
        {view.revision.submittedBy && ` · 提交人：${view.revision.submittedBy}`}
        {" · "}
        <Link href={`/workspace/reports/${view.reportId}`} className="underline">查看工作稿</Link>
      </p>
      {view.revision.correctionReason && <p className="mb-4 text-amber-800">更正原因：{view.revision.correctionReason}</p>}

      <section aria-labelledby="checks" className="mb-6 rounded border border-gray-300 p-3">
        <h2 id="checks" className="mb-2 font-semibold">校验结果与填报人说明</h2>
        {view.findings.length === 0 ? (
          <p>未发现问题。</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {view.findings.map((f) => (
              <li key={findingId(f)} className={f.severity === "error" ? "text-red-800" : "text-amber-900"}>
                {f.severity === "error" ? "错误" : "提示"}（{f.rule}）：{f.message}
                {f.explanation && <span className="block text-gray-800">填报人说明：{f.explanation}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <CatalogDifferences formatVersion={view.formatVersion} values={content.values} catalog={catalog} />

      <section aria-labelledby="changes" className="mb-6 rounded border border-gray-300 p-3">
        <h2 id="changes" className="mb-2 font-semibold">
          {view.previousNumber ? `与第${view.previousNumber}版相比的修改` : "首次提交"}
        </h2>
        {view.diff ? <DiffView diff={view.diff} /> : <p className="text-sm">这是该报告的第一个版本。</p>}
      </section>

      <ReviewActions
        reportId={view.reportId}
        revisionNumber={view.revision.number}
        can={view.can}
        blockedReason={view.blockedReason}
        targets={targets}
      />

      <section aria-label="报告全文" className="mt-8 border-t pt-6">
        <ReportDocument
          format={format}
          title={content.title}
          sections={content.sections}
          values={content.values}
          signatureLine={content.signatureLine}
          signedOn={content.signedOn}
        />
      </section>
    </>
  );
}
