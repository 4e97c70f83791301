// The import template as CSV (UTF-8 with BOM, so Excel opens it as Chinese).
import { csvLine } from "@/lib/exports/csv";
import { importTemplateRows } from "@/lib/catalog/import/import-rows";

export function GET() {
  return new Response(`\uFEFF${importTemplateRows().map(csvLine).join("\r\n")}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="catalog-template.csv"; filename*=UTF-8''${encodeURIComponent("信息公开目录导入模板.csv")}`,
    },
  });
}
