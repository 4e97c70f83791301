// /catalog/<org>/index.json[?year=&category=]: the unit's catalog index as open data.
import { auditExport } from "@/lib/audit/request-audit";
import { getActor } from "@/lib/auth/current-actor";
import { parseCatalogFilters } from "@/lib/catalog/listing-filters";
import { catalogOpenData, catalogVersion } from "@/lib/catalog/open-data";
import { getCatalogOrganization } from "@/lib/catalog/public-queries";
import { notModified, revisionCacheHeaders } from "@/lib/publication/http-cache";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ organization: string }> }) {
  const { organization: slug } = await params;
  const organization = /^[a-z0-9-]{1,100}$/.test(slug) ? await getCatalogOrganization(slug) : null;
  if (!organization) return Response.json({ error: "未找到" }, { status: 404 });
  // Anyone may download the index; a download by signed-in staff is an export, and audited.
  const actor = await getActor();
  if (actor) await auditExport(actor, "export.download", { type: "organization", id: organization.slug }, { file: "index.json" });
  const { category, year } = parseCatalogFilters(Object.fromEntries(new URL(request.url).searchParams));
  const filters = { ...(category ? { category } : {}), ...(year ? { year } : {}) };
  const version = await catalogVersion(organization.id);
  const variant = `json-${category ?? ""}-${year ?? ""}`;
  const unchanged = notModified(request, version, variant);
  if (unchanged) return unchanged;
  const { items, truncated } = await catalogOpenData(organization.id, filters);
  return Response.json({
    schema: "nianbao.catalog/1",
    organization: { slug: organization.slug, name: organization.name },
    filters,
    count: items.length,
    truncated,
    items,
  }, { headers: revisionCacheHeaders(version, variant) });
}
