-- The relay's shared backoff starting or ending (RelayState.backoffUntil set or cleared, see
-- lib/jobs/relay-state.ts) sends NOTIFY atelier_relay, so open Create pages show or drop the
-- "the image service is struggling" notice when it happens rather than at their next read. The
-- payload is the relay's state only (no tenant data): every signed-in tab may hear it.
CREATE FUNCTION atelier_notify_relay_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('atelier_relay', json_build_object('struggling', NEW."backoffUntil" IS NOT NULL)::text);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "RelayState_notify_insert" AFTER INSERT ON "RelayState"
  FOR EACH ROW WHEN (NEW."backoffUntil" IS NOT NULL) EXECUTE FUNCTION atelier_notify_relay_change();
-- Every change of the backoff's end, not of the streak: a longer backoff is news too (the notice
-- stays), and a cleared one ends the notice.
CREATE TRIGGER "RelayState_notify_update" AFTER UPDATE ON "RelayState"
  FOR EACH ROW WHEN (OLD."backoffUntil" IS DISTINCT FROM NEW."backoffUntil") EXECUTE FUNCTION atelier_notify_relay_change();
