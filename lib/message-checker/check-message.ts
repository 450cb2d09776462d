// "Check a message": red flags in a pasted text or email. Pure functions, run in the reader's
// browser only (the text is never sent anywhere). Rules look for what scams need from a victim —
// a code, a payment, a click on a fake link, a call to a fake number, urgency — and stay quiet on
// genuine code messages ("Your code is 123456. Never share it.").
//
// rules.ts decides which flags a message raises; messages.ts says what each flag means to the reader.
import type { CheckBrand } from "./check-brand";
import { scanLinks, type CheckedLink } from "./links";
import { normalizeText, unique } from "./message-text";
import { FLAG_TEXT } from "./messages";
import { RULES, type FlagId, type Severity } from "./rules";

export type { CheckBrand } from "./check-brand";
export type { FlagId, Severity } from "./rules";
export { hostOf, isOfficialHost } from "./links";

export type RedFlag = {
  id: FlagId;
  severity: Severity;
  title: string;
  explanation: string;
  /** The words or links in the message that raised the flag. */
  evidence: string[];
};

export type CheckResult = {
  flags: RedFlag[];
  verdict: "no-flags" | "suspicious" | "likely-scam";
  links: CheckedLink[];
};

export function checkMessage(input: string, brand: CheckBrand): CheckResult {
  const text = normalizeText(input).slice(0, 20_000);
  const message = { text, links: scanLinks(text, brand) };
  const flags: RedFlag[] = [];
  for (const rule of RULES) {
    const evidence = rule.find(message, brand);
    if (!evidence.length) continue;
    flags.push({
      id: rule.id,
      severity: rule.severity,
      ...FLAG_TEXT[rule.id](brand),
      evidence: unique(evidence).slice(0, 5),
    });
  }

  const high = flags.some((flag) => flag.severity === "high");
  const verdict = high || flags.length >= 2 ? "likely-scam" : flags.length === 1 ? "suspicious" : "no-flags";
  return { flags, verdict, links: message.links.all };
}
