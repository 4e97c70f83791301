// The 单位 table planned against the database: each row's outcome and every
// reason a row is refused, for the system administrator and for a city's.
import { describe, expect, it } from "vitest";
import { planRegister } from "@/lib/register/plan-register";
import type { KnownUnit, Snapshot } from "@/lib/register/snapshot";
import type { Register, UnitRecord } from "@/lib/register/types";
import type { AdminScope } from "@/lib/organizations/admin-scope";
import { makeCode, withWrongCheck } from "../fixtures/registers/chuzhou-register";

const code = (region: string, serial: number) => makeCode(region, serial);
const known = (id: string, name: string, kind: KnownUnit["kind"], parent: KnownUnit | null, extra: Partial<KnownUnit> = {}): KnownUnit => ({
  id,
  slug: id,
  code: code(extra.regionCode ?? "341100", name.length * 100 + id.length),
  name,
  shortName: name.replace(/人民政府$/, ""),
  kind,
  parentId: parent?.id ?? null,
  ancestorIds: parent ? [...parent.ancestorIds, parent.id] : [],
  regionCode: null,
  ...extra,
});

const anhui = known("anhui", "安徽省人民政府", "PROVINCE_GOVERNMENT", null, { regionCode: "340000", code: code("340000", 1) });
const chuzhou = known("chuzhou", "滁州市人民政府", "CITY_GOVERNMENT", anhui, { regionCode: "341100", code: code("341100", 1) });
const hefei = known("hefei", "合肥市人民政府", "CITY_GOVERNMENT", anhui, { regionCode: "340100", code: code("340100", 1) });
const laian = known("laian", "来安县人民政府", "COUNTY_GOVERNMENT", chuzhou, { regionCode: "341122", code: code("341122", 1) });
const quanjiao = known("quanjiao", "全椒县人民政府", "COUNTY_GOVERNMENT", chuzhou, { regionCode: "341124", code: code("341124", 1) });
const leiguan = known("leiguan", "来安县雷官镇人民政府", "TOWNSHIP", laian, { code: code("341122", 2) });
const feidong = known("feidong", "肥东县人民政府", "COUNTY_GOVERNMENT", hefei, { regionCode: "340122", code: code("340122", 1) });
const snapshot: Snapshot = { units: [anhui, chuzhou, hefei, laian, quanjiao, leiguan, feidong], accounts: [], takenSlugs: [] };

const system: AdminScope = { all: true };
const city: AdminScope = { all: false, roots: ["chuzhou"] };
const actor = { accountId: "me" };

let row = 1;
const unit = (fields: Partial<UnitRecord>): UnitRecord => ({
  row: (row += 1),
  name: "某单位",
  shortName: "",
  code: "",
  kind: "政府部门",
  parentCode: "",
  regionCode: "",
  ...fields,
});
const register = (units: UnitRecord[]): Register => ({ files: [], units, accounts: [], notes: [] });
function plan(units: UnitRecord[], scope: AdminScope = system, base: Snapshot = snapshot) {
  let next = 0;
  return planRegister(register(units), base, { actor, scope, newId: () => `new-${(next += 1)}` });
}
const outcome = (units: UnitRecord[], scope: AdminScope = system) => plan(units, scope).units.map((u) => [u.outcome, ...u.reasons]);

