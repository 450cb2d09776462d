-- AlterEnum
ALTER TYPE "ApiScope" ADD VALUE 'DIRECTORY_WRITE';

-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "erased_at" TIMESTAMPTZ(3),
ADD COLUMN     "source_updated_at" TIMESTAMPTZ(3),
ADD COLUMN     "source_version" BIGINT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "second_factors" ADD COLUMN     "external_id" TEXT,
ADD COLUMN     "source_updated_at" TIMESTAMPTZ(3),
ADD COLUMN     "source_version" BIGINT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "customer_sessions" ADD COLUMN     "external_id" TEXT,
ADD COLUMN     "source_updated_at" TIMESTAMPTZ(3),
ADD COLUMN     "source_version" BIGINT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "account_changes" ADD COLUMN     "event_id" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "second_factors_customer_id_external_id_key" ON "second_factors"("customer_id", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "customer_sessions_customer_id_external_id_key" ON "customer_sessions"("customer_id", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "account_changes_event_id_key" ON "account_changes"("event_id");

