-- Notifications in the app and the e-mail outbox (issue: deadlines,
-- submissions, 催报 reach the people who must act).
ALTER TABLE "account" ADD COLUMN "email" TEXT;
ALTER TABLE "account" ADD COLUMN "daily_digest" BOOLEAN NOT NULL DEFAULT false;

CREATE TYPE "NotificationKind" AS ENUM (
  'REVIEW_REQUESTED', 'RETURNED', 'APPROVED', 'PUBLISHED',
  'DEADLINE_SOON', 'DEADLINE_TOMORROW', 'OVERDUE', 'REMINDER', 'DIGEST'
);

CREATE TABLE "notification" (
  "id" UUID NOT NULL,
  "account_id" UUID NOT NULL,
  "kind" "NotificationKind" NOT NULL,
  "title" TEXT NOT NULL,
  "body" TEXT NOT NULL DEFAULT '',
  "href" TEXT NOT NULL,
  "dedupe_key" TEXT,
  "read_at" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "notification_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "notification_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "notification_dedupe_key_key" ON "notification"("dedupe_key");
CREATE INDEX "notification_account_id_created_at_idx" ON "notification"("account_id", "created_at");

CREATE TYPE "MailStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

CREATE TABLE "outbox_mail" (
  "id" UUID NOT NULL,
  "notification_id" UUID,
  "to_address" TEXT NOT NULL,
  "subject" TEXT NOT NULL,
  "text" TEXT NOT NULL,
  "status" "MailStatus" NOT NULL DEFAULT 'PENDING',
  "attempts" INTEGER NOT NULL DEFAULT 0,
  "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "claimed_until" TIMESTAMPTZ(3),
  "claimed_by" TEXT,
  "last_error" TEXT,
  "sent_at" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "outbox_mail_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "outbox_mail_notification_id_fkey" FOREIGN KEY ("notification_id") REFERENCES "notification"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "outbox_mail_notification_id_key" ON "outbox_mail"("notification_id");
CREATE INDEX "outbox_mail_status_next_attempt_at_idx" ON "outbox_mail"("status", "next_attempt_at");

-- The app reads and marks its notifications and works its outbox.
GRANT SELECT, INSERT, UPDATE, DELETE ON "notification", "outbox_mail" TO nianbao_app;
