import type { Metadata } from "next";
import Link from "next/link";
import { createTotpSecret, totpQrSvg, totpUri } from "@/lib/auth/totp";
import { findUsableInvite } from "@/lib/staff/enrolment";
import { Alert } from "@/components/ui/alert";
import { EnrolmentForm } from "@/components/console/enrolment-form";
import { acceptInvitation } from "./actions";

export const metadata: Metadata = {
  title: "Join the desk",
  robots: { index: false },
  referrer: "no-referrer",
};

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await findUsableInvite(token);
  if ("problem" in invite) {
    return (
      <main id="main" className="mx-auto max-w-xl px-4 py-12">
        <h1 className="text-2xl font-bold">Invitation</h1>
        <Alert tone="error" className="mt-4">
          {invite.problem}
        </Alert>
        <p className="mt-4">
          <Link href="/console/sign-in" className="text-blue-700 underline dark:text-blue-300">
            Go to staff sign-in
          </Link>
        </p>
      </main>
    );
  }
  const secret = createTotpSecret();
  const qr = await totpQrSvg(totpUri(invite.email, secret));
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-12">
      <h1 className="text-2xl font-bold">
        {invite.reenrolment ? "Set up your sign-in again" : "Join Account Security Desk"}
      </h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        {invite.reenrolment
          ? "An administrator reset your authenticator. Choose a new password and enrol your authenticator app."
          : `You have been invited as ${invite.role.toLowerCase()}. Choose a password and enrol your authenticator app.`}
      </p>
      <div className="mt-6">
        <EnrolmentForm
          action={acceptInvitation}
          hiddenFields={{ token }}
          totpSecret={secret}
          qrDataUrl={`data:image/svg+xml;base64,${Buffer.from(qr).toString("base64")}`}
          email={invite.email}
          defaultName={invite.name}
        />
      </div>
    </main>
  );
}
