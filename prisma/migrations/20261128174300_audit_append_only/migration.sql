-- The audit log is append-only (docs/security.md, docs/decisions/0010-audit-append-only.md).
-- The application has no code path that updates or deletes "AuditEvent"; these triggers make the
-- database refuse it too, whoever asks: UPDATE and DELETE (row level) and TRUNCATE (statement level).
-- Retention (at least 180 days) therefore means "kept": removing old events is a documented DBA
-- procedure outside the application, never an application feature.

CREATE OR REPLACE FUNCTION "audit_event_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditEvent_no_update_delete"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();

CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();
