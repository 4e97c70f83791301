// The demo's small province around 来安县: 安徽省 → 滁州市 (来安县, 全椒县,
// 琅琊区) and 黄山市 (黟县), with departments at every level — enough units
// for the province's and the cities' boards to show what they are for. The
// 统一社会信用代码 are made up in the real shape (11 for a 机关, the
// 行政区划代码, an organization code and the GB 32100 check character, which
// verifies); the 行政区划代码 are the real GB/T 2260 ones.
import type { DemoOrganization } from "./demo-organizations";

export interface DemoPlacedOrganization extends DemoOrganization {
  /** The parent's slug; null for the root. Parents come before their units. */
  parent: string | null;
}

export const demoProvince: DemoPlacedOrganization[] = [
  { slug: "anhui", parent: null, name: "安徽省人民政府", shortName: "安徽省", kind: "PROVINCE_GOVERNMENT", code: "11340000003200016U", regionCode: "340000" },
  { slug: "anhui-caizheng", parent: "anhui", name: "安徽省财政厅", shortName: "省财政厅", kind: "DEPARTMENT", code: "11340000003200024N" },
  { slug: "anhui-jiaoyu", parent: "anhui", name: "安徽省教育厅", shortName: "省教育厅", kind: "DEPARTMENT", code: "11340000003200032H" },

  { slug: "chuzhou", parent: "anhui", name: "滁州市人民政府", shortName: "滁州市", kind: "CITY_GOVERNMENT", code: "113411000032110146", regionCode: "341100" },
  { slug: "chuzhou-caizheng", parent: "chuzhou", name: "滁州市财政局", shortName: "市财政局", kind: "DEPARTMENT", code: "113411000032110221" },
  { slug: "chuzhou-shengtai", parent: "chuzhou", name: "滁州市生态环境局", shortName: "市生态环境局", kind: "DEPARTMENT", code: "11341100003211030U" },
  { slug: "chuzhou-ziran", parent: "chuzhou", name: "滁州市自然资源和规划局", shortName: "市自然资源和规划局", kind: "DEPARTMENT", code: "11341100003211049Q" },

  { slug: "quanjiao", parent: "chuzhou", name: "全椒县人民政府", shortName: "全椒县", kind: "COUNTY_GOVERNMENT", code: "11341124003211014Y", regionCode: "341124" },
  { slug: "quanjiao-xianghe", parent: "quanjiao", name: "全椒县襄河镇人民政府", shortName: "襄河镇", kind: "TOWNSHIP", code: "11341124003211022R" },
  { slug: "quanjiao-guhe", parent: "quanjiao", name: "全椒县古河镇人民政府", shortName: "古河镇", kind: "TOWNSHIP", code: "11341124003211030L" },
  { slug: "quanjiao-liuzhen", parent: "quanjiao", name: "全椒县六镇镇人民政府", shortName: "六镇镇", kind: "TOWNSHIP", code: "11341124003211049H" },
  { slug: "quanjiao-wugang", parent: "quanjiao", name: "全椒县武岗镇人民政府", shortName: "武岗镇", kind: "TOWNSHIP", code: "11341124003211057C" },
  { slug: "quanjiao-caizheng", parent: "quanjiao", name: "全椒县财政局", shortName: "县财政局", kind: "DEPARTMENT", code: "113411240032110657" },
  { slug: "quanjiao-minzheng", parent: "quanjiao", name: "全椒县民政局", shortName: "县民政局", kind: "DEPARTMENT", code: "113411240032110732" },

  { slug: "langya", parent: "chuzhou", name: "滁州市琅琊区人民政府", shortName: "琅琊区", kind: "COUNTY_GOVERNMENT", code: "113411020032110143", regionCode: "341102" },
  { slug: "langya-langya", parent: "langya", name: "滁州市琅琊区琅琊街道办事处", shortName: "琅琊街道", kind: "TOWNSHIP", code: "11341102003211022X" },
  { slug: "langya-xijian", parent: "langya", name: "滁州市琅琊区西涧街道办事处", shortName: "西涧街道", kind: "TOWNSHIP", code: "11341102003211030Q" },
  { slug: "langya-caizheng", parent: "langya", name: "滁州市琅琊区财政局", shortName: "区财政局", kind: "DEPARTMENT", code: "11341102003211049M" },

  { slug: "huangshan", parent: "anhui", name: "黄山市人民政府", shortName: "黄山市", kind: "CITY_GOVERNMENT", code: "11341000003210011G", regionCode: "341000" },
  { slug: "huangshan-caizheng", parent: "huangshan", name: "黄山市财政局", shortName: "市财政局", kind: "DEPARTMENT", code: "1134100000321002X8" },
  { slug: "yixian", parent: "huangshan", name: "黟县人民政府", shortName: "黟县", kind: "COUNTY_GOVERNMENT", code: "11341023003210011T", regionCode: "341023" },
  { slug: "yixian-biyang", parent: "yixian", name: "黟县碧阳镇人民政府", shortName: "碧阳镇", kind: "TOWNSHIP", code: "1134102300321002XJ" },
  { slug: "yixian-hongcun", parent: "yixian", name: "黟县宏村镇人民政府", shortName: "宏村镇", kind: "TOWNSHIP", code: "11341023003210038J" },
  { slug: "yixian-caizheng", parent: "yixian", name: "黟县财政局", shortName: "县财政局", kind: "DEPARTMENT", code: "11341023003210046D" },
];

/** 来安县 hangs under 滁州市. */
export const DEMO_COUNTY_PARENT = "chuzhou";
