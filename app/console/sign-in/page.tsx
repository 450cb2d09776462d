import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getCurrentStaff } from "@/lib/auth/current-staff";
import { hasAnyStaff } from "@/lib/staff/enrolment";
import { SignInForm } from "@/components/console/sign-in-form";
import { startPasskeySignInAction } from "./actions";
import { ssoDisplayName } from "@/lib/auth/sso-config";
import { isSsoRefusal, SSO_REFUSALS } from "@/lib/auth/sso-sign-in";

export const metadata: Metadata = { title: "Staff sign-in", robots: { index: false } };

const REASONS: Record<string, string> = {
  expired: "Your session ended after 30 minutes without activity, or after 12 hours. Sign in again.",
  revoked: "Your session was ended (signed out everywhere, or your access changed). Sign in again.",
  "signed-out-everywhere": "You are signed out on every device. Sign in again to continue here.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection(); // reads the database: render on request, never at build time
  if (!(await hasAnyStaff())) redirect("/setup");
  const params = await searchParams;
  const next =
    typeof params.next === "string" && params.next.startsWith("/console") && !params.next.startsWith("//")
      ? params.next
      : "/console";
  if (await getCurrentStaff()) redirect(next);
  const reason = typeof params.reason === "string" ? REASONS[params.reason] : undefined;
  // `sso` is ours (lib/auth/sso-sign-in.ts); `error` is next-auth's, when the IdP's answer failed its
  // checks (a bad signature, state or nonce) or the IdP could not be reached.
  const problem = isSsoRefusal(params.sso)
    ? SSO_REFUSALS[params.sso]
    : typeof params.error === "string"
      ? SSO_REFUSALS.failed
      : undefined;
  const ssoName = ssoDisplayName();
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-4 py-12">
      <h1 className="text-2xl font-bold">Staff sign-in</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        Account Security Desk console.{" "}
        {ssoName
          ? `Use your ${ssoName} account, your passkey, or your password and your authenticator app.`
          : "Use your passkey, or your password and your authenticator app."}
      </p>
      <SignInForm
        next={next}
        notice={reason}
        problem={problem}
        sso={ssoName ? { name: ssoName } : null}
        passkeyOptions={startPasskeySignInAction}
      />
    </main>
  );
}
