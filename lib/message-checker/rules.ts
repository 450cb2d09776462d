// The red flags the message checker looks for, as a table: which flag, how serious it is and what
// in a message raises it. What the reader is told about each flag is in messages.ts.
import type { CheckBrand } from "./check-brand";
import type { LinkFindings } from "./links";
import { sentences, unique } from "./message-text";
import { unofficialPhones } from "./phones";

export type FlagId =
  | "asks-for-code"
  | "asks-for-secret"
  | "urgency"
  | "lookalike-link"
  | "hidden-link"
  | "shortened-link"
  | "unofficial-link"
  | "unofficial-email"
  | "payment"
  | "gift-card"
  | "remote-access"
  | "unofficial-phone"
  | "scam-script";

export type Severity = "high" | "medium";

/** What the rules read: the normalised text, and its links and addresses, scanned once for all of them. */
export type ScannedMessage = { text: string; links: LinkFindings };

export type Rule = {
  id: FlagId;
  severity: Severity;
  /** The sentences, links or numbers that raise the flag; none when the message does not. */
  find: (message: ScannedMessage, brand: CheckBrand) => string[];
};

/** The flags of a result, and so of the page, come in this order. */
export const RULES: readonly Rule[] = [
  { id: "asks-for-code", severity: "high", find: ({ text }) => asksForCode(text) },
  { id: "asks-for-secret", severity: "high", find: ({ text }) => asksForSecret(text) },
  { id: "lookalike-link", severity: "high", find: ({ links }) => links.lookalike },
  { id: "hidden-link", severity: "high", find: ({ links }) => links.hidden },
  { id: "shortened-link", severity: "medium", find: ({ links }) => links.shortened },
  { id: "unofficial-link", severity: "medium", find: ({ links }) => links.unofficial },
  { id: "unofficial-email", severity: "medium", find: ({ links }) => links.unofficialEmails },
  { id: "gift-card", severity: "high", find: ({ text }) => giftCards(text) },
  { id: "payment", severity: "high", find: ({ text }) => payments(text) },
  { id: "remote-access", severity: "high", find: ({ text }) => remoteAccess(text) },
  { id: "unofficial-phone", severity: "medium", find: ({ text }, brand) => unofficialPhones(text, brand) },
  { id: "urgency", severity: "medium", find: ({ text }) => urgency(text) },
  { id: "scam-script", severity: "medium", find: ({ text }) => scriptHits(text) },
];

const SECRET_NOUN = String.raw`(?:(?:one[\s-]?time|verification|security|sign[\s-]?in|login|log[\s-]?in|access|confirmation|authori[sz]ation|6[\s-]?digit|six[\s-]?digit|4[\s-]?digit|otp)\s+)?(?:code|codes|otp|passcode|pin|password|passcode)`;
const SHARE_VERB = String.raw`(?:send|share|tell|give|read|reply|respond|text|forward|provide|confirm|verify|say|repeat|enter|type|submit|quote)`;

