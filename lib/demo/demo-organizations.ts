// 来安县 (滁州市, 安徽省) and some of its units, for the demo. Their
// 统一社会信用代码 are made up, in the real shape (11 for a 机关, 341122 for
// 来安县, an organization code and the GB 32100 check character, which verifies), so that 索引号 read as
// a county portal's do: 11341122003250123D/2024-00001.
import type { OrganizationKind } from "@/lib/generated/prisma/enums";

export interface DemoOrganization {
  slug: string;
  name: string;
  shortName: string;
  kind: OrganizationKind;
  /** A made-up 统一社会信用代码 in the real shape. */
  code: string;
  /** A government's 行政区划代码 (GB/T 2260). */
  regionCode?: string;
}

export const demoCounty: DemoOrganization = {
  slug: "laian",
  name: "来安县人民政府",
  shortName: "来安县",
  kind: "COUNTY_GOVERNMENT",
  code: "11341122003250001F",
  regionCode: "341122",
};

export const demoUnits: DemoOrganization[] = [
  { slug: "laian-leiguan", code: "11341122003250123D", name: "来安县雷官镇人民政府", shortName: "雷官镇", kind: "TOWNSHIP" },
  { slug: "laian-xinan", code: "113411220032502448", name: "来安县新安镇人民政府", shortName: "新安镇", kind: "TOWNSHIP" },
  { slug: "laian-banta", code: "113411220032503174", name: "来安县半塔镇人民政府", shortName: "半塔镇", kind: "TOWNSHIP" },
  { slug: "laian-shuikou", code: "113411220032504029", name: "来安县水口镇人民政府", shortName: "水口镇", kind: "TOWNSHIP" },
  { slug: "laian-caizheng", code: "11341122003250510R", name: "来安县财政局", shortName: "县财政局", kind: "DEPARTMENT" },
];

/**
 * Reports the demo imports and publishes: [organization slug, year, file under
 * prisma/demo, publication date]. 雷官镇 signed its 2023 report "2023年1月24日",
 * a slip for 2024 (the signature-date warning); it is published on the 24th of
 * January 2024 here.
 */
export const demoReports: [string, number, string, string][] = [
  // The 2020 report is in the 2019 trial format (国办公开办函〔2019〕60号): its table 二
  // has 本年增/减 columns and 政府集中采购; it was made from the 2023 sample's text.
  ["laian-leiguan", 2020, "leiguan-2020.txt", "2021-01-25"],
  ["laian-leiguan", 2023, "leiguan-2023.txt", "2024-01-24"],
];
