// npm run test:e2e: a fresh database with the demo data (plus an unpublished
// draft that must never show), a production build, then Playwright.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { dropDatabase, ensureDatabase } from "@/lib/db/admin";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { runtimeRoleUrl } from "@/lib/db/roles";
import { resolveDatabase, withDatabaseName } from "@/lib/db/server";
import { hashPassword } from "@/lib/auth/password";
import { seedDemo } from "@/lib/demo/seed-demo";
import { parseTextReport } from "@/lib/import/parse-text-report";
import { format2021 } from "@/lib/report-format";
import { importReport } from "@/lib/reports/import-report";
import { assertLocalDatabase } from "../tests/assert-local-database";
import { appEnv, run } from "./lib";

const server = await resolveDatabase();
assertLocalDatabase(server.url);
const url = withDatabaseName(server.url, `nianbao_e2e_${process.pid}`);
// Catalog attachments the specs upload go with the database they belong to.
const attachmentsDir = mkdtempSync(path.join(tmpdir(), "nianbao-e2e-attachments-"));
let code = 1;
try {
  await ensureDatabase(url);
  await migrate(url);
  // Seeded and served as the runtime role, as deployed (lib/db/roles.ts).
  const appUrl = await runtimeRoleUrl(url);
  const prisma = createPrismaClient(appUrl);
  await seedDemo(prisma);
  const draft = parseTextReport(readFileSync("prisma/demo/leiguan-2023.txt", "utf8"), format2021);
  await importReport(prisma, { organizationSlug: "laian-xinan", year: 2023, parsed: draft, actor: "e2e", publish: false });
  // The workflow spec has 半塔镇 to itself; 水口镇 is shared by the catalog spec
  // (its items and a 2023 report) and the two-instance spec (this published
  // 2024 report, corrected). Each unit has a clerk and a reviewer of its own.
  await importReport(prisma, {
    organizationSlug: "laian-shuikou",
    year: 2024,
    parsed: { ...draft, title: draft.title.replace("2023", "2024"), signedOn: "2025-01-20" },
    actor: "e2e",
    publish: true,
  });
  // The deadlines spec's county, apart from 来安县's figures: its 施官镇 published
  // 2023, and never started 2024 or 2025 (both overdue on 2 December 2026).
  const county = await prisma.organization.create({
    data: { slug: "shili", name: "示例县人民政府", shortName: "示例县", kind: "COUNTY_GOVERNMENT", code: "113411990032500011" },
  });
  await prisma.organization.create({
    data: { slug: "shili-shiguan", name: "示例县施官镇人民政府", shortName: "施官镇", kind: "TOWNSHIP", parentId: county.id, code: "113411990032511236" },
  });
  await importReport(prisma, {
    organizationSlug: "shili-shiguan",
    year: 2023,
    parsed: { ...draft, title: draft.title.replace("来安县雷官镇", "示例县施官镇"), signatureLine: "示例县施官镇人民政府" },
    actor: "e2e",
    publish: true,
  });
  for (const [slug, username, password, role] of [
    ["shili-shiguan", "shiguan-clerk", "Shiguan-clerk-2026", "CLERK"],
    ["shili-shiguan", "shiguan-reviewer", "Shiguan-review-2026", "REVIEWER"],
    ["shili", "shili-supervisor", "Shili-super-2026", "SUPERVISOR"],
    ["laian-banta", "banta-clerk", "Banta-clerk-2026", "CLERK"],
    ["laian-banta", "banta-reviewer", "Banta-review-2026", "REVIEWER"],
    ["laian-shuikou", "shuikou-clerk", "Shuikou-clerk-2026", "CLERK"],
    ["laian-shuikou", "shuikou-reviewer", "Shuikou-review-2026", "REVIEWER"],
    // The password spec changes this one's password.
    ["laian-xinan", "xinan-passphrase", "Xinan-clerk-2026", "CLERK"],
  ] as const) {
    const organization = await prisma.organization.findUniqueOrThrow({ where: { slug } });
    await prisma.account.create({
      data: {
        username,
        displayName: username,
        passwordHash: await hashPassword(password),
        roles: { create: { organizationId: organization.id, role } },
      },
    });
  }
  await prisma.$disconnect();

  code = process.env.E2E_SKIP_BUILD ? 0 : await run("node_modules/.bin/next", ["build"]);
  const port = process.env.E2E_PORT ?? "3100";
  const env = { ...appEnv(appUrl, port), NEXTAUTH_URL: `http://127.0.0.1:${port}`, ATTACHMENTS_DIR: attachmentsDir };
  if (code === 0) code = await run("npx", ["playwright", "test", ...process.argv.slice(2)], env);
} finally {
  await dropDatabase(url).catch((error) => console.error("Could not drop the e2e database:", error));
  rmSync(attachmentsDir, { recursive: true, force: true });
  await server.stop();
}
process.exit(code);
