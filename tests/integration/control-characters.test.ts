// Every input gets a field message, never a 500: a NUL byte (PostgreSQL
// refuses it in text) or another control character in a report field, a
// catalog title, a CSV row, a unit's or a person's name, a search or an audit
// query; an oversized sign-in. Names and titles refuse direction overrides too.
import { afterAll, describe, expect, it } from "vitest";
import { listAuditEvents, ZAuditFilters } from "@/lib/audit/audit-queries";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { ZCreateAccountInput } from "@/lib/accounts/schemas";
import { ZCreateCatalogItemInput } from "@/lib/catalog/schemas";
import { ZCreateOrganizationInput } from "@/lib/organizations/schemas";
import { importCatalogItems } from "@/lib/catalog/import/import-items";
import { listPublishedItems } from "@/lib/catalog/public-queries";
import { parseCatalogFilters } from "@/lib/catalog/listing-filters";
import { listPublishedReports } from "@/lib/reports/queries";
import { saveReport } from "@/lib/reports/save-report";
import { startReport } from "@/lib/reports/start-report";
import { createCountyWithTownships, signedInActor, testPrisma } from "./helpers";
import { itemFields } from "./catalog/catalog-helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());
const NUL = "\u0000";
const RLO = "\u202E";

/** The field messages of a schema's refusal, by path. */
const fieldMessages = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("control characters", () => {
  it("in a report field: the field's message, nothing saved", async () => {
    const { townA } = await createCountyWithTownships(prisma);
    const clerk = await signedInActor(prisma, [{ organizationId: townA.id, role: "CLERK" }]);
    const { reportId } = await startReport(clerk, { organizationId: townA.id, year: 2025, prefill: false }, prisma);
    const content = { title: `标题${NUL}`, signatureLine: "镇政府\u0007", signedOn: null, sections: { overview: `正文${NUL}`, problems: "", other: "" }, cells: { "active.license.decisions": "12 3" } };
    await expect(saveReport(clerk, { reportId, baseVersion: 1, content }, prisma)).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: {
        title: expect.stringContaining("控制字符"),
        signatureLine: expect.stringContaining("控制字符"),
        "sections.overview": expect.stringContaining("控制字符"),
        "cells.active.license.decisions": "数字中间不能有空格",
      },
    });
    expect((await prisma.report.findUniqueOrThrow({ where: { id: reportId } })).version).toBe(1);
  });

  it("in a catalog title and in a CSV row: a message for the field and for the row", async () => {
    const { townA } = await createCountyWithTownships(prisma);
    const clerk = await signedInActor(prisma, [{ organizationId: townA.id, role: "CLERK" }]);
    // What the server action parses before anything is written.
    const parsed = ZCreateCatalogItemInput.safeParse({ organizationId: townA.id, ...itemFields({ title: `通知${NUL}公告` }) });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["title", expect.stringContaining("控制字符")]]);
    const csv = new TextEncoder().encode(`标题,信息类别\n好的标题,工作动态\n坏的${NUL}标题,工作动态\n`);
    const report = await importCatalogItems(clerk, { organizationId: townA.id, fileName: "items.csv", bytes: csv }, prisma);
    expect(report.imported).toBe(1);
    expect(JSON.stringify(report.refused)).toContain("控制字符");
  });

  it("in a catalog title, a direction override: the title's message", () => {
    const parsed = ZCreateCatalogItemInput.safeParse({ organizationId: crypto.randomUUID(), ...itemFields({ title: `关于印发${RLO}fdp.exe` }) });
    expect(fieldMessages(parsed)).toEqual({ title: expect.stringContaining("改变文字显示方向") });
  });

  it("in a unit's name and short name: the field's message, as the administrator's form parses it", () => {
    const unit = { slug: "laian-test", code: "", kind: "TOWNSHIP", parentId: "" };
    expect(fieldMessages(ZCreateOrganizationInput.safeParse({ ...unit, name: `来安县${NUL}镇人民政府`, shortName: `测试\t镇` }))).toEqual({
      name: expect.stringContaining("控制字符"),
      shortName: expect.stringContaining("控制字符"),
    });
    expect(fieldMessages(ZCreateOrganizationInput.safeParse({ ...unit, name: `来安县\u2067人民政府\u2069`, shortName: `镇${RLO}` }))).toEqual({
      name: expect.stringContaining("改变文字显示方向"),
      shortName: expect.stringContaining("改变文字显示方向"),
    });
    expect(ZCreateOrganizationInput.safeParse({ ...unit, name: "来安县测试镇人民政府", shortName: "测试镇" }).success).toBe(true);
  });

  it("in an account's name and user name: the field's message", () => {
    const account = { email: "", password: "Test-password-1" };
    expect(fieldMessages(ZCreateAccountInput.safeParse({ ...account, username: `clerk${NUL}`, displayName: `张三${NUL}` }))).toEqual({
      username: expect.stringContaining("用户名为"),
      displayName: expect.stringContaining("控制字符"),
    });
    expect(fieldMessages(ZCreateAccountInput.safeParse({ ...account, username: "clerk", displayName: `张三${RLO}` }))).toEqual({
      displayName: expect.stringContaining("改变文字显示方向"),
    });
  });

  it("in a search or an audit query: an answer, never an error", async () => {
    await expect(listPublishedReports({ q: `雷官${NUL}` })).resolves.toBeInstanceOf(Array);
    await expect(listPublishedItems(null, parseCatalogFilters({ q: `通知${NUL}\u001b` }), {}, prisma)).resolves.toBeDefined();
    const auditor = await signedInActor(prisma, [], { isAuditor: true });
    const filters = ZAuditFilters.parse({ actor: `admin${NUL}`, event: "\u0001report" });
    expect(filters).toMatchObject({ actor: "admin", event: "report" });
    await expect(listAuditEvents(auditor, filters, prisma)).resolves.toBeInstanceOf(Array);
  });

  it("an oversized sign-in is refused before it is hashed", async () => {
    const result = await signInWithPassword(prisma, { username: "x".repeat(100_000), password: "p".repeat(1_000_000) });
    expect(result).toMatchObject({ ok: false, reason: "invalid" });
  });
});
