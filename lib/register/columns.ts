// The register's two tables as offices write them: the template's headings,
// the other names the same column goes by in registers we have seen, and the
// words people put in 类别 and 角色. Safe to import on the client.
import type { OrganizationKind, Role } from "@/lib/generated/prisma/enums";
import { organizationKindLabels } from "@/lib/organizations/schemas";
import type { AccountRecord, RegisterTable, UnitRecord } from "./types";

export const SHEET_NAMES: Record<RegisterTable, string> = { units: "单位", accounts: "账号" };
/** The template's sheet of notes: read by people, skipped by the reader. */
export const NOTES_SHEET = "填写说明";
export const TABLE_LABELS: Record<RegisterTable, string> = { units: "单位表", accounts: "账号表" };

export interface Column<K> {
  key: K;
  heading: string;
  /** Other headings meaning the same column (compared after normalizeHeading). */
  aliases: readonly string[];
  required: boolean;
}

type UnitField = Exclude<keyof UnitRecord, "row">;
type AccountField = Exclude<keyof AccountRecord, "row">;

export const UNIT_COLUMNS: readonly Column<UnitField>[] = [
  { key: "name", heading: "单位全称", aliases: ["单位名称", "机关全称", "机关名称", "全称", "名称"], required: true },
  { key: "shortName", heading: "简称", aliases: ["单位简称"], required: false },
  { key: "code", heading: "统一社会信用代码", aliases: ["单位统一社会信用代码", "社会信用代码", "信用代码", "机构代码"], required: true },
  { key: "kind", heading: "类别", aliases: ["单位类别", "类型", "单位类型", "机构类型"], required: true },
  {
    key: "parentCode",
    heading: "上级单位统一社会信用代码",
    aliases: ["上级单位代码", "上级统一社会信用代码", "上级单位社会信用代码", "上级代码"],
    required: true,
  },
  { key: "regionCode", heading: "行政区划代码", aliases: ["区划代码"], required: false },
];

export const ACCOUNT_COLUMNS: readonly Column<AccountField>[] = [
  { key: "username", heading: "用户名", aliases: ["登录名", "账号", "用户账号"], required: true },
  { key: "displayName", heading: "姓名", aliases: ["用户姓名"], required: true },
  { key: "email", heading: "电子邮箱", aliases: ["邮箱", "电子邮件", "email", "e-mail", "邮件地址"], required: false },
  {
    key: "unitCode",
    heading: "单位统一社会信用代码",
    aliases: ["所在单位统一社会信用代码", "单位代码", "所在单位代码"],
    required: true,
  },
  { key: "roles", heading: "角色", aliases: ["用户角色"], required: true },
];

/** A heading as compared: no spaces, no 必填 marks or notes in brackets, half-width, lower case. */
export function normalizeHeading(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/\*/g, "")
    .replace(/\([^)]*\)$/, "")
    .toLowerCase();
}

/** Which field each cell of a header row names, for one table; null for a cell it does not know. */
export function matchHeadings<K>(cells: readonly string[], columns: readonly Column<K>[]): (K | null)[] {
  const byHeading = new Map<string, K>();
  for (const column of columns) {
    for (const text of [column.heading, ...column.aliases]) byHeading.set(normalizeHeading(text), column.key);
  }
  const seen = new Set<K>();
  return cells.map((cell) => {
    const key = byHeading.get(normalizeHeading(cell));
    // The first column of a name wins: a second 单位代码 is not read over it.
    if (key === undefined || seen.has(key)) return null;
    seen.add(key);
    return key;
  });
}

/**
 * A 统一社会信用代码 as keyed: full-width characters and spaces (pasted from
 * documents) are not part of it, and letters are upper case.
 */
export function normalizeCode(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

// Words for each kind, besides organizationKindLabels; compared after normalizeHeading.
const KIND_WORDS: Record<OrganizationKind, readonly string[]> = {
  PROVINCE_GOVERNMENT: ["省级人民政府", "省人民政府", "省政府", "省级政府", "省级", "省", "自治区人民政府", "直辖市人民政府"],
  CITY_GOVERNMENT: ["设区的市人民政府", "设区的市", "市人民政府", "市政府", "市级人民政府", "地级市", "市级", "市"],
  COUNTY_GOVERNMENT: ["县级人民政府", "县人民政府", "县政府", "县级", "县", "县级市", "市辖区", "区人民政府", "区政府", "区"],
  TOWNSHIP: ["乡镇人民政府", "乡镇", "乡镇(街道)", "乡", "镇", "街道", "街道办事处", "乡镇人民政府(街道办事处)"],
  DEPARTMENT: ["政府部门", "部门", "工作部门", "政府工作部门", "县直部门", "市直部门", "省直部门"],
};

const KIND_BY_WORD = new Map<string, OrganizationKind>(
  (Object.keys(KIND_WORDS) as OrganizationKind[]).flatMap((kind) =>
    [organizationKindLabels[kind], ...KIND_WORDS[kind]].map((word) => [normalizeHeading(word), kind] as const),
  ),
);

export function parseKind(text: string): OrganizationKind | null {
  return KIND_BY_WORD.get(normalizeHeading(text)) ?? null;
}

export const KIND_HINT = Object.values(organizationKindLabels).join("、");

/** The roles a register grants, as the 角色 column names them. */
export const REGISTER_ROLE_LABELS: Record<Role, string> = {
  CLERK: "填报人",
  REVIEWER: "审核人",
  SUPERVISOR: "主管部门",
  ADMINISTRATOR: "管理员",
};

const ROLE_WORDS: Record<Role, readonly string[]> = {
  CLERK: ["填报人", "填报员", "填报"],
  REVIEWER: ["审核人", "审核员", "审核"],
  SUPERVISOR: ["主管部门", "主管"],
  ADMINISTRATOR: ["管理员", "管理员(本地区)", "本地区管理员", "地区管理员"],
};

const ROLE_BY_WORD = new Map<string, Role>(
  (Object.keys(ROLE_WORDS) as Role[]).flatMap((role) => ROLE_WORDS[role].map((word) => [normalizeHeading(word), role] as const)),
);

/** The roles a 角色 cell names (several separated by 、 , ; or spaces), and the words not understood. */
export function parseRoles(text: string): { roles: Role[]; unknown: string[] } {
  const words = text
    .normalize("NFKC")
    .split(/[、,;/\s]+/)
    .filter((word) => word !== "");
  const roles: Role[] = [];
  const unknown: string[] = [];
  for (const word of words) {
    const role = ROLE_BY_WORD.get(normalizeHeading(word));
    if (!role) unknown.push(word);
    else if (!roles.includes(role)) roles.push(role);
  }
  return { roles, unknown };
}

export const ROLE_HINT = Object.values(REGISTER_ROLE_LABELS).join("、");
