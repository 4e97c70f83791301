// The 账号 table planned: new accounts, roles added (never removed), names and
// addresses updated, and every refusal — the administration screen's own
// grant rules, the region's bounds, and rows that cannot be read.
import { describe, expect, it } from "vitest";
import type { AdminScope } from "@/lib/organizations/admin-scope";
import { planRegister } from "@/lib/register/plan-register";
import type { KnownAccount, KnownUnit, Snapshot } from "@/lib/register/snapshot";
import type { AccountRecord, Register, UnitRecord } from "@/lib/register/types";
import { makeCode, withWrongCheck } from "../fixtures/registers/chuzhou-register";

const unitAt = (id: string, kind: KnownUnit["kind"], ancestorIds: string[], code: string, name: string): KnownUnit => ({
  id,
  slug: id,
  code,
  name,
  shortName: name,
  kind,
  parentId: ancestorIds.at(-1) ?? null,
  ancestorIds,
  regionCode: null,
});
const chuzhou = unitAt("chuzhou", "CITY_GOVERNMENT", [], makeCode("341100", 1), "滁州市人民政府");
const hefei = unitAt("hefei", "CITY_GOVERNMENT", [], makeCode("340100", 1), "合肥市人民政府");
const laian = unitAt("laian", "COUNTY_GOVERNMENT", ["chuzhou"], makeCode("341122", 1), "来安县人民政府");
const leiguan = unitAt("leiguan", "TOWNSHIP", ["chuzhou", "laian"], makeCode("341122", 2), "来安县雷官镇人民政府");
const feidong = unitAt("feidong", "COUNTY_GOVERNMENT", ["hefei"], makeCode("340122", 1), "肥东县人民政府");

const person = (username: string, roles: KnownAccount["roles"], extra: Partial<KnownAccount> = {}): KnownAccount => ({
  id: `id-${username}`,
  username,
  displayName: "王伟",
  email: null,
  isSystemAdmin: false,
  isAuditor: false,
  disabled: false,
  roles,
  ...extra,
});
const snapshot: Snapshot = {
  units: [chuzhou, hefei, laian, leiguan, feidong],
  accounts: [
    person("leiguan-clerk", [{ role: "CLERK", organizationId: "leiguan" }], { email: "old@example.org" }),
    person("feidong-clerk", [{ role: "CLERK", organizationId: "feidong" }]),
    person("both", [{ role: "CLERK", organizationId: "leiguan" }, { role: "CLERK", organizationId: "feidong" }]),
    person("city-admin", [{ role: "ADMINISTRATOR", organizationId: "chuzhou" }]),
    person("root", [], { isSystemAdmin: true }),
    person("gone", [{ role: "CLERK", organizationId: "leiguan" }], { disabled: true }),
  ],
  takenSlugs: [],
};
const system: AdminScope = { all: true };
const city: AdminScope = { all: false, roots: ["chuzhou"] };

let row = 1;
const account = (fields: Partial<AccountRecord>): AccountRecord => ({
  row: (row += 1),
  username: "someone",
  displayName: "李娜",
  email: "",
  unitCode: leiguan.code!,
  roles: "填报人",
  ...fields,
});
function plan(accounts: AccountRecord[], options: { scope?: AdminScope; units?: UnitRecord[]; actor?: string } = {}) {
  const register: Register = { files: [], units: options.units ?? [], accounts, notes: [] };
  return planRegister(register, snapshot, { actor: { accountId: options.actor ?? "id-city-admin" }, scope: options.scope ?? system, mail: true });
}
const outcomes = (accounts: AccountRecord[], options: Parameters<typeof plan>[1] = {}) =>
  plan(accounts, options).accounts.map((a) => [a.outcome, ...a.reasons]);

