// The operations that loop over units do so in sets: 催报 of a county's
// units, the deadline-reminder run and the digests send the same number of
// SQL statements (counted at the driver) for a county of 12 units as for one
// of 48 — and write what they wrote one unit at a time: a notification and
// an e-mail per person, an audit row per unit, the same texts and keys.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { produceDeadlineReminders } from "@/lib/notifications/deadline-reminders";
import { produceDigests } from "@/lib/notifications/digest";
import { remindUnits } from "@/lib/supervision/remind-units";
import { createCountedClient } from "@/scripts/bench-province/counted-client";
import { databaseUrl, signedInActor, testPrisma, uniqueSlug } from "./helpers";

const prisma = testPrisma();
const counted = createCountedClient(databaseUrl());
/** The counties' slugs, which their people's usernames and addresses begin with. */
const tags: string[] = [];
beforeAll(() => void vi.stubEnv("MAIL_DIR", "/tmp/nianbao-test-mail-unused"));
afterAll(async () => {
  vi.unstubAllEnvs();
  // The queued e-mails would otherwise go to the SMTP server of the next file that drains the outbox.
  await prisma.outboxMail.deleteMany({ where: { OR: tags.map((tag) => ({ toAddress: { startsWith: `${tag}-` } })) } });
  await Promise.all([prisma.$disconnect(), counted.prisma.$disconnect()]);
});

/** A county of `size` units (itself and its townships), each with a clerk and a reviewer who have e-mail, and its 主管部门. */
async function county(db: PrismaClient, size: number) {
  const government = await db.organization.create({ data: { slug: uniqueSlug("county"), name: `集合县${size}人民政府`, shortName: `集合县${size}`, kind: "COUNTY_GOVERNMENT" } });
  const tag = government.slug;
  tags.push(tag);
  await db.organization.createMany({
    data: Array.from({ length: size - 1 }, (_, i) => ({ slug: `${tag}-${i}`, name: `集合县${size}第${i + 1}镇人民政府`, shortName: `第${i + 1}镇`, kind: "TOWNSHIP" as const, parentId: government.id })),
  });
  const units = await db.organization.findMany({ where: { OR: [{ id: government.id }, { parentId: government.id }] }, orderBy: { name: "asc" }, select: { id: true, name: true } });
  const people = units.flatMap((unit, i) =>
    (["CLERK", "REVIEWER"] as const).map((role) => ({ username: `${tag}-${role.toLowerCase()}-${i}`, unitId: unit.id, role })),
  );
  await db.account.createMany({ data: people.map((p) => ({ username: p.username, displayName: p.username, passwordHash: "!", email: `${p.username}@example.org` })) });
  const ids = new Map((await db.account.findMany({ where: { username: { startsWith: `${tag}-` } }, select: { id: true, username: true } })).map((a) => [a.username, a.id]));
  await db.roleAssignment.createMany({ data: people.map((p) => ({ accountId: ids.get(p.username)!, organizationId: p.unitId, role: p.role })) });
  const supervisor = await signedInActor(db, [{ organizationId: government.id, role: "SUPERVISOR" }]);
  await db.account.update({ where: { id: supervisor.accountId }, data: { dailyDigest: true } });
  return { government, units, supervisor };
}

const sizes = [12, 48] as const;
let counties: Awaited<ReturnType<typeof county>>[];
beforeAll(async () => {
  counties = [];
  for (const size of sizes) counties.push(await county(prisma, size));
});

const remindAll = (supervisor: Actor, c: (typeof counties)[number], db: PrismaClient) =>
  remindUnits(supervisor, { governmentSlug: c.government.slug, year: 2025, organizationIds: c.units.map((u) => u.id), message: "本周内完成" }, db);

