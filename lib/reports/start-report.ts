// Starting an organization's report for a year, optionally from last year's:
// narrative copied for editing, and last year's 结转下年度继续办理 carried into
// this year's 上年结转 (R6), as the format's carry-over rule names them.
import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { refreshStoredFindings } from "./stored-findings";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import {
  cellKey,
  cellsOfTable,
  currentReportYear,
  emptyValues,
  formatForYear,
  textParts,
  todayInChina,
} from "@/lib/report-format";
import { valuesToCellRows } from "./cell-rows";
import { auditActorEvent, auditRefusal } from "@/lib/audit/actor-audit";
import { canDraft } from "@/lib/organizations/unit-roles";
import { previousValuesFor, previousYearReport } from "./previous-year";

export const ZStartReportInput = z.object({
  organizationId: z.uuid(),
  year: z.coerce.number().int(),
  prefill: z.boolean().default(false),
});
export type TStartReportInput = z.infer<typeof ZStartReportInput>;

export async function startReport(
  actorOrNull: Actor | null,
  input: TStartReportInput,
  prisma: PrismaClient = db(),
): Promise<{ reportId: string }> {
  const actor = requireActor(actorOrNull);
  const organization = await prisma.organization.findUnique({ where: { id: input.organizationId } });
  if (!organization || !canDraft(actor, organization)) {
    await auditRefusal(prisma, actor, "report.create", { type: "organization", id: input.organizationId }, "forbidden");
    throw new AppError("FORBIDDEN", "您无权为该机构填报");
  }
  const format = formatForYear(input.year);
  const latest = currentReportYear(organization.kind, todayInChina());
  if (!format || input.year > latest) throw new AppError("INVALID", `不能填报${input.year}年度的报告`);

  const previous = input.prefill ? await previousYearReport(prisma, organization.id, input.year) : null;
  const values = emptyValues(format);
  if (previous) {
    const lastYear = previousValuesFor(previous, format);
    const { table, row, fromRow } = format.rules.carryOver;
    for (const cell of cellsOfTable(format, table).filter((c) => c.row === row)) {
      values[cell.key] = lastYear[cellKey(table, fromRow, cell.column)] ?? null;
    }
  }
  try {
    const started = await prisma.$transaction(async (tx) => {
      const report = await tx.report.create({
        data: {
          organizationId: organization.id,
          year: input.year,
          formatVersion: format.version,
          title: format.titlePattern(organization.name, input.year),
          signatureLine: organization.name,
          lastEditedById: actor.accountId,
          sections: {
            createMany: {
              data: textParts(format).map((part) => ({ sectionKey: part.key, body: previous?.sections[part.key] ?? "" })),
            },
          },
          cells: { createMany: { data: valuesToCellRows(format, values) } },
        },
      });
      await auditActorEvent(tx, actor, "report.create", { type: "report", id: report.id }, {
        organization: organization.slug,
        year: input.year,
        prefilledFrom: previous ? input.year - 1 : null,
      });
      return { reportId: report.id };
    });
    // The boards read a new report's findings like a saved one's.
    await refreshStoredFindings(prisma, [started.reportId]);
    return started;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `${organization.shortName}${input.year}年度报告已存在`);
    }
    throw error;
  }
}
