-- AlterTable
ALTER TABLE "factor_resets" ALTER COLUMN "factor_ids" SET DEFAULT ARRAY[]::UUID[],
ALTER COLUMN "risk_reasons" SET DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "scam_reports" ALTER COLUMN "asks" SET DEFAULT ARRAY[]::"ScamAsk"[];

-- AlterTable
ALTER TABLE "api_keys" ALTER COLUMN "scopes" SET DEFAULT ARRAY[]::"ApiScope"[];


-- The audit log is append-only: no UPDATE, DELETE or TRUNCATE, whoever asks (hand-written: Prisma
-- cannot describe triggers). Together with the hash chain, a change made by someone who can
-- bypass this (a superuser disabling the trigger) is still detected by `npm run audit:verify`.
CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_events_no_update_or_delete
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();

CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
