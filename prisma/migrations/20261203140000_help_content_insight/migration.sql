-- AlterTable
ALTER TABLE "article_feedback" ADD COLUMN     "handled_at" TIMESTAMPTZ(3),
ADD COLUMN     "handled_by_id" UUID;

-- CreateTable
CREATE TABLE "help_search_misses" (
    "day" DATE NOT NULL,
    "query" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "help_search_misses_pkey" PRIMARY KEY ("day","query","outcome")
);
