import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReportDocument } from "@/components/report/report-document";
import { getActor } from "@/lib/auth/current-actor";
import { notFoundWhenDenied } from "@/lib/not-found-when-denied";
import { findCell, findingId, formatCells, getFormat, textParts } from "@/lib/report-format";
import { getCatalogForReport } from "@/lib/catalog/report-comparison";
import { getReviewView } from "@/lib/reports/review-queries";
import { FindingDetail } from "@/components/findings/finding-detail";
import { reportStatusText } from "@/lib/workflow/report-status";
import { DiffView } from "./_components/diff-view";
import { ReviewActions } from "./_components/review-actions";
import { redirectToSignIn } from "@/lib/auth/require-sign-in";

export const metadata: Metadata = { title: "审核年度报告" };

export default async function ReviewPage({ params }: { params: Promise<{ reportId: string }> }) {
  const { reportId } = await params;
  const actor = await getActor();
  if (!actor) return redirectToSignIn();
  if (!/^[0-9a-f-]{36}$/i.test(reportId)) notFound();
  const [view, catalog] = await notFoundWhenDenied(Promise.all([getReviewView(actor, reportId), getCatalogForReport(actor, reportId)]));
  const format = getFormat(view.formatVersion);
  const targets = [
    { value: "", label: "整体意见" },
    { value: "title", label: "标题" },
    ...textParts(format).map((s) => ({ value: `sections.${s.key}`, label: s.label })),
    ...formatCells(format).filter((c) => !c.sum).map((c) => ({ value: `cells.${c.key}`, label: c.name })),
    { value: "signedOn", label: "落款日期" },
  ];
  const { content } = view.revision;
  const errors = view.findings.filter((f) => f.severity === "error");
  const warnings = view.findings.filter((f) => f.severity === "warning");
  const tableOf = (cell: string) => findCell(format, cell)?.table;
  const placeOf = (f: (typeof view.findings)[number]) => {
    const table = f.cells[0] ? tableOf(f.cells[0]) : undefined;
    return f.section ? `#section-${f.section}` : table ? `#section-${table}` : "#report-text";
  };
  return (
    <>
      <h1 className="mb-1 text-xl font-bold">
        审核：{view.organizationName}
        {view.year}年度报告（第{view.revision.number}版）
      </h1>
      <p className="mb-4 text-sm text-gray-700">
        状态：{reportStatusText(view.status, view.returned)}
        {view.revision.submittedBy && ` · 提交人：${view.revision.submittedBy}`}
        {" · "}
        <Link href={`/workspace/reports/${view.reportId}`} className="underline">查看工作稿</Link>
      </p>
      {view.revision.correctionReason && <p className="mb-4 text-amber-800">更正原因：{view.revision.correctionReason}</p>}

      <section aria-labelledby="checks" className="mb-6 rounded border border-gray-300 p-3">
        <h2 id="checks" className="mb-2 font-semibold">
          校验结果与填报人说明：阻断性错误 {errors.length} 项，提示 {warnings.length} 项
        </h2>
        {view.findings.length === 0 && <p>未发现问题。</p>}
        {[
          { title: "阻断性错误", list: errors },
          { title: "提示", list: warnings },
        ]
          .filter((group) => group.list.length > 0)
          .map((group) => (
            <div key={group.title} className="mb-3">
              <h3 className="mb-1 text-sm font-semibold">{group.title}（{group.list.length} 项）</h3>
              <ul className="space-y-3 text-sm">
                {group.list.map((f) => (
                  <li key={findingId(f)}>
                    <FindingDetail format={format} finding={f} />
                    <a href={placeOf(f)} className="text-xs text-blue-800 underline">在报告全文中查看</a>
                    {f.explanation && <p className="text-gray-800">填报人说明：{f.explanation}</p>}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        <p className="mt-2 text-sm">
          本单位{catalog.counts.year}年通过信息公开目录主动公开信息 {catalog.counts.total} 条。
          <Link href={`/catalog/${catalog.organizationSlug}/stats/${catalog.counts.year}`} className="ml-1 text-blue-800 underline">
            查看目录统计
          </Link>
        </p>
      </section>

      <section aria-labelledby="changes" className="mb-6 rounded border border-gray-300 p-3">
        <h2 id="changes" className="mb-2 font-semibold">
          {view.previousNumber
            ? `与第${view.previousNumber}版相比的修改`
            : view.diffAgainstYear
              ? `首次提交：与本单位${view.diffAgainstYear}年度已发布报告相比`
              : "首次提交"}
        </h2>
        {view.diffAgainstFormat && (
          <p className="mb-2 text-sm text-gray-700">
            上一年度报告使用{view.diffAgainstFormat}规定的格式，表格只比较两种格式中含义相同的单元格。
          </p>
        )}
        {view.diff ? <DiffView diff={view.diff} labels={view.diffAgainstYear ? [`${view.diffAgainstYear}年度`, `${view.year}年度`] : undefined} /> : <p className="text-sm">这是该报告的第一个版本，本单位没有上一年度已发布的报告可供对照。</p>}
      </section>

      <ReviewActions
        reportId={view.reportId}
        revisionNumber={view.revision.number}
        can={view.can}
        blockedReason={view.blockedReason}
        targets={targets}
        submitter={view.revision.submittedBy}
      />

      <section id="report-text" aria-label="报告全文" className="mt-8 border-t pt-6">
        {view.can.returnReport && <p className="mb-4 text-sm text-gray-700">点击报告中的数字、“提意见”，即可就该处写退回意见。</p>}
        <ReportDocument
          format={format}
          title={content.title}
          sections={content.sections}
          values={content.values}
          signatureLine={content.signatureLine}
          signedOn={content.signedOn}
          commentable={view.can.returnReport}
        />
      </section>
    </>
  );
}
