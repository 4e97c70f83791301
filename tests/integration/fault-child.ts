// Run by faults.test.ts as its own process: approves and publishes a report,
// and kills itself (SIGKILL: no cleanup, no rollback by the app) in the middle
// of the publishing transaction, right before the publication stamp.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { validateSession } from "@/lib/auth/sessions";
import { createPrismaClient } from "@/lib/db/client";
import { approveReport } from "@/lib/reports/steps/approve-report";

const base = createPrismaClient(process.env.DATABASE_URL!);
const actor = await validateSession(base, process.env.FAULT_SESSION_ID!);
const dying = base.$extends({
  query: {
    reportRevision: {
      async update({ args, query }) {
        process.kill(process.pid, "SIGKILL");
        return query(args);
      },
    },
  },
}) as unknown as PrismaClient;
await approveReport(actor, { reportId: process.env.FAULT_REPORT_ID!, revisionNumber: 1, publish: true }, dying);
console.log("not killed");
