// "Check a message": red flags in a pasted text or email. Pure functions, run in the reader's
// browser only (the text is never sent anywhere). Rules look for what scams need from a victim —
// a code, a payment, a click on a fake link, a call to a fake number, urgency — and stay quiet on
// genuine code messages ("Your code is 123456. Never share it.").

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

export type RedFlag = {
  id: FlagId;
  severity: Severity;
  title: string;
  explanation: string;
  /** The words or links in the message that raised the flag. */
  evidence: string[];
};

export type CheckBrand = {
  companyName: string;
  officialDomains: string[];
  officialEmailDomains: string[];
  supportPhone: string;
};

export type CheckResult = {
  flags: RedFlag[];
  verdict: "no-flags" | "suspicious" | "likely-scam";
  links: { url: string; host: string; official: boolean }[];
};

const SHORTENERS = new Set(
  "bit.ly tinyurl.com t.co goo.gl ow.ly is.gd buff.ly rebrand.ly cutt.ly shorturl.at tiny.cc rb.gy t.ly bl.ink s.id v.gd lnkd.in qrco.de shorte.st adf.ly tr.im".split(
    " ",
  ),
);

// Common top-level domains, so that "sentence.Next" is not read as a link but "evil.com" is.
const TLDS = new Set(
  (
    "com net org info biz co io app xyz top site online live shop store club vip link click help support " +
    "example uk us de fr es it nl be eu ru cn in au ca ie nz za ng br mx jp kr sg hk tk ml ga cf gq me tv cc ly gl gd at ch se no dk fi pl pt ro cz hu gr tr ua"
  ).split(" "),
);

