-- What boards and roll-ups ask of every report of a province — is it
-- published, when first, which revision counts — kept on the report row by
-- the publishing trigger, so that 10,000 reports are read from one table
-- instead of looking up each one's revisions.
ALTER TABLE "report" ADD COLUMN "first_published_at" TIMESTAMPTZ(3);
ALTER TABLE "report" ADD COLUMN "published_revision_id" UUID;
ALTER TABLE "report" ADD COLUMN "published_format_version" TEXT;
ALTER TABLE "report" ADD CONSTRAINT "report_published_revision_id_fkey"
  FOREIGN KEY ("published_revision_id") REFERENCES "report_revision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE OR REPLACE FUNCTION "rollup_on_publish"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  unit RECORD;
  owner UUID;
  previous UUID;
BEGIN
  -- The report row: its latest published revision and when it was first published.
  UPDATE "report"
     SET published_revision_id = NEW.id, published_format_version = NEW.format_version,
         first_published_at = COALESCE(first_published_at, NEW.published_at)
   WHERE id = NEW.report_id;
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

-- A bulk loader's rebuild sets the report rows too.
CREATE OR REPLACE FUNCTION "rollup_rebuild"() RETURNS void LANGUAGE sql AS $$
  UPDATE "report" p
     SET published_revision_id = l.id, published_format_version = l.format_version, first_published_at = l.first_at
    FROM (SELECT DISTINCT ON (rv.report_id) rv.report_id, rv.id, rv.format_version,
                 min(rv.published_at) OVER (PARTITION BY rv.report_id) AS first_at
            FROM "report_revision" rv
           WHERE rv.published_at IS NOT NULL
           ORDER BY rv.report_id, rv.number DESC) l
   WHERE p.id = l.report_id
     AND (p.published_revision_id IS DISTINCT FROM l.id OR p.first_published_at IS DISTINCT FROM l.first_at);
  DELETE FROM "rollup_total";
  INSERT INTO "rollup_total" SELECT * FROM "rollup_recomputed"();
$$;

UPDATE "report" p
   SET published_revision_id = l.id, published_format_version = l.format_version, first_published_at = l.first_at
  FROM (SELECT DISTINCT ON (rv.report_id) rv.report_id, rv.id, rv.format_version,
               min(rv.published_at) OVER (PARTITION BY rv.report_id) AS first_at
          FROM "report_revision" rv
         WHERE rv.published_at IS NOT NULL
         ORDER BY rv.report_id, rv.number DESC) l
 WHERE p.id = l.report_id;

CREATE INDEX "report_year_published_format_version_idx" ON "report"("year", "published_format_version");
