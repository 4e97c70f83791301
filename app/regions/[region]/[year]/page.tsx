import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getRegionPage } from "@/lib/regions/get-region";
import { parseRegionYear, regionPath } from "@/lib/regions/paths";
import { RegionView } from "../_components/region-view";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ region: string; year: string }> };

const load = cache(async (region: string, year: string) => {
  const parsed = parseRegionYear({ region, year });
  return parsed ? getRegionPage(parsed.region, parsed.year) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { region, year } = await params;
  const page = await load(region, year);
  if (!page) return { title: "未找到" };
  return {
    title: `${page.government.name}${page.year}年度政府信息公开工作年度报告`,
    alternates: { canonical: regionPath(page.government.slug, page.year) },
  };
}

/** A government's region for one report year. */
export default async function RegionYearPage({ params }: Props) {
  const { region, year } = await params;
  const page = await load(region, year);
  if (!page) notFound();
  return <RegionView page={page} yearInPath />;
}
