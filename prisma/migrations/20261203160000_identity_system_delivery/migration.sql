-- CreateEnum
CREATE TYPE "EndpointFormat" AS ENUM ('STANDARD_WEBHOOKS', 'SSF_PUSH', 'POLL');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILING', 'DEAD');

-- AlterEnum
ALTER TYPE "ApiScope" ADD VALUE 'ACTIONS_READ';

-- AlterTable
ALTER TABLE "notifications" ADD COLUMN     "waits_for_action_id" UUID;

-- AlterTable
ALTER TABLE "account_actions" ADD COLUMN     "confirmed_at" TIMESTAMPTZ(3),
ADD COLUMN     "sequence" BIGSERIAL NOT NULL;

-- CreateTable
CREATE TABLE "integration_endpoints" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "format" "EndpointFormat" NOT NULL,
    "url" TEXT,
    "action_kinds" "AccountActionKind"[] DEFAULT ARRAY[]::"AccountActionKind"[],
    "secret_enc" TEXT,
    "previous_secret_enc" TEXT,
    "previous_secret_expires_at" TIMESTAMPTZ(3),
    "api_key_id" UUID,
    "paused_at" TIMESTAMPTZ(3),
    "alerted_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removed_at" TIMESTAMPTZ(3),

    CONSTRAINT "integration_endpoints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "action_deliveries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "action_id" UUID NOT NULL,
    "endpoint_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "sequence" BIGINT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "action_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delivery_attempts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "delivery_id" UUID,
    "endpoint_id" UUID NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status_code" INTEGER,
    "latency_ms" INTEGER NOT NULL,
    "response_excerpt" TEXT,
    "error" TEXT,

    CONSTRAINT "delivery_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "integration_endpoints_api_key_id_key" ON "integration_endpoints"("api_key_id");

-- CreateIndex
CREATE INDEX "action_deliveries_status_next_attempt_at_idx" ON "action_deliveries"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "action_deliveries_endpoint_id_customer_id_sequence_idx" ON "action_deliveries"("endpoint_id", "customer_id", "sequence");

-- CreateIndex
CREATE INDEX "action_deliveries_endpoint_id_sequence_idx" ON "action_deliveries"("endpoint_id", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "action_deliveries_action_id_endpoint_id_key" ON "action_deliveries"("action_id", "endpoint_id");

-- CreateIndex
CREATE INDEX "delivery_attempts_endpoint_id_started_at_idx" ON "delivery_attempts"("endpoint_id", "started_at" DESC);

-- CreateIndex
CREATE INDEX "delivery_attempts_delivery_id_idx" ON "delivery_attempts"("delivery_id");

-- CreateIndex
CREATE UNIQUE INDEX "account_actions_sequence_key" ON "account_actions"("sequence");

-- AddForeignKey
ALTER TABLE "integration_endpoints" ADD CONSTRAINT "integration_endpoints_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "integration_endpoints" ADD CONSTRAINT "integration_endpoints_api_key_id_fkey" FOREIGN KEY ("api_key_id") REFERENCES "api_keys"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_deliveries" ADD CONSTRAINT "action_deliveries_action_id_fkey" FOREIGN KEY ("action_id") REFERENCES "account_actions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_deliveries" ADD CONSTRAINT "action_deliveries_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "integration_endpoints"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery_attempts" ADD CONSTRAINT "delivery_attempts_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "action_deliveries"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery_attempts" ADD CONSTRAINT "delivery_attempts_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "integration_endpoints"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

