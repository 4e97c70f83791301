import type { Metadata } from "next";
import Link from "next/link";
import { adminScope } from "@/lib/organizations/admin-scope";
import { getActor } from "@/lib/auth/current-actor";
import { redirectToSignIn } from "@/lib/auth/require-sign-in";
import { notFoundWhenDenied } from "@/lib/not-found-when-denied";
import { hasChanges, hasRefusals } from "@/lib/register/plan-register";
import { previewRegister } from "@/lib/register/uploads";
import { ConfirmImport } from "../_components/confirm-import";
import { PlanTable } from "../_components/plan-table";

export const metadata: Metadata = { title: "名录导入预览" };
export const dynamic = "force-dynamic";

const shanghai = (date: Date) => date.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short" });

export default async function RegisterPreviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ uploadId: string }>;
  searchParams: Promise<{ show?: string }>;
}) {
  const actor = await getActor();
  if (!actor) return redirectToSignIn("/admin/import");
  if (!adminScope(actor)) return <p>只有管理员可以导入单位和账号名录。</p>;
  const [{ uploadId }, { show }] = await Promise.all([params, searchParams]);
  const preview = await notFoundWhenDenied(previewRegister(actor, uploadId));
  const { plan } = preview;
  const refusedOnly = show === "refused";
  const refused = plan.counts.units.refused + plan.counts.accounts.refused;
  const blocked = preview.expired
    ? "预览已过期（上传后24小时内有效），请重新上传。"
    : hasRefusals(plan)
      ? `有 ${refused} 行被拒绝，不能导入：请按“说明”中的原因修改文件后重新上传。改好以前，系统中不会有任何改动。`
      : !hasChanges(plan)
        ? "名录与系统中的一致（全部“无变化”），没有需要导入的内容。"
        : null;
  const units = plan.units.filter((u) => !refusedOnly || u.outcome === "refused");
  const accounts = plan.accounts.filter((a) => !refusedOnly || a.outcome === "refused");
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">名录导入预览</h1>
      <p className="mb-2 text-sm">
        文件：{preview.files.map((f) => f.name).join("、")}（上传于 {shanghai(preview.createdAt)}）。
        {!preview.appliedAt && "以下是确认后将要进行的改动，按系统现状核对；确认之前系统中没有任何改动。"}
      </p>
      {preview.notes.length > 0 && (
        <ul className="mb-3 list-disc pl-5 text-sm text-gray-700">
          {preview.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {refused > 0 && (
        <p className="mb-3 text-sm">
          {refusedOnly ? <a href={`/admin/import/${uploadId}`} className="underline">显示全部行</a> : <a href="?show=refused" className="underline">只看被拒绝的 {refused} 行</a>}
        </p>
      )}
      <ConfirmImport
        uploadId={preview.uploadId}
        digest={plan.digest}
        blocked={blocked}
        appliedAt={preview.appliedAt ? shanghai(preview.appliedAt) : null}
      />
      {plan.units.length > 0 && (
        <PlanTable
          id="plan-units"
          title="单位"
          columns={{ label: "单位全称", key: "统一社会信用代码" }}
          counts={plan.counts.units}
          rows={units.map((u) => ({ ...u, label: u.name, key: u.code }))}
        />
      )}
      {plan.accounts.length > 0 && (
        <PlanTable
          id="plan-accounts"
          title="账号"
          columns={{ label: "姓名", key: "用户名" }}
          counts={plan.counts.accounts}
          rows={accounts.map((a) => ({ ...a, label: a.displayName, key: a.username }))}
        />
      )}
      <p className="text-sm">
        <Link href="/admin/import" className="underline">重新上传</Link>
        <a href="/admin" className="ml-4 underline">返回系统管理</a>
      </p>
    </>
  );
}