describe("planning the accounts of a register", () => {
  it("creates an account with its roles, for a unit of the database or of the file, and says it will get an invitation", () => {
    const town = makeCode("341122", 3);
    const result = plan(
      [
        account({ username: "New-Clerk", displayName: "李娜", email: "lina@example.org", roles: "填报人、审核人" }),
        account({ username: "town-clerk", unitCode: town, roles: "填报" }),
      ],
      { units: [{ row: 2, name: "来安县某镇人民政府", shortName: "", code: town, kind: "乡镇", parentCode: laian.code!, regionCode: "" }] },
    );
    expect(result.accounts[0]).toMatchObject({
      outcome: "new",
      username: "new-clerk",
      changes: ["单位：来安县雷官镇人民政府", "角色：填报人、审核人"],
      notes: ["导入后生成一次性邀请链接，并发送到电子邮箱"],
      write: { create: true, email: "lina@example.org", grants: [{ organizationId: "leiguan", role: "CLERK" }, { organizationId: "leiguan", role: "REVIEWER" }] },
    });
    expect(result.accounts[1]!.write!.grants).toEqual([{ organizationId: result.units[0]!.write!.id, role: "CLERK" }]);
    expect(result.accounts[1]!.notes).toEqual(["导入后生成一次性邀请链接，请交给本人"]);
  });

  it("adds roles and updates 姓名 and 邮箱 of an existing account, and leaves one the register matches unchanged", () => {
    const result = plan([
      account({ username: "leiguan-clerk", displayName: "王伟", email: "old@example.org", roles: "填报人" }),
      account({ username: "gone", displayName: "张敏", email: "new@example.org", roles: "填报人、审核人" }),
    ]);
    expect(result.accounts[0]).toMatchObject({ outcome: "unchanged", changes: [] });
    expect(result.accounts[1]).toMatchObject({
      outcome: "changed",
      changes: ["姓名：王伟 → 张敏", "电子邮箱：无 → new@example.org", "新增角色：审核人（来安县雷官镇人民政府）"],
      notes: ["该账号已停用，导入不会启用它"],
      write: { id: "id-gone", create: false, grants: [{ organizationId: "leiguan", role: "REVIEWER" }], before: { displayName: "王伟", email: null } },
    });
  });

  it("keeps an existing account's name and address where the register leaves them empty", () => {
    expect(plan([account({ username: "leiguan-clerk", displayName: "", email: "" })]).accounts[0]!.outcome).toBe("unchanged");
  });

  it("refuses rows it cannot read: a bad username, a repeated one, no name, a bad address, an unknown role, no role", () => {
    expect(
      outcomes([
        account({ username: "王伟" }),
        account({ username: "twice" }),
        account({ username: "twice" }),
        account({ username: "noname", displayName: "" }),
        account({ username: "mail", email: "not-an-address" }),
        account({ username: "role", roles: "局长" }),
        account({ username: "norole", roles: "" }),
      ]),
    ).toEqual([
      ["refused", expect.stringMatching(/^用户名“王伟”有误：用户名为2–64位/)],
      ["refused", expect.stringMatching(/^用户名在账号表中重复（第\d+行）/)],
      ["refused", expect.stringMatching(/^用户名在账号表中重复/)],
      ["refused", "请填写姓名"],
      ["refused", "电子邮箱“not-an-address”格式不正确"],
      ["refused", "角色“局长”无法识别，应为：填报人、审核人、主管部门、管理员"],
      ["refused", "请填写角色（填报人、审核人、主管部门、管理员）"],
    ]);
  });

  it("refuses a unit code that does not verify, that nobody knows, or whose unit row was refused", () => {
    const refusedTown = makeCode("341122", 4);
    expect(
      outcomes(
        [
          account({ username: "a1", unitCode: withWrongCheck(leiguan.code!) }),
          account({ username: "a2", unitCode: makeCode("341122", 5) }),
          account({ username: "a3", unitCode: refusedTown }),
        ],
        { units: [{ row: 7, name: "某镇", shortName: "", code: refusedTown, kind: "乡镇", parentCode: makeCode("341122", 6), regionCode: "" }] },
      ),
    ).toEqual([
      ["refused", expect.stringMatching(/^单位统一社会信用代码“.*”有误：代码的校验位不正确/)],
      ["refused", `单位代码 ${makeCode("341122", 5)} 在单位表和系统中都找不到`],
      ["refused", "所在单位（单位表第7行）未能导入，本行随之不能导入"],
    ]);
  });

  it("grants nothing the administration screen would refuse", () => {
    expect(
      outcomes([
        account({ username: "s1", roles: "主管部门" }),
        account({ username: "s2", roles: "填报人、管理员", unitCode: laian.code! }),
        account({ username: "root", roles: "审核人" }),
        account({ username: "city-admin", roles: "填报人", unitCode: laian.code! }),
      ]),
    ).toEqual([
      ["refused", "不能授予“主管部门”：主管部门和管理员角色只能设在人民政府"],
      ["refused", "不能授予“管理员”：填报人或审核人不能同时担任管理员"],
      ["refused", "不能授予“审核人”：管理员不能担任填报人或审核人"],
      ["refused", "不能授予“填报人”：不能为自己分配角色，请由另一位管理员分配"],
    ]);
  });

  it("keeps a city's administrator to the city's units and the city's accounts", () => {
    expect(
      outcomes(
        [
          account({ username: "new-in-hefei", unitCode: feidong.code! }),
          account({ username: "feidong-clerk", roles: "审核人", unitCode: feidong.code! }),
          account({ username: "feidong-clerk", displayName: "改名" }),
          account({ username: "both", roles: "审核人" }),
          account({ username: "new-in-city", roles: "管理员（本地区）", unitCode: laian.code! }),
        ],
        { scope: city },
      ).map((r) => r.slice(0, 2)),
    ).toEqual([
      ["refused", "不能授予“填报人”：只能在本地区的单位内分配角色"],
      ["refused", expect.stringMatching(/^用户名在账号表中重复/)],
      ["refused", expect.stringMatching(/^用户名在账号表中重复/)],
      ["refused", "该用户名已被本地区以外的账号使用，本地区管理员不能修改它；如确是同一人，请联系上级管理员"],
      ["new"],
    ]);
    expect(outcomes([account({ username: "feidong-clerk", displayName: "改名", unitCode: feidong.code! })], { scope: city })).toEqual([
      ["refused", "该用户名已被本地区以外的账号使用，本地区管理员不能修改它；如确是同一人，请联系上级管理员"],
    ]);
    // The same row is the system administrator's to make.
    expect(outcomes([account({ username: "feidong-clerk", displayName: "改名", unitCode: feidong.code! })])).toEqual([["changed"]]);
  });
});
