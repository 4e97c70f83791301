// Loads the demo data. Idempotent: organizations are upserted by slug and a
// report that is already published is left as it is.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { parseTextReport } from "@/lib/import/parse-text-report";
import { importReport, requireFormatForYear } from "@/lib/reports/import-report";
import { demoAccounts } from "./demo-accounts";
import { demoHistoryUnits, seedDemoHistory } from "./demo-history";
import { seedDemoCatalog } from "./demo-catalog";
import { demoCounty, demoReports, demoUnits, type DemoOrganization } from "./demo-organizations";
import { DEMO_COUNTY_PARENT, demoProvince } from "./demo-province";
import { seedDemoProvinceHistory } from "./demo-province-history";

const DEMO_DIR = path.resolve(process.cwd(), "prisma/demo");
const ACTOR = "system:demo";

async function upsertOrganization(prisma: PrismaClient, org: DemoOrganization, parentId: string | null) {
  const data = { name: org.name, shortName: org.shortName, kind: org.kind, code: org.code, regionCode: org.regionCode ?? null, parentId };
  return prisma.organization.upsert({ where: { slug: org.slug }, update: data, create: { slug: org.slug, ...data } });
}

export async function seedDemo(prisma: PrismaClient): Promise<{ published: string[] }> {
  // The province first (parents before their units), then 来安县 under its city.
  const placed = new Map<string, string>();
  for (const unit of demoProvince) {
    const created = await upsertOrganization(prisma, unit, unit.parent ? placed.get(unit.parent)! : null);
    placed.set(unit.slug, created.id);
  }
  const county = await upsertOrganization(prisma, demoCounty, placed.get(DEMO_COUNTY_PARENT)!);
  for (const unit of [...demoUnits, ...demoHistoryUnits]) await upsertOrganization(prisma, unit, county.id);

  await seedDemoAccounts(prisma);

  const published: string[] = [];
  for (const [slug, year, file, publishedOn] of demoReports) {
    const existing = await prisma.report.findFirst({ where: { year, organization: { slug } } });
    if (existing && existing.status !== "DRAFT") continue;
    const parsed = parseTextReport(readFileSync(path.join(DEMO_DIR, file), "utf8"), requireFormatForYear(year));
    // Published when the office published it, not on the day of the demo.
    const publishedAt = new Date(`${publishedOn}T10:00:00+08:00`);
    await importReport(prisma, { organizationSlug: slug, year, parsed, actor: ACTOR, publish: true, publishedAt });
    published.push(`${slug}/${year}`);
  }
  const supervisor = await prisma.account.findUniqueOrThrow({ where: { username: "laian-supervisor" } });
  const sample = parseTextReport(readFileSync(path.join(DEMO_DIR, "leiguan-2023.txt"), "utf8"), requireFormatForYear(2023));
  published.push(...(await seedDemoHistory(prisma, sample, supervisor.id)));
  published.push(...(await seedDemoProvinceHistory(prisma, sample, supervisor.id)));
  const catalogItems = await seedDemoCatalog(prisma, ACTOR);
  if (catalogItems > 0) published.push(`laian-leiguan catalog (${catalogItems} items)`);
  return { published };
}

/** Creates missing demo accounts and their roles; existing accounts keep their passwords. */
async function seedDemoAccounts(prisma: PrismaClient) {
  for (const demo of demoAccounts) {
    const existing = await prisma.account.findUnique({ where: { username: demo.username } });
    const account =
      existing ??
      (await prisma.account.create({
        data: {
          username: demo.username,
          displayName: demo.displayName,
          passwordHash: await hashPassword(demo.password),
          isSystemAdmin: demo.isSystemAdmin ?? false,
          isAuditor: demo.isAuditor ?? false,
          // example.org is reserved for examples (RFC 2606): the demo's mail reaches no one.
          email: `${demo.username}@example.org`,
          dailyDigest: demo.roles.some((r) => r.role === "SUPERVISOR"),
        },
      }));
    for (const { organization, role } of demo.roles) {
      const { id: organizationId } = await prisma.organization.findUniqueOrThrow({ where: { slug: organization } });
      await prisma.roleAssignment.upsert({
        where: { accountId_organizationId_role: { accountId: account.id, organizationId, role } },
        update: {},
        create: { accountId: account.id, organizationId, role },
      });
    }
  }
}
