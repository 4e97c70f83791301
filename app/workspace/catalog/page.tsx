import type { Metadata } from "next";
import Link from "next/link";
import { getActor } from "@/lib/auth/current-actor";
import { categoryLabel, catalogStatusLabel } from "@/lib/catalog/categories";
import { dateInChina } from "@/lib/catalog/china-time";
import { listCatalogWorkload, type WorkspaceListItem } from "@/lib/catalog/workspace-queries";
import { todayInChina } from "@/lib/report-format";
import { redirectToSignIn } from "@/lib/auth/require-sign-in";

export const metadata: Metadata = { title: "信息公开目录" };

function ItemTable({ caption, items }: { caption: string; items: WorkspaceListItem[] }) {
  if (items.length === 0) return null;
  return (
    <div className="mb-4 overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
      <table className="w-full border-collapse text-sm">
        <caption className="mb-1 text-left font-semibold">{caption}（{items.length}）</caption>
        <thead>
          <tr>
            <th scope="col" className="border p-1 text-left">标题</th>
            <th scope="col" className="border p-1 text-left">类别</th>
            <th scope="col" className="border p-1 text-left">状态</th>
            <th scope="col" className="border p-1 text-left">日期</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row" className="border p-1 text-left font-normal">
                <Link href={`/workspace/catalog/items/${item.id}`} className="text-blue-800 underline">{item.title}</Link>
                {item.returnComment && <span className="ml-1 text-red-800">（已退回）</span>}
              </th>
              <td className="border p-1">{categoryLabel(item.category)}</td>
              <td className="border p-1">{catalogStatusLabel[item.status]}</td>
              <td className="border p-1">{dateInChina(item.publishedAt ?? item.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The catalog work of each unit the person works for: to review, drafts, recently published. */
export default async function WorkspaceCatalogPage() {
  const actor = await getActor();
  if (!actor) return redirectToSignIn();
  const sections = await listCatalogWorkload(actor);
  const year = Number(todayInChina().slice(0, 4));
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">信息公开目录</h1>
      {sections.length === 0 && <p>您的账号尚未分配机构，请联系系统管理员。</p>}
      {sections.map(({ org, submitted, drafts, published }) => (
        <section key={org.id} aria-labelledby={`catalog-${org.id}`} className="mb-8">
          <h2 id={`catalog-${org.id}`} className="mb-2 text-lg font-semibold">{org.name}</h2>
          <p className="mb-3 flex flex-wrap gap-4 text-sm">
            {org.canEdit && (
              <>
                <Link href={`/workspace/catalog/new?organization=${org.id}`} className="text-blue-800 underline">新建信息</Link>
                <Link href={`/workspace/catalog/import?organization=${org.id}`} className="text-blue-800 underline">批量导入</Link>
              </>
            )}
            <Link href={`/catalog/${org.slug}`} className="text-blue-800 underline">查看公开目录</Link>
            <Link href={`/catalog/${org.slug}/stats/${year - 1}`} className="text-blue-800 underline">{year - 1}年统计</Link>
          </p>
          <ItemTable caption="待审核" items={submitted} />
          <ItemTable caption="草稿" items={drafts} />
          <ItemTable caption="最近发布" items={published} />
          {submitted.length + drafts.length + published.length === 0 && <p className="text-sm">还没有信息。</p>}
        </section>
      ))}
    </>
  );
}
