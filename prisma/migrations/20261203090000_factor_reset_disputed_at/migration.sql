-- The customer's "this wasn't me" answer is state of the reset, not something to look up in the audit log.
ALTER TABLE "factor_resets" ADD COLUMN "disputed_at" TIMESTAMPTZ(3);

-- Disputes recorded before this column existed.
UPDATE "factor_resets" AS r SET "disputed_at" = a."occurred_at"
FROM (
  SELECT (data ->> 'resetId')::uuid AS reset_id, min(occurred_at) AS occurred_at
  FROM "audit_events"
  WHERE action = 'reset.disputed_by_customer' AND data ? 'resetId'
  GROUP BY 1
) AS a
WHERE r.id = a.reset_id;
