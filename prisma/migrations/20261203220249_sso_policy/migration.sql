-- Sessions opened before this migration are recorded as PASSWORD sessions, passkey ones
-- included: the sign-in policy may ask their owners to sign in again, which is the safe side.

-- CreateEnum
CREATE TYPE "SignInMethod" AS ENUM ('PASSWORD', 'PASSKEY', 'SSO');

-- AlterTable
ALTER TABLE "staff_users" ADD COLUMN     "sso_subject" TEXT;

-- AlterTable
ALTER TABLE "staff_sessions" ADD COLUMN     "sign_in_method" "SignInMethod" NOT NULL DEFAULT 'PASSWORD';

-- CreateTable
CREATE TABLE "sign_in_policy" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "phishing_resistant_roles" "StaffRole"[] DEFAULT ARRAY[]::"StaffRole"[],
    "password_sign_in_disabled" BOOLEAN NOT NULL DEFAULT false,
    "break_glass_staff_id" UUID,
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_in_policy_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "staff_users_sso_subject_key" ON "staff_users"("sso_subject");

-- AddForeignKey
ALTER TABLE "sign_in_policy" ADD CONSTRAINT "sign_in_policy_break_glass_staff_id_fkey" FOREIGN KEY ("break_glass_staff_id") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sign_in_policy" ADD CONSTRAINT "sign_in_policy_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- One policy for the whole desk.
ALTER TABLE "sign_in_policy" ADD CONSTRAINT "sign_in_policy_single_row" CHECK ("id" = 1);
