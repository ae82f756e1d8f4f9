-- Takes the audit appenders' lock and then reads the chain's last hash, in one round trip. The read is a
-- separate statement inside a VOLATILE function, so under READ COMMITTED it takes a fresh snapshot after the
-- lock is held and sees the previous appender's committed row (a single SELECT would read with a snapshot
-- taken before it waited for the lock).
CREATE OR REPLACE FUNCTION audit_chain_head(lock_key bigint) RETURNS TABLE (hash text, isolation text)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(lock_key);
  RETURN QUERY SELECT (SELECT a.hash FROM audit_events a ORDER BY a.id DESC LIMIT 1)::text,
                      current_setting('transaction_isolation');
END
$$;
