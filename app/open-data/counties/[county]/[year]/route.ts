// /counties/<county>/<year>.csv (rewritten here): every unit's published
// figures for the year, one row per cell.
import { getCountyYear } from "@/lib/comparison/queries";
import { reportsToCsv } from "@/lib/exports/csv";
import { parseReportParams } from "@/lib/reports/route-params";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ county: string; year: string }> }) {
  const { county, year } = await params;
  const parsed = parseReportParams({ organization: county, year });
  const data = parsed ? await getCountyYear(parsed.organization, parsed.year) : null;
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
      "Content-Disposition": `attachment; filename="${parsed.organization}-${parsed.year}.csv"`,
    },
  });
}
