// Every level of government in one installation: the database keeps each
// unit's place (ancestors, moves, no cycles); each government's 主管部门
// supervises exactly its subtree on every board, roll-up, 催报 and deadline;
// regional administrators manage only their region; a unit moved keeps its
// reports. On PostgreSQL, as the app's runtime role.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrganizationKind } from "@/lib/generated/prisma/enums";
import { parseTextReport, type ParsedReport } from "@/lib/import/parse-text-report";
import { format2021, publicationDeadline, withComputedTotals } from "@/lib/report-format";
import { importReport } from "@/lib/reports/import-report";
import { loadStatusBoard } from "@/lib/supervision/board";
import { loadGovernmentRollup } from "@/lib/supervision/rollup";
import { remindUnits } from "@/lib/supervision/remind-units";
import { loadSchedulesFor, saveDeadlines } from "@/lib/deadlines/deadline-settings";
import { requireSupervisedGovernment } from "@/lib/supervision/government-access";
import { digestLines } from "@/lib/notifications/digest";
import { getAdminOverview, getManagedAccount } from "@/lib/admin/queries";
import { createAccount, grantRole, resetPassword } from "@/lib/accounts/account-mutations";
import { createOrganization } from "@/lib/organizations/create-organization";
import { moveOrganization } from "@/lib/organizations/move-organization";
import { updateOrganizationSettings } from "@/lib/organizations/update-organization";
import { signedInActor, testPrisma, uniqueSlug } from "./helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());
const sample = parseTextReport(readFileSync(path.resolve(__dirname, "../../prisma/demo/leiguan-2023.txt"), "utf8"), format2021);

function scaled(scale: number): ParsedReport {
  const values = Object.fromEntries(Object.entries(sample.values).map(([k, v]) => [k, v === null ? null : v * scale]));
  return { ...sample, values: withComputedTotals(format2021, values) };
}

async function unit(name: string, kind: OrganizationKind, parentId: string | null) {
  return prisma.organization.create({ data: { slug: uniqueSlug("u"), name, shortName: name, kind, parentId } });
}

async function publish(slug: string, year: number, scale: number, on: string) {
  await importReport(prisma, { organizationSlug: slug, year, parsed: scaled(scale), actor: "test", publish: true, publishedAt: new Date(`${on}T10:00:00+08:00`) });
}

// 省 P (省财政厅) → 市 C1 (市财政局) → 县 K1 (甲镇, 县财政局), 县 K2 (乙镇); 市 C2 → 县 K3 (丙镇)
let t: Record<"P" | "PD" | "C1" | "C1D" | "K1" | "T1" | "D1" | "K2" | "T2" | "C2" | "K3" | "T3", Awaited<ReturnType<typeof unit>>>;

beforeAll(async () => {
  const P = await unit("测试省人民政府", "PROVINCE_GOVERNMENT", null);
  const PD = await unit("测试省财政厅", "DEPARTMENT", P.id);
  const C1 = await unit("甲市人民政府", "CITY_GOVERNMENT", P.id);
  const C1D = await unit("甲市财政局", "DEPARTMENT", C1.id);
  const K1 = await unit("甲县人民政府", "COUNTY_GOVERNMENT", C1.id);
  const T1 = await unit("甲县甲镇人民政府", "TOWNSHIP", K1.id);
  const D1 = await unit("甲县财政局", "DEPARTMENT", K1.id);
  const K2 = await unit("乙县人民政府", "COUNTY_GOVERNMENT", C1.id);
  const T2 = await unit("乙县乙镇人民政府", "TOWNSHIP", K2.id);
  const C2 = await unit("乙市人民政府", "CITY_GOVERNMENT", P.id);
  const K3 = await unit("丙县人民政府", "COUNTY_GOVERNMENT", C2.id);
  const T3 = await unit("丙县丙镇人民政府", "TOWNSHIP", K3.id);
  t = { P, PD, C1, C1D, K1, T1, D1, K2, T2, C2, K3, T3 };
});

