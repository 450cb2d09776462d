import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/current-staff";
import { ssoDisplayName } from "@/lib/auth/sso-config";
import { Alert } from "@/components/ui/alert";
import { PasskeyEnrolForm } from "@/components/console/passkey-enrol-form";
import { SignOutButton } from "@/components/console/sign-out-button";
import { StepUpProvider } from "@/components/console/step-up-context";
import { enrolPasskeyAction, startPasskeyEnrolmentAction } from "../passkey-actions";
import { confirmStepUp } from "../step-up-action";

export const metadata: Metadata = { title: "Sign in with a passkey", robots: { index: false } };

/**
 * Where a session that does not meet its role's sign-in policy lands (lib/auth/current-staff.ts
 * sends every other console page here). Outside the console layout on purpose: nothing else of the
 * console is reachable until the policy is met.
 */
export default async function PasskeyRequiredPage() {
  const staff = await requireStaff("passkey:manage");
  if (staff.policyStanding === "met") redirect("/console");
  const ssoName = ssoDisplayName();
  const alternatives = ssoName ? `a passkey or “Sign in with ${ssoName}”` : "a passkey";
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center gap-6 px-4 py-12">
      {staff.policyStanding === "enrol-passkey" ? (
        <>
          <div className="space-y-2">
            <p className="text-sm font-medium text-slate-600 dark:text-slate-400">Step 1 of 2</p>
            <h1 className="text-2xl font-bold">Add a passkey to continue</h1>
            <p className="text-slate-700 dark:text-slate-300">
              {staff.name}, your organisation asks {staff.role.toLowerCase()}s to sign in with {alternatives}.
              A passkey lives on this device or a security key and is unlocked with your fingerprint, face or
              PIN. Unlike a password and a code, a fake sign-in page cannot pass it on to someone else.
            </p>
          </div>
          <StepUpProvider confirm={confirmStepUp} passkey={null}>
            <PasskeyEnrolForm start={startPasskeyEnrolmentAction} finish={enrolPasskeyAction} />
          </StepUpProvider>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Next, you sign in once more with the new passkey. If this device cannot create one, use a security
            key, or sign out and ask an administrator.
          </p>
        </>
      ) : (
        <>
          <div className="space-y-2">
            <p className="text-sm font-medium text-slate-600 dark:text-slate-400">Step 2 of 2</p>
            <h1 className="text-2xl font-bold">Sign in with your passkey</h1>
            <p className="text-slate-700 dark:text-slate-300">
              Your organisation asks {staff.role.toLowerCase()}s to sign in with {alternatives}, and this
              session was opened with a password. Sign out, then choose “Sign in with a passkey”.
            </p>
          </div>
          <Alert tone="info">Your passkey is set up. Nothing else is needed from an administrator.</Alert>
        </>
      )}
      <div>
        <SignOutButton
          label={staff.policyStanding === "enrol-passkey" ? "Sign out" : "Sign out and use my passkey"}
        />
      </div>
    </main>
  );
}
