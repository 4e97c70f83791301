import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getRegionPage } from "@/lib/regions/get-region";
import { parseRegionSlug, regionPath } from "@/lib/regions/paths";
import { RegionView } from "./_components/region-view";

// Rendered per request like the rest of the portal: a report published a
// moment ago is counted and listed at once (only report pages are cached).
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ region: string }> };

// Metadata and page share one read per request.
const load = cache(async (region: string) => {
  const slug = parseRegionSlug(region);
  return slug ? getRegionPage(slug) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await load((await params).region);
  if (!page) return { title: "未找到" };
  return { title: `${page.government.name}政府信息公开工作年度报告`, alternates: { canonical: regionPath(page.government.slug) } };
}

/** A government's region, for the newest year with published reports. */
export default async function RegionPage({ params }: Props) {
  const page = await load((await params).region);
  if (!page) notFound();
  return <RegionView page={page} yearInPath={false} />;
}
