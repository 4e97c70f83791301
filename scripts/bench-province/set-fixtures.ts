// The files the set operations' bench hands to the product, made as an
// office would send them: a region's register as the two CSV files of the
// import template, and a county's past reports as one zip of text files, one
// per unit, each titled with the unit's name (the demo's 雷官镇 report, renamed).
import { readFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { makeCode } from "@/tests/fixtures/registers/chuzhou-register";

const UNIT_HEADER = "单位全称,简称,统一社会信用代码,类别,上级单位统一社会信用代码,行政区划代码";
const ACCOUNT_HEADER = "用户名,姓名,电子邮箱,单位统一社会信用代码,角色";

function csv(name: string, header: string, rows: string[][]) {
  return { name, bytes: new TextEncoder().encode(`\uFEFF${[header, ...rows.map((r) => r.join(","))].join("\r\n")}\r\n`) };
}

/**
 * A province's register of `rows` rows, half units and half accounts: the
 * province, 10 cities, counties of 20 units (itself, 10 townships, 9
 * departments), one clerk per unit until the rows run out. `prefix` (two
 * digits) keeps its 行政区划代码 and usernames apart from other registers.
 */
export function provinceRegister(rows: number, prefix: string) {
  const unitRows = Math.ceil(rows / 2);
  const units: string[][] = [];
  const province = makeCode(`${prefix}0000`, 1);
  units.push([`${prefix}省人民政府`, `${prefix}省`, province, "省级人民政府", "", `${prefix}0000`]);
  const cities = 10;
  const counties = Math.max(1, Math.ceil((unitRows - 1 - cities) / 20));
  for (let c = 1; c <= cities; c++) {
    const region = `${prefix}${String(c).padStart(2, "0")}00`;
    units.push([`${prefix}省第${c}市人民政府`, `第${c}市`, makeCode(region, 1), "设区的市人民政府", province, region]);
  }
  for (let k = 0; k < counties && units.length < unitRows; k++) {
    const city = (k % cities) + 1;
    const region = `${prefix}${String(city).padStart(2, "0")}${String(Math.floor(k / cities) + 1).padStart(2, "0")}`;
    const county = makeCode(region, 1);
    units.push([`第${city}市第${k + 1}县人民政府`, `第${k + 1}县`, county, "县级人民政府", makeCode(`${prefix}${String(city).padStart(2, "0")}00`, 1), region]);
    for (let u = 2; u <= 20 && units.length < unitRows; u++) {
      const name = u <= 11 ? `第${u - 1}镇` : `第${u - 11}局`;
      // A 组织机构代码 is unique in the country (a unit's slug is made of it): numbered across the register.
      units.push([`第${k + 1}县${name}`, name, makeCode(region, units.length + 1), u <= 11 ? "乡镇" : "部门", county, ""]);
    }
  }
  const accounts = units.slice(0, rows - units.length).map(([, , code], i) => [`${prefix}-clerk-${i}`, `填报人${i}`, `${prefix}-clerk-${i}@example.org`, code!, "填报人"]);
  return { units: units.length, accounts: accounts.length, files: [csv("单位.csv", UNIT_HEADER, units), csv("账号.csv", ACCOUNT_HEADER, accounts)] };
}

const root = path.resolve(import.meta.dirname, "../..");

/**
 * A zip of one report per unit for `year`, each the demo's 雷官镇 report of
 * that format with the unit's name in its title: what a county's 政务公开办
 * collects of its units' past reports to 补录.
 */
export async function pastReportsZip(units: readonly { name: string; shortName: string }[], year: number) {
  // 2019–2020 are the 2019 format's years, later ones the 2021 format's.
  const [sample, sampleYear] = year <= 2020 ? ["leiguan-2020.txt", 2020] : ["leiguan-2023.txt", 2023];
  const text = readFileSync(path.join(root, "prisma/demo", sample), "utf8");
  const zip = new JSZip();
  for (const unit of units) {
    zip.file(
      `${unit.shortName}${year}.txt`,
      text.replaceAll(`来安县雷官镇人民政府${sampleYear}年`, `${unit.name}${year}年`).replaceAll(`${sampleYear}年`, `${year}年`).replaceAll(`${sampleYear + 1}年1月`, `${year + 1}年1月`),
    );
  }
  return { name: "历年年报.zip", bytes: await zip.generateAsync({ type: "uint8array" }) };
}
