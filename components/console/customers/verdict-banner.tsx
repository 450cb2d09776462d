import type { Verdict } from "@/lib/customers/verdict";

const TONES: Record<Verdict["kind"], string> = {
  LIKELY_TAKEOVER: "border-red-600 bg-red-50 text-red-950 dark:bg-red-950 dark:text-red-50",
  UNDER_ATTACK: "border-amber-500 bg-amber-50 text-amber-950 dark:bg-amber-950 dark:text-amber-50",
  NOTHING_UNUSUAL:
    "border-emerald-600 bg-emerald-50 text-emerald-950 dark:bg-emerald-950 dark:text-emerald-50",
};

/** The page's first line: what the evidence adds up to, and why. */
export function VerdictBanner({ verdict }: { verdict: Verdict }) {
  return (
    <section
      aria-labelledby="verdict-title"
      className={`rounded-md border-l-8 p-4 ${TONES[verdict.kind]}`}
      data-testid="verdict"
      data-verdict={verdict.kind}
    >
      <h2 id="verdict-title" className="text-xl font-bold">
        {verdict.headline}
      </h2>
      {verdict.because.length > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {verdict.because.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
