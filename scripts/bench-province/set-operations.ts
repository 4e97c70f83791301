// The operations that loop over units, timed on a province's data set, each
// with the SQL statements it sent (counted at the driver: counted-client.ts):
// a notice to every unit's people, 催报 of 1,000 units at once, the daily
// deadline-reminder run over the whole province, the digests, 补录 of a whole
// county's past reports, and a register of 10,000 rows imported (into a
// database of its own, so that its 5,000 new units stay out of the province's
// figures). Each runs once: they write, and a second run the same day is
// (rightly) refused or finds nothing left to do. They leave notifications,
// audit rows, a 主管部门 per government and one county's 补录 behind: time
// them after the parts that read the data set as loaded. The data set's URL
// must be the owner's (the register's database is created beside it).
import { performance } from "node:perf_hooks";
import type { Actor } from "@/lib/auth/actor";
import { dropDatabase, ensureDatabase } from "@/lib/db/admin";
import { migrate } from "@/lib/db/migrate";
import { databaseName, withDatabaseName } from "@/lib/db/server";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { produceDeadlineReminders } from "@/lib/notifications/deadline-reminders";
import { produceDigests } from "@/lib/notifications/digest";
import { mailConfigured, notifyAll, peopleOfUnits } from "@/lib/notifications/notify";
import { subtreeWhere } from "@/lib/organizations/tree";
import { applyRegister } from "@/lib/register/apply-register";
import { loadSnapshot } from "@/lib/register/load-snapshot";
import { planRegister } from "@/lib/register/plan-register";
import { readRegister } from "@/lib/register/read-register";
import { backfillFiles, matchBackfillFiles } from "@/lib/supervision/backfill";
import { remindUnits } from "@/lib/supervision/remind-units";
import { createCountedClient, type CountedClient } from "./counted-client";
import type { ProvinceDataset, TimedOperation } from "./dataset";
import { pastReportsZip, provinceRegister } from "./set-fixtures";

const REMIND_UNITS = 1_000;
const REGISTER_ROWS = 10_000;

/** The bench's own account: a 补录 records who last edited the report it makes. */
async function benchAccount(prisma: PrismaClient): Promise<string> {
  const fields = { username: "bench-sets", displayName: "bench", passwordHash: "!" };
  return (await prisma.account.upsert({ where: { username: fields.username }, create: fields, update: {}, select: { id: true } })).id;
}

/** A 主管部门 of `governmentId`, as the session would present them (the bench signs nobody in). */
function supervisorOf(accountId: string, governmentId: string): Actor {
  return {
    accountId,
    username: "bench-sets",
    displayName: "bench",
    isSystemAdmin: false,
    isAuditor: false,
    roles: [{ organizationId: governmentId, role: "SUPERVISOR" }],
    sessionId: "bench",
    sourceIp: null,
  };
}

const systemAdministrator: Actor = { ...supervisorOf("00000000-0000-0000-0000-000000000000", ""), username: "system:bench-sets", isSystemAdmin: true, roles: [] };

async function timed(counted: CountedClient, name: string, run: (prisma: PrismaClient) => Promise<string>): Promise<TimedOperation> {
  counted.reset();
  const started = performance.now();
  // A failure is a figure too (a transaction past its time limit, say): reported, and the bench goes on.
  const size = await run(counted.prisma).catch((error: unknown) => `failed: ${error instanceof Error ? error.message.split("\n").at(-1) : String(error)}`);
  return { name, ms: performance.now() - started, queries: counted.reset(), size };
}

const count = (n: number) => n.toLocaleString("en-US");

/** Every person of every unit of the province hears of one notice: the fan-out a province-wide announcement makes. */
async function fanOut(counted: CountedClient, prisma: PrismaClient, dataset: ProvinceDataset) {
  const units = await prisma.organization.findMany({ where: subtreeWhere([dataset.provinceId]), select: { id: true, name: true } });
  return timed(counted, "notice to every unit", async (db) => {
    const reached = await db.$transaction(
      async (tx) => {
        const people = await peopleOfUnits(tx, units.map((unit) => unit.id), ["CLERK", "REVIEWER"]);
        const notices = units.map((unit) => ({
          recipients: people.get(unit.id) ?? [],
          draft: { kind: "REMINDER" as const, title: `通知：${unit.name}`, body: "请按时完成年度报告。", href: "/workspace" },
        }));
        return (await notifyAll(tx, notices)).reduce((sum, notified) => sum + notified.length, 0);
      },
      { timeout: 600_000 },
    );
    return `${count(units.length)} units, ${count(reached)} people`;
  });
}

/** 催报 of 1,000 units at once by the province's 主管部门 (units not reminded today). */
async function remindThousand(counted: CountedClient, prisma: PrismaClient, dataset: ProvinceDataset) {
  const units = await prisma.organization.findMany({
    where: { ancestorIds: { has: dataset.provinceId } },
    orderBy: { slug: "asc" },
    take: REMIND_UNITS,
    select: { id: true },
  });
  const supervisor = supervisorOf(await benchAccount(prisma), dataset.provinceId);
  return timed(counted, `催报 of ${count(REMIND_UNITS)} units`, async (db) => {
    const outcome = await remindUnits(supervisor, { governmentSlug: dataset.provinceSlug, year: dataset.year, organizationIds: units.map((u) => u.id) }, db);
    return `${count(outcome.units)} units, ${count(outcome.people)} people`;
  });
}

