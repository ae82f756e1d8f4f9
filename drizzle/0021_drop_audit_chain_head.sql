-- audit_append() (0020) takes the lock and reads the last hash itself; nothing calls audit_chain_head any more.
DROP FUNCTION IF EXISTS audit_chain_head(bigint);
