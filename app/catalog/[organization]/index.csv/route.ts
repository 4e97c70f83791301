// /catalog/<org>/index.csv[?year=&category=]: the same index as CSV.
import { auditExport } from "@/lib/audit/request-audit";
import { getActor } from "@/lib/auth/current-actor";
import { parseCatalogFilters } from "@/lib/catalog/listing-filters";
import { catalogCsv, catalogOpenData, catalogVersion } from "@/lib/catalog/open-data";
import { getCatalogOrganization } from "@/lib/catalog/public-queries";
import { notModified, revisionCacheHeaders } from "@/lib/publication/http-cache";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ organization: string }> }) {
  const { organization: slug } = await params;
  const organization = /^[a-z0-9-]{1,100}$/.test(slug) ? await getCatalogOrganization(slug) : null;
  if (!organization) return new Response("未找到", { status: 404 });
  // Anyone may download the index; a download by signed-in staff is an export, and audited.
  const actor = await getActor();
  if (actor) await auditExport(actor, "export.download", { type: "organization", id: organization.slug }, { file: "index.csv" });
  const { category, year } = parseCatalogFilters(Object.fromEntries(new URL(request.url).searchParams));
  const version = await catalogVersion(organization.id);
  const variant = `csv-${category ?? ""}-${year ?? ""}`;
  const unchanged = notModified(request, version, variant);
  if (unchanged) return unchanged;
  const { items } = await catalogOpenData(organization.id, { ...(category ? { category } : {}), ...(year ? { year } : {}) });
  const name = `${organization.slug}-catalog${year ? `-${year}` : ""}.csv`;
  return new Response(catalogCsv(items), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      ...revisionCacheHeaders(version, variant),
    },
  });
}