const reload = (id: string) => prisma.organization.findUniqueOrThrow({ where: { id } });

describe("the tree in the database", () => {
  it("keeps each unit's ancestors, root first", async () => {
    expect(t.T1.ancestorIds).toEqual([t.P.id, t.C1.id, t.K1.id]);
    expect(t.PD.ancestorIds).toEqual([t.P.id]);
    expect(t.P.ancestorIds).toEqual([]);
  });

  it("carries a moved county's whole subtree, and refuses cycles and hand-written ancestors", async () => {
    const city = await unit("临时市人民政府", "CITY_GOVERNMENT", t.P.id);
    const county = await unit("临时县人民政府", "COUNTY_GOVERNMENT", city.id);
    const town = await unit("临时县某镇人民政府", "TOWNSHIP", county.id);
    await prisma.organization.update({ where: { id: county.id }, data: { parentId: t.C2.id } });
    expect((await reload(town.id)).ancestorIds).toEqual([t.P.id, t.C2.id, county.id]);
    await expect(prisma.organization.update({ where: { id: county.id }, data: { parentId: town.id } })).rejects.toThrow(/cycle/);
    await expect(prisma.organization.update({ where: { id: city.id }, data: { parentId: city.id } })).rejects.toThrow(/cycle/);
    await expect(prisma.organization.update({ where: { id: town.id }, data: { ancestorIds: [] } })).rejects.toThrow(/maintained by the database/);
    expect((await reload(town.id)).ancestorIds).toEqual([t.P.id, t.C2.id, county.id]);
  });
});

