-- The tree of government (省 → 设区的市 → 县 → 乡镇, departments at every level
-- above the township) is read as subtrees: a government's 主管部门 supervises
-- everything below it, a regional administrator manages it. Each unit keeps
-- the ids of its ancestors, root first, maintained here and nowhere else, so
-- "everything under X" is one indexed condition (ancestor_ids @> ARRAY[X], which the GIN index serves) at
-- any depth. The database also refuses a cycle: a unit cannot be moved under
-- itself or under one of its own units.
ALTER TABLE "organization" ADD COLUMN "ancestor_ids" UUID[] NOT NULL DEFAULT '{}';
CREATE INDEX "organization_ancestor_ids_idx" ON "organization" USING GIN ("ancestor_ids");

CREATE FUNCTION "organization_set_ancestors"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent_ancestors UUID[];
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.parent_id IS NOT DISTINCT FROM OLD.parent_id THEN
    -- Only this trigger's own cascade (below) rewrites a unit's ancestors.
    IF NEW.ancestor_ids IS DISTINCT FROM OLD.ancestor_ids AND pg_trigger_depth() = 1 THEN
      RAISE EXCEPTION 'organization.ancestor_ids is maintained by the database' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.parent_id IS NULL THEN
    NEW.ancestor_ids := '{}';
  ELSE
    SELECT ancestor_ids INTO parent_ancestors FROM "organization" WHERE id = NEW.parent_id;
    IF NEW.parent_id = NEW.id OR NEW.id = ANY(parent_ancestors) THEN
      RAISE EXCEPTION 'organization tree cycle: % cannot be placed under %', NEW.id, NEW.parent_id
        USING ERRCODE = 'check_violation', CONSTRAINT = 'organization_tree_cycle';
    END IF;
    NEW.ancestor_ids := COALESCE(parent_ancestors, '{}') || NEW.parent_id;
  END IF;
  RETURN NEW;
END
$$;

CREATE FUNCTION "organization_move_descendants"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Everything under the moved unit keeps its path below it, under the new one.
  UPDATE "organization"
     SET ancestor_ids = NEW.ancestor_ids || NEW.id || ancestor_ids[array_position(ancestor_ids, NEW.id) + 1:]
   WHERE ancestor_ids @> ARRAY[NEW.id];
  RETURN NULL;
END
$$;

-- Existing units: roots first, then each level below (the trees are shallow).
DO $$
BEGIN
  LOOP
    UPDATE "organization" c SET ancestor_ids = p.ancestor_ids || p.id
      FROM "organization" p
     WHERE c.parent_id = p.id AND c.ancestor_ids IS DISTINCT FROM p.ancestor_ids || p.id
       AND (p.parent_id IS NULL OR cardinality(p.ancestor_ids) > 0);
    EXIT WHEN NOT FOUND;
  END LOOP;
END
$$;

-- The triggers come after that fill, which writes ancestor_ids itself.
CREATE TRIGGER "organization_set_ancestors" BEFORE INSERT OR UPDATE ON "organization"
  FOR EACH ROW EXECUTE FUNCTION "organization_set_ancestors"();
CREATE TRIGGER "organization_move_descendants" AFTER UPDATE OF "parent_id" ON "organization"
  FOR EACH ROW WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id) EXECUTE FUNCTION "organization_move_descendants"();

-- A government sets deadlines for the units it supervises, at any level.
ALTER TABLE "deadline_default" RENAME COLUMN "county_id" TO "government_id";
ALTER TABLE "deadline_override" RENAME COLUMN "county_id" TO "government_id";
ALTER TABLE "deadline_default" RENAME CONSTRAINT "deadline_default_county_id_fkey" TO "deadline_default_government_id_fkey";
ALTER TABLE "deadline_override" RENAME CONSTRAINT "deadline_override_county_id_fkey" TO "deadline_override_government_id_fkey";

-- 管理员（本地区）: manages the units and accounts of one government's subtree.
ALTER TYPE "Role" ADD VALUE 'ADMINISTRATOR';

-- An account onboarded from a register: a one-time way in, never a password in a file.
ALTER TABLE "account" ADD COLUMN "must_change_password" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "invitation" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    -- SHA-256 of the token in the link; the token itself is never stored.
    "token_hash" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "invitation_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "invitation_token_hash_key" ON "invitation"("token_hash");
CREATE INDEX "invitation_account_id_idx" ON "invitation"("account_id");
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
GRANT SELECT, INSERT, UPDATE, DELETE ON "invitation" TO nianbao_app;
