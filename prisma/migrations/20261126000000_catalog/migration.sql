-- The disclosure catalog (信息公开目录): items and their attachments.

-- Chinese substring search on titles and 文号. pg_trgm is a trusted extension
-- (PostgreSQL 13+), so the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "CatalogItemStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "CatalogValidity" AS ENUM ('VALID', 'REPEALED', 'EXPIRED');

-- CreateTable
CREATE TABLE "catalog_item" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "status" "CatalogItemStatus" NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "category" TEXT NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "document_number" TEXT NOT NULL DEFAULT '',
    "issuer" TEXT NOT NULL,
    "written_on" DATE,
    "published_at" TIMESTAMPTZ(3),
    "validity" "CatalogValidity" NOT NULL DEFAULT 'VALID',
    "validity_ended_on" DATE,
    "disclosure" TEXT NOT NULL DEFAULT '主动公开',
    "index_number" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "last_edited_by_id" UUID,
    "submitted_by_id" UUID,
    "published_by_id" UUID,
    "return_comment" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "catalog_item_pkey" PRIMARY KEY ("id"),
    -- Nothing is public without its 索引号 and 发布日期.
    CONSTRAINT "catalog_item_published_check"
        CHECK ("status" <> 'PUBLISHED' OR ("published_at" IS NOT NULL AND "index_number" IS NOT NULL)),
    -- 已废止 / 已失效 say since when; 有效 has no end date.
    CONSTRAINT "catalog_item_validity_check"
        CHECK (("validity" = 'VALID') = ("validity_ended_on" IS NULL))
);

-- CreateTable
CREATE TABLE "catalog_attachment" (
    "id" UUID NOT NULL,
    "item_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "extension" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "catalog_attachment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "catalog_attachment_size_check" CHECK ("size" > 0)
);

-- CreateIndex
CREATE UNIQUE INDEX "catalog_item_index_number_key" ON "catalog_item"("index_number");

-- CreateIndex
CREATE INDEX "catalog_item_organization_id_status_published_at_id_idx" ON "catalog_item"("organization_id", "status", "published_at", "id");

-- CreateIndex
CREATE INDEX "catalog_item_organization_id_status_category_published_at__idx" ON "catalog_item"("organization_id", "status", "category", "published_at", "id");

-- CreateIndex
CREATE INDEX "catalog_item_status_published_at_id_idx" ON "catalog_item"("status", "published_at", "id");

-- CreateIndex
CREATE INDEX "catalog_item_title_trgm_idx" ON "catalog_item" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "catalog_item_document_number_trgm_idx" ON "catalog_item" USING GIN ("document_number" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "catalog_attachment_item_id_idx" ON "catalog_attachment"("item_id");

-- AddForeignKey
ALTER TABLE "catalog_item" ADD CONSTRAINT "catalog_item_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "catalog_item" ADD CONSTRAINT "catalog_item_last_edited_by_id_fkey" FOREIGN KEY ("last_edited_by_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "catalog_item" ADD CONSTRAINT "catalog_item_submitted_by_id_fkey" FOREIGN KEY ("submitted_by_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "catalog_item" ADD CONSTRAINT "catalog_item_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "catalog_attachment" ADD CONSTRAINT "catalog_attachment_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "catalog_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