/** The daily run, on the day after the departments' and townships' deadline for the year: overdue reminders across the province. */
async function deadlineRun(counted: CountedClient, _prisma: PrismaClient, dataset: ProvinceDataset) {
  const today = `${dataset.year + 1}-02-01`;
  return timed(counted, "deadline-reminder run", async (db) => {
    const notified = await produceDeadlineReminders(db, today, [dataset.provinceId]);
    return `${count(dataset.unitCount)} units, ${count(notified)} reminders (${today})`;
  });
}

/** The digests, the morning after that deadline; every government of the province has a 主管部门 who asked for one. */
async function digests(counted: CountedClient, prisma: PrismaClient, dataset: ProvinceDataset) {
  const governments = [dataset.provinceId, ...dataset.cityIds, ...dataset.countyIds];
  await prisma.$executeRaw`
    insert into account (id, username, display_name, password_hash, daily_digest, email, updated_at)
    select gen_random_uuid(), 'bench-digest-' || g, '主管部门', '!', true, 'digest-' || g || '@example.org', now() from unnest(${governments}::uuid[]) g
    on conflict (username) do nothing`;
  await prisma.$executeRaw`
    insert into role_assignment (account_id, organization_id, role)
    select a.id, g, 'SUPERVISOR'::"Role" from unnest(${governments}::uuid[]) g join account a on a.username = 'bench-digest-' || g
    on conflict do nothing`;
  const now = new Date(`${dataset.year + 1}-02-01T08:00:00+08:00`);
  return timed(counted, "digests", async (db) => {
    const made = await produceDigests(db, now);
    return `${count(governments.length)} governments, ${count(made)} digests`;
  });
}

/** 补录 of a whole county: one report per unit of its board (itself and the units under it), in one zip, for a year none of them has. */
async function backfillCounty(counted: CountedClient, prisma: PrismaClient, dataset: ProvinceDataset) {
  const countyId = dataset.countyIds[0]!;
  const county = await prisma.organization.findUniqueOrThrow({ where: { id: countyId }, select: { slug: true } });
  const units = await prisma.organization.findMany({ where: { OR: [{ id: countyId }, { parentId: countyId }] }, select: { id: true, name: true, shortName: true } });
  const taken = new Set((await prisma.report.findMany({ where: { organizationId: { in: units.map((u) => u.id) } }, select: { year: true } })).map((r) => r.year));
  const year = [2020, 2019, ...Array.from({ length: dataset.year - 2020 }, (_, i) => dataset.year - i)].find((y) => !taken.has(y));
  if (year === undefined) return { name: "补录 of a county", ms: 0, size: "skipped: every year has a report" };
  const upload = await pastReportsZip(units, year);
  const supervisor = supervisorOf(await benchAccount(prisma), countyId);
  return timed(counted, "补录 of a county", async (db) => {
    const matches = await matchBackfillFiles(supervisor, county.slug, upload, db);
    const results = await backfillFiles(supervisor, county.slug, upload, matches.map((match) => ({ entry: match.name, unitId: match.unitId!, year })), db);
    const done = results.filter((result) => result.ok).length;
    return `${count(units.length)} files, ${count(done)} published (${year})`;
  });
}

/** A province's register of 10,000 rows (5,000 units, 5,000 accounts) read, planned and applied, into a database of its own. */
async function importRegister(dataset: ProvinceDataset): Promise<TimedOperation> {
  const url = withDatabaseName(dataset.databaseUrl, `${databaseName(dataset.databaseUrl)}_register`.slice(0, 63));
  await dropDatabase(url);
  await ensureDatabase(url);
  await migrate(url);
  const counted = createCountedClient(url);
  try {
    const register = provinceRegister(REGISTER_ROWS, "88");
    return await timed(counted, `org import of ${count(REGISTER_ROWS)} rows`, async (db) => {
      const read = await readRegister(register.files);
      const plan = planRegister(read, await loadSnapshot(db, read), { actor: systemAdministrator, scope: { all: true }, mail: mailConfigured() });
      const result = await applyRegister(db, systemAdministrator, { all: true }, read, { expectedDigest: plan.digest });
      return `${count(result.counts.units.new)} units, ${count(result.counts.accounts.new)} accounts`;
    });
  } finally {
    await counted.prisma.$disconnect();
    await dropDatabase(url);
  }
}

export async function timeSetOperations(prisma: PrismaClient, dataset: ProvinceDataset): Promise<TimedOperation[]> {
  const counted = createCountedClient(dataset.databaseUrl);
  const operations: TimedOperation[] = [];
  try {
    for (const operation of [fanOut, remindThousand, deadlineRun, digests, backfillCounty]) {
      operations.push(await operation(counted, prisma, dataset));
    }
  } finally {
    await counted.prisma.$disconnect();
  }
  operations.push(await importRegister(dataset));
  return operations;
}
