-- PostgreSQL only: audit rows cannot be changed by the application (000_65944b5c5b97f013.txt
-- line 1899, "审计记录应具备不可修改性"). UPDATE is always refused; DELETE only for rows older than
-- 180 days, so that even the purge job cannot shorten the legal retention. TRUNCATE is refused.
CREATE FUNCTION audit.refuse_audit_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'audit rows are immutable (id %)', OLD.id USING ERRCODE = 'insufficient_privilege';
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD.occurred_at > (now() AT TIME ZONE 'UTC') - INTERVAL '180 days' THEN
      RAISE EXCEPTION 'audit rows younger than 180 days cannot be deleted (id %)', OLD.id
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER audit_event_immutable
  BEFORE UPDATE OR DELETE ON audit.audit_event
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_audit_change();

CREATE FUNCTION audit.refuse_audit_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit rows cannot be truncated' USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_no_truncate
  BEFORE TRUNCATE ON audit.audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_audit_truncate();
