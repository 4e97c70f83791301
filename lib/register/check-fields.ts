// The checks of one row's cells that need nothing but the row: a code that
// verifies, a name that is one plain line, a 类别 and 角色 understood. Each
// returns the reason for the preview, in the words of the admin screens.
import { UNIT_CODE_MESSAGES, unitCodeProblem } from "@/lib/organizations/credit-code";
import { nameProblem } from "@/lib/validation/plain-text";

export const NO_CODE_MESSAGE =
  "未填统一社会信用代码：单位以代码识别（名称可能重名，如各区都有“财政局”），没有代码的单位无法导入，请补填后再导入";

/** Why a 统一社会信用代码 (normalized) cannot key a unit; null when it can. */
export function codeReason(code: string, column = "统一社会信用代码"): string | null {
  if (code === "") return NO_CODE_MESSAGE;
  // Excel shows a long number as 1.13411E+17 and saves it so in a CSV: the digits are gone.
  if (/^\d(\.\d+)?E\+\d+$/i.test(code)) {
    return `${column}“${code}”被 Excel 存成了科学计数法，后几位已丢失：请把该列设为“文本”格式后重新填写代码`;
  }
  const problem = unitCodeProblem(code);
  if (!problem) return null;
  const hint =
    problem === "check" && /^\d{15}000$/.test(code)
      ? "（全为数字的代码若在 Excel 中存成了数字，后几位会变成0：请把该列设为“文本”格式后重新填写）"
      : "";
  return `${column}“${code}”有误：${UNIT_CODE_MESSAGES[problem]}${hint}`;
}

/** Why a name (a unit's, a person's) cannot be stored; null when it can. */
export function nameReason(text: string, what: string, maxLength: number): string | null {
  if (text === "") return `请填写${what}`;
  const problem = nameProblem(text);
  if (problem) return `${what}${problem}`;
  if ([...text].length > maxLength) return `${what}过长（最多${maxLength}字）`;
  return null;
}

/**
 * A 简称 for a new unit whose register leaves it empty: the full name without
 * its government's place and without 人民政府 (来安县雷官镇人民政府 under
 * 来安县人民政府 → 雷官镇). The preview says it was derived.
 */
export function deriveShortName(name: string, parentName: string | null): string {
  let short = name;
  const place = parentName?.replace(/人民政府$/, "");
  if (place && short.startsWith(place) && short.length > place.length) short = short.slice(place.length);
  short = short.replace(/人民政府$/, "") || short;
  return [...short].slice(0, 30).join("");
}
