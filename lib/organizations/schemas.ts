import { z } from "zod";
import { nameProblem, refineWith } from "@/lib/validation/plain-text";
import { UNIT_CODE_MESSAGES, unitCodeProblem } from "./credit-code";

export const organizationKindLabels = {
  PROVINCE_GOVERNMENT: "省级人民政府",
  CITY_GOVERNMENT: "设区的市人民政府",
  COUNTY_GOVERNMENT: "县级人民政府",
  TOWNSHIP: "乡镇人民政府（街道办事处）",
  DEPARTMENT: "政府部门",
} as const;

/** Every kind of unit, from the top of the tree down; where each may sit is tree.ts's. */
export const creatableKinds = ["PROVINCE_GOVERNMENT", "CITY_GOVERNMENT", "COUNTY_GOVERNMENT", "TOWNSHIP", "DEPARTMENT"] as const;

export const publisherLabels = {
  REVIEWER: "审核人审核通过后发布",
  SUPERVISOR: "先备案后公布（由主管部门发布）",
} as const;

/** A unit's 统一社会信用代码 (or older 组织机构代码), its check character verified (GB 32100, GB 11714); none is allowed. */
const ZOrganizationCode = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine(refineWith((code) => (code === "" ? undefined : codeMessage(code))))
  .transform((code) => (code === "" ? null : code));

function codeMessage(code: string): string | undefined {
  const problem = unitCodeProblem(code);
  return problem ? UNIT_CODE_MESSAGES[problem] : undefined;
}

/** What the administrator may change later: how reports are published (先备案后公布) and the 统一社会信用代码 (it begins every new 索引号). */
export const ZUpdateOrganizationSettingsInput = z.object({
  organizationId: z.uuid(),
  code: ZOrganizationCode,
  publisher: z.enum(["REVIEWER", "SUPERVISOR"], "请选择发布方式"),
});

/** A government's 行政区划代码 (GB/T 2260): six digits, the province, the city and the county. */
const ZRegionCode = z
  .string()
  .trim()
  .regex(/^(\d{6})?$/, "行政区划代码为6位数字（GB/T 2260），如来安县为 341122")
  .transform((code) => (code === "" ? null : code));

export const ZCreateOrganizationInput = z.object({
  name: z.string().trim().min(2, "请填写机关全称").max(100, "机关全称过长（最多100字）").superRefine(refineWith(nameProblem)),
  shortName: z.string().trim().min(1, "请填写简称").max(30, "简称过长（最多30字）").superRefine(refineWith(nameProblem)),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "网址标识只能包含小写字母、数字和连字符，如 laian-leiguan"),
  code: ZOrganizationCode,
  kind: z.enum(creatableKinds, "请选择机构类型"),
  publisher: z.enum(["REVIEWER", "SUPERVISOR"]).default("REVIEWER"),
  parentId: z.uuid().or(z.literal("").transform(() => null)),
  regionCode: ZRegionCode.default(""),
}).superRefine((input, ctx) => {
  // GB/T 2260 codes governments down to the county; a township or a department has none of its own.
  if (input.regionCode && !input.kind.endsWith("_GOVERNMENT")) {
    ctx.addIssue({ code: "custom", path: ["regionCode"], message: "只有人民政府有行政区划代码，乡镇和部门请留空" });
  }
});

export const ZMoveOrganizationInput = z.object({
  organizationId: z.uuid(),
  parentId: z.uuid("请选择新的上级单位"),
});
