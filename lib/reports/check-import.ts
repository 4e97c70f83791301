// A parsed file checked as the editor would check it, against the unit's
// previous report, its catalog and the county's other reports — reading only.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ParsedReport } from "@/lib/import/parse-text-report";
import type { Finding } from "@/lib/report-format";
import { loadCheckContext } from "./check-context";
import { checkContentIn } from "./check-content";
import { ImportRefusedError, requireFormatForYear, sectionsOf } from "./import-report";

export async function checkParsedReport(
  prisma: PrismaClient,
  input: { organizationSlug: string; year: number; parsed: ParsedReport },
): Promise<{ organization: { name: string; shortName: string; slug: string }; findings: Finding[] }> {
  const format = requireFormatForYear(input.year);
  const organization = await prisma.organization.findUnique({ where: { slug: input.organizationSlug } });
  if (!organization) throw new ImportRefusedError(`找不到机构“${input.organizationSlug}”`);
  const context = await loadCheckContext(prisma, organization, input.year);
  const { parsed } = input;
  const findings = checkContentIn(
    context,
    { year: input.year, formatVersion: format.version, organization },
    { title: parsed.title, signedOn: parsed.signedOn, sections: sectionsOf(format, parsed), values: parsed.values },
  );
  return { organization: { name: organization.name, shortName: organization.shortName, slug: organization.slug }, findings };
}
