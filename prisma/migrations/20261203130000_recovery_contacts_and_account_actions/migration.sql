-- CreateEnum
CREATE TYPE "AccountActionKind" AS ENUM ('FACTORS_RESET', 'SESSIONS_ENDED', 'SESSION_ENDED', 'PASSWORD_CHANGE_REQUIRED', 'ACCOUNT_LOCKED', 'ACCOUNT_UNLOCKED', 'CONTACT_RESTORED');

-- CreateEnum
CREATE TYPE "AccountActionStatus" AS ENUM ('DECIDED', 'SENT', 'CONFIRMED', 'FAILING');

-- CreateEnum
CREATE TYPE "ContactField" AS ENUM ('EMAIL', 'PHONE');

-- AlterEnum: the replaced-contact ways to verify a caller, listed beside the on-file ones.
ALTER TYPE "VerificationMethod" ADD VALUE 'CALLBACK_PREVIOUS_NUMBER' BEFORE 'DOCUMENT_CHECK';
ALTER TYPE "VerificationMethod" ADD VALUE 'EMAIL_LINK_PREVIOUS_EMAIL' BEFORE 'DOCUMENT_CHECK';

-- AlterTable
ALTER TABLE "account_changes" ADD COLUMN     "by_desk" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "new_value" TEXT,
ADD COLUMN     "previous_value" TEXT;

-- CreateTable
CREATE TABLE "account_actions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "customer_id" UUID NOT NULL,
    "kind" "AccountActionKind" NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "reason" TEXT NOT NULL,
    "decided_by_id" UUID,
    "case_id" UUID,
    "status" "AccountActionStatus" NOT NULL DEFAULT 'DECIDED',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "account_actions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contact_restores" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "customer_id" UUID NOT NULL,
    "field" "ContactField" NOT NULL,
    "restore_value" TEXT NOT NULL,
    "replaced_value" TEXT,
    "requested_by_id" UUID NOT NULL,
    "status" "FactorResetStatus" NOT NULL,
    "reason" TEXT NOT NULL,
    "risk_reasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "decision_note" TEXT,
    "executed_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contact_restores_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "account_actions_customer_id_created_at_idx" ON "account_actions"("customer_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "account_actions_status_created_at_idx" ON "account_actions"("status", "created_at");

-- CreateIndex
CREATE INDEX "contact_restores_customer_id_created_at_idx" ON "contact_restores"("customer_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "contact_restores_status_created_at_idx" ON "contact_restores"("status", "created_at" DESC);

-- AddForeignKey
ALTER TABLE "account_actions" ADD CONSTRAINT "account_actions_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_actions" ADD CONSTRAINT "account_actions_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact_restores" ADD CONSTRAINT "contact_restores_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact_restores" ADD CONSTRAINT "contact_restores_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact_restores" ADD CONSTRAINT "contact_restores_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

