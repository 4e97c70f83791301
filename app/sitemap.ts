import type { MetadataRoute } from "next";
import { listRegionOptions } from "@/lib/regions/list-region-options";
import { regionPath } from "@/lib/regions/paths";
import { listPublishedReports } from "@/lib/reports/queries";
import { publicSiteUrl } from "@/lib/env";

export const dynamic = "force-dynamic";

/** Every government's page, the way down to its units, and every published report at its stable address. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = publicSiteUrl();
  const [regions, reports] = await Promise.all([listRegionOptions(), listPublishedReports()]);
  return [
    { url: `${base}/`, changeFrequency: "daily" },
    ...regions.map((r) => ({ url: `${base}${regionPath(r.slug)}`, changeFrequency: "daily" as const })),
    ...reports.map((r) => ({ url: `${base}/reports/${r.organizationSlug}/${r.year}`, lastModified: r.publishedAt })),
  ];
}
