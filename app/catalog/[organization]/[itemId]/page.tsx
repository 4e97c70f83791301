import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { MetadataBox } from "@/components/catalog/metadata-box";
import { formatBytes } from "@/lib/catalog/attachment-types";
import { categoryLabel, findCategory, validityLabel } from "@/lib/catalog/categories";
import { dateInChina } from "@/lib/catalog/china-time";
import { getPublishedItem, type PublishedItem } from "@/lib/catalog/public-queries";
import { formatChineseDate } from "@/lib/report-format";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ organization: string; itemId: string }> };

const loadItem = cache(async (organization: string, itemId: string) =>
  /^[0-9a-f-]{36}$/i.test(itemId) && /^[a-z0-9-]{1,100}$/.test(organization) ? getPublishedItem(organization, itemId) : null,
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { organization, itemId } = await params;
  const item = await loadItem(organization, itemId);
  return item ? { title: item.title, alternates: { canonical: `/catalog/${organization}/${item.id}` } } : { title: "未找到" };
}

function validityText(item: PublishedItem): string {
  if (item.validity === "VALID") return validityLabel.VALID;
  return `${validityLabel[item.validity]}（${formatChineseDate(item.validityEndedOn!.toISOString().slice(0, 10))}）`;
}

/** One published item with its catalog metadata, body and attachments. */
export default async function CatalogItemPage({ params }: Props) {
  const { organization, itemId } = await params;
  const item = await loadItem(organization, itemId);
  if (!item) notFound();
  const category = findCategory(item.category);
  const rows = [
    ["索引号", item.indexNumber],
    ["发布机构", item.issuer],
    ["文号", item.documentNumber],
    ["成文日期", item.writtenOn ? formatChineseDate(item.writtenOn.toISOString().slice(0, 10)) : ""],
    ["发布日期", formatChineseDate(dateInChina(item.publishedAt))],
    ["主题分类", item.subject],
    ["信息类别", category ? `${category.label}（条例${category.article}）` : categoryLabel(item.category)],
    ["公开方式", item.disclosure],
    ["有效性", validityText(item)],
  ] as const;
  // Paragraphs are blank-line separated plain text, rendered escaped.
  const paragraphs = item.body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return (
    <article>
      <p className="mb-2 text-sm">
        <Link href={`/catalog/${item.organization.slug}`} className="text-blue-800 underline">{item.organization.name}政府信息公开目录</Link>
      </p>
      <MetadataBox rows={rows} />
      <h1 className="mb-4 text-center text-2xl font-bold [overflow-wrap:anywhere]">{item.title}</h1>
      {item.validity !== "VALID" && (
        <p className="mb-4 rounded border border-red-700 bg-red-50 p-2 text-sm">本文件{validityText(item)}，仅供查阅。</p>
      )}
      <div className="space-y-3 leading-relaxed">
        {paragraphs.map((p, i) => (
          <p key={i} className="whitespace-pre-line [overflow-wrap:anywhere]">{p}</p>
        ))}
      </div>
      {item.attachments.length > 0 && (
        <section aria-labelledby="attachments" className="mt-6">
          <h2 id="attachments" className="font-semibold">附件</h2>
          <ul className="list-disc pl-6 text-sm">
            {item.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/catalog/attachments/${a.id}`} className="text-blue-800 underline [overflow-wrap:anywhere]" download>
                  {a.fileName}
                </a>{" "}
                （{a.extension.toUpperCase()}，{formatBytes(a.size)}）
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
