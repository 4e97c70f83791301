// Reports as the workflow leaves them, from the plan: the working copy (the
// report row, its text parts and its 200 cells), each frozen revision with
// the working copy's text and cells at the time (freeze-revision.ts), the
// approvals and the reviewers' comments. Revisions are written unpublished;
// load-publication.ts stamps them afterwards, as publishing does.
import type pg from "pg";
import { formatForYear } from "@/lib/report-format";
import { valuesToCellRows } from "@/lib/reports/cell-rows";
import { reportTemplates } from "./content";
import type { PlannedReport, PlannedRevision } from "./plan";
import type { UnitRow } from "./shape";
import { dropIndexes, insertRows, withoutRowTriggers, type Phase } from "./load-sql";

/** The plan and the templates as temporary tables, for the set-based statements below. */
export async function loadPlanTables(client: pg.ClientBase, units: readonly UnitRow[], reports: readonly PlannedReport[], revisions: readonly PlannedRevision[]) {
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const formats = new Map(reports.map((r) => [r.year, formatForYear(r.year)]));
  for (const [year, format] of formats) {
    // The templates are written for the 2021 format's tables.
    if (format?.version !== "2021") throw new Error(`the bench writes 2021-format reports; ${year} uses ${format?.version ?? "no format"}`);
  }
  const format = formatForYear(reports[0]!.year)!;
  await client.query(`
    create temp table bench_template_cell (template int, table_key text, row_key text, column_key text, count int, amount numeric(14, 4), change int);
    create temp table bench_template_text (template int, section_key text, body text);
    create temp table bench_report (id uuid primary key, organization_id uuid, year int, format_version text, title text, status text, version int,
      correction_reason text, signed_on date, template int, created_at timestamptz, updated_at timestamptz, last_edited_by_id uuid);
    create temp table bench_revision (id uuid primary key, report_id uuid, number int, template int, created_at timestamptz, submitted_by_id uuid,
      correction_reason text, approved_at timestamptz, approved_by_id uuid, published_at timestamptz, published_by_id uuid, published_by_role text,
      returned_at timestamptz, returned_by_id uuid)`);
  const templates = reportTemplates(format).map((template, index) => ({ ...template, index }));
  await insertRows(client, "bench_template_cell", templates.flatMap((t) => valuesToCellRows(format, t.values).map((cell) => ({ ...cell, template: t.index }))), [
    ["template", "int", (c) => c.template],
    ["table_key", "text", (c) => c.tableKey],
    ["row_key", "text", (c) => c.rowKey],
    ["column_key", "text", (c) => c.columnKey],
    ["count", "int", (c) => c.count],
    ["amount", "numeric", (c) => c.amount],
    ["change", "int", (c) => c.change],
  ]);
  await insertRows(client, "bench_template_text", templates.flatMap((t) => Object.entries(t.sections).map(([key, body]) => ({ template: t.index, key, body }))), [
    ["template", "int", (t) => t.template],
    ["section_key", "text", (t) => t.key],
    ["body", "text", (t) => t.body],
  ]);
  await insertRows(client, "bench_report", reports, [
    ["id", "uuid", (r) => r.id],
    ["organization_id", "uuid", (r) => r.unitId],
    ["year", "int", (r) => r.year],
    ["format_version", "text", (r) => formats.get(r.year)!.version],
    ["title", "text", (r) => formats.get(r.year)!.titlePattern(unitName.get(r.unitId)!, r.year)],
    ["status", "text", (r) => r.status],
    ["version", "int", (r) => r.version],
    ["correction_reason", "text", (r) => r.correctionReason],
    ["signed_on", "date", (r) => r.signedOn],
    ["template", "int", (r) => r.template],
    ["created_at", "timestamptz", (r) => r.createdAt],
    ["updated_at", "timestamptz", (r) => r.updatedAt],
    ["last_edited_by_id", "uuid", (r) => r.lastEditedById],
  ]);
  await insertRows(client, "bench_revision", revisions, [
    ["id", "uuid", (v) => v.id],
    ["report_id", "uuid", (v) => v.reportId],
    ["number", "int", (v) => v.number],
    ["template", "int", (v) => v.template],
    ["created_at", "timestamptz", (v) => v.createdAt],
    ["submitted_by_id", "uuid", (v) => v.submittedById],
    ["correction_reason", "text", (v) => v.correctionReason],
    ["approved_at", "timestamptz", (v) => v.approvedAt],
    ["approved_by_id", "uuid", (v) => v.approvedById],
    ["published_at", "timestamptz", (v) => v.publishedAt],
    ["published_by_id", "uuid", (v) => v.publishedById],
    ["published_by_role", "text", (v) => v.publishedByRole],
    ["returned_at", "timestamptz", (v) => v.returnedAt],
    ["returned_by_id", "uuid", (v) => v.returnedById],
  ]);
  await client.query("analyze bench_template_cell; analyze bench_template_text; analyze bench_report; analyze bench_revision");
}

