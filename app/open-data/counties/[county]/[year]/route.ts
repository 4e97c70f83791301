// The county-only portal's CSV, /counties/<county>/<year>.csv (rewritten
// here by next.config.mjs): now the CSV of the comparison of any
// government's units, to which the old address redirects permanently.
import { compareCsvPath, movedPermanently, parseRegionYear } from "@/lib/regions/paths";

export async function GET(request: Request, { params }: { params: Promise<{ county: string; year: string }> }) {
  const { county, year } = await params;
  const parsed = parseRegionYear({ region: county, year });
  return parsed ? movedPermanently(request, compareCsvPath(parsed.region, parsed.year)) : new Response("未找到", { status: 404 });
}
