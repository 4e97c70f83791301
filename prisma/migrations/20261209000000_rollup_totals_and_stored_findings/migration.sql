-- Province scale: a roll-up reads totals kept per government, and a board
-- reads each report's findings as they were stored with its saved version.

-- 汇总 totals. Each published report counts once, at its latest published
-- revision, toward the government that owns the unit: the nearest government
-- among the unit itself and its ancestors (a township or a department counts
-- toward its county, a county government's own report toward the county).
-- A subtree's roll-up is then the sum of the rows of the governments in it —
-- rows per government, not cells per unit. The *_n columns count the reports
-- that gave the cell a value, so that a sum with no value stays empty, as
-- the sum over the cells themselves would.
CREATE TABLE "rollup_total" (
    "government_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "format_version" TEXT NOT NULL,
    "unit_kind" "OrganizationKind" NOT NULL,
    "table_key" TEXT NOT NULL,
    "row_key" TEXT NOT NULL,
    "column_key" TEXT NOT NULL,
    "count" BIGINT NOT NULL DEFAULT 0,
    "count_n" INTEGER NOT NULL DEFAULT 0,
    "amount" DECIMAL(20,4) NOT NULL DEFAULT 0,
    "amount_n" INTEGER NOT NULL DEFAULT 0,
    "change" BIGINT NOT NULL DEFAULT 0,
    "change_n" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "rollup_total_pkey" PRIMARY KEY ("government_id", "year", "format_version", "unit_kind", "table_key", "row_key", "column_key"),
    CONSTRAINT "rollup_total_government_id_fkey" FOREIGN KEY ("government_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "rollup_total_year_idx" ON "rollup_total"("year", "format_version");

-- The unit whose totals a unit's reports count toward.
CREATE FUNCTION "rollup_owner"(unit_id UUID, unit_kind "OrganizationKind", ancestors UUID[]) RETURNS UUID
LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN unit_kind IN ('PROVINCE_GOVERNMENT', 'CITY_GOVERNMENT', 'COUNTY_GOVERNMENT') THEN unit_id
    ELSE COALESCE(
      (SELECT a.id FROM "organization" a
        WHERE a.id = ANY(ancestors) AND a.kind IN ('PROVINCE_GOVERNMENT', 'CITY_GOVERNMENT', 'COUNTY_GOVERNMENT')
        ORDER BY array_position(ancestors, a.id) DESC LIMIT 1),
      -- No government above (a unit at the root): it is its own.
      ancestors[1], unit_id)
  END
$$;

-- Adds (sign 1) or takes away (sign -1) one revision's cells from an owner's totals.
-- Rows are written in key order, so two publications under one government never deadlock.
CREATE FUNCTION "rollup_apply"(revision UUID, owner UUID, kind "OrganizationKind", sign INTEGER) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "rollup_total" AS t ("government_id", "year", "format_version", "unit_kind", "table_key", "row_key", "column_key",
                                   "count", "count_n", "amount", "amount_n", "change", "change_n")
  SELECT owner, p."year", rv."format_version", kind, c."table_key", c."row_key", c."column_key",
         sign * COALESCE(c."count", 0), sign * (c."count" IS NOT NULL)::int,
         sign * COALESCE(c."amount", 0), sign * (c."amount" IS NOT NULL)::int,
         sign * COALESCE(c."change", 0), sign * (c."change" IS NOT NULL)::int
    FROM "revision_cell" c
    JOIN "report_revision" rv ON rv."id" = c."revision_id"
    JOIN "report" p ON p."id" = rv."report_id"
   WHERE c."revision_id" = revision
   ORDER BY c."table_key", c."row_key", c."column_key"
  ON CONFLICT ("government_id", "year", "format_version", "unit_kind", "table_key", "row_key", "column_key") DO UPDATE
     SET "count" = t."count" + EXCLUDED."count", "count_n" = t."count_n" + EXCLUDED."count_n",
         "amount" = t."amount" + EXCLUDED."amount", "amount_n" = t."amount_n" + EXCLUDED."amount_n",
         "change" = t."change" + EXCLUDED."change", "change_n" = t."change_n" + EXCLUDED."change_n"
$$;

-- Publishing a revision (a first publication or a correction) moves the
-- report's contribution from its previous published revision to this one,
-- in the publishing transaction. A bulk loader that sets nianbao.bulk_load
-- for its transaction skips this and calls rollup_rebuild() at the end.
CREATE FUNCTION "rollup_on_publish"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  unit RECORD;
  owner UUID;
  previous UUID;
BEGIN
  IF current_setting('nianbao.bulk_load', true) = 'on' THEN
    RETURN NULL;
  END IF;
  SELECT o.id, o.kind, o.ancestor_ids INTO unit
    FROM "report" p JOIN "organization" o ON o.id = p.organization_id WHERE p.id = NEW.report_id;
  owner := "rollup_owner"(unit.id, unit.kind, unit.ancestor_ids);
  SELECT id INTO previous FROM "report_revision"
   WHERE report_id = NEW.report_id AND published_at IS NOT NULL AND number < NEW.number
   ORDER BY number DESC LIMIT 1;
  IF previous IS NOT NULL THEN
    PERFORM "rollup_apply"(previous, owner, unit.kind, -1);
  END IF;
  PERFORM "rollup_apply"(NEW.id, owner, unit.kind, 1);
  RETURN NULL;
END
$$;

CREATE TRIGGER "rollup_on_publish" AFTER UPDATE ON "report_revision"
  FOR EACH ROW WHEN (OLD.published_at IS NULL AND NEW.published_at IS NOT NULL)
  EXECUTE FUNCTION "rollup_on_publish"();

-- A unit that moves to another government (or changes kind) takes its
-- published reports' figures with it. The tree's own cascade rewrites the
-- ancestors of everything under a moved unit, so this runs for each of them.
CREATE FUNCTION "rollup_on_move"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_owner UUID := "rollup_owner"(OLD.id, OLD.kind, OLD.ancestor_ids);
  new_owner UUID := "rollup_owner"(NEW.id, NEW.kind, NEW.ancestor_ids);
  latest RECORD;
BEGIN
  IF old_owner = new_owner AND OLD.kind = NEW.kind THEN
    RETURN NULL;
  END IF;
  FOR latest IN
    SELECT DISTINCT ON (rv.report_id) rv.id
      FROM "report" p JOIN "report_revision" rv ON rv.report_id = p.id
     WHERE p.organization_id = NEW.id AND rv.published_at IS NOT NULL
     ORDER BY rv.report_id, rv.number DESC
  LOOP
    PERFORM "rollup_apply"(latest.id, old_owner, OLD.kind, -1);
    PERFORM "rollup_apply"(latest.id, new_owner, NEW.kind, 1);
  END LOOP;
  RETURN NULL;
END
$$;

CREATE TRIGGER "rollup_on_move" AFTER UPDATE ON "organization"
  FOR EACH ROW WHEN (OLD.ancestor_ids IS DISTINCT FROM NEW.ancestor_ids OR OLD.kind IS DISTINCT FROM NEW.kind)
  EXECUTE FUNCTION "rollup_on_move"();

-- Every total recomputed from the cells of each report's latest published
-- revision: what bulk loaders call after loading, and what the totals test
-- compares the kept rows with.
CREATE FUNCTION "rollup_recomputed"() RETURNS TABLE (
    "government_id" UUID, "year" INTEGER, "format_version" TEXT, "unit_kind" "OrganizationKind",
    "table_key" TEXT, "row_key" TEXT, "column_key" TEXT,
    "count" BIGINT, "count_n" INTEGER, "amount" DECIMAL(20,4), "amount_n" INTEGER, "change" BIGINT, "change_n" INTEGER)
LANGUAGE sql STABLE AS $$
  WITH latest AS (
    SELECT DISTINCT ON (rv.report_id) rv.id, rv.format_version, p.year,
           "rollup_owner"(o.id, o.kind, o.ancestor_ids) AS owner, o.kind
      FROM "report_revision" rv
      JOIN "report" p ON p.id = rv.report_id
      JOIN "organization" o ON o.id = p.organization_id
     WHERE rv.published_at IS NOT NULL
     ORDER BY rv.report_id, rv.number DESC
  )
  SELECT l.owner, l.year, l.format_version, l.kind, c.table_key, c.row_key, c.column_key,
         COALESCE(sum(c.count), 0)::bigint, count(c.count)::int,
         COALESCE(sum(c.amount), 0)::decimal(20,4), count(c.amount)::int,
         COALESCE(sum(c.change), 0)::bigint, count(c.change)::int
    FROM latest l JOIN "revision_cell" c ON c.revision_id = l.id
   GROUP BY 1, 2, 3, 4, 5, 6, 7
$$;

CREATE FUNCTION "rollup_rebuild"() RETURNS void LANGUAGE sql AS $$
  DELETE FROM "rollup_total";
  INSERT INTO "rollup_total" SELECT * FROM "rollup_recomputed"();
$$;

-- Totals for what is published already.
SELECT "rollup_rebuild"();

GRANT SELECT, INSERT, UPDATE, DELETE ON "rollup_total" TO nianbao_app;

-- A report's findings, stored with each saved version of its working copy:
-- the rule engine's findings (雷同 and the checks against last year
-- included, as the context stood when it was saved) and the board's warnings
-- (with five-fold jumps). Valid while "version" equals the report's version;
-- a board recomputes any report whose row is missing or older.
CREATE TABLE "report_check" (
    "report_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "errors" INTEGER NOT NULL,
    "warnings" JSONB NOT NULL,
    "findings" JSONB NOT NULL,
    "checked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "report_check_pkey" PRIMARY KEY ("report_id"),
    CONSTRAINT "report_check_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Which stored checks name a unit as alike (雷同 is mutual: its save redoes theirs).
CREATE INDEX "report_check_findings_idx" ON "report_check" USING GIN ("findings" jsonb_path_ops);

GRANT SELECT, INSERT, UPDATE, DELETE ON "report_check" TO nianbao_app;
