import Link from "next/link";
import { brand, telHref } from "@/lib/content/brand";

/** "Report a scam" and "Contact support", at the end of every article. */
export function HelpPaths() {
  return (
    <section aria-labelledby="more-help" className="grid gap-4 sm:grid-cols-2">
      <h2 id="more-help" className="sr-only">
        More help
      </h2>
      <div className="rounded-lg border border-red-700 bg-red-50 p-4 text-red-950 dark:border-red-400 dark:bg-red-950/50 dark:text-red-50">
        <h3 className="font-semibold">Think it’s a scam?</h3>
        <p className="mt-1 text-sm">
          Tell us about the call, text or email. It helps us warn other customers.
        </p>
        <Link
          prefetch={false}
          href="/report"
          className="mt-2 inline-block font-semibold underline underline-offset-2"
        >
          Report a scam
        </Link>
      </div>
      <div className="rounded-lg border border-slate-300 bg-slate-50 p-4 dark:border-slate-700 dark:bg-slate-900">
        <h3 className="font-semibold">Contact support</h3>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          Call us on{" "}
          <a
            href={telHref(brand.supportPhone)}
            className="font-semibold whitespace-nowrap text-brand-ink underline"
          >
            {brand.supportPhone}
          </a>
          . We will check it’s you, and we will never ask for a code.
        </p>
      </div>
    </section>
  );
}