/** A template's text with the unit and the year filled in. */
const filled = (body: string, name: string, year: string) =>
  `replace(replace(replace(${body}, '{unit}', ${name}), '{year}', ${year}::text), '{next}', (${year} + 1)::text)`;

export async function loadReports(client: pg.ClientBase, phase: Phase): Promise<void> {
  await phase("reports (working copies)", () =>
    client.query(`
      insert into report (id, organization_id, year, format_version, status, title, signature_line, signed_on, version,
                          last_edited_by_id, correction_reason, created_at, updated_at)
      select b.id, b.organization_id, b.year, b.format_version, b.status::"ReportStatus", b.title, o.name, b.signed_on, b.version,
             b.last_edited_by_id, b.correction_reason, b.created_at, b.updated_at
        from bench_report b join organization o on o.id = b.organization_id`),
  );
  await phase("report text parts", () =>
    client.query(`
      insert into report_section (report_id, section_key, body)
      select b.id, t.section_key, ${filled("t.body", "o.name", "b.year")}
        from bench_report b join organization o on o.id = b.organization_id join bench_template_text t on t.template = b.template`),
  );
  await phase("revisions (frozen, not yet stamped)", () =>
    client.query(`
      insert into report_revision (id, report_id, number, format_version, title, signature_line, signed_on, sections, explanations,
                                   correction_reason, submitted_by_id, created_at)
      select v.id, v.report_id, v.number, b.format_version, b.title, o.name, b.signed_on,
             (select jsonb_object_agg(t.section_key, ${filled("t.body", "o.name", "b.year")}) from bench_template_text t where t.template = v.template),
             '{}', v.correction_reason, v.submitted_by_id, v.created_at
        from bench_revision v join bench_report b on b.id = v.report_id join organization o on o.id = b.organization_id
       order by v.created_at`),
  );
  await phase("approvals and reviewers' comments", async () => {
    await client.query(`
      insert into approval (id, revision_id, approved_by_id, approved_at)
      select gen_random_uuid(), id, approved_by_id, approved_at from bench_revision where approved_at is not null`);
    await client.query(`
      insert into review_comment (id, revision_id, author_id, target, body, created_at)
      select gen_random_uuid(), id, returned_by_id, 'cells.applications.received.total', '本年新收申请数与正文所述不一致，请核对后重新提交。', returned_at
        from bench_revision where returned_at is not null`);
  });
  for (const [table, source, key] of [
    ["report_cell", "bench_report", "report_id"],
    ["revision_cell", "bench_revision", "revision_id"],
  ] as const) {
    const rebuild = await dropIndexes(client, table);
    await phase(`${table} (200 per ${table === "report_cell" ? "report" : "revision"})`, () =>
      withoutRowTriggers(client, async () => {
        await client.query(`
          insert into ${table} (${key}, table_key, row_key, column_key, count, amount, change)
          select s.id, c.table_key, c.row_key, c.column_key, c.count, c.amount, c.change
            from ${source} s join bench_template_cell c on c.template = s.template`);
      }),
    );
    await phase(`${table} indexes`, async () => {
      for (const statement of rebuild) await client.query(statement);
    });
  }
}
