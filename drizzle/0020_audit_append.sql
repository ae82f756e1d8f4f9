-- Appends one audit event in one round trip, and lets a command put its audit event in the same statement as
-- its change (a single statement needs no BEGIN/COMMIT). The caller sends the event's canonical JSON (the hash
-- format of src/platform/audit/audit.ts, unchanged) cut around "subjectId", because the subject's id may only
-- be known inside the statement (a row it is inserting). Like audit_chain_head (0019), the lock comes first and
-- the last hash is read by a later statement of this VOLATILE function, so under READ COMMITTED its snapshot is
-- taken after the lock is held and sees the previous appender's committed row.
CREATE OR REPLACE FUNCTION audit_append(
  lock_key bigint, at_ timestamptz, actor_id_ bigint, action_ text, subject_type_ text, subject_id_ text,
  before_ jsonb, after_ jsonb, canonical_head text, canonical_tail text
) RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  prev text;
  new_id bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(lock_key);
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'audit_append needs a READ COMMITTED transaction (this one is %)',
      current_setting('transaction_isolation');
  END IF;
  SELECT a.hash INTO prev FROM audit_events a ORDER BY a.id DESC LIMIT 1;
  prev := coalesce(prev, repeat('0', 64));
  INSERT INTO audit_events (at, actor_id, action, subject_type, subject_id, before, after, prev_hash, hash)
  VALUES (at_, actor_id_, action_, subject_type_, subject_id_, before_, after_, prev,
          encode(sha256(convert_to(prev || canonical_head || coalesce(to_json(subject_id_)::text, 'null')
                                   || canonical_tail, 'UTF8')), 'hex'))
  RETURNING id INTO new_id;
  RETURN new_id;
END
$$;