describe("supervision at every level", () => {
  beforeAll(async () => {
    // 2024: every unit of 甲市 but 乙镇 published; 2025: 甲镇 on time, 县财政局 late; nothing in 乙市.
    for (const u of [t.K1, t.T1, t.D1, t.K2, t.C1D]) await publish(u.slug, 2024, 2, "2025-01-20");
    await publish(t.T1.slug, 2025, 3, "2026-01-20");
    await publish(t.D1.slug, 2025, 1, "2026-02-10");
    await publish(t.T2.slug, 2025, 1, "2026-01-21");
  });

  it("a county's 主管部门 sees its own county and is refused everything of its neighbour", async () => {
    const k1 = await signedInActor(prisma, [{ organizationId: t.K1.id, role: "SUPERVISOR" }]);
    const board = await loadStatusBoard(k1, t.K1.slug, 2025, prisma);
    expect(board.regions).toEqual([]);
    expect(board.rows.map((r) => r.organization.id).sort()).toEqual([t.K1.id, t.T1.id, t.D1.id].sort());
    expect(board.trail).toEqual([]);
    for (const slug of [t.K2.slug, t.C1.slug, t.P.slug]) {
      await expect(loadStatusBoard(k1, slug, 2025, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(loadGovernmentRollup(k1, slug, 2025, "all", prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(remindUnits(k1, { governmentSlug: t.K2.slug, year: 2025, organizationIds: [t.T2.id] }, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Its own board's 催报 cannot reach a unit of the neighbour either.
    await expect(remindUnits(k1, { governmentSlug: t.K1.slug, year: 2025, organizationIds: [t.T2.id] }, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    // The deadlines action's own check (lib/supervision/actions.ts) before it saves.
    await expect(requireSupervisedGovernment(k1, t.K2.slug, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a city sees its counties as rows of counts and its own departments as units, and can open each county's board", async () => {
    const c1 = await signedInActor(prisma, [{ organizationId: t.C1.id, role: "SUPERVISOR" }]);
    const board = await loadStatusBoard(c1, t.C1.slug, 2025, prisma);
    expect(board.rows.map((r) => r.organization.id).sort()).toEqual([t.C1.id, t.C1D.id].sort());
    const region = (id: string) => board.regions.find((r) => r.organization.id === id)!;
    expect(board.regions.map((r) => r.organization.id).sort()).toEqual([t.K1.id, t.K2.id].sort());
    // 甲县: itself (not started, its 3月31日 deadline passed), 甲镇 on time, 县财政局 late.
    expect(region(t.K1.id)).toMatchObject({ units: 3, publishedOnTime: 1, publishedLate: 1, overdue: 1, notStarted: 1 });
    expect(region(t.K2.id)).toMatchObject({ units: 2, publishedOnTime: 1, publishedLate: 0, overdue: 1, notStarted: 1 });
    const county = await loadStatusBoard(c1, t.K1.slug, 2025, prisma);
    expect(county.trail).toEqual([{ slug: t.C1.slug, name: t.C1.name }]);
    await expect(loadStatusBoard(c1, t.C2.slug, 2025, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(loadStatusBoard(c1, t.P.slug, 2025, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("the province sees every city and reaches a township's board through them", async () => {
    const p = await signedInActor(prisma, [{ organizationId: t.P.id, role: "SUPERVISOR" }]);
    const board = await loadStatusBoard(p, t.P.slug, 2025, prisma);
    expect(board.regions.map((r) => r.organization.id)).toEqual(expect.arrayContaining([t.C1.id, t.C2.id]));
    expect(board.regions.find((r) => r.organization.id === t.C1.id)).toMatchObject({ units: 7, publishedOnTime: 2, publishedLate: 1 });
    expect(board.rows.map((r) => r.organization.id).sort()).toEqual([t.P.id, t.PD.id].sort());
    const k3 = await loadStatusBoard(p, t.K3.slug, 2025, prisma);
    expect(k3.trail.map((x) => x.slug)).toEqual([t.P.slug, t.C2.slug]);
  });

  it("the roll-up sums the whole subtree and compares with last year like for like", async () => {
    const c1 = await signedInActor(prisma, [{ organizationId: t.C1.id, role: "SUPERVISOR" }]);
    const view = await loadGovernmentRollup(c1, t.C1.slug, 2025, "all", prisma);
    // 2025: 甲镇 ×3, 县财政局 ×1, 乙镇 ×1; 2024: 甲县, 甲镇, 县财政局, 乙县, 市财政局 — all ×2.
    expect(view.rollup.units).toBe(3);
    expect(view.previous?.units).toBe(5);
    expect(view.comparison?.units).toBe(2); // 甲镇 and 县财政局 published both years
    const key = "active.license.decisions";
    const base = sample.values[key]!;
    expect(view.rollup.values[key]).toBe(base * 5);
    expect(view.comparison?.current.values[key]).toBe(base * 4);
    expect(view.comparison?.previous.values[key]).toBe(base * 4); // not 5 units × 2
  });

  it("a 催报 sent by the province from a county's board reaches that county's units and is signed by the province", async () => {
    const p = await signedInActor(prisma, [{ organizationId: t.P.id, role: "SUPERVISOR" }]);
    const clerk = await signedInActor(prisma, [{ organizationId: t.T2.id, role: "CLERK" }]);
    const outcome = await remindUnits(p, { governmentSlug: t.K2.slug, year: 2025, organizationIds: [t.K2.id, t.T2.id] }, prisma);
    expect(outcome.units).toBe(2);
    const [note] = await prisma.notification.findMany({ where: { accountId: clerk.accountId, kind: "REMINDER" } });
    expect(note?.body).toContain(`${t.P.name}政务公开主管部门提醒`);
    const audit = await prisma.auditEvent.findMany({ where: { event: "supervision.remind", objectId: { in: [t.K2.id, t.T2.id] }, result: "success" } });
    expect(audit).toHaveLength(2);
  });

  it("the daily digest tells a province what moved per city, and a county each unit's report", async () => {
    const lines = await digestLines(prisma, t.P, new Date());
    // Published in the last day (by this file's setup): 甲市's as one line of counts, nothing itemized from below.
    expect(lines.some((line) => line.startsWith(`${t.C1.name}：发布 `))).toBe(true);
    expect(lines.some((line) => line.includes(t.T1.name))).toBe(false);
    const county = await digestLines(prisma, t.K1, new Date());
    expect(county).toContain(`${t.T1.name}2025年度报告：发布`);
  });

  it("deadlines come from the nearest government up the tree that sets one", async () => {
    const c1 = await signedInActor(prisma, [{ organizationId: t.C1.id, role: "SUPERVISOR" }]);
    const k1 = await signedInActor(prisma, [{ organizationId: t.K1.id, role: "SUPERVISOR" }]);
    await saveDeadlines(prisma, c1, t.C1.id, 2025, { defaults: { TOWNSHIP: "02-15" }, overrides: {} });
    await saveDeadlines(prisma, k1, t.K1.id, 2025, { defaults: {}, overrides: { TOWNSHIP: "2026-02-25" } });
    const schedules = await loadSchedulesFor(prisma, [await reload(t.T1.id), await reload(t.T2.id), await reload(t.T3.id)]);
    expect(publicationDeadline("TOWNSHIP", 2025, schedules.get(t.T1.id))).toBe("2026-02-25"); // 甲县's own for 2025
    expect(publicationDeadline("TOWNSHIP", 2024, schedules.get(t.T1.id))).toBe("2025-02-15"); // 甲市's every year
    expect(publicationDeadline("TOWNSHIP", 2025, schedules.get(t.T2.id))).toBe("2026-02-15"); // 乙县 sets none: 甲市's
    expect(publicationDeadline("TOWNSHIP", 2025, schedules.get(t.T3.id))).toBe("2026-01-31"); // 乙市: national
    const board = await loadStatusBoard(k1, t.K1.slug, 2025, prisma);
    expect(board.rows.find((r) => r.organization.id === t.T1.id)?.deadline).toBe("2026-02-25");
  });
});

describe("regional administrators", () => {
  it("see and manage only their region's units and accounts", async () => {
    const admin = await signedInActor(prisma, [{ organizationId: t.C1.id, role: "ADMINISTRATOR" }]);
    const clerkHere = await signedInActor(prisma, [{ organizationId: t.T1.id, role: "CLERK" }]);
    const clerkThere = await signedInActor(prisma, [{ organizationId: t.T3.id, role: "CLERK" }]);
    const overview = await getAdminOverview(admin, prisma);
    const ids = new Set(overview.organizations.map((o) => o.id));
    expect([t.C1.id, t.C1D.id, t.K1.id, t.T1.id, t.D1.id, t.K2.id, t.T2.id].every((id) => ids.has(id))).toBe(true);
    expect([t.P.id, t.PD.id, t.C2.id, t.K3.id, t.T3.id].some((id) => ids.has(id))).toBe(false);
    const accounts = new Set(overview.accounts.map((a) => a.id));
    expect(accounts.has(clerkHere.accountId)).toBe(true);
    expect(accounts.has(clerkThere.accountId)).toBe(false);
    expect(overview.outbox).toBeNull();
    // An account's own page: only for accounts of the region.
    expect((await getManagedAccount(admin, clerkHere.accountId, prisma)).account.id).toBe(clerkHere.accountId);
    await expect(getManagedAccount(admin, clerkThere.accountId, prisma)).rejects.toMatchObject({ code: "NOT_FOUND" });

    await expect(grantRole(admin, { accountId: clerkHere.accountId, organizationId: t.T3.id, role: "REVIEWER" }, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(grantRole(admin, { accountId: clerkThere.accountId, organizationId: t.T1.id, role: "REVIEWER" }, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(grantRole(admin, { accountId: admin.accountId, organizationId: t.K1.id, role: "SUPERVISOR" }, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(resetPassword(admin, { accountId: clerkThere.accountId, password: "Another-pass-1" }, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateOrganizationSettings(admin, { organizationId: t.T3.id, code: null, publisher: "SUPERVISOR" }, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const outside = { name: "丙县新镇人民政府", shortName: "新镇", slug: uniqueSlug("new"), code: null, kind: "TOWNSHIP" as const, publisher: "REVIEWER" as const, parentId: t.K3.id, regionCode: null };
    await expect(createOrganization(admin, outside, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createOrganization(admin, { ...outside, kind: "CITY_GOVERNMENT", parentId: null }, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const created = await createOrganization(admin, { ...outside, name: "甲县新镇人民政府", parentId: t.K1.id }, prisma);
    expect((await reload(created.id)).ancestorIds).toEqual([t.P.id, t.C1.id, t.K1.id]);

    // A new account comes with its first role in the region, never as a system administrator.
    const account = { username: uniqueSlug("new").toLowerCase(), displayName: "新填报人", password: "New-clerk-2026", isSystemAdmin: false, isAuditor: false };
    await expect(createAccount(admin, account, prisma)).rejects.toMatchObject({ code: "INVALID" });
    await expect(createAccount(admin, { ...account, isSystemAdmin: true, organizationId: t.T1.id, role: "CLERK" }, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createAccount(admin, { ...account, organizationId: t.T3.id, role: "CLERK" }, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const made = await createAccount(admin, { ...account, organizationId: t.T1.id, role: "CLERK" }, prisma);
    expect(await prisma.roleAssignment.findMany({ where: { accountId: made.id }, select: { organizationId: true, role: true } })).toEqual([{ organizationId: t.T1.id, role: "CLERK" }]);
    // Its password is the administrator's: to be changed at the first sign-in.
    expect((await prisma.account.findUniqueOrThrow({ where: { id: made.id } })).mustChangePassword).toBe(true);
    const refusals = await prisma.auditEvent.count({ where: { actor: admin.username, result: "failure" } });
    expect(refusals).toBeGreaterThanOrEqual(3);
  });

  it("move a unit inside their region with its reports, and nothing across its edge", async () => {
    const admin = await signedInActor(prisma, [{ organizationId: t.C1.id, role: "ADMINISTRATOR" }]);
    const town = await unit("甲县撤并镇人民政府", "TOWNSHIP", t.K1.id);
    await publish(town.slug, 2024, 1, "2025-01-15");
    await expect(moveOrganization(admin, { organizationId: town.id, parentId: t.K3.id }, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(moveOrganization(admin, { organizationId: town.id, parentId: t.C1D.id }, prisma)).rejects.toMatchObject({ code: "INVALID" });
    await expect(moveOrganization(admin, { organizationId: t.K1.id, parentId: t.K1.id }, prisma)).rejects.toMatchObject({ code: "INVALID" });
    expect(await moveOrganization(admin, { organizationId: town.id, parentId: t.K2.id }, prisma)).toEqual({ moved: true });
    const moved = await reload(town.id);
    expect(moved).toMatchObject({ parentId: t.K2.id, slug: town.slug, ancestorIds: [t.P.id, t.C1.id, t.K2.id] });
    expect(await prisma.report.count({ where: { organizationId: town.id, status: "PUBLISHED" } })).toBe(1);
    // 乙县's 主管部门 now supervises it, 甲县's no longer.
    const k2 = await signedInActor(prisma, [{ organizationId: t.K2.id, role: "SUPERVISOR" }]);
    const k1 = await signedInActor(prisma, [{ organizationId: t.K1.id, role: "SUPERVISOR" }]);
    expect((await loadStatusBoard(k2, t.K2.slug, 2024, prisma)).rows.some((r) => r.organization.id === town.id)).toBe(true);
    expect((await loadStatusBoard(k1, t.K1.slug, 2024, prisma)).rows.some((r) => r.organization.id === town.id)).toBe(false);
    // Every instance hears of it and drops its cached copy of the report's pages.
    expect(await prisma.$queryRaw`select year from publication_log where organization_slug = ${town.slug}`).toEqual([{ year: 2024 }, { year: 2024 }]);
    const [audit] = await prisma.auditEvent.findMany({ where: { event: "organization.move", objectId: town.id, result: "success" } });
    expect(audit?.detail).toMatchObject({ from: t.K1.id, to: t.K2.id });
  });
});
