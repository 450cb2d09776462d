import { scamPath } from "@/lib/content/top-tasks";
import { LinkCards } from "./link-list";

/** The visible "I think I'm being scammed" path. */
export function ScamHelp({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section
      aria-labelledby="scam-help-title"
      className="rounded-xl border-2 border-red-700 bg-red-50 p-5 text-red-950 dark:border-red-400 dark:bg-red-950/50 dark:text-red-50"
    >
      <Heading id="scam-help-title" className="text-xl font-bold">
        I think I’m being scammed
      </Heading>
      <p className="mt-2 font-medium">
        Stop. Don’t share any code, password or card details, don’t pay, and don’t install anything. Hang up,
        or don’t reply. Then choose what fits:
      </p>
      <LinkCards items={scamPath} className="mt-4" />
    </section>
  );
}
