// The board as Excel; the roll-up as Excel, CSV and JSON. Staff only, never cached.
import { auditExport } from "@/lib/audit/request-audit";
import { getActor } from "@/lib/auth/current-actor";
import { readDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { reportToCsv } from "@/lib/exports/csv";
import { reportToXlsx } from "@/lib/exports/xlsx";
import { formatCells } from "@/lib/report-format";
import { boardToXlsx } from "@/lib/supervision/board-export";
import { loadStatusBoard } from "@/lib/supervision/board";
import { loadGovernmentRollup, rollupScopes } from "@/lib/supervision/rollup";
import { parseScope, parseSupervisionParams } from "@/lib/supervision/route-params";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function attachment(body: BodyInit, type: string, filename: string) {
  return new Response(body, {
    headers: {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "private, no-store",
    },
  });
}

export async function GET(request: Request, { params }: { params: Promise<{ government: string; year: string; file: string }> }) {
  const { file, ...rest } = await params;
  const parsed = parseSupervisionParams(rest);
  if (!parsed) return new Response("未找到", { status: 404 });
  const scope = parseScope(new URL(request.url).searchParams.get("scope") ?? undefined);
  try {
    const actor = await getActor();
    if (!actor) return new Response("请先登录", { status: 401 });
    const audited = (government: string) => auditExport(actor, "export.download", { type: "government", id: government }, { file, year: parsed.year, scope });
    if (file === "board.xlsx") {
      const board = await loadStatusBoard(actor, parsed.government, parsed.year, readDb());
      await audited(parsed.government);
      return attachment(new Uint8Array(await boardToXlsx(board)), XLSX, `${board.government.name}${board.year}年度报告工作进度.xlsx`);
    }
    const { government, rollup, findings } = await loadGovernmentRollup(actor, parsed.government, parsed.year, scope, readDb());
    const name = `${government.name}${rollup.year}年度政府信息公开工作年度报告汇总（${rollupScopes[scope].label}）`;
    if (["rollup.xlsx", "rollup.csv", "rollup.json"].includes(file)) await audited(government.slug);
    const exportable = {
      format: rollup.format,
      organization: { name: `${government.name}（汇总）`, code: null },
      year: rollup.year,
      title: name,
      sections: {},
      values: rollup.values,
      signatureLine: "",
      signedOn: null,
    };
    switch (file) {
      case "rollup.xlsx":
        return attachment(new Uint8Array(await reportToXlsx(exportable)), XLSX, `${name}.xlsx`);
      case "rollup.csv":
        return attachment(reportToCsv(exportable), "text/csv; charset=utf-8", `${name}.csv`);
      case "rollup.json":
        return attachment(
          JSON.stringify(
            {
              schema: "nianbao.rollup/1",
              county: { slug: government.slug, name: government.name },
              year: rollup.year,
              scope,
              formatVersion: rollup.format.version,
              units: rollup.units,
              cells: formatCells(rollup.format).map((cell) => ({
                table: cell.table,
                row: cell.row,
                column: cell.column,
                label: cell.name,
                value: rollup.values[cell.key] ?? null,
              })),
              findings: findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, cells: f.cells })),
            },
            null,
            2,
          ),
          "application/json; charset=utf-8",
          `${name}.json`,
        );
      default:
        return new Response("未找到", { status: 404 });
    }
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) {
      return new Response("未找到", { status: 404 });
    }
    throw error;
  }
}
