-- CreateEnum
CREATE TYPE "Publisher" AS ENUM ('REVIEWER', 'SUPERVISOR');

-- AlterTable
ALTER TABLE "organization" ADD COLUMN "publisher" "Publisher" NOT NULL DEFAULT 'REVIEWER';

-- AlterTable
ALTER TABLE "account" ADD COLUMN "is_auditor" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "report" ADD COLUMN "correction_reason" TEXT;

-- AlterTable (ADD COLUMN fires no row trigger, so existing revisions stay as they are)
ALTER TABLE "report_revision" ADD COLUMN "explanations" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN "correction_reason" TEXT,
ADD COLUMN "submitted_by_id" UUID,
ADD COLUMN "index_number" TEXT,
ADD COLUMN "published_by_id" UUID;

-- CreateTable
CREATE TABLE "approval" (
    "id" UUID NOT NULL,
    "revision_id" UUID NOT NULL,
    "approved_by_id" UUID NOT NULL,
    "approved_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "approval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_comment" (
    "id" UUID NOT NULL,
    "revision_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "target" TEXT,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "index_serial" (
    "organization_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "last_serial" INTEGER NOT NULL,

    CONSTRAINT "index_serial_pkey" PRIMARY KEY ("organization_id","year")
);

-- CreateIndex
CREATE UNIQUE INDEX "report_revision_index_number_key" ON "report_revision"("index_number");

-- CreateIndex
CREATE UNIQUE INDEX "approval_revision_id_key" ON "approval"("revision_id");

-- CreateIndex
CREATE INDEX "review_comment_revision_id_idx" ON "review_comment"("revision_id");

-- AddForeignKey
ALTER TABLE "report_revision" ADD CONSTRAINT "report_revision_submitted_by_id_fkey" FOREIGN KEY ("submitted_by_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_revision" ADD CONSTRAINT "report_revision_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approval" ADD CONSTRAINT "approval_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "report_revision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approval" ADD CONSTRAINT "approval_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_comment" ADD CONSTRAINT "review_comment_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "report_revision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_comment" ADD CONSTRAINT "review_comment_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "index_serial" ADD CONSTRAINT "index_serial_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Publishing stamps a revision once: published_at, index_number and
-- published_by_id may be set together while published_at is still empty;
-- nothing else about a revision ever changes.
CREATE OR REPLACE FUNCTION "guard_report_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'DELETE on report_revision is not allowed: revisions are immutable'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF OLD."published_at" IS NOT NULL
        OR NEW."published_at" IS NULL
        OR (to_jsonb(NEW) - 'published_at' - 'index_number' - 'published_by_id')
           IS DISTINCT FROM (to_jsonb(OLD) - 'published_at' - 'index_number' - 'published_by_id') THEN
        RAISE EXCEPTION 'UPDATE on report_revision is not allowed: only publishing an unpublished revision is'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;

-- Approvals and review comments are records of decisions: never changed.
CREATE TRIGGER "approval_immutable" BEFORE UPDATE OR DELETE ON "approval"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change"();

CREATE TRIGGER "review_comment_immutable" BEFORE UPDATE OR DELETE ON "review_comment"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
