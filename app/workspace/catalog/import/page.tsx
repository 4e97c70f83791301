import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getActor } from "@/lib/auth/current-actor";
import { importColumns } from "@/lib/catalog/import/import-rows";
import { findDraftableOrganization } from "@/lib/catalog/workspace-queries";
import { ImportPanel } from "./_components/import-panel";
import { redirectToSignIn } from "@/lib/auth/require-sign-in";

export const metadata: Metadata = { title: "批量导入信息" };

export default async function ImportCatalogPage({ searchParams }: { searchParams: Promise<{ organization?: string }> }) {
  const actor = await getActor();
  if (!actor) return redirectToSignIn();
  const { organization: organizationId } = await searchParams;
  const organization = await findDraftableOrganization(actor, organizationId);
  if (!organization) notFound();
  return (
    <>
      <h1 className="mb-2 text-xl font-bold">批量导入信息：{organization.name}</h1>
      <p className="mb-2 text-sm">
        上传 CSV（UTF-8）或 Excel（.xlsx）文件，第一行为列名：{importColumns.map((c) => `${c.heading}${c.required ? "（必填）" : ""}`).join("、")}。
        <a href="/workspace/catalog/import/template" className="ml-1 text-blue-800 underline">下载导入模板</a>
      </p>
      <p className="mb-4 text-sm">导入的信息均为草稿，须经审核人审核通过后才会公开。有问题的行不导入，并逐行说明原因。</p>
      <ImportPanel organizationId={organization.id} />
    </>
  );
}
