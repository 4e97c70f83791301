import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MetadataBox } from "@/components/catalog/metadata-box";
import { getActor } from "@/lib/auth/current-actor";
import { notFoundWhenDenied } from "@/lib/not-found-when-denied";
import { allowedExtensionsText } from "@/lib/catalog/attachment-types";
import { catalogStatusLabel, categoryLabel, validityLabel } from "@/lib/catalog/categories";
import { getWorkspaceItem } from "@/lib/catalog/workspace-queries";
import { AttachmentList } from "../../_components/attachment-list";
import { ItemActions } from "../../_components/item-actions";
import { ItemForm } from "../../_components/item-form";
import { UploadForm } from "../../_components/upload-form";
import { redirectToSignIn } from "@/lib/auth/require-sign-in";

export const metadata: Metadata = { title: "信息" };

export default async function WorkspaceCatalogItemPage({ params }: { params: Promise<{ itemId: string }> }) {
  const { itemId } = await params;
  const actor = await getActor();
  if (!actor) return redirectToSignIn();
  if (!/^[0-9a-f-]{36}$/i.test(itemId)) notFound();
  const item = await notFoundWhenDenied(getWorkspaceItem(actor, itemId));
  const { fields } = item;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/workspace/catalog" className="text-blue-800 underline">信息公开目录</Link> · {item.organization.name}
      </p>
      <h1 className="mb-1 text-xl font-bold [overflow-wrap:anywhere]">{fields.title}</h1>
      <p className="mb-4 text-sm">
        状态：{catalogStatusLabel[item.status]}
        {item.status === "PUBLISHED" && (
          <Link href={`/catalog/${item.organization.slug}/${item.id}`} className="ml-2 text-blue-800 underline">查看公开页面</Link>
        )}
      </p>
      {item.returnComment && <p className="mb-4 rounded border border-red-700 bg-red-50 p-2 text-sm">退回意见：{item.returnComment}</p>}
      {(item.can.submit || item.can.withdraw || item.can.review || item.can.changeValidity || item.approveBlockedReason) && <ItemActions item={item} />}
      {item.can.edit ? (
        <ItemForm key={item.version} mode="edit" organizationId={item.organization.id} itemId={item.id} version={item.version} initial={fields} />
      ) : (
        <>
          <MetadataBox
            rows={[
              ["索引号", item.indexNumber ?? "（发布时生成）"],
              ["发布机构", fields.issuer],
              ["文号", fields.documentNumber],
              ["成文日期", fields.writtenOn],
              // Imported items may carry the date an old portal published them: it
              // decides which year's report counts them, so the reviewer sees it.
              ...(fields.originalPublishedAt ? [["原发布日期", fields.originalPublishedAt] as [string, string]] : []),
              ["信息类别", categoryLabel(fields.category)],
              ["主题分类", fields.subject],
              ["有效性", `${validityLabel[fields.validity]}${fields.validityEndedOn ? `（${fields.validityEndedOn}）` : ""}`],
            ]}
          />
          <div className="whitespace-pre-line text-sm [overflow-wrap:anywhere]">{fields.body}</div>
        </>
      )}
      <section aria-labelledby="attachments" className="mt-6">
        <h2 id="attachments" className="mb-1 font-semibold">附件</h2>
        <AttachmentList attachments={item.attachments} editable={item.can.detach} />
        {item.can.attach && (
          <div className="mt-2">
            <UploadForm
              action={`/workspace/catalog/items/${item.id}/attachments`}
              label={`上传附件（${allowedExtensionsText}）`}
              accept=".pdf,.doc,.docx,.xls,.xlsx,.ofd,.jpg,.jpeg,.png"
              submitLabel="上传"
            />
          </div>
        )}
      </section>
    </>
  );
}
