// An import file's rows, checked one by one against the same schema the
// form uses. Each row is either a set of item fields or a list of reasons,
// with its row number as the spreadsheet shows it (the header is row 1).
// Pure: the server only adds the checks that need the database.
import { categoryFromText, validityLabel, type CatalogValidityName } from "../categories";
import { ZCatalogItemFields, type TCatalogItemFields } from "../schemas";

/** Column headings of the import template, in order, and the field each fills. */
export const importColumns = [
  { heading: "标题", field: "title", required: true },
  { heading: "信息类别", field: "category", required: true },
  { heading: "文号", field: "documentNumber", required: false },
  { heading: "发布机构", field: "issuer", required: false },
  { heading: "成文日期", field: "writtenOn", required: false },
  { heading: "原发布日期", field: "originalPublishedAt", required: false },
  { heading: "主题分类", field: "subject", required: false },
  { heading: "有效性", field: "validity", required: false },
  { heading: "废止或失效日期", field: "validityEndedOn", required: false },
  { heading: "正文", field: "body", required: false },
] as const;

export const MAX_IMPORT_ROWS = 5000;

export type ImportRow = { row: number; ok: true; fields: TCatalogItemFields } | { row: number; ok: false; reasons: string[] };

export interface ImportCheck {
  rows: ImportRow[];
  /** A problem with the file as a whole (no rows are imported). */
  fileError?: string;
}

const validityByLabel = new Map<string, CatalogValidityName>(
  (Object.keys(validityLabel) as CatalogValidityName[]).map((key) => [validityLabel[key], key]),
);

export function checkImportRows(table: string[][], defaults: { issuer: string }): ImportCheck {
  const [header, ...body] = table;
  if (!header) return { rows: [], fileError: "文件是空的" };
  const headings = header.map((h) => h.trim());
  const indexOf = new Map(importColumns.map((c) => [c.field, headings.indexOf(c.heading)]));
  const missing = importColumns.filter((c) => c.required && indexOf.get(c.field) === -1).map((c) => c.heading);
  if (missing.length > 0) return { rows: [], fileError: `第1行缺少列：${missing.join("、")}（请使用导入模板）` };
  // Counted before any row is checked: an oversized file is refused at once.
  const filled = body.filter((cells) => cells.some((cell) => cell.trim() !== "")).length;
  if (filled === 0) return { rows: [], fileError: "文件中没有数据行" };
  if (filled > MAX_IMPORT_ROWS) return { rows: [], fileError: `一次最多导入${MAX_IMPORT_ROWS}行，本文件有${filled}行，请分批导入` };
  const rows: ImportRow[] = [];
  body.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((cell) => cell.trim() === "")) return;
    const value = (field: string) => {
      const index = indexOf.get(field as (typeof importColumns)[number]["field"]) ?? -1;
      return index >= 0 ? (cells[index] ?? "").trim() : "";
    };
    const reasons: string[] = [];
    const categoryText = value("category");
    const category = categoryFromText(categoryText);
    if (categoryText && !category) reasons.push(`信息类别“${categoryText}”不在目录分类中`);
    const validityText = value("validity") || "有效";
    const validity = validityByLabel.get(validityText);
    if (!validity) reasons.push(`有效性应为“有效”“已废止”或“已失效”，而不是“${validityText}”`);
    const parsed = ZCatalogItemFields.safeParse({
      title: value("title"),
      body: value("body"),
      category: category?.key ?? (categoryText ? "__unknown" : ""),
      subject: value("subject"),
      documentNumber: value("documentNumber"),
      issuer: value("issuer") || defaults.issuer,
      writtenOn: value("writtenOn"),
      originalPublishedAt: value("originalPublishedAt"),
      validity: validity ?? "VALID",
      validityEndedOn: value("validityEndedOn"),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        // Unknown categories and validities are already explained above.
        if ((issue.path[0] === "category" && categoryText) || (issue.path[0] === "validity" && !validity)) continue;
        reasons.push(issue.message);
      }
    }
    if (reasons.length > 0 || !parsed.success) rows.push({ row, ok: false, reasons: [...new Set(reasons)] });
    else rows.push({ row, ok: true, fields: parsed.data });
  });
  return { rows };
}

/** The same 文号 twice in one file: every row after the first is refused. */
export function refuseRepeatedDocumentNumbers(rows: ImportRow[], existing: ReadonlySet<string>): ImportRow[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    if (!row.ok || row.fields.documentNumber === "") return row;
    const number = row.fields.documentNumber;
    if (existing.has(number)) return { row: row.row, ok: false, reasons: [`文号“${number}”已在本单位目录中`] };
    const first = seen.get(number);
    if (first !== undefined) return { row: row.row, ok: false, reasons: [`文号“${number}”与第${first}行重复`] };
    seen.set(number, row.row);
    return row;
  });
}

/** The template: the headings and one example row. */
export function importTemplateRows(): string[][] {
  return [
    importColumns.map((c) => c.heading),
    ["关于印发《雷官镇2024年政务公开工作要点》的通知", "政策文件", "雷政〔2024〕12号", "来安县雷官镇人民政府", "2024-03-01", "", "综合政务\\政务公开", "有效", "", "各村（社区）：……"],
  ];
}
