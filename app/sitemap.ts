import type { MetadataRoute } from "next";
import { listPublishedReports } from "@/lib/reports/queries";
import { publicSiteUrl } from "@/lib/env";

export const dynamic = "force-dynamic";

/** Every published report at its stable address. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = publicSiteUrl();
  const reports = await listPublishedReports();
  return [
    { url: `${base}/`, changeFrequency: "daily" },
    ...reports.map((r) => ({ url: `${base}/reports/${r.organizationSlug}/${r.year}`, lastModified: r.publishedAt })),
  ];
}
