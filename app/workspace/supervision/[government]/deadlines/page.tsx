import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { getActor } from "@/lib/auth/current-actor";
import { db } from "@/lib/db/client";
import { notFoundWhenDenied } from "@/lib/not-found-when-denied";
import { currentReportYear, formatChineseDate, nationalDeadlines, overrideKey, publicationDeadline, todayInChina } from "@/lib/report-format";
import { saveDeadlinesAction } from "@/lib/supervision/actions";
import { requireSupervisedGovernment } from "@/lib/supervision/government-access";
import { organizationKindLabels } from "@/lib/organizations/schemas";
import { loadDeadlineSetting, loadScheduleFor, organizationKinds } from "@/lib/deadlines/deadline-settings";
import { redirectToSignIn } from "@/lib/auth/require-sign-in";

export const metadata: Metadata = { title: "截止日期设置" };

type Props = {
  params: Promise<{ government: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function DeadlinesPage({ params, searchParams }: Props) {
  const { government: governmentSlug } = await params;
  const requested = Number((await searchParams).year);
  const year = Number.isInteger(requested) && requested >= 2008 && requested <= 2200 ? requested : currentReportYear("TOWNSHIP", todayInChina());
  const actor = await getActor();
  if (!actor) return redirectToSignIn();
  const { government } = await notFoundWhenDenied(requireSupervisedGovernment(actor, governmentSlug, db()));
  const [own, effective] = await Promise.all([loadDeadlineSetting(db(), government.id), loadScheduleFor(db(), government)]);
  // The kinds this government supervises: itself and every level below it.
  const kinds = organizationKinds.slice(organizationKinds.indexOf(government.kind));
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{government.name} 年度报告截止日期</h1>
      <p className="mb-4 text-sm text-gray-700">
        《条例》第四十九条：县级以上人民政府部门应于每年1月31日前公布本机关上一年度报告，县级以上地方人民政府应于3月31日前公布本级政府上一年度报告。乡镇（街道）的日期由本地规定。本级未设的，适用上级政府的设置，再无则适用全国默认。
        <Link className="ml-2 text-blue-800 underline" href={`/workspace/supervision/${government.slug}/${year}`}>返回监督看板</Link>
      </p>
      <ActionForm action={saveDeadlinesAction} submitLabel="保存截止日期" successMessage="已保存" hidden={{ governmentSlug: government.slug, year: String(year) }}>
        <table className="border-collapse text-sm">
          <caption className="mb-2 text-left font-bold">{year}年度报告</caption>
          <thead>
            <tr>
              <th scope="col" className="border bg-gray-100 p-1 text-left">单位类别</th>
              <th scope="col" className="border bg-gray-100 p-1 text-left">每年的截止日（月-日，空为上级设置或全国默认）</th>
              <th scope="col" className="border bg-gray-100 p-1 text-left">{year}年度另定日期</th>
              <th scope="col" className="border bg-gray-100 p-1 text-left">{year}年度实际截止日期</th>
            </tr>
          </thead>
          <tbody>
            {kinds.map((kind) => (
              <tr key={kind}>
                <th scope="row" className="border p-1 text-left font-normal">{organizationKindLabels[kind]}</th>
                <td className="border p-1">
                  <input
                    name={`default_${kind}`}
                    aria-label={`${organizationKindLabels[kind]} 每年的截止日`}
                    defaultValue={own.defaults[kind] ?? ""}
                    placeholder={effective.defaults[kind] ?? nationalDeadlines[kind]}
                    className="w-24 rounded border border-gray-400 p-1"
                  />
                </td>
                <td className="border p-1">
                  <input
                    type="date"
                    name={`override_${kind}`}
                    aria-label={`${organizationKindLabels[kind]} ${year}年度另定日期`}
                    defaultValue={own.overrides[overrideKey(kind, year)] ?? ""}
                    className="rounded border border-gray-400 p-1"
                  />
                </td>
                <td className="border p-1" data-kind={kind}>{formatChineseDate(publicationDeadline(kind, year, effective))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ActionForm>
    </>
  );
}