describe("planning the units of a register", () => {
  it("creates units whose parents come later in the file, parents written first, with readable slugs and a derived 简称 said so", () => {
    const county = code("341103", 1);
    const result = plan([
      unit({ name: "滁州市南谯区乌衣镇人民政府", code: code("341103", 2), kind: "乡镇", parentCode: county }),
      unit({ name: "滁州市南谯区人民政府", shortName: "南谯区", code: county, kind: "县级人民政府", parentCode: chuzhou.code!, regionCode: "341103" }),
    ]);
    const [town, district] = result.units;
    expect(town).toMatchObject({ outcome: "new", changes: ["上级：滁州市南谯区人民政府", `网址标识：u-${town!.code.slice(-10).toLowerCase()}`] });
    expect(town!.notes).toEqual(["简称未填，取自全称：乌衣镇"]);
    expect(town!.write).toMatchObject({ create: true, kind: "TOWNSHIP", parentId: district!.write!.id, shortName: "乌衣镇", depth: 3 });
    expect(district!.write).toMatchObject({ slug: "r-341103", parentId: "chuzhou", regionCode: "341103", depth: 2 });
    expect(result.counts.units).toEqual({ new: 2, changed: 0, unchanged: 0, refused: 0 });
  });

  it("finds an unchanged unit unchanged, and says what changes — a name, a move — without duplicating the unit", () => {
    const result = plan([
      unit({ name: laian.name, shortName: "来安县", code: laian.code!, kind: "县级人民政府", parentCode: chuzhou.code!, regionCode: "341122" }),
      unit({ name: "来安县雷官镇人民政府（新）", code: leiguan.code!, kind: "乡镇", parentCode: quanjiao.code! }),
    ]);
    expect(result.units[0]).toMatchObject({ outcome: "unchanged", changes: [] });
    expect(result.units[1]).toMatchObject({
      outcome: "changed",
      changes: ["名称：来安县雷官镇人民政府 → 来安县雷官镇人民政府（新）", "上级：来安县人民政府 → 全椒县人民政府（下级单位和报告随之移动）"],
      write: { id: "leiguan", create: false, parentId: "quanjiao", before: { name: "来安县雷官镇人民政府", parentId: "laian" } },
    });
  });

  it("keeps an existing unit's parent when the register leaves 上级 empty", () => {
    const result = plan([unit({ name: laian.name, code: laian.code!, kind: "县", regionCode: "" })]);
    expect(result.units[0]).toMatchObject({ outcome: "unchanged", notes: ["未填上级单位，保持原上级"] });
  });

  it("refuses a unit without a code, with a code that does not verify, and codes repeated in the file", () => {
    const repeated = code("341122", 30);
    expect(
      outcome([
        unit({ code: "", parentCode: laian.code! }),
        unit({ code: withWrongCheck(code("341122", 31)), parentCode: laian.code! }),
        unit({ code: repeated, parentCode: laian.code! }),
        unit({ code: repeated, parentCode: laian.code! }),
        unit({ code: "1.13411E+17", parentCode: laian.code! }),
      ]),
    ).toEqual([
      ["refused", expect.stringMatching(/^未填统一社会信用代码：单位以代码识别/)],
      ["refused", expect.stringMatching(/有误：代码的校验位不正确/)],
      ["refused", expect.stringMatching(/^统一社会信用代码在单位表中重复（第\d+行也是/)],
      ["refused", expect.stringMatching(/^统一社会信用代码在单位表中重复/)],
      ["refused", expect.stringMatching(/被 Excel 存成了科学计数法/)],
    ]);
  });

  it("refuses an unknown parent, a parent of the wrong kind, a unit needing a parent, an unknown 类别 and a change of 类别", () => {
    expect(
      outcome([
        unit({ code: code("341122", 40), parentCode: code("341122", 41) }),
        unit({ code: code("341122", 42), kind: "乡镇", parentCode: chuzhou.code! }),
        unit({ code: code("341122", 43), kind: "部门" }),
        unit({ code: code("341122", 44), kind: "事业单位", parentCode: laian.code! }),
        unit({ name: leiguan.name, code: leiguan.code!, kind: "部门", parentCode: laian.code! }),
      ]),
    ).toEqual([
      ["refused", `上级单位代码 ${code("341122", 41)} 在单位表和系统中都找不到`],
      ["refused", expect.stringMatching(/^上级单位的类别不对.*（上级“滁州市人民政府”是设区的市人民政府）$/)],
      ["refused", "乡镇须隶属于县级人民政府，部门须隶属于同级人民政府：请填写上级单位统一社会信用代码"],
      ["refused", expect.stringMatching(/^类别“事业单位”无法识别，应为：省级人民政府、/)],
      ["refused", "类别与系统中的不同（系统中为“乡镇人民政府（街道办事处）”），单位类别不能通过名录导入更改"],
    ]);
  });

  it("refuses a circular parent — in the file, and through the database's tree — naming the circle", () => {
    const a = code("341122", 50);
    const b = code("341122", 51);
    const result = outcome([
      unit({ name: "甲县人民政府", code: a, kind: "县级人民政府", parentCode: b }),
      unit({ name: "乙县人民政府", code: b, kind: "县级人民政府", parentCode: a }),
      // 来安县 under its own township: the township is under 来安县 in the database.
      unit({ name: laian.name, code: laian.code!, kind: "县级人民政府", parentCode: leiguan.code! }),
      unit({ name: "丙局", code: code("341122", 52), parentCode: code("341122", 52) }),
    ]);
    expect(result[0]).toEqual(["refused", "不能把单位移到它自己或它的下级单位之下：甲县人民政府 → 乙县人民政府 → 甲县人民政府"]);
    expect(result[1]).toEqual(["refused", "不能把单位移到它自己或它的下级单位之下：乙县人民政府 → 甲县人民政府 → 乙县人民政府"]);
    expect(result[2]).toEqual(["refused", "不能把单位移到它自己或它的下级单位之下：来安县人民政府 → 来安县雷官镇人民政府 → 来安县人民政府"]);
    expect(result[3]).toEqual(["refused", "不能把单位移到它自己或它的下级单位之下：上级单位代码就是本单位的代码"]);
  });

  it("refuses a 行政区划代码 that clashes, is malformed or belongs to no government", () => {
    expect(
      outcome([
        unit({ name: "某县人民政府", code: code("341199", 1), kind: "县级人民政府", parentCode: chuzhou.code!, regionCode: "341122" }),
        unit({ name: "甲县人民政府", code: code("341198", 1), kind: "县级人民政府", parentCode: chuzhou.code!, regionCode: "341198" }),
        unit({ name: "乙县人民政府", code: code("341197", 1), kind: "县级人民政府", parentCode: chuzhou.code!, regionCode: "341198" }),
        unit({ code: code("341122", 60), kind: "部门", parentCode: laian.code!, regionCode: "341122" }),
        unit({ name: "丙县人民政府", code: code("341196", 1), kind: "县级人民政府", parentCode: chuzhou.code!, regionCode: "34119" }),
      ]),
    ).toEqual([
      ["refused", "行政区划代码 341122 已属于“来安县人民政府”"],
      ["refused", expect.stringMatching(/^行政区划代码 341198 在单位表中重复（第\d+行）$/)],
      ["refused", expect.stringMatching(/^行政区划代码 341198 在单位表中重复/)],
      ["refused", "只有人民政府有行政区划代码，乡镇和部门请留空"],
      ["refused", expect.stringMatching(/^行政区划代码“34119”有误/)],
    ]);
  });

  it("refuses the units under a refused new unit, saying which row they depend on", () => {
    const county = code("341103", 70);
    const result = plan([
      unit({ name: "某区人民政府", code: county, kind: "县级人民政府", parentCode: code("341100", 71), regionCode: "341103" }),
      unit({ name: "某区某镇人民政府", code: code("341103", 72), kind: "乡镇", parentCode: county }),
      unit({ name: "某区某镇（误）", code: code("341103", 73), kind: "乡镇", parentCode: withWrongCheck(county) }),
    ]);
    expect(result.units[1]!.reasons).toEqual([`上级单位（单位表第${result.units[0]!.row}行）未能导入，本行随之不能导入`]);
    expect(result.units[2]!.reasons).toEqual([expect.stringMatching(/^上级单位统一社会信用代码“.*”有误：代码的校验位不正确/)]);
  });

  it("lets a city's administrator create and change units of the city only", () => {
    const result = outcome(
      [
        unit({ name: "滁州市某局", code: code("341100", 80), parentCode: chuzhou.code! }),
        unit({ name: "合肥市某局", code: code("340100", 80), parentCode: hefei.code! }),
        unit({ name: "肥东县人民政府（改）", code: feidong.code!, kind: "县级人民政府", parentCode: hefei.code! }),
        unit({ name: laian.name, code: laian.code!, kind: "县级人民政府", parentCode: hefei.code! }),
        unit({ name: "某省人民政府", code: code("350000", 1), kind: "省级人民政府" }),
      ],
      city,
    );
    expect(result).toEqual([
      ["new"],
      ["refused", "上级单位不在您管理的地区内，不能在其下新增单位"],
      ["refused", "该单位不在您管理的地区内，不能修改"],
      ["refused", "不能把单位移到您管理的地区以外"],
      ["refused", "只能在您管理的地区内新增单位：请填写本地区内的上级单位"],
    ]);
    // The city itself, unchanged: fine; renamed: only an administrator above may.
    expect(outcome([unit({ name: chuzhou.name, code: chuzhou.code!, kind: "设区的市人民政府", parentCode: anhui.code!, regionCode: "341100" })], city)).toEqual([
      ["unchanged"],
    ]);
    expect(outcome([unit({ name: "滁州市人民政府（改）", code: chuzhou.code!, kind: "设区的市人民政府", parentCode: anhui.code! })], city)).toEqual([
      ["refused", "“滁州市人民政府”是您管理的地区的最上级单位，只能由上级管理员修改"],
    ]);
    // A new unit under a new unit of the city is the city's too.
    const district = code("341103", 81);
    expect(
      outcome(
        [
          unit({ name: "某镇人民政府", code: code("341103", 82), kind: "乡镇", parentCode: district }),
          unit({ name: "某区人民政府", code: district, kind: "县级人民政府", parentCode: chuzhou.code! }),
        ],
        city,
      ),
    ).toEqual([["new"], ["new"]]);
  });

  it("takes the next slug when the readable one is taken, in the database or earlier in the file", () => {
    const first = code("341122", 90);
    const base = `u-${first.slice(-10).toLowerCase()}`;
    const result = plan([unit({ code: first, parentCode: laian.code! })], system, { ...snapshot, takenSlugs: [base, `${base}-2`] });
    expect(result.units[0]!.write!.slug).toBe(`${base}-3`);
  });

  it("gives the same digest for the same register and database, whatever ids it makes up, and another when the database changed", () => {
    const rows = [unit({ name: "某局", code: code("341122", 95), parentCode: laian.code! })];
    const one = planRegister(register(rows), snapshot, { actor, scope: system });
    const two = planRegister(register(rows), snapshot, { actor, scope: system });
    expect(one.units[0]!.write!.id).not.toBe(two.units[0]!.write!.id);
    expect(one.digest).toBe(two.digest);
    const moved = { ...snapshot, takenSlugs: [one.units[0]!.write!.slug] };
    expect(planRegister(register(rows), moved, { actor, scope: system }).digest).not.toBe(one.digest);
  });
});

describe("a code Excel rounded", () => {
  it("is said to be a number Excel kept to 15 digits, with what to do", () => {
    const rounded = "113411220032502000";
    const result = plan([unit({ code: rounded, parentCode: "" })]);
    expect(result.units[0]!.reasons[0]).toMatch(/若在 Excel 中存成了数字，后几位会变成0：请把该列设为“文本”格式后重新填写/);
  });
});
