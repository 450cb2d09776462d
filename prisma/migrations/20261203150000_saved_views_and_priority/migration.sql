-- CreateEnum
CREATE TYPE "SavedViewList" AS ENUM ('CASES', 'SCAM_REPORTS', 'AUDIT');

-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "priority" SMALLINT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "scam_reports" ADD COLUMN     "priority" SMALLINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "saved_views" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "staff_id" UUID NOT NULL,
    "list" "SavedViewList" NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saved_views_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "saved_views_staff_id_list_name_key" ON "saved_views"("staff_id", "list", "name");

-- CreateIndex
CREATE INDEX "cases_priority_updated_at_idx" ON "cases"("priority" DESC, "updated_at" DESC);

-- CreateIndex
CREATE INDEX "scam_reports_priority_created_at_idx" ON "scam_reports"("priority" DESC, "created_at" DESC);

-- AddForeignKey
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill: the parts of the priority SQL can compute (lib/workspace/priority.ts has the rule).
-- Money lost: any loss raises a report by one, £1,000 or more by two. A watchlisted caller (the
-- default rule: 3 reports in 90 days) raises it by one. The takeover verdict is computed in the
-- app and raises priorities from the next change on.
UPDATE "scam_reports" r SET "priority" = LEAST(3,
    CASE WHEN r."money_lost_cents" >= 100000 THEN 2 WHEN r."money_lost_cents" > 0 THEN 1 ELSE 0 END
  + CASE WHEN r."contact_number_e164" IS NOT NULL AND (
      SELECT count(*) FROM "scam_reports" o
      WHERE o."contact_number_e164" = r."contact_number_e164"
        AND o."contacted_at" >= now() - interval '90 days') >= 3 THEN 1 ELSE 0 END);

-- A case is at least as urgent as the most urgent report linked to it.
UPDATE "cases" c SET "priority" = sub.p
FROM (SELECT "case_id", max("priority") AS p FROM "scam_reports" WHERE "case_id" IS NOT NULL GROUP BY "case_id") sub
WHERE sub."case_id" = c."id";
