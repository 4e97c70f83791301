import { readFileSync } from "node:fs";
import { ensureDatabase } from "@/lib/db/admin";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { seedDemo } from "@/lib/demo/seed-demo";
import { parseTextReport } from "@/lib/import/parse-text-report";
import { format2021 } from "@/lib/report-format";
import { importReport } from "@/lib/reports/import-report";
const url = "postgresql://postgres@127.0.0.1:5432/nianbao_manual";
await ensureDatabase(url); await migrate(url);
const prisma = createPrismaClient(url);
await seedDemo(prisma);
const draft = parseTextReport(readFileSync("prisma/demo/leiguan-2023.txt", "utf8"), format2021);
if (!(await prisma.report.findFirst({ where: { organization: { slug: "laian-xinan" }, year: 2023 } })))
  await importReport(prisma, { organizationSlug: "laian-xinan", year: 2023, parsed: draft, actor: "e2e", publish: false });
await prisma.$disconnect();
process.exit(0);
