-- One audit append in one statement (hand-written: Prisma cannot describe functions). Before, the
-- app sent four statements per event (lock, read the last hash, insert, and the transaction around
-- them), each a round trip while every other append waited on the lock; on a busy desk that wait
-- was most of a customer search. The app still computes the hashed text, split where the previous
-- hash goes (auditHashMaterialAround); this function only fills it in and hashes it.
--
-- The chain lock is the same transaction-scoped advisory lock the app took before (7231001), so it
-- is held until the caller's transaction ends, and an append inside a larger transaction still
-- commits or rolls back with the change it records. The function is VOLATILE so each statement in it
-- takes a fresh snapshot once the lock is granted: under READ COMMITTED it sees the row that the
-- previous lock holder committed. (Under REPEATABLE READ it would not, as before.)
CREATE FUNCTION append_audit_event(
  p_occurred_at TIMESTAMPTZ(3),
  p_actor_type "AuditActorType",
  p_actor_id TEXT,
  p_actor_label TEXT,
  p_action TEXT,
  p_target_type TEXT,
  p_target_id TEXT,
  p_reason TEXT,
  p_ip TEXT,
  p_data JSONB,
  p_hash_head TEXT,
  p_hash_tail TEXT
) RETURNS TEXT LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  previous TEXT;
  chained TEXT;
BEGIN
  PERFORM pg_advisory_xact_lock(7231001);
  SELECT hash INTO previous FROM audit_events ORDER BY seq DESC LIMIT 1;
  -- The genesis hash (GENESIS_HASH in lib/audit/audit-hash.ts) links the first row.
  previous := coalesce(previous, repeat('0', 64));
  chained := encode(sha256(convert_to(p_hash_head || previous || p_hash_tail, 'UTF8')), 'hex');
  INSERT INTO audit_events (occurred_at, actor_type, actor_id, actor_label, action, target_type, target_id, reason, ip, data, prev_hash, hash)
  VALUES (p_occurred_at, p_actor_type, p_actor_id, p_actor_label, p_action, p_target_type, p_target_id, p_reason, p_ip, p_data, previous, chained);
  RETURN chained;
END;
$$;
