import type { Metadata } from "next";
import Link from "next/link";
import { getActor } from "@/lib/auth/current-actor";
import { db } from "@/lib/db/client";
import { notFoundWhenDenied } from "@/lib/not-found-when-denied";
import { currentReportYear, formats, todayInChina } from "@/lib/report-format";
import { requireSupervisedGovernment } from "@/lib/supervision/government-access";
import { BackfillPanel } from "./_components/backfill-panel";
import { redirectToSignIn } from "@/lib/auth/require-sign-in";

export const metadata: Metadata = { title: "补录往年报告" };

export default async function BackfillPage({ params }: { params: Promise<{ government: string }> }) {
  const { government: governmentSlug } = await params;
  const actor = await getActor();
  if (!actor) return redirectToSignIn();
  const { government } = await notFoundWhenDenied(requireSupervisedGovernment(actor, governmentSlug, db()));
  const units = await db().organization.findMany({
    where: { OR: [{ id: government.id }, { parentId: government.id }] },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: { id: true, name: true },
  });
  const last = currentReportYear("COUNTY_GOVERNMENT", todayInChina());
  const first = Math.min(...formats.map((f) => f.years.from));
  const years = Array.from({ length: last - first + 1 }, (_, i) => last - i);
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{government.name} 补录往年报告</h1>
      <p className="mb-4 text-sm text-gray-700">
        把本级政府及其直属单位已在原门户网站发布的年度报告补录进来（Word 文档、另存的网页、纯文本，或打包成一个 .zip），作为往年数据用于上年结转核对、同比和雷同比对。
        每个文件按标题识别单位和年度，可以改正；有阻断性错误、无法识别的内容，或该单位该年度已有报告的文件不予补录。补录记入审计日志。
        <Link className="ml-2 text-blue-800 underline" href={`/workspace/supervision/${government.slug}/${last}`}>返回监督看板</Link>
      </p>
      <BackfillPanel governmentSlug={government.slug} units={units} years={years} />
    </>
  );
}
