// The information categories (信息类别) of the disclosure catalog, as data:
// each names the item of 条例第二十条 / 第二十一条 it fulfils, the catalog area
// it is published in. Which cells of table 二 a category's items feed is data
// of each report format (its `catalog`). Adding a category touches this file only.
import type { CatalogItemStatus } from "@/lib/generated/prisma/enums";

/**
 * Where a portal files the item. Township portals keep the statutory
 * directory (基础信息, 对照目录细则) apart from the 基层政务公开标准化规范化
 * ("两化") area; the 雷官镇 2023 report counts the two separately (346 + 182).
 */
export type CatalogArea = "basic" | "standardized";

export const catalogAreaLabel: Record<CatalogArea, string> = {
  basic: "基础信息",
  standardized: "基层政务公开标准化规范化（“两化”）专区",
};

export interface CatalogCategory {
  key: string;
  label: string;
  /** The provision of the 条例 the item fulfils, as printed in table 二's block headers. */
  article: string;
  area: CatalogArea;
}

const item20 = (n: string) => `第二十条第（${n}）项`;
const ARTICLE_21 = "第二十一条";

export const catalogCategories: readonly CatalogCategory[] = [
  { key: "regulation", label: "规章", article: item20("一"), area: "basic" },
  { key: "normative", label: "行政规范性文件", article: item20("一"), area: "basic" },
  { key: "policy", label: "政策文件", article: item20("一"), area: "basic" },
  { key: "organization", label: "机构职能", article: item20("二"), area: "basic" },
  { key: "planning", label: "规划计划", article: item20("三"), area: "basic" },
  { key: "statistics", label: "统计信息", article: item20("四"), area: "basic" },
  { key: "license", label: "行政许可", article: item20("五"), area: "basic" },
  { key: "penalty", label: "行政处罚", article: item20("六"), area: "basic" },
  { key: "enforcement", label: "行政强制", article: item20("六"), area: "basic" },
  { key: "budget", label: "财政预决算", article: item20("七"), area: "basic" },
  { key: "fee", label: "行政事业性收费", article: item20("八"), area: "basic" },
  { key: "procurement", label: "政府采购", article: item20("九"), area: "basic" },
  { key: "projects", label: "重大建设项目", article: item20("十"), area: "basic" },
  { key: "livelihood", label: "民生保障（扶贫、教育、医疗、社会保障、就业）", article: item20("十一"), area: "basic" },
  { key: "emergency", label: "应急管理", article: item20("十二"), area: "basic" },
  { key: "inspection", label: "监督检查", article: item20("十三"), area: "basic" },
  { key: "personnel", label: "人事信息", article: item20("十四"), area: "basic" },
  { key: "notice", label: "通知公告", article: item20("十五"), area: "basic" },
  { key: "news", label: "工作动态", article: item20("十五"), area: "basic" },
  { key: "oversight", label: "监督保障", article: item20("十五"), area: "basic" },
  // 第二十一条: what 设区的市级、县级人民政府及其部门 and 乡（镇）人民政府 publish besides.
  { key: "agriculture", label: "农业农村政策落实", article: ARTICLE_21, area: "standardized" },
  { key: "irrigation", label: "农田水利工程建设运营", article: ARTICLE_21, area: "standardized" },
  { key: "land-contract", label: "农村土地承包经营权流转", article: ARTICLE_21, area: "standardized" },
  { key: "homestead", label: "宅基地使用情况审核", article: ARTICLE_21, area: "standardized" },
  { key: "land-expropriation", label: "土地征收", article: ARTICLE_21, area: "standardized" },
  { key: "housing-expropriation", label: "房屋征收", article: ARTICLE_21, area: "standardized" },
  { key: "fundraising", label: "筹资筹劳", article: ARTICLE_21, area: "standardized" },
  { key: "social-assistance", label: "社会救助", article: ARTICLE_21, area: "standardized" },
  { key: "public-services", label: "市政建设与公共服务", article: ARTICLE_21, area: "standardized" },
];

const byKey = new Map(catalogCategories.map((c) => [c.key, c]));
const byLabel = new Map(catalogCategories.map((c) => [c.label, c]));

export const catalogCategoryKeys = catalogCategories.map((c) => c.key) as [string, ...string[]];

export function findCategory(key: string): CatalogCategory | undefined {
  return byKey.get(key);
}

/** The label of a stored key; an unknown key (a category since removed) shows as it is. */
export function categoryLabel(key: string): string {
  return byKey.get(key)?.label ?? key;
}

/** A category named in an import file: by its label (as clerks write it) or its key. */
export function categoryFromText(text: string): CatalogCategory | undefined {
  const trimmed = text.trim();
  return byLabel.get(trimmed) ?? byKey.get(trimmed);
}

export const validityLabel = { VALID: "有效", REPEALED: "已废止", EXPIRED: "已失效" } as const;
export type CatalogValidityName = keyof typeof validityLabel;

export const catalogStatusLabel = { DRAFT: "草稿", SUBMITTED: "待审核", PUBLISHED: "已发布" } as const satisfies Record<CatalogItemStatus, string>;

/** 公开方式: the catalog holds proactive disclosure; 依申请公开 items are not listed here. */
export const disclosureModes = ["主动公开"] as const;
