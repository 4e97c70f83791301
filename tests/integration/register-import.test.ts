// Onboarding a region from its register, on PostgreSQL: the preview writes
// nothing, the import is all or nothing and audited, a second import of the
// same file changes nothing, a regional administrator stays in its region, a
// move carries the unit's subtree and reports, and what is applied is the
// preview that was confirmed.
import { randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { signInWithPassword } from "@/lib/auth/sign-in";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { subtreeWhere } from "@/lib/organizations/tree";
import { CHANGED_SINCE_PREVIEW } from "@/lib/register/apply-register";
import { confirmRegister, previewRegister, uploadRegister } from "@/lib/register/uploads";
import { hashInvitationToken } from "@/lib/invitations/tokens";
import { makeCode, withWrongCheck } from "../fixtures/registers/chuzhou-register";
import { fixturePath } from "../fixtures/registers/make-fixtures";
import { ownerPrisma, signedInActor, testPrisma, uniqueSlug } from "./helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const UNIT_HEADER = "单位全称,简称,统一社会信用代码,类别,上级单位统一社会信用代码,行政区划代码";
const ACCOUNT_HEADER = "用户名,姓名,电子邮箱,单位统一社会信用代码,角色";
const csvFile = (name: string, header: string, rows: string[][]) => ({
  name,
  bytes: new TextEncoder().encode(`\uFEFF${[header, ...rows.map((r) => r.join(","))].join("\r\n")}\r\n`),
});
const unitsFile = (rows: string[][]) => csvFile("units.csv", UNIT_HEADER, rows);
const accountsFile = (rows: string[][]) => csvFile("accounts.csv", ACCOUNT_HEADER, rows);
const region = () => String(100000 + randomInt(800000));

/** A province with two cities: A has a county (a township under it) and a department; B has a county. */
async function tree(db: PrismaClient) {
  const unit = (name: string, kind: "PROVINCE_GOVERNMENT" | "CITY_GOVERNMENT" | "COUNTY_GOVERNMENT" | "TOWNSHIP" | "DEPARTMENT", parentId: string | null, government = true) => {
    const regionCode = region();
    return db.organization.create({
      data: { slug: uniqueSlug("reg"), name, shortName: name, kind, parentId, code: makeCode(regionCode, 1), regionCode: government ? regionCode : null },
    });
  };
  const province = await unit("测试省人民政府", "PROVINCE_GOVERNMENT", null);
  const cityA = await unit("甲市人民政府", "CITY_GOVERNMENT", province.id);
  const cityB = await unit("乙市人民政府", "CITY_GOVERNMENT", province.id);
  const countyA = await unit("甲市甲县人民政府", "COUNTY_GOVERNMENT", cityA.id);
  const townA = await unit("甲市甲县甲镇人民政府", "TOWNSHIP", countyA.id, false);
  const deptA = await unit("甲市财政局", "DEPARTMENT", cityA.id, false);
  const countyB = await unit("乙市乙县人民政府", "COUNTY_GOVERNMENT", cityB.id);
  return { province, cityA, cityB, countyA, townA, deptA, countyB };
}

async function counts(db: PrismaClient) {
  const [organizations, accounts, roles, invitations, imports, audit] = await Promise.all([
    db.organization.count(),
    db.account.count(),
    db.roleAssignment.count(),
    db.invitation.count(),
    db.registerUpload.count({ where: { appliedAt: { not: null } } }),
    db.auditEvent.count({ where: { event: { in: ["organization.create", "organization.update", "account.create", "account.update", "register.import"] } } }),
  ]);
  return { organizations, accounts, roles, invitations, imports, audit };
}

async function preview(actor: Actor, files: { name: string; bytes: Uint8Array }[]) {
  const { uploadId } = await uploadRegister(actor, files, prisma);
  return previewRegister(actor, uploadId, prisma);
}

/** A district with two townships and their clerks, under city A: the shape of a real onboarding. */
function districtRegister(t: Awaited<ReturnType<typeof tree>>, tag: string) {
  const districtRegion = region();
  const district = makeCode(districtRegion, 1);
  const towns = [makeCode(districtRegion, 2), makeCode(districtRegion, 3)];
  const units = unitsFile([
    [`${tag}区一镇人民政府`, "一镇", towns[0]!, "乡镇", district, ""],
    [`${tag}区人民政府`, `${tag}区`, district, "县级人民政府", t.cityA.code!, districtRegion],
    [`${tag}区二镇人民政府`, "", towns[1]!, "街道", district, ""],
  ]);
  const accounts = accountsFile([
    [`${tag}-one-clerk`, "王伟", `${tag}-one@example.org`, towns[0]!, "填报人"],
    [`${tag}-one-reviewer`, "李娜", "", towns[0]!, "审核人"],
    [`${tag}-two-clerk`, "张敏", "", towns[1]!, "填报人"],
    [`${tag}-supervisor`, "刘洋", "", district, "主管部门"],
  ]);
  return { district, towns, files: [units, accounts] };
}

describe("importing a region's register", () => {
  it("previews without writing, then applies everything in one audited transaction with invitations for the new accounts", async () => {
    const t = await tree(prisma);
    const admin = await signedInActor(prisma, [{ organizationId: t.cityA.id, role: "ADMINISTRATOR" }]);
    const { district, towns, files } = districtRegister(t, uniqueSlug("d"));
    const before = await counts(prisma);
    const shown = await preview(admin, files);
    expect(await counts(prisma)).toEqual(before);
    expect(shown.plan.counts).toEqual({ units: { new: 3, changed: 0, unchanged: 0, refused: 0 }, accounts: { new: 4, changed: 0, unchanged: 0, refused: 0 } });

    process.env.MAIL_DIR = "/tmp/nianbao-register-test-mail";
    const result = await confirmRegister(admin, { uploadId: shown.uploadId, digest: shown.plan.digest }, prisma).finally(() => delete process.env.MAIL_DIR);
    expect(await counts(prisma)).toEqual({
      ...before,
      organizations: before.organizations + 3,
      accounts: before.accounts + 4,
      roles: before.roles + 4,
      invitations: before.invitations + 4,
      imports: before.imports + 1,
      // One event per unit and per account, and the summary.
      audit: before.audit + 3 + 4 + 1,
    });
    const created = await prisma.organization.findMany({ where: { code: { in: [district, ...towns] } }, orderBy: { code: "asc" } });
    expect(created.map((u) => u.ancestorIds.length)).toEqual([2, 3, 3]);
    expect(created.every((u) => u.ancestorIds.includes(t.cityA.id))).toBe(true);
    expect(created.find((u) => u.code === towns[1])!.shortName).toBe(created.find((u) => u.code === towns[1])!.name.replace(/^.*区/, "").replace(/人民政府$/, ""));

    // The links are shown once; the database holds their hashes, never the tokens.
    expect(result.invitations).toHaveLength(4);
    const [first] = result.invitations;
    const token = first!.path.replace("/invite/", "");
    const stored = await prisma.invitation.findMany({ where: { accountId: { in: result.invitations.map((i) => i.accountId) } } });
    expect(stored.map((s) => s.tokenHash)).toContain(hashInvitationToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(first).toMatchObject({ mailed: true, unit: expect.stringMatching(/区一镇人民政府$/) });
    expect(await prisma.outboxMail.count({ where: { toAddress: first!.username.replace(/-clerk$/, "@example.org") } })).toBe(1);
    // No password works until the person sets one.
    const account = await prisma.account.findUniqueOrThrow({ where: { username: first!.username } });
    expect(account.mustChangePassword).toBe(false);
    expect(await signInWithPassword(prisma, { username: first!.username, password: "" })).toMatchObject({ ok: false });
    expect(account.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("changes nothing when the same register comes again: every row 无变化, and nothing to confirm", async () => {
    const t = await tree(prisma);
    const admin = await signedInActor(prisma, [], { isSystemAdmin: true });
    const { files } = districtRegister(t, uniqueSlug("d"));
    const first = await preview(admin, files);
    await confirmRegister(admin, { uploadId: first.uploadId, digest: first.plan.digest }, prisma);
    const before = await counts(prisma);
    const again = await preview(admin, files);
    expect(again.plan.counts).toEqual({ units: { new: 0, changed: 0, unchanged: 3, refused: 0 }, accounts: { new: 0, changed: 0, unchanged: 4, refused: 0 } });
    await expect(confirmRegister(admin, { uploadId: again.uploadId, digest: again.plan.digest }, prisma)).rejects.toMatchObject({
      message: "名录与系统中的一致，没有需要导入的变化",
    });
    expect(await counts(prisma)).toEqual(before);
    // A confirmed upload cannot be applied a second time.
    await expect(confirmRegister(admin, { uploadId: first.uploadId, digest: first.plan.digest }, prisma)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("leaves nothing when the transaction fails midway: units written before the failing account are rolled back too", async () => {
    const t = await tree(prisma);
    const admin = await signedInActor(prisma, [], { isSystemAdmin: true });
    const tag = uniqueSlug("d");
    const { files } = districtRegister(t, tag);
    const shown = await preview(admin, files);
    const owner = ownerPrisma();
    // The database refuses the third account of the file, after the units and two accounts went in.
    await owner.$executeRawUnsafe(`CREATE FUNCTION refuse_register_account() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.username = '${tag}-two-clerk' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$`);
    await owner.$executeRawUnsafe(`CREATE TRIGGER refuse_register_account BEFORE INSERT ON account FOR EACH ROW EXECUTE FUNCTION refuse_register_account()`);
    const before = await counts(prisma);
    try {
      await expect(confirmRegister(admin, { uploadId: shown.uploadId, digest: shown.plan.digest }, prisma)).rejects.toThrow(/disk full/);
      expect(await counts(prisma)).toEqual(before);
      expect(await prisma.organization.count({ where: { name: { startsWith: tag } } })).toBe(0);
    } finally {
      await owner.$executeRawUnsafe("DROP TRIGGER refuse_register_account ON account");
      await owner.$executeRawUnsafe("DROP FUNCTION refuse_register_account()");
      await owner.$disconnect();
    }
    // Not claimed either: once the database is well again, the same preview applies.
    await confirmRegister(admin, { uploadId: shown.uploadId, digest: shown.plan.digest }, prisma);
    expect(await prisma.organization.count({ where: { name: { startsWith: tag } } })).toBe(3);
  });

  it("applies only the preview that was shown: a change in the database meanwhile refuses the confirmation", async () => {
    const t = await tree(prisma);
    const admin = await signedInActor(prisma, [], { isSystemAdmin: true });
    const tag = uniqueSlug("d");
    const { files } = districtRegister(t, tag);
    const shown = await preview(admin, files);
    // Someone creates one of the file's accounts by hand before the confirmation.
    await prisma.account.create({ data: { username: `${tag}-two-clerk`, displayName: "张敏", passwordHash: "x" } });
    const before = await counts(prisma);
    await expect(confirmRegister(admin, { uploadId: shown.uploadId, digest: shown.plan.digest }, prisma)).rejects.toMatchObject({
      code: "CONFLICT",
      message: CHANGED_SINCE_PREVIEW,
    });
    expect(await counts(prisma)).toEqual(before);
    // Another administrator cannot confirm, or even see, this upload.
    const other = await signedInActor(prisma, [], { isSystemAdmin: true });
    await expect(previewRegister(other, shown.uploadId, prisma)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses each faulty row with its reason, and imports nothing while any row is refused", async () => {
    const t = await tree(prisma);
    const admin = await signedInActor(prisma, [{ organizationId: t.cityA.id, role: "ADMINISTRATOR" }]);
    const outsider = await prisma.account.create({
      data: { username: uniqueSlug("b-clerk"), displayName: "赵六", passwordHash: "x", roles: { create: { organizationId: t.countyB.id, role: "CLERK" } } },
    });
    const r = region();
    const [a, b, c, d, e] = [1, 2, 3, 4, 5].map((n) => makeCode(r, n));
    const shown = await preview(admin, [
      unitsFile([
        ["甲市错码局", "", withWrongCheck(a!), "部门", t.cityA.code!, ""],
        ["甲市无上级局", "", b!, "部门", makeCode(r, 9), ""],
        ["甲市甲县", "", t.countyA.code!, "县级人民政府", t.townA.code!, ""],
        ["甲市某镇", "", c!, "乡镇", t.cityA.code!, ""],
        ["甲市重复局", "", d!, "部门", t.cityA.code!, ""],
        ["甲市重复局二", "", d!, "部门", t.cityA.code!, ""],
        ["甲市某区人民政府", "", e!, "县级人民政府", t.cityA.code!, t.countyB.regionCode!],
        ["乙市某局", "", makeCode(r, 6), "部门", t.cityB.code!, ""],
        ["乙市乙县人民政府（改）", "", t.countyB.code!, "县级人民政府", t.cityB.code!, ""],
        ["", "", "", "部门", t.cityA.code!, ""],
      ]),
      accountsFile([
        ["twice", "甲", "", t.deptA.code!, "填报人"],
        ["twice", "乙", "", t.deptA.code!, "审核人"],
        [uniqueSlug("s"), "丙", "", t.deptA.code!, "主管部门"],
        [outsider.username, "赵六", "", t.deptA.code!, "填报人"],
        [admin.username, admin.displayName, "", t.countyA.code!, "主管部门"],
      ]),
    ]);
    const reasons = (rows: { reasons: string[] }[]) => rows.map((row) => row.reasons.join("；"));
    expect(reasons(shown.plan.units)).toEqual([
      expect.stringMatching(/代码的校验位不正确/),
      `上级单位代码 ${makeCode(r, 9)} 在单位表和系统中都找不到`,
      "不能把单位移到它自己或它的下级单位之下：甲市甲县 → 甲市甲县甲镇人民政府 → 甲市甲县",
      expect.stringMatching(/^上级单位的类别不对/),
      expect.stringMatching(/^统一社会信用代码在单位表中重复/),
      expect.stringMatching(/^统一社会信用代码在单位表中重复/),
      `行政区划代码 ${t.countyB.regionCode} 已属于“乙市乙县人民政府”`,
      "上级单位不在您管理的地区内，不能在其下新增单位",
      "该单位不在您管理的地区内，不能修改",
      expect.stringMatching(/^未填统一社会信用代码/),
    ]);
    expect(reasons(shown.plan.accounts)).toEqual([
      expect.stringMatching(/^用户名在账号表中重复/),
      expect.stringMatching(/^用户名在账号表中重复/),
      "不能授予“主管部门”：主管部门和管理员角色只能设在人民政府",
      "该用户名已被本地区以外的账号使用，本地区管理员不能修改它；如确是同一人，请联系上级管理员",
      "不能授予“主管部门”：不能为自己分配角色，请由另一位管理员分配",
    ]);
    const before = await counts(prisma);
    await expect(confirmRegister(admin, { uploadId: shown.uploadId, digest: shown.plan.digest }, prisma)).rejects.toMatchObject({
      code: "INVALID",
      message: "名录中有被拒绝的行，未导入任何内容：请按预览中的原因修改文件后重新上传",
    });
    expect(await counts(prisma)).toEqual(before);
  });

  it("refuses anyone but an administrator, and keeps each administrator's uploads its own", async () => {
    const t = await tree(prisma);
    const { files } = districtRegister(t, uniqueSlug("d"));
    const clerk = await signedInActor(prisma, [{ organizationId: t.townA.id, role: "CLERK" }]);
    const supervisor = await signedInActor(prisma, [{ organizationId: t.cityA.id, role: "SUPERVISOR" }]);
    const cityB = await signedInActor(prisma, [{ organizationId: t.cityB.id, role: "ADMINISTRATOR" }]);
    const cityA = await signedInActor(prisma, [{ organizationId: t.cityA.id, role: "ADMINISTRATOR" }]);
    const before = await counts(prisma);
    for (const actor of [clerk, supervisor]) {
      await expect(uploadRegister(actor, files, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await prisma.auditEvent.count({ where: { event: "register.upload", actor: actor.username, result: "failure" } })).toBe(1);
    }
    await expect(uploadRegister(null, files, prisma)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const shown = await preview(cityA, files);
    await expect(confirmRegister(cityB, { uploadId: shown.uploadId, digest: shown.plan.digest }, prisma)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(confirmRegister(clerk, { uploadId: shown.uploadId, digest: shown.plan.digest }, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    // City B's administrator, with its own copy of the file, is refused every row of city A.
    const theirs = await preview(cityB, files);
    expect(theirs.plan.counts.units.refused).toBe(3);
    expect(await counts(prisma)).toEqual(before);
  });

  it("moves a unit to its new parent with everything under it and its reports, and renames it, without a second unit", async () => {
    const t = await tree(prisma);
    const admin = await signedInActor(prisma, [], { isSystemAdmin: true });
    const report = await prisma.report.create({ data: { organizationId: t.townA.id, year: 2025, formatVersion: "2021", title: "甲镇2025年报告" } });
    const shown = await preview(admin, [unitsFile([["乙市甲县人民政府", "甲县", t.countyA.code!, "县级人民政府", t.cityB.code!, ""]])]);
    expect(shown.plan.units[0]).toMatchObject({
      outcome: "changed",
      changes: ["名称：甲市甲县人民政府 → 乙市甲县人民政府", "简称：甲市甲县人民政府 → 甲县", "上级：甲市人民政府 → 乙市人民政府（下级单位和报告随之移动）"],
    });
    const before = await prisma.organization.count();
    await confirmRegister(admin, { uploadId: shown.uploadId, digest: shown.plan.digest }, prisma);
    expect(await prisma.organization.count()).toBe(before);
    const town = await prisma.organization.findUniqueOrThrow({ where: { id: t.townA.id } });
    expect(town.ancestorIds).toEqual([t.province.id, t.cityB.id, t.countyA.id]);
    const underB = await prisma.report.findMany({ where: { organization: subtreeWhere([t.cityB.id]) }, select: { id: true } });
    expect(underB.map((r) => r.id)).toContain(report.id);
    expect(await prisma.report.count({ where: { id: report.id, organization: subtreeWhere([t.cityA.id]) } })).toBe(0);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { event: "organization.update", objectId: t.countyA.id } });
    expect(audit.detail).toMatchObject({ source: "register", before: { parentId: t.cityA.id }, after: { parentId: t.cityB.id, name: "乙市甲县人民政府" } });
  });

  it("reads the office's own files through the worker: the 滁州 workbook, and its CSVs in GBK and UTF-8", async () => {
    const admin = await signedInActor(prisma, [], { isSystemAdmin: true });
    const xlsx = await preview(admin, [{ name: "chuzhou-register.xlsx", bytes: new Uint8Array(readFileSync(fixturePath("chuzhou-register.xlsx"))) }]);
    const csv = await preview(admin, [
      { name: "units.csv", bytes: new Uint8Array(readFileSync(fixturePath("chuzhou-units.gbk.csv"))) },
      { name: "accounts.csv", bytes: new Uint8Array(readFileSync(fixturePath("chuzhou-accounts.utf8-bom.csv"))) },
    ]);
    expect(csv.plan.units.map((u) => [u.code, u.outcome, u.reasons])).toEqual(xlsx.plan.units.map((u) => [u.code, u.outcome, u.reasons]));
    expect(xlsx.plan.units).toHaveLength(40);
    expect(xlsx.plan.accounts).toHaveLength(80);
    await expect(uploadRegister(admin, [{ name: "a.xlsx", bytes: new TextEncoder().encode("not a workbook") }], prisma)).rejects.toMatchObject({
      code: "INVALID",
      message: "“a.xlsx”的内容与扩展名不符，请确认文件是 .xlsx 格式",
    });
  });
});
