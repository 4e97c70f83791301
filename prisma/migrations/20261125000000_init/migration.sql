-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('COUNTY_GOVERNMENT', 'TOWNSHIP', 'COUNTY_DEPARTMENT');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'PUBLISHED');

-- CreateTable
CREATE TABLE "organization" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "short_name" TEXT NOT NULL,
    "code" TEXT,
    "kind" "OrganizationKind" NOT NULL,
    "parent_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organization_pkey" PRIMARY KEY ("id"),
    -- URL segments: lower-case letters, digits and hyphens.
    CONSTRAINT "organization_slug_check" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    -- 统一社会信用代码 (18) or 组织机构代码 (9, often written with a hyphen).
    CONSTRAINT "organization_code_check" CHECK ("code" IS NULL OR "code" ~ '^([0-9A-Z]{18}|[0-9A-Z]{8}-?[0-9A-Z])$')
);

-- CreateTable
CREATE TABLE "report" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "format_version" TEXT NOT NULL,
    "status" "ReportStatus" NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "signature_line" TEXT NOT NULL DEFAULT '',
    "signed_on" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "report_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "report_year_check" CHECK ("year" BETWEEN 2008 AND 2200)
);

-- CreateTable
CREATE TABLE "report_section" (
    "report_id" UUID NOT NULL,
    "section_key" TEXT NOT NULL,
    "body" TEXT NOT NULL,

    CONSTRAINT "report_section_pkey" PRIMARY KEY ("report_id","section_key")
);

-- CreateTable
CREATE TABLE "report_cell" (
    "report_id" UUID NOT NULL,
    "table_key" TEXT NOT NULL,
    "row_key" TEXT NOT NULL,
    "column_key" TEXT NOT NULL,
    "count" INTEGER,
    "amount" DECIMAL(14,4),

    CONSTRAINT "report_cell_pkey" PRIMARY KEY ("report_id","table_key","row_key","column_key"),
    -- A cell is a count or an amount (or still empty), never negative (R10).
    CONSTRAINT "report_cell_value_check" CHECK (("count" IS NULL OR "amount" IS NULL) AND "count" >= 0 IS NOT FALSE AND "amount" >= 0 IS NOT FALSE)
);

-- CreateTable
CREATE TABLE "report_revision" (
    "id" UUID NOT NULL,
    "report_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "format_version" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "signature_line" TEXT NOT NULL,
    "signed_on" DATE,
    "sections" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "report_revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "revision_cell" (
    "revision_id" UUID NOT NULL,
    "table_key" TEXT NOT NULL,
    "row_key" TEXT NOT NULL,
    "column_key" TEXT NOT NULL,
    "count" INTEGER,
    "amount" DECIMAL(14,4),

    CONSTRAINT "revision_cell_pkey" PRIMARY KEY ("revision_id","table_key","row_key","column_key"),
    CONSTRAINT "revision_cell_value_check" CHECK (("count" IS NULL OR "amount" IS NULL) AND "count" >= 0 IS NOT FALSE AND "amount" >= 0 IS NOT FALSE)
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "role" TEXT,
    "source_ip" TEXT,
    "event" TEXT NOT NULL,
    "object_type" TEXT,
    "object_id" TEXT,
    "result" TEXT NOT NULL,
    "detail" JSONB,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organization_slug_key" ON "organization"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "organization_code_key" ON "organization"("code");

-- CreateIndex
CREATE INDEX "organization_parent_id_idx" ON "organization"("parent_id");

-- CreateIndex
CREATE INDEX "report_year_status_idx" ON "report"("year", "status");

-- CreateIndex
CREATE UNIQUE INDEX "report_organization_id_year_key" ON "report"("organization_id", "year");

-- CreateIndex
CREATE INDEX "report_cell_table_key_row_key_column_key_idx" ON "report_cell"("table_key", "row_key", "column_key");

-- CreateIndex
CREATE INDEX "report_revision_report_id_published_at_idx" ON "report_revision"("report_id", "published_at");

-- CreateIndex
CREATE UNIQUE INDEX "report_revision_report_id_number_key" ON "report_revision"("report_id", "number");

-- CreateIndex
CREATE INDEX "revision_cell_table_key_row_key_column_key_idx" ON "revision_cell"("table_key", "row_key", "column_key");

-- CreateIndex
CREATE INDEX "audit_event_occurred_at_idx" ON "audit_event"("occurred_at");

-- CreateIndex
CREATE INDEX "audit_event_object_type_object_id_idx" ON "audit_event"("object_type", "object_id");

-- AddForeignKey
ALTER TABLE "organization" ADD CONSTRAINT "organization_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report" ADD CONSTRAINT "report_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_section" ADD CONSTRAINT "report_section_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_cell" ADD CONSTRAINT "report_cell_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_revision" ADD CONSTRAINT "report_revision_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "revision_cell" ADD CONSTRAINT "revision_cell_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "report_revision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Immutability, enforced by the database whatever the application does.
-- A revision's content never changes; the only update allowed is stamping
-- published_at once. Revision cells and audit events are never changed.
CREATE FUNCTION "refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on % is not allowed: rows are immutable', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE FUNCTION "guard_report_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'DELETE on report_revision is not allowed: revisions are immutable'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF OLD."published_at" IS NOT NULL
        OR NEW."published_at" IS NULL
        OR (to_jsonb(NEW) - 'published_at') IS DISTINCT FROM (to_jsonb(OLD) - 'published_at') THEN
        RAISE EXCEPTION 'UPDATE on report_revision is not allowed: only publishing an unpublished revision is'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "report_revision_immutable" BEFORE UPDATE OR DELETE ON "report_revision"
    FOR EACH ROW EXECUTE FUNCTION "guard_report_revision"();

CREATE TRIGGER "revision_cell_immutable" BEFORE UPDATE OR DELETE ON "revision_cell"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change"();

CREATE TRIGGER "audit_event_append_only" BEFORE UPDATE OR DELETE ON "audit_event"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change"();

-- TRUNCATE bypasses row triggers; refuse it on the append-only tables too.
CREATE TRIGGER "revision_cell_no_truncate" BEFORE TRUNCATE ON "revision_cell"
    FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"();

CREATE TRIGGER "report_revision_no_truncate" BEFORE TRUNCATE ON "report_revision"
    FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"();

CREATE TRIGGER "audit_event_no_truncate" BEFORE TRUNCATE ON "audit_event"
    FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"();
