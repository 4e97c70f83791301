-- A revision is published with its 索引号 or not at all.
CREATE OR REPLACE FUNCTION "guard_report_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'DELETE on report_revision is not allowed: revisions are immutable'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF OLD."published_at" IS NOT NULL
        OR NEW."published_at" IS NULL
        OR NEW."index_number" IS NULL
        OR (to_jsonb(NEW) - 'published_at' - 'index_number' - 'published_by_id')
           IS DISTINCT FROM (to_jsonb(OLD) - 'published_at' - 'index_number' - 'published_by_id') THEN
        RAISE EXCEPTION 'UPDATE on report_revision is not allowed: only publishing an unpublished revision is'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;

-- Cells are frozen with their revision: none may be added to a published one.
CREATE FUNCTION "guard_revision_cell_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM "report_revision" WHERE "id" = NEW."revision_id" AND "published_at" IS NOT NULL) THEN
        RAISE EXCEPTION 'INSERT on revision_cell is not allowed: the revision is published'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "revision_cell_frozen" BEFORE INSERT ON "revision_cell"
    FOR EACH ROW EXECUTE FUNCTION "guard_revision_cell_insert"();

CREATE TRIGGER "approval_no_truncate" BEFORE TRUNCATE ON "approval"
    FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"();

CREATE TRIGGER "review_comment_no_truncate" BEFORE TRUNCATE ON "review_comment"
    FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"();
