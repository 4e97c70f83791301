-- The app connects as nianbao_app: not superuser, not owner of any table, so
-- it can neither switch off the triggers that keep history append-only
-- (ALTER TABLE … DISABLE TRIGGER needs the owner; session_replication_role
-- needs a superuser) nor truncate anything. Migrations run as the owner.
-- The role is created here when missing (NOLOGIN); the deployment gives it a
-- password and LOGIN, or a login role that is a member of it (README).
-- A new table needs its grant in its own migration; a test fails otherwise.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'nianbao_app') THEN
    CREATE ROLE nianbao_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
  END IF;
  EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO nianbao_app', current_database());
END
$$;

GRANT USAGE ON SCHEMA public TO nianbao_app;

-- Working data: read and written freely.
GRANT SELECT, INSERT, UPDATE, DELETE ON
  "organization", "report", "report_section", "report_cell", "account", "role_assignment",
  "auth_session", "index_serial", "deadline_default", "deadline_override",
  "catalog_item", "catalog_attachment"
  TO nianbao_app;

-- History: appended and read, never changed or removed.
GRANT SELECT, INSERT ON "audit_event", "revision_cell", "approval", "review_comment", "publication_log" TO nianbao_app;

-- A revision's publication stamps are set once, by UPDATE of these columns only
-- (the publication-guard trigger refuses any later change).
GRANT SELECT, INSERT ON "report_revision" TO nianbao_app;
GRANT UPDATE ("published_at", "index_number", "published_by_id") ON "report_revision" TO nianbao_app;

GRANT USAGE, SELECT ON SEQUENCE "audit_event_id_seq", "publication_log_seq_seq" TO nianbao_app;
