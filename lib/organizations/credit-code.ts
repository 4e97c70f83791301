// The codes a unit is known by. A 统一社会信用代码 (GB 32100-2015) is 18
// characters: the registering authority (1: 机构编制, so 11 for a 机关), the
// 行政区划代码 of where it was registered (GB/T 2260, 6 digits), the
// 组织机构代码 (9), and a check character computed from the other 17, which
// catches a mistyped character. Before 2015 units had only a 组织机构代码
// (GB 11714: 8 characters and a check character). Names are labels; these are keys.

/** The 31 characters of GB 32100 (no I, O, S, V, Z), each worth its index. */
const CREDIT_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORGANIZATION_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The check character the first 17 characters call for; null when one of them is not a GB 32100 character. */
export function creditCodeCheckCharacter(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CREDIT_CHARACTERS.indexOf(first17[i] ?? "");
    if (value < 0) return null;
    sum += value * CREDIT_WEIGHTS[i]!;
  }
  return CREDIT_CHARACTERS[(31 - (sum % 31)) % 31]!;
}

/** The check character of a 组织机构代码's first 8 characters (digits and letters A–Z, A = 10). */
export function organizationCodeCheckCharacter(first8: string): string | null {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    const value = Number.parseInt(first8[i] ?? "", 36);
    if (Number.isNaN(value) || !/[0-9A-Z]/.test(first8[i]!)) return null;
    sum += value * ORGANIZATION_WEIGHTS[i]!;
  }
  const check = 11 - (sum % 11);
  return check === 10 ? "X" : check === 11 ? "0" : String(check);
}

export type CodeProblem = "format" | "check";

/** Why a unit's code (18-character 统一社会信用代码, or a 9-character 组织机构代码 with or without its hyphen) is not one; null when it is. */
export function unitCodeProblem(code: string): CodeProblem | null {
  if (/^[0-9A-Z]{18}$/.test(code)) {
    const check = creditCodeCheckCharacter(code.slice(0, 17));
    if (check === null || !CREDIT_CHARACTERS.includes(code[17]!)) return "format";
    return check === code[17] ? null : "check";
  }
  const organization = /^([0-9A-Z]{8})-?([0-9X])$/.exec(code);
  if (organization) return organizationCodeCheckCharacter(organization[1]!) === organization[2] ? null : "check";
  return "format";
}

export const UNIT_CODE_MESSAGES: Record<CodeProblem, string> = {
  format: "统一社会信用代码为18位（数字和除 I、O、S、V、Z 外的大写字母），组织机构代码为9位",
  check: "代码的校验位不正确，请核对是否有字符输错",
};

/** The 行政区划代码 a 统一社会信用代码 names (characters 3–8). */
export function regionOfCreditCode(code: string): string | null {
  return /^[0-9A-Z]{2}(\d{6})[0-9A-Z]{10}$/.exec(code)?.[1] ?? null;
}

/** What an administrator is told of a unit's stored code: none, or one that does not verify (from before codes were checked). */
export function unitCodeFlag(code: string | null): string | null {
  if (!code) return "未填统一社会信用代码：索引号将以网址标识开头，请补填";
  const problem = unitCodeProblem(code);
  return problem ? UNIT_CODE_MESSAGES[problem] : null;
}
