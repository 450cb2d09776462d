import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { createTotpSecret, totpQrSvg, totpUri } from "@/lib/auth/totp";
import { hasAnyStaff } from "@/lib/staff/enrolment";
import { EnrolmentForm } from "@/components/console/enrolment-form";
import { setUpFirstAdmin } from "./actions";

export const metadata: Metadata = { title: "Set up the desk", robots: { index: false } };

export default async function SetupPage() {
  // Setup exists only until the first admin does; afterwards staff are invited.
  await connection(); // reads the database and makes a new secret: render on request
  if (await hasAnyStaff()) redirect("/console/sign-in");
  const secret = createTotpSecret();
  const qr = await totpQrSvg(totpUri("first admin", secret));
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-12">
      <h1 className="text-2xl font-bold">Set up Account Security Desk</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        Create the first administrator. You will sign in with a password and a code from an authenticator app;
        you can invite the rest of your team afterwards.
      </p>
      <div className="mt-6">
        <EnrolmentForm
          action={setUpFirstAdmin}
          totpSecret={secret}
          qrDataUrl={`data:image/svg+xml;base64,${Buffer.from(qr).toString("base64")}`}
        />
      </div>
    </main>
  );
}
