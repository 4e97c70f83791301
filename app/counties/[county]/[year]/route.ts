// The county-only portal's comparison page, /counties/<county>/<year>: it is
// now the comparison of any government's units, and the old address
// (bookmarked, linked from other sites) answers with a permanent redirect.
import { comparePath, movedPermanently, parseRegionYear } from "@/lib/regions/paths";

export async function GET(request: Request, { params }: { params: Promise<{ county: string; year: string }> }) {
  const { county, year } = await params;
  const parsed = parseRegionYear({ region: county, year });
  return parsed ? movedPermanently(request, comparePath(parsed.region, parsed.year)) : new Response("未找到", { status: 404 });
}
