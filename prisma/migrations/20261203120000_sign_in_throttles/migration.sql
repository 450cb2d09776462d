-- Wrong passwords are throttled per (email, address) and per email, never locking the account;
-- only wrong second factors after a correct password lock it. The counter is renamed for that.
ALTER TABLE "staff_users" RENAME COLUMN "failed_sign_ins" TO "failed_second_factors";
UPDATE "staff_users" SET "failed_second_factors" = 0, "locked_until" = NULL, "lockout_count" = 0;

-- Published demo accounts: a production server refuses them.
ALTER TABLE "staff_users" ADD COLUMN "demo" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "auth_throttles" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "blocked_until" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "auth_throttles_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "auth_throttles_updated_at_idx" ON "auth_throttles"("updated_at");
