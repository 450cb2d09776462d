import type { Metadata } from "next";
import { brand } from "@/lib/content/brand";
import { readNotMeToken } from "@/lib/notifications/not-me-token";
import { Alert } from "@/components/ui/alert";
import { NotMeForm } from "./_components/not-me-form";

export const metadata: Metadata = {
  title: { absolute: `This wasn’t me · ${brand.helpCenterName}` },
  robots: { index: false },
  referrer: "no-referrer",
};

export default async function NotMePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const valid = readNotMeToken(token) !== null;
  return (
    <main id="main" className="mx-auto max-w-xl space-y-4 px-4 py-12">
      <h1 className="text-2xl font-bold">Did you ask us to reset your sign-in security?</h1>
      {valid ? (
        <>
          <p>
            If you did not, tell us now. We will flag your account and our security team will contact you
            through the details on file.
          </p>
          <Alert tone="warning">
            We will never ask you for a one-time code, your password or card details. Anyone who does is not
            us.
          </Alert>
          <NotMeForm token={token} />
        </>
      ) : (
        <Alert tone="error">
          This link is not valid. If you are worried about your account, call us on the number on our website.
        </Alert>
      )}
    </main>
  );
}
