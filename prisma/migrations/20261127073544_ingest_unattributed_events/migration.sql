-- AlterTable
ALTER TABLE "login_attempts" ADD COLUMN     "customer_external_id" TEXT;

-- AlterTable
ALTER TABLE "otp_deliveries" ADD COLUMN     "customer_external_id" TEXT;


-- Hand-written (Prisma cannot describe partial indexes, functions or triggers; the indexes are listed
-- in SQL_ONLY_OBJECTS of prisma/schema-drift.test.ts).
--
-- Ingested events whose customer the desk does not know yet are stored with customer_id NULL and
-- the identity system's customer id in customer_external_id. Only those rows are indexed, so the
-- indexes stay tiny and cost the ingest path next to nothing.
CREATE INDEX "login_attempts_unattributed_external_id_idx" ON "login_attempts" ("customer_external_id")
  WHERE "customer_external_id" IS NOT NULL;
CREATE INDEX "otp_deliveries_unattributed_external_id_idx" ON "otp_deliveries" ("customer_external_id")
  WHERE "customer_external_id" IS NOT NULL;

-- When customers are created (whoever creates them: a sync, the seed, a script), events that were
-- waiting for them are attached. Statement-level with a transition table: one join per INSERT
-- statement, however many customers it writes, and a cheap probe of the partial indexes first.
CREATE FUNCTION attach_waiting_events_to_new_customers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM login_attempts WHERE customer_external_id IS NOT NULL) THEN
    UPDATE login_attempts a SET customer_id = n.id, customer_external_id = NULL
      FROM new_customers n
     WHERE a.customer_external_id IS NOT NULL AND a.customer_external_id = n.external_id;
  END IF;
  IF EXISTS (SELECT 1 FROM otp_deliveries WHERE customer_external_id IS NOT NULL) THEN
    UPDATE otp_deliveries o SET customer_id = n.id, customer_external_id = NULL
      FROM new_customers n
     WHERE o.customer_external_id IS NOT NULL AND o.customer_external_id = n.external_id;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER customers_attach_waiting_events
  AFTER INSERT ON "customers"
  REFERENCING NEW TABLE AS new_customers
  FOR EACH STATEMENT EXECUTE FUNCTION attach_waiting_events_to_new_customers();
