// The province the bench loads: how many units of each kind sit where, and
// each unit as the register would give it (name, short name, 统一社会信用代码
// that verifies, a government's 行政区划代码). At full size: 1 province, 16
// cities, 120 counties, 10,000 units of which two thirds are departments.
// BENCH_UNITS scales the whole tree down for a quick development run.
import { randomUUID } from "node:crypto";
import type { OrganizationKind } from "@/lib/generated/prisma/enums";
import { creditCodeCheckCharacter, organizationCodeCheckCharacter } from "@/lib/organizations/credit-code";

export const FULL_UNITS = 10_000;

export interface ProvinceShape {
  units: number;
  cities: number;
  counties: number;
  departments: number;
  townships: number;
  /** Accounts: a clerk and a reviewer per unit, a 主管部门 and an administrator per government, second clerks for the rest. */
  accounts: number;
  /** The current report year (every state present) and the four before it. */
  years: number[];
}

export function provinceShape(units: number, currentYear: number): ProvinceShape {
  const cities = Math.max(1, Math.round((16 * units) / FULL_UNITS));
  const counties = Math.max(cities, Math.round((120 * units) / FULL_UNITS));
  const departments = Math.round((units * 2) / 3);
  const townships = units - 1 - cities - counties - departments;
  if (townships < counties) throw new Error(`BENCH_UNITS=${units} is too small for a province`);
  return {
    units,
    cities,
    counties,
    departments,
    townships,
    accounts: Math.round(units * 2.5),
    years: [4, 3, 2, 1, 0].map((back) => currentYear - back),
  };
}

export interface UnitRow {
  id: string;
  slug: string;
  name: string;
  shortName: string;
  kind: OrganizationKind;
  parentId: string | null;
  code: string;
  regionCode: string | null;
  /** 先备案后公布: townships' reports are published by their county's 主管部门. */
  publisher: "REVIEWER" | "SUPERVISOR";
}

const CITY_NAMES = [..."青白东西南北临安长永嘉清宁新云平"].map((first, i) => first + [..."川河陵岭湖塘江平宁丰禾源远桥台湖"][i]);
const PLACE_FIRST = [..."雷新半水舜张施大汊杨三独邵练龙涧武白塔兴"];
const PLACE_SECOND = [..."官安塔口山城集桥河湾"];
const DEPARTMENTS = [
  "发展和改革委员会", "教育局", "科学技术局", "工业和信息化局", "公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局",
  "自然资源和规划局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局", "文化和旅游局",
  "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局", "市场监督管理局", "统计局", "医疗保障局", "林业局", "城市管理局",
  "数据资源管理局", "信访局", "人民防空办公室", "地方金融监督管理局", "供销合作社联合社", "投资促进中心", "机关事务管理局",
  "乡村振兴局", "体育局", "粮食和物资储备局", "民族宗教事务局", "档案馆", "地方志办公室", "政务服务管理局", "公共资源交易中心",
  "住房公积金管理中心", "气象局", "融媒体中心", "残疾人联合会", "红十字会", "科学技术协会", "妇女联合会", "总工会", "团委", "侨务办公室",
];

/** Two-character place names, distinct for the first 200. */
const place = (n: number) => PLACE_FIRST[n % 20]! + PLACE_SECOND[Math.floor(n / 20) % 10]! + (n >= 200 ? PLACE_SECOND[Math.floor(n / 200) % 10]! : "");
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Splits `total` over `parts` as evenly as whole numbers allow, the first ones taking the remainder. */
function spread(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

/** A made-up 统一社会信用代码 in the real shape: 11 (机关), the region, an organization code, the check character. */
function creditCode(regionCode: string, serial: number): string {
  const organization = pad(serial, 8);
  const first17 = `11${regionCode}${organization}${organizationCodeCheckCharacter(organization)}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/** Every unit, parents before their units (the database fills ancestor_ids from the parent on insert). */
export function provinceUnits(shape: ProvinceShape): UnitRow[] {
  const rows: UnitRow[] = [];
  let serial = 0;
  const add = (row: Omit<UnitRow, "id" | "code" | "publisher"> & { codeRegion: string }): UnitRow => {
    const { codeRegion, ...rest } = row;
    const unit: UnitRow = { ...rest, id: randomUUID(), code: creditCode(codeRegion, ++serial), publisher: rest.kind === "TOWNSHIP" ? "SUPERVISOR" : "REVIEWER" };
    rows.push(unit);
    return unit;
  };
  const departmentsUnder = (government: UnitRow, count: number, prefix: string, level: "省" | "市" | "县", codeRegion: string) => {
    for (let d = 0; d < count; d++) {
      const base = DEPARTMENTS[d % DEPARTMENTS.length]!;
      const name = (level === "省" ? base.replace(/局$/, "厅") : base) + (d >= DEPARTMENTS.length ? `第${Math.floor(d / DEPARTMENTS.length) + 1}分支` : "");
      add({ slug: `${government.slug}-d${pad(d + 1)}`, name: `${prefix}${name}`, shortName: `${level}${name}`, kind: "DEPARTMENT", parentId: government.id, regionCode: null, codeRegion });
    }
  };

  const province = add({ slug: "jianghuai", name: "江淮省人民政府", shortName: "江淮省", kind: "PROVINCE_GOVERNMENT", parentId: null, regionCode: "340000", codeRegion: "340000" });
  const provinceDepartments = Math.round(shape.departments * 0.0075);
  const cityDepartments = spread(Math.round(shape.departments * 0.108), shape.cities);
  const countyDepartments = spread(shape.departments - provinceDepartments - cityDepartments.reduce((a, b) => a + b, 0), shape.counties);
  const countyTownships = spread(shape.townships, shape.counties);
  const countiesOfCity = spread(shape.counties, shape.cities);
  departmentsUnder(province, provinceDepartments, "江淮省", "省", "340000");

  let county = 0;
  for (let c = 0; c < shape.cities; c++) {
    const cityName = CITY_NAMES[c % CITY_NAMES.length]! + (c >= CITY_NAMES.length ? String(c) : "");
    const cityCode = `34${pad(c + 1)}00`;
    const city = add({ slug: `c${pad(c + 1)}`, name: `${cityName}市人民政府`, shortName: `${cityName}市`, kind: "CITY_GOVERNMENT", parentId: province.id, regionCode: cityCode, codeRegion: cityCode });
    departmentsUnder(city, cityDepartments[c]!, `${cityName}市`, "市", cityCode);
    for (let k = 0; k < countiesOfCity[c]!; k++, county++) {
      const countyName = place(county);
      const countyCode = `34${pad(c + 1)}${pad(k + 1)}`;
      const government = add({ slug: `${city.slug}-x${pad(k + 1)}`, name: `${countyName}县人民政府`, shortName: `${countyName}县`, kind: "COUNTY_GOVERNMENT", parentId: city.id, regionCode: countyCode, codeRegion: countyCode });
      departmentsUnder(government, countyDepartments[county]!, `${countyName}县`, "县", countyCode);
      for (let t = 0; t < countyTownships[county]!; t++) {
        // One in five is a 街道 (the county seat's), the rest 镇.
        const street = t % 5 === 4;
        const townName = place(t * 7 + county);
        add({
          slug: `${government.slug}-t${pad(t + 1)}`,
          name: street ? `${countyName}县${townName}街道办事处` : `${countyName}县${townName}镇人民政府`,
          shortName: street ? `${townName}街道` : `${townName}镇`,
          kind: "TOWNSHIP",
          parentId: government.id,
          regionCode: null,
          codeRegion: countyCode,
        });
      }
    }
  }
  return rows;
}