describe("set operations", () => {
  it("催报 of a county's units: the same statements for 12 units as for 48, a notification and an e-mail per person and an audit row per unit", async () => {
    const runs = [];
    for (const c of counties) runs.push(await counted.count((db) => remindAll(c.supervisor, c, db)));
    expect(runs.map((r) => r.result)).toEqual(sizes.map((size) => ({ units: size, people: 2 * size, refused: [] })));
    expect(runs[1]!.statements).toBe(runs[0]!.statements);

    const c = counties[1]!;
    const notes = await prisma.notification.findMany({ where: { account: { roles: { some: { organizationId: { in: c.units.map((u) => u.id) } } } }, kind: "REMINDER" }, include: { mail: true, account: true } });
    expect(notes).toHaveLength(2 * c.units.length);
    for (const unit of c.units) {
      const mine = notes.filter((n) => n.title === `催报：${unit.name}2025年度报告`);
      expect(mine.map((n) => n.account.username.split("-").at(-2)).sort()).toEqual(["clerk", "reviewer"]);
      for (const note of mine) {
        expect(note).toMatchObject({ body: `${c.government.name}政务公开主管部门提醒：请尽快完成2025年度报告的填报、审核和公开。附言：本周内完成`, href: "/workspace", dedupeKey: null });
        expect(note.mail).toMatchObject({ toAddress: note.account.email, subject: `【政府信息公开年报】${note.title}`, status: "PENDING" });
        expect(note.mail!.text).toContain(note.body);
      }
    }
    const audit = await prisma.auditEvent.findMany({ where: { event: "supervision.remind", objectId: { in: c.units.map((u) => u.id) } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.objectId)).toEqual(c.units.map((u) => u.id));
    expect(audit.every((a) => a.actor === c.supervisor.username && a.role === "主管部门" && a.result === "success")).toBe(true);
    expect(audit[0]!.detail).toEqual({ year: 2025, message: "本周内完成", recipients: 2 });

    // The second the same day: every unit refused, each refusal audited, in as many statements as before.
    const again = [];
    for (const c of counties) {
      again.push(await counted.count((db) => remindAll(c.supervisor, c, db).catch((error: { code?: string }) => error.code)));
    }
    expect(again.map((r) => r.result)).toEqual(["CONFLICT", "CONFLICT"]);
    expect(again[1]!.statements).toBe(again[0]!.statements);
    const refusals = await prisma.auditEvent.findMany({ where: { event: "supervision.remind", objectId: { in: c.units.map((u) => u.id) }, result: "failure" } });
    expect(refusals).toHaveLength(c.units.length);
    expect(refusals[0]!.detail).toEqual({ reason: "reminded-today", year: 2025 });
  });

  it("the deadline-reminder run: the same statements for 12 units as for 48, each reminder once per person", async () => {
    const runs = [];
    // The day after the townships' deadline for 2025, nothing started: every unit's clerk and reviewer hear it is overdue.
    for (const c of counties) runs.push(await counted.count((db) => produceDeadlineReminders(db, "2026-02-01", [c.government.id])));
    const townships = sizes.map((size) => size - 1);
    expect(runs.map((r) => r.result)).toEqual(townships.map((n) => 2 * n));
    expect(runs[1]!.statements).toBe(runs[0]!.statements);
    const c = counties[1]!;
    const overdue = await prisma.notification.findMany({ where: { kind: "OVERDUE", dedupeKey: { startsWith: "deadline:" }, account: { username: { startsWith: `${c.government.slug}-` } } }, include: { mail: true } });
    expect(overdue).toHaveLength(2 * townships[1]!);
    const town = c.units.find((u) => u.id !== c.government.id)!;
    const theirs = overdue.filter((n) => n.dedupeKey!.startsWith(`deadline:${town.id}:2025:overdue:`));
    expect(theirs).toHaveLength(2);
    expect(theirs[0]).toMatchObject({ title: `已逾期：${town.name}2025年度报告`, body: "应于2026年1月31日前公开，已逾期 1 天（尚未开始填报）。", href: "/workspace" });
    expect(theirs.every((n) => n.mail !== null)).toBe(true);
    // Run again the same day: nothing new, in the same statements.
    const second = await counted.count((db) => produceDeadlineReminders(db, "2026-02-01", [c.government.id]));
    expect(second).toEqual({ result: 0, statements: runs[1]!.statements });
  });

  it("the digests: the same statements however many units and 主管部门 ask for one", async () => {
    // The morning after the townships' deadline: each county's digest lists its townships now overdue.
    const at = new Date("2026-02-01T08:00:00+08:00");
    const first = await counted.count((db) => produceDigests(db, at));
    expect(first.result).toBeGreaterThanOrEqual(counties.length);
    for (const c of counties) {
      const [digest] = await prisma.notification.findMany({ where: { accountId: c.supervisor.accountId, kind: "DIGEST" } });
      expect(digest!.body.split("\n")).toHaveLength(c.units.length - 1);
      expect(digest!.body).toContain(`${c.units.find((u) => u.id !== c.government.id)!.name}2025年度报告：今日起逾期`);
    }
    // A county twice as large again asks for one too: the others have theirs for the day, it gets its own, in as many statements.
    const bigger = await county(prisma, 96);
    const second = await counted.count((db) => produceDigests(db, at));
    expect(second).toEqual({ result: 1, statements: first.statements });
    const [digest] = await prisma.notification.findMany({ where: { accountId: bigger.supervisor.accountId, kind: "DIGEST" } });
    expect(digest!.body.split("\n")).toHaveLength(95);
  });
});
