import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/help/breadcrumbs";
import { MessageChecker } from "@/components/help/message-checker";
import { brand } from "@/lib/content/brand";

export const metadata: Metadata = {
  title: "Check a suspicious text or email",
  description: `Paste a text or email that claims to be from ${brand.companyName} and see its red flags. The text stays in your browser.`,
  alternates: { canonical: "/help/check-a-message" },
  openGraph: { url: "/help/check-a-message", title: "Check a suspicious text or email" },
};

export default function CheckAMessagePage() {
  return (
    <div className="max-w-3xl">
      <Breadcrumbs
        crumbs={[
          { name: "Help", path: "/" },
          { name: "Check a message", path: "/help/check-a-message" },
        ]}
      />
      <h1 className="mt-4 text-3xl font-bold tracking-tight">Check a suspicious text or email</h1>
      <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">
        Got a message that says it’s from {brand.companyName}? Paste it below to see its red flags.
      </p>
      <p className="mt-3 rounded-md border border-blue-700 bg-blue-50 p-3 text-blue-950 dark:border-blue-400 dark:bg-blue-950/50 dark:text-blue-50">
        <strong>Private:</strong> the check runs in your browser only. The message is not sent to us or anyone
        else, and it is not saved.
      </p>
      <noscript>
        <p className="mt-4 rounded-md border border-amber-700 p-3">
          This check needs JavaScript. Without it, read{" "}
          <Link prefetch={false} href="/help/is-this-code-message-real" className="underline">
            how to tell if a code message is real
          </Link>
          .
        </p>
      </noscript>
      <div className="mt-6">
        <MessageChecker
          brand={{
            companyName: brand.companyName,
            officialDomains: brand.officialDomains,
            officialEmailDomains: brand.officialEmailDomains,
            supportPhone: brand.supportPhone,
          }}
        />
      </div>
      <section aria-labelledby="checker-limits" className="mt-10 space-y-2">
        <h2 id="checker-limits" className="text-xl font-bold">
          What this check can and can’t tell you
        </h2>
        <p>
          It looks for the things scams ask for: codes, passwords, payments, and links or phone numbers that
          aren’t ours. A clean result doesn’t prove a message is real. When in doubt, open the {brand.appName}{" "}
          or go to {brand.officialDomains[0]} yourself.
        </p>
        <p>
          Read{" "}
          <Link
            prefetch={false}
            href="/help/is-this-code-message-real"
            className="text-blue-700 underline underline-offset-2 dark:text-blue-300"
          >
            how to tell if a code message is really from us
          </Link>{" "}
          and{" "}
          <Link
            prefetch={false}
            href="/help/common-scam-scripts"
            className="text-blue-700 underline underline-offset-2 dark:text-blue-300"
          >
            common scams and how to spot them
          </Link>
          .
        </p>
      </section>
    </div>
  );
}
