// Whether a file is the report the user says it is: a title naming another
// year or another unit is the commonest import mistake (last year's file, the
// neighbouring township's), refused unless the user confirms.
import type { ParsedReport } from "@/lib/import/parse-text-report";

export function fileMismatch(
  parsed: Pick<ParsedReport, "title">,
  organization: { name: string; shortName: string },
  year: number,
): string | null {
  const title = parsed.title.trim();
  const yearMatch = /(\d{4})\s*年/.exec(title);
  if (yearMatch && Number(yearMatch[1]) !== year) {
    return `文件标题“${title}”是${yearMatch[1]}年度的报告，与指定的${year}年度不符`;
  }
  // What stands before the year names the unit: “来安县雷官镇人民政府”.
  const unit = (yearMatch ? title.slice(0, yearMatch.index) : "").trim();
  if (unit && !unit.includes(organization.shortName) && !organization.name.includes(unit)) {
    return `文件标题“${title}”中的单位“${unit}”与指定的“${organization.name}”不符`;
  }
  return null;
}
