// Links and email addresses in a message: where each one really goes, whether it is the company's,
// and how one that is not imitates it. Runs in the reader's browser: nothing beyond the standard URL parser.
import type { CheckBrand } from "./check-brand";
import { unique } from "./message-text";

export type CheckedLink = { url: string; host: string; official: boolean };

/** The links and addresses of a message, sorted by what is wrong with them (the evidence of the link flags). */
export type LinkFindings = {
  /** Every link in the message, official or not. */
  all: CheckedLink[];
  /** Links and email addresses that imitate the company, each followed by how ("… — uses the name …"). */
  lookalike: string[];
  /** Links with user info ("northwind.example@evil.com") or a bare IP address. */
  hidden: string[];
  shortened: string[];
  /** Links to any other site that is not the company's. */
  unofficial: string[];
  /** Email addresses outside the company's email domains. */
  unofficialEmails: string[];
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

export function scanLinks(text: string, brand: CheckBrand): LinkFindings {
  const links: CheckedLink[] = extractLinks(text).map((url) => {
    const host = hostOf(url);
    return { url, host, official: isOfficialHost(host, brand.officialDomains) && !hasUserInfo(url) };
  });
  const lookalike: string[] = [];
  const hidden: string[] = [];
  const shortened: string[] = [];
  const unofficial: string[] = [];
  for (const link of links) {
    if (link.official) continue;
    if (hasUserInfo(link.url) || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(link.host)) hidden.push(link.url);
    else if (SHORTENERS.has(link.host)) shortened.push(link.url);
    else {
      const reason = lookalikeReason(link.host, brand);
      if (reason) lookalike.push(`${link.url} — ${reason}`);
      else unofficial.push(link.url);
    }
  }
  const unofficialEmails: string[] = [];
  for (const match of text.matchAll(EMAIL_PATTERN)) {
    const domain = (match[1] ?? "").toLowerCase();
    if (isOfficialHost(domain, brand.officialEmailDomains)) continue;
    unofficialEmails.push(match[0]);
    const reason = lookalikeReason(domain, brand);
    if (reason) lookalike.push(`${match[0]} — ${reason}`);
  }
  return { all: links, lookalike, hidden, shortened, unofficial, unofficialEmails };
}
