// /regions/<region>/<year>/compare.csv (rewritten here): the published
// figures of the government's units for the year — those its comparison page
// shows — one row per cell.
import { getGovernmentYear } from "@/lib/comparison/queries";
import { reportsToCsv } from "@/lib/exports/csv";
import { parseRegionYear } from "@/lib/regions/paths";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ region: string; year: string }> }) {
  const parsed = parseRegionYear(await params);
  const data = parsed ? await getGovernmentYear(parsed.region, parsed.year) : null;
  if (!parsed || !data) return new Response("未找到", { status: 404 });
  const csv = reportsToCsv(
    data.units.map((unit) => ({
      format: unit.format,
      organization: { name: unit.organization.name, code: null },
      year: unit.year,
      title: "",
      sections: {},
      values: unit.values,
      signatureLine: "",
      signedOn: null,
    })),
  );
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${parsed.region}-${parsed.year}.csv"`,
    },
  });
}
