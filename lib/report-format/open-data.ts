// The open-data JSON of a published report ("nianbao.report/1", see the
// format document). Shape follows the format definition's keys.
import { formatCells } from "./cells";
import { textParts } from "./sections";
import type { ReportFormat } from "./types";
import type { ReportValues } from "./values";

export interface OpenDataInput {
  format: ReportFormat;
  organization: { name: string; code: string | null; parent: string | null };
  year: number;
  title: string;
  revision: number;
  publishedAt: Date | null;
  signatureLine: string;
  signedOn: string | null;
  sections: Readonly<Record<string, string>>;
  values: ReportValues;
}

type TableJson = Record<string, Record<string, number | null>>;

export interface OpenDataReport {
  schema: "nianbao.report/1";
  format: string;
  organization: { name: string; code: string | null; parent: string | null };
  year: number;
  title: string;
  revision: number;
  publishedAt: string | null;
  signedBy: string;
  signedOn: string | null;
  sections: Record<string, string>;
  tables: Record<string, TableJson>;
}

/** ISO 8601 in China Standard Time, as portals state dates. */
export function toChinaTimeIso(date: Date): string {
  const shifted = new Date(date.getTime() + 8 * 3600_000);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}

export function toOpenData(input: OpenDataInput): OpenDataReport {
  const tables: Record<string, TableJson> = {};
  for (const cell of formatCells(input.format)) {
    const table = (tables[cell.table] ??= {});
    const row = (table[cell.row] ??= {});
    row[cell.column] = input.values[cell.key] ?? null;
  }
  return {
    schema: "nianbao.report/1",
    format: input.format.version,
    organization: input.organization,
    year: input.year,
    title: input.title,
    revision: input.revision,
    publishedAt: input.publishedAt ? toChinaTimeIso(input.publishedAt) : null,
    signedBy: input.signatureLine,
    signedOn: input.signedOn,
    // The preamble only where the report has one: the sections of version 1 stay as they were.
    sections: Object.fromEntries(
      textParts(input.format)
        .filter((part) => part.kind === "section" || (input.sections[part.key] ?? "").trim() !== "")
        .map((part) => [part.key, input.sections[part.key] ?? ""]),
    ),
    tables,
  };
}
