// 索引号: no national standard, so the pattern is configurable
// (INDEX_NUMBER_PATTERN). The default is the common shape
// {机构代码}/{年份}-{流水号}, e.g. 11341702486344515H/2024-00013. Serials count
// per organization and year and are never reused.
import type { Prisma } from "@/lib/generated/prisma/client";
import { siteEnv } from "@/lib/env";

export const DEFAULT_INDEX_NUMBER_PATTERN = "{机构代码}/{年份}-{流水号}";

/** A pattern without the serial would give every publication the same number. */
export function indexNumberPattern(): string {
  const pattern = siteEnv().INDEX_NUMBER_PATTERN ?? DEFAULT_INDEX_NUMBER_PATTERN;
  if (!/\{流水号\d?\}/.test(pattern)) {
    throw new Error(`INDEX_NUMBER_PATTERN must contain {流水号}: "${pattern}"`);
  }
  return pattern;
}

export function formatIndexNumber(
  pattern: string,
  values: { organizationCode: string; year: number; serial: number },
): string {
  return pattern
    .replaceAll("{机构代码}", values.organizationCode)
    .replaceAll("{年份}", String(values.year))
    .replace(/\{流水号(\d?)\}/g, (_, width: string) => String(values.serial).padStart(Number(width || 5), "0"));
}

/** Takes the next serial for the organization and year, atomically. */
export async function allocateIndexNumber(
  tx: Prisma.TransactionClient,
  organization: { id: string; code: string | null; slug: string },
  year: number,
): Promise<string> {
  const [row] = await tx.$queryRaw<{ last_serial: number }[]>`
    insert into index_serial (organization_id, year, last_serial) values (${organization.id}::uuid, ${year}, 1)
    on conflict (organization_id, year) do update set last_serial = index_serial.last_serial + 1
    returning last_serial`;
  return formatIndexNumber(indexNumberPattern(), {
    // Without a registered code the organization's URL name stands in, so numbers stay unique.
    organizationCode: organization.code ?? organization.slug.toUpperCase(),
    year,
    serial: row!.last_serial,
  });
}