const URL_PATTERN =
  /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+|\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:xn--[a-z0-9-]+|[a-z]{2,24})(?::\d{2,5})?(?:\/[^\s<>"')\]]*)?/gi;
const EMAIL_PATTERN = /\b[a-z0-9._%+-]+@((?:[a-z0-9-]+\.)+[a-z]{2,24})\b/gi;

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

function unique(values: string[]): string[] {
  return [...new Set(values.map((value) => value.trim()).filter(Boolean))];
}

function normalizeText(text: string): string {
  // Curly quotes and odd spaces that phones insert.
  return text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[\u00a0\u2000-\u200b]/g, " ");
}

/** Host of a URL-ish string, lower-case, without "www." or port; "" if none. */
export function hostOf(raw: string): string {
  let candidate = raw.trim().replace(/[.,;:!?]+$/, "");
  if (!/^https?:\/\//i.test(candidate)) candidate = `http://${candidate}`;
  try {
    return new URL(candidate).hostname
      .toLowerCase()
      .replace(/^www\./, "")
      .replace(/\.$/, "");
  } catch {
    return "";
  }
}

/** Raw authority part before the host, for spotting "https://northwind.example@evil.com". */
function hasUserInfo(raw: string): boolean {
  const authority = raw.replace(/^https?:\/\//i, "").split(/[/?#]/)[0] ?? "";
  return authority.includes("@");
}

export function isOfficialHost(host: string, officialDomains: string[]): boolean {
  return officialDomains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}

/** Digit look-alikes scammers swap in: n0rthw1nd → northwind. */
function unLeet(value: string): string {
  return value
    .replace(/0/g, "o")
    .replace(/1/g, "l")
    .replace(/3/g, "e")
    .replace(/5/g, "s")
    .replace(/rn/g, "m")
    .replace(/vv/g, "w");
}

/** Why a non-official host imitates the brand, or undefined if it does not. */
function lookalikeReason(host: string, brand: CheckBrand): string | undefined {
  if (host.includes("xn--") || /[^ -~]/.test(host))
    return "uses look-alike letters from other alphabets (punycode)";
  const labels = host.split(".");
  for (const domain of brand.officialDomains) {
    const brandLabel = domain.split(".")[0] ?? domain;
    // northwind.example.evil.com: the real name sits at the front of someone else's domain.
    if (host.startsWith(`${domain}.`) || host.includes(`.${domain}.`))
      return `starts with ${domain} but belongs to another site`;
    if (labels.some((label) => label.includes(brandLabel)))
      return `uses the name “${brandLabel}” but is not ${domain}`;
    if (
      labels.some(
        (label) =>
          label.length >= 4 && (unLeet(label) === brandLabel || levenshtein(unLeet(label), brandLabel) <= 2),
      )
    ) {
      return `is spelled like ${domain} but is a different site`;
    }
  }
  const companyWord = brand.companyName.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (companyWord.length >= 5 && host.replace(/[^a-z0-9]/g, "").includes(companyWord))
    return `uses the name “${brand.companyName}”`;
  return undefined;
}

function extractLinks(text: string): string[] {
  const withoutEmails = text.replace(EMAIL_PATTERN, " ");
  const found: string[] = [];
  for (const match of withoutEmails.matchAll(URL_PATTERN)) {
    const raw = match[0].replace(/[.,;:!?]+$/, "");
    const explicit = /^(?:https?:\/\/|www\.)/i.test(raw);
    const host = hostOf(raw);
    if (!host) continue;
    const tld = host.split(".").at(-1) ?? "";
    const ip = /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host);
    if (!explicit && !ip && !TLDS.has(tld) && !tld.startsWith("xn--")) continue;
    // "e.g." and "i.e." and decimals are not links.
    if (!explicit && /^(?:e\.g|i\.e|etc)$/i.test(raw)) continue;
    found.push(raw);
  }
  return unique(found);
}

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

function payment(text: string): { payment: string[]; giftCard: string[] } {
  const gift =
    /\b(?:gift ?cards?|itunes|apple (?:gift )?card|google play (?:card|gift)|steam (?:card|wallet)|amazon (?:gift )?card|vouchers?)\b/i;
  const crypto =
    /\b(?:bitcoin|btc|crypto(?:currency)?|usdt|tether|ethereum|eth wallet|wallet address|coinbase|binance)\b/i;
  const pay =
    /\b(?:wire transfer|bank transfer|western union|moneygram|pay (?:a|the|an)?\s*(?:small |£|\$|€)?[\w.,]*\s*(?:fee|charge|deposit|fine)|(?:redelivery|customs|release|processing|shipping|unpaid) (?:fee|charge)|safe account|transfer (?:your|the) (?:money|funds|balance)|move your money|(?:£|\$|€)\s?\d+(?:[.,]\d{2})?\s*(?:fee|charge|to (?:release|reschedule|redeliver)))\b/i;
  const paymentEvidence: string[] = [];
  const giftEvidence: string[] = [];
  for (const sentence of sentences(text)) {
    if (NEGATION.test(sentence) && !/\bunless\b/i.test(sentence)) continue;
    if (gift.test(sentence)) giftEvidence.push(sentence);
    else if (crypto.test(sentence) || pay.test(sentence)) paymentEvidence.push(sentence);
  }
  return { payment: unique(paymentEvidence), giftCard: unique(giftEvidence) };
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

function digitsOf(value: string): string {
  return value.replace(/\D/g, "");
}

/** The last nine or more significant digits, so "+44 20 7946 0321" and "020 7946 0321" compare equal. */
function phoneKey(value: string): string {
  const digits = digitsOf(value).replace(/^00/, "");
  return digits.slice(-9);
}

function unofficialPhones(text: string, brand: CheckBrand): string[] {
  const official = phoneKey(brand.supportPhone);
  const found: string[] = [];
  const pattern = /(?:\+|\b)\d[\d\s().-]{7,18}\d\b/g;
  for (const match of text.matchAll(pattern)) {
    const raw = match[0].trim();
    const digits = digitsOf(raw);
    if (digits.length < 9 || digits.length > 15) continue;
    // Order numbers and reference numbers have a label in front; phone numbers have a call word or a +/0.
    const before = text.slice(Math.max(0, (match.index ?? 0) - 40), match.index).toLowerCase();
    const looksLikePhone =
      /^(?:\+|0)/.test(raw) ||
      /\b(?:call|phone|ring|dial|contact|tel|telephone|helpline|hotline|number|whatsapp|text)\b/.test(before);
    if (
      /\b(?:order|ref|reference|tracking|account|invoice|case|ticket)\s*(?:no\.?|number|#)?\s*:?\s*#?$/.test(
        before.trim(),
      )
    )
      continue;
    if (!looksLikePhone) continue;
    if (phoneKey(raw) === official) continue;
    found.push(raw);
  }
  return unique(found);
}

export function checkMessage(input: string, brand: CheckBrand): CheckResult {
  const text = normalizeText(input).slice(0, 20_000);
  const flags: RedFlag[] = [];
  const add = (flag: Omit<RedFlag, "evidence">, evidence: string[]) => {
    if (evidence.length) flags.push({ ...flag, evidence: unique(evidence).slice(0, 5) });
  };
  const company = brand.companyName;

  add(
    {
      id: "asks-for-code",
      severity: "high",
      title: "It asks you to share a code",
      explanation: `${company} will never ask you to read out, send or reply with a code. Anyone who asks is trying to get into your account.`,
    },
    asksForCode(text),
  );
  add(
    {
      id: "asks-for-secret",
      severity: "high",
      title: "It asks for your password, card or bank details",
      explanation: `${company} never asks for your password, PIN, full card number or bank login by text, email or phone.`,
    },
    asksForSecret(text),
  );

  const links = extractLinks(text).map((url) => {
    const host = hostOf(url);
    return { url, host, official: isOfficialHost(host, brand.officialDomains) && !hasUserInfo(url) };
  });
  const lookalike: string[] = [];
  const hidden: string[] = [];
  const shortened: string[] = [];
  const other: string[] = [];
  for (const link of links) {
    if (link.official) continue;
    if (hasUserInfo(link.url) || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(link.host)) hidden.push(link.url);
    else if (SHORTENERS.has(link.host)) shortened.push(link.url);
    else {
      const reason = lookalikeReason(link.host, brand);
      if (reason) lookalike.push(`${link.url} — ${reason}`);
      else other.push(link.url);
    }
  }
  const emails: string[] = [];
  for (const match of text.matchAll(EMAIL_PATTERN)) {
    const domain = (match[1] ?? "").toLowerCase();
    if (isOfficialHost(domain, brand.officialEmailDomains)) continue;
    emails.push(match[0]);
    const reason = lookalikeReason(domain, brand);
    if (reason) lookalike.push(`${match[0]} — ${reason}`);
  }

  const officialList = brand.officialDomains.join(" or ");
  add(
    {
      id: "lookalike-link",
      severity: "high",
      title: "A link or address pretends to be ours",
      explanation: `Our only website is ${officialList}. These links imitate it to steal what you type.`,
    },
    lookalike,
  );
  add(
    {
      id: "hidden-link",
      severity: "high",
      title: "A link hides where it really goes",
      explanation: "A link with an “@” in it, or made of numbers, takes you somewhere other than it seems.",
    },
    hidden,
  );
  add(
    {
      id: "shortened-link",
      severity: "medium",
      title: "A shortened link hides where it goes",
      explanation: `We don’t send shortened links. Go to ${officialList} yourself instead of tapping.`,
    },
    shortened,
  );
  add(
    {
      id: "unofficial-link",
      severity: "medium",
      title: "A link goes to a site that isn’t ours",
      explanation: `Our website is ${officialList}. Don’t sign in or pay on any other site a message sends you to.`,
    },
    other,
  );

  add(
    {
      id: "unofficial-email",
      severity: "medium",
      title: "An email address isn’t ours",
      explanation: `Our emails only come from addresses ending in @${brand.officialEmailDomains[0] ?? ""}. A different address means someone else sent it.`,
    },
    emails,
  );

  const money = payment(text);
  add(
    {
      id: "gift-card",
      severity: "high",
      title: "It asks for gift cards",
      explanation: "No real company or government takes payment in gift cards. This is always a scam.",
    },
    money.giftCard,
  );
  add(
    {
      id: "payment",
      severity: "high",
      title: "It asks you to pay or move money",
      explanation: `${company} never asks you to pay a fee, move money to a “safe account”, or pay in crypto from a message or call.`,
    },
    money.payment,
  );
  add(
    {
      id: "remote-access",
      severity: "high",
      title: "It asks you to install an app or share your screen",
      explanation:
        "Remote-access apps let a scammer see and control your phone or computer. We never ask you to install one.",
    },
    remoteAccess(text),
  );
  add(
    {
      id: "unofficial-phone",
      severity: "medium",
      title: "It gives a phone number that isn’t ours",
      explanation: `Our support number is ${brand.supportPhone}. Don’t call a number from a message: look ours up yourself.`,
    },
    unofficialPhones(text, brand),
  );
  add(
    {
      id: "urgency",
      severity: "medium",
      title: "It rushes or threatens you",
      explanation:
        "Scammers create panic so you act before you think. A real problem can wait while you check.",
    },
    urgency(text),
  );
  add(
    {
      id: "scam-script",
      severity: "medium",
      title: "It follows a common scam story",
      explanation:
        "These stories are the scripts scammers use most. On their own they prove nothing, but with other flags they are a warning.",
    },
    scriptHits(text),
  );

  const high = flags.some((flag) => flag.severity === "high");
  const verdict = high || flags.length >= 2 ? "likely-scam" : flags.length === 1 ? "suspicious" : "no-flags";
  return { flags, verdict, links };
}