const NEGATION =
  /\b(?:never|don'?t|do not|doesn'?t|won'?t|will not|not|no one|nobody|anyone who|shouldn'?t|should not|must not|cannot|can'?t)\b/i;
const IN_PERSON =
  /\b(?:courier|driver|delivery (?:person|partner|agent)|at (?:your|the) door|in person|when (?:they|the courier) hand)/i;
const ON_OFFICIAL_SURFACE =
  /\b(?:in|into|on) (?:the |our )?(?:app|website|site|sign[\s-]?in (?:page|screen)|screen|page)\b/i;

function asksForCode(text: string): string[] {
  const evidence: string[] = [];
  const verbThenNoun = new RegExp(String.raw`\b${SHARE_VERB}\b[^.!?\n]{0,60}\b${SECRET_NOUN}\b`, "i");
  const nounThenVerb = new RegExp(
    String.raw`\b${SECRET_NOUN}\b[^.!?\n]{0,50}\b(?:to (?:me|us|our (?:agent|team|representative))|back to|over the phone|by reply|via reply|to this number|to confirm|to verify|to cancel|to stop|to secure|to unlock|to receive (?:your|the) refund)`,
    "i",
  );
  const replyWithDigits =
    /\breply (?:with|back with)\b[^.!?\n]{0,30}\b(?:the|your)?\s*(?:\d[\s-]?){4,8}\b|\b(?:read|tell) (?:me|us) the (?:\d|six|6|four|4)/i;
  for (const sentence of sentences(text)) {
    if (!(verbThenNoun.test(sentence) || nounThenVerb.test(sentence) || replyWithDigits.test(sentence)))
      continue;
    if (NEGATION.test(sentence) || IN_PERSON.test(sentence)) continue;
    // "Enter this code in the app" is how a real code is used; only sharing it with a person is a flag.
    if (
      /\b(?:enter|type|submit)\b/i.test(sentence) &&
      ON_OFFICIAL_SURFACE.test(sentence) &&
      !/\b(?:me|us|agent|caller|representative)\b/i.test(sentence)
    ) {
      continue;
    }
    if (
      /\b(?:enter|type|submit)\b/i.test(sentence) &&
      !/\b(?:me|us|agent|caller|representative|link|page below|form)\b/i.test(sentence)
    )
      continue;
    evidence.push(sentence);
  }
  return unique(evidence);
}

function asksForSecret(text: string): string[] {
  const pattern =
    /\b(?:card (?:number|details)|cvv|cvc|security number on the back|3 digits on the back|sort code|bank (?:login|details|password)|online banking|pin number|full password|mother'?s maiden name|seed phrase|recovery phrase)\b/i;
  return unique(sentences(text).filter((sentence) => pattern.test(sentence) && !NEGATION.test(sentence)));
}

const URGENCY = [
  /\b(?:urgent|urgently|immediately|right away|right now|act now|as soon as possible|asap)\b/i,
  /\bwithin (?:the next )?\d+\s*(?:hours?|hrs?|minutes?|mins?)\b(?![^.!?\n]*\bcode\b[^.!?\n]*\bexpire)/i,
  /\b(?:today|tonight)\s+only\b|\blast chance\b|\bfinal (?:notice|warning|reminder)\b/i,
  /\b(?:account|card|service|profile|access)\b[^.!?\n]{0,40}\b(?:will be|has been|is being|is|was)\s+(?:suspended|closed|locked|blocked|terminated|deleted|frozen|deactivated|restricted|disabled)\b/i,
  /\b(?:suspended|locked|blocked|frozen|deactivated)\b[^.!?\n]{0,30}\bunless\b/i,
  /\b(?:legal action|arrest|warrant|police|court|prosecut\w*|fine of|penalty|debt collector|bailiff)\b/i,
  /\bfailure to\b|\bor (?:you will|you'll) lose\b|\bavoid (?:suspension|closure|charges|a fee|penalt\w+)\b/i,
];

function urgency(text: string): string[] {
  return unique(
    sentences(text).filter((sentence) => {
      if (!URGENCY.some((pattern) => pattern.test(sentence))) return false;
      // "This code expires in 10 minutes" is a normal code message, not pressure.
      return (
        !/\bcode\b[^.!?\n]*\bexpires?\b|\bexpires? in \d+ minutes\b/i.test(sentence) ||
        /\b(?:suspend|lock|close|police|arrest)\w*/i.test(sentence)
      );
    }),
  );
}

const GIFT_CARD =
  /\b(?:gift ?cards?|itunes|apple (?:gift )?card|google play (?:card|gift)|steam (?:card|wallet)|amazon (?:gift )?card|vouchers?)\b/i;
const CRYPTO =
  /\b(?:bitcoin|btc|crypto(?:currency)?|usdt|tether|ethereum|eth wallet|wallet address|coinbase|binance)\b/i;
const PAYMENT =
  /\b(?:wire transfer|bank transfer|western union|moneygram|pay (?:a|the|an)?\s*(?:small |£|\$|€)?[\w.,]*\s*(?:fee|charge|deposit|fine)|(?:redelivery|customs|release|processing|shipping|unpaid) (?:fee|charge)|safe account|transfer (?:your|the) (?:money|funds|balance)|move your money|(?:£|\$|€)\s?\d+(?:[.,]\d{2})?\s*(?:fee|charge|to (?:release|reschedule|redeliver)))\b/i;

/** Sentences that may ask for money: "we will never ask you to pay" does not, "… unless you pay" does. */
function moneySentences(text: string): string[] {
  return sentences(text).filter((sentence) => !NEGATION.test(sentence) || /\bunless\b/i.test(sentence));
}

function giftCards(text: string): string[] {
  return unique(moneySentences(text).filter((sentence) => GIFT_CARD.test(sentence)));
}

/** Any other way to pay or move money; a sentence about gift cards is evidence for that flag only. */
function payments(text: string): string[] {
  return unique(
    moneySentences(text).filter(
      (sentence) => !GIFT_CARD.test(sentence) && (CRYPTO.test(sentence) || PAYMENT.test(sentence)),
    ),
  );
}

function remoteAccess(text: string): string[] {
  const apps =
    /\b(?:anydesk|teamviewer|quick ?support|quickassist|quick assist|rustdesk|ultraviewer|logmein|splashtop|screen ?shar\w*|remote (?:access|control|support|desktop))\b/i;
  const install =
    /\b(?:install|download)\b[^.!?\n]{0,40}\b(?:app|application|software|program)\b[^.!?\n]{0,40}\b(?:so (?:i|we) can|to (?:help|fix|secure|protect|access|see))/i;
  return unique(
    sentences(text).filter(
      (sentence) => (apps.test(sentence) || install.test(sentence)) && !NEGATION.test(sentence),
    ),
  );
}

// The stories scammers tell most, each with the words that name it in the evidence.
const SCRIPTS: [RegExp, string][] = [
  [
    /\b(?:customer |account |fraud |security )?(?:representative|agent|advisor|specialist)\b/i,
    "a “representative” getting in touch first",
  ],
  [/\brefund\w*\b|\bover ?(?:charged|paid|payment)\b|\bcompensation\b/i, "a refund or overpayment story"],
  [
    /\bsuspicious (?:order|purchase|payment|transaction|charge|login|sign[\s-]?in|activity)\b|\bunauthori[sz]ed (?:order|purchase|payment|transaction|charge)\b/i,
    "a “suspicious order” alarm",
  ],
  [
    /\b(?:you(?:'ve| have)? won|winner|prize|lottery|claim your (?:reward|gift|prize))\b/i,
    "a prize you did not enter for",
  ],
  [
    /\b(?:missed (?:a )?delivery|parcel (?:is )?(?:on hold|held|waiting)|unable to deliver|delivery (?:attempt )?failed|reschedule (?:your )?delivery)\b/i,
    "a missed-delivery story",
  ],
  [
    /\bverify (?:your )?(?:identity|account|details)\b|\bconfirm (?:your )?(?:identity|account|details)\b|\bupdate (?:your )?(?:payment|billing|account) (?:details|information|info)\b/i,
    "a request to “verify” or “update” your details",
  ],
];

function scriptHits(text: string): string[] {
  const hits: string[] = [];
  for (const [pattern, label] of SCRIPTS) {
    const sentence = sentences(text).find(
      (candidate) => pattern.test(candidate) && !NEGATION.test(candidate),
    );
    if (sentence) hits.push(`${label}: “${sentence}”`);
  }
  return hits;
}
