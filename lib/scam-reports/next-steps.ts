// What to do next, tailored to what the reporter told us: the confirmation page shows these.
// Plain data (title, words, links) so the page stays a dumb renderer and the rules are unit-tested.
import type { ScamAsk } from "@/lib/generated/prisma/enums";

export type NextStepFacts = { asks: readonly ScamAsk[]; sharedSomething: boolean; lostMoney: boolean };

export type NextStep = {
  key: string;
  urgent: boolean;
  title: string;
  body: string;
  links: { href: string; label: string }[];
};

const HACKED = { href: "/help/hacked-account-checklist", label: "Hacked account checklist" };
const FAKE_CALLS = {
  href: "/help/calls-from-a-fake-representative",
  label: "Calls from a fake representative",
};
const REPORT = { href: "/help/report-a-scam", label: "How to report a scam" };

export function buildNextSteps(facts: NextStepFacts): NextStep[] {
  const asked = new Set(facts.asks);
  const steps: NextStep[] = [];
  const shared = facts.sharedSomething;

  if (shared && (asked.has("ONE_TIME_CODE") || asked.has("PASSWORD"))) {
    steps.push({
      key: "secure-account",
      urgent: true,
      title: asked.has("ONE_TIME_CODE")
        ? "You may have shared a code: change your password now"
        : "You may have shared your password: change it now",
      body:
        "Anyone with your password and a code can sign in as you. Change your password now, sign out of every other device, " +
        "and check that the phone number and email on your account are still yours. If you cannot sign in any more, call us: " +
        "we can lock the account while we help you get it back.",
      links: [HACKED],
    });
  }
  if (shared && asked.has("REMOTE_ACCESS_APP")) {
    steps.push({
      key: "remote-access",
      urgent: true,
      title: "If you installed an app for them, disconnect it",
      body:
        "Turn off the device's internet connection, uninstall the app they asked for, and run your security software. " +
        "Then change your passwords from a different device, starting with email, banking and this account.",
      links: [HACKED],
    });
  }
  if (facts.lostMoney || (shared && (asked.has("CARD_OR_BANK_DETAILS") || asked.has("MONEY_TRANSFER")))) {
    steps.push({
      key: "bank",
      urgent: true,
      title: "Call your bank or card provider now",
      body:
        "Use the number on the back of your card or on the bank's own website, not a number the caller gave you. " +
        "Banks can sometimes stop or recover a payment, but only if they hear about it quickly.",
      links: [],
    });
  }
  if (shared && asked.has("GIFT_CARDS")) {
    steps.push({
      key: "gift-cards",
      urgent: true,
      title: "Contact the gift card company",
      body:
        "Call the company that issued the gift cards, with the card numbers and your receipts. If the cards have not been spent yet, " +
        "they may be able to freeze them. Keep the receipts: the police and your bank may ask for them.",
      links: [],
    });
  }
  if (shared && asked.has("PERSONAL_DETAILS")) {
    steps.push({
      key: "personal-details",
      urgent: false,
      title: "Watch for follow-up scams",
      body:
        "Scammers who have your details often call again, sounding more convincing because they know things about you. " +
        "Be wary of anyone who contacts you about this scam offering to help, especially to recover money.",
      links: [FAKE_CALLS],
    });
  }
  if (!shared) {
    steps.push({
      key: "well-done",
      urgent: false,
      title: "You did the right thing by not sharing anything",
      body:
        "We will never call, text or email to ask for a one-time code, your password or card details. " +
        "Block the number, and if they contact you again, hang up: you do not need to be polite to a scammer.",
      links: [FAKE_CALLS],
    });
  }
  steps.push({
    key: "keep-evidence",
    urgent: false,
    title: "Keep the evidence",
    body: "Keep the texts, emails, call log entries and any receipts. Write down what you remember while it is fresh: the police or your bank may ask.",
    links: [REPORT],
  });
  return steps;
}

export type AuthorityAdvice = { region: string; items: { name: string; how: string; href: string | null }[] };

/** Where to report to national authorities, in our own words. Shown whatever was reported. */
export const NATIONAL_AUTHORITIES: readonly AuthorityAdvice[] = [
  {
    region: "United Kingdom",
    items: [
      {
        name: "Action Fraud",
        how: "The UK's national reporting centre for fraud and cybercrime (England, Wales and Northern Ireland). Report online or by phone on 0300 123 2040. In Scotland, call Police Scotland on 101.",
        href: "https://www.actionfraud.police.uk/",
      },
      {
        name: "7726",
        how: 'Forward a scam text to 7726 (it spells SPAM on a keypad) for free. Your mobile network uses these reports to block the sender. You can report a scam call by texting 7726 with the word "call" and the number.',
        href: null,
      },
    ],
  },
  {
    region: "United States",
    items: [
      {
        name: "Federal Trade Commission",
        how: "Report fraud and scams to the FTC at ReportFraud.ftc.gov. If your identity was used, also go to IdentityTheft.gov for a recovery plan.",
        href: "https://reportfraud.ftc.gov/",
      },
      {
        name: "7726",
        how: "Forward scam texts to 7726 (SPAM) for free: most US carriers accept them too.",
        href: null,
      },
    ],
  },
];
