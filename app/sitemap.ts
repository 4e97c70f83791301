import type { MetadataRoute } from "next";
import { listPublishedReports } from "@/lib/reports/queries";

export const dynamic = "force-dynamic";

/** Every published report at its stable address. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = (process.env.SITE_URL ?? process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
  const reports = await listPublishedReports();
  return [
    { url: `${base}/`, changeFrequency: "daily" },
    ...reports.map((r) => ({ url: `${base}/reports/${r.organizationSlug}/${r.year}`, lastModified: r.publishedAt })),
  ];
}
