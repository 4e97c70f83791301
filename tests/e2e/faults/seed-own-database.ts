// Run by hostile-requests.spec.ts with tsx (the app's modules need the server
// conditions): makes the app's database on the given server — migrated, the
// demo data, and a township of its own with a clerk and no reports, whose
// uploads the spec tries. Prints the runtime role's URL.
import { ensureDatabase } from "@/lib/db/admin";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { runtimeRoleUrl } from "@/lib/db/roles";
import { withDatabaseName } from "@/lib/db/server";
import { hashPassword } from "@/lib/auth/password";
import { seedDemo } from "@/lib/demo/seed-demo";

const FAULTS_CLERK = { username: "faults-clerk", password: "Faults-clerk-2026" };

const url = withDatabaseName(process.argv[2]!, "nianbao_faults");
await ensureDatabase(url);
await migrate(url);
const appUrl = await runtimeRoleUrl(url);
const prisma = createPrismaClient(appUrl);
await seedDemo(prisma);
const county = await prisma.organization.findUniqueOrThrow({ where: { slug: "laian" } });
const town = await prisma.organization.create({
  data: { slug: "laian-faults", name: "来安县试验镇人民政府", shortName: "试验镇", kind: "TOWNSHIP", parentId: county.id, code: "11341122003259999M" },
});
await prisma.account.create({
  data: {
    username: FAULTS_CLERK.username,
    displayName: "试验镇填报人",
    passwordHash: await hashPassword(FAULTS_CLERK.password),
    roles: { create: { organizationId: town.id, role: "CLERK" } },
  },
});
await prisma.$disconnect();
console.log(JSON.stringify({ appUrl, townId: town.id, clerk: FAULTS_CLERK }));
