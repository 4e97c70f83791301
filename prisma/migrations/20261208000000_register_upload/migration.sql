-- A register of units and accounts an administrator uploaded (lib/register):
-- the rows as read from the file, kept until the administrator confirms the
-- preview, so that what is applied is the file that was shown — the same
-- rows, planned again against the database and refused if the plan differs.
-- Kept for a day; a confirmed one is marked and cannot be applied twice.
CREATE TABLE "register_upload" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "files" JSONB NOT NULL,
    "register" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "applied_at" TIMESTAMPTZ(3),

    CONSTRAINT "register_upload_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "register_upload_account_id_idx" ON "register_upload"("account_id");
ALTER TABLE "register_upload" ADD CONSTRAINT "register_upload_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
GRANT SELECT, INSERT, UPDATE, DELETE ON "register_upload" TO nianbao_app;
