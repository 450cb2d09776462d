-- CreateEnum
CREATE TYPE "CallerVerificationChannel" AS ENUM ('EMAIL', 'SMS', 'APP');

-- CreateEnum
CREATE TYPE "CallerVerificationPurpose" AS ENUM ('FACTOR_RESET', 'ACCOUNT_HELP');

-- CreateEnum
CREATE TYPE "CallerVerificationStatus" AS ENUM ('PENDING', 'CONFIRMED', 'DECLINED', 'EXPIRED', 'CANCELLED');

-- AlterEnum
ALTER TYPE "VerificationMethod" ADD VALUE 'CONFIRMED_BY_CUSTOMER';

-- AlterEnum
ALTER TYPE "AccountActionKind" ADD VALUE 'CALLER_VERIFICATION_REQUESTED';

-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "reset_block_cleared_at" TIMESTAMPTZ(3),
ADD COLUMN     "reset_block_cleared_by_id" UUID,
ADD COLUMN     "resets_blocked_at" TIMESTAMPTZ(3),
ADD COLUMN     "resets_blocked_reason" TEXT;

-- AlterTable
ALTER TABLE "factor_resets" ADD COLUMN     "caller_verification_id" UUID;

-- CreateTable
CREATE TABLE "caller_verifications" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "customer_id" UUID NOT NULL,
    "requested_by_id" UUID NOT NULL,
    "channel" "CallerVerificationChannel" NOT NULL,
    "purpose" "CallerVerificationPurpose" NOT NULL,
    "destination" TEXT NOT NULL,
    "destination_hint" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "status" "CallerVerificationStatus" NOT NULL DEFAULT 'PENDING',
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "answered_at" TIMESTAMPTZ(3),
    "answered_ip" TEXT,
    "cancelled_at" TIMESTAMPTZ(3),
    "prompt_action_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "caller_verifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "caller_verifications_token_hash_key" ON "caller_verifications"("token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "caller_verifications_prompt_action_id_key" ON "caller_verifications"("prompt_action_id");

-- CreateIndex
CREATE INDEX "caller_verifications_customer_id_created_at_idx" ON "caller_verifications"("customer_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "caller_verifications_status_expires_at_idx" ON "caller_verifications"("status", "expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "factor_resets_caller_verification_id_key" ON "factor_resets"("caller_verification_id");

-- AddForeignKey
ALTER TABLE "customers" ADD CONSTRAINT "customers_reset_block_cleared_by_id_fkey" FOREIGN KEY ("reset_block_cleared_by_id") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "factor_resets" ADD CONSTRAINT "factor_resets_caller_verification_id_fkey" FOREIGN KEY ("caller_verification_id") REFERENCES "caller_verifications"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "caller_verifications" ADD CONSTRAINT "caller_verifications_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "caller_verifications" ADD CONSTRAINT "caller_verifications_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

