-- Live updates (issue #13): every change a browser shows (a generation's status, review or cancel,
-- a slot's status, an image kept or deleted) sends NOTIFY atelier_changes with ids only (workspace,
-- generation, its author), never content. Postgres delivers it at commit and folds identical
-- payloads of one transaction into one, so a generation and its slots written together notify once.
-- Triggers rather than calls in the data layer: no writer (worker, action, API, sweep) can forget.

CREATE FUNCTION atelier_notify_generation_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed "Generation"%ROWTYPE;
BEGIN
  IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
  PERFORM pg_notify('atelier_changes', json_build_object('w', changed."workspaceId", 'g', changed."id", 'u', changed."userId")::text);
  RETURN NULL;
END;
$$;

-- A slot or an image names only its generation: the workspace and author come from there. A
-- cascade from a deleted generation finds no row, and that generation has notified itself.
CREATE FUNCTION atelier_notify_generation_part_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  owner RECORD;
BEGIN
  SELECT g."workspaceId", g."userId" INTO owner FROM "Generation" g
   WHERE g."id" = CASE WHEN TG_OP = 'DELETE' THEN OLD."generationId" ELSE NEW."generationId" END;
  IF FOUND THEN
    PERFORM pg_notify('atelier_changes', json_build_object('w', owner."workspaceId",
      'g', CASE WHEN TG_OP = 'DELETE' THEN OLD."generationId" ELSE NEW."generationId" END, 'u', owner."userId")::text);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Generation_notify_insert_delete" AFTER INSERT OR DELETE ON "Generation"
  FOR EACH ROW EXECUTE FUNCTION atelier_notify_generation_change();
-- Not on heartbeats, attempts or timings: only what a person sees change.
CREATE TRIGGER "Generation_notify_update" AFTER UPDATE ON "Generation"
  FOR EACH ROW WHEN (
    OLD."status" IS DISTINCT FROM NEW."status"
    OR OLD."errorCode" IS DISTINCT FROM NEW."errorCode"
    OR OLD."cancelledAt" IS DISTINCT FROM NEW."cancelledAt"
    OR OLD."reviewStatus" IS DISTINCT FROM NEW."reviewStatus"
  ) EXECUTE FUNCTION atelier_notify_generation_change();

CREATE TRIGGER "GenerationSlot_notify_insert" AFTER INSERT ON "GenerationSlot"
  FOR EACH ROW EXECUTE FUNCTION atelier_notify_generation_part_change();
CREATE TRIGGER "GenerationSlot_notify_update" AFTER UPDATE ON "GenerationSlot"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."errorCode" IS DISTINCT FROM NEW."errorCode")
  EXECUTE FUNCTION atelier_notify_generation_part_change();

CREATE TRIGGER "GenerationImage_notify" AFTER INSERT OR UPDATE OR DELETE ON "GenerationImage"
  FOR EACH ROW EXECUTE FUNCTION atelier_notify_generation_part_change();
