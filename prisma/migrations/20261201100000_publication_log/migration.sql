-- Every publication, numbered in commit order. An app instance remembers the
-- last number it has heard (NOTIFY carries it); when its LISTEN connection
-- comes back after an outage it asks for the publications after that number
-- and forgets only those pages, instead of its whole cache.
CREATE TABLE "publication_log" (
    "seq" BIGSERIAL NOT NULL,
    "organization_slug" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "publication_log_pkey" PRIMARY KEY ("seq")
);

-- Append-only, like the audit log.
CREATE FUNCTION "publication_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'publication_log is append-only';
END;
$$;

CREATE TRIGGER "publication_log_append_only"
  BEFORE UPDATE OR DELETE ON "publication_log"
  FOR EACH ROW EXECUTE FUNCTION "publication_log_append_only"();
