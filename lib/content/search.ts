// Help-center search: one MiniSearch configuration shared by the build (which serialises the index
// to /search-index.json) and the browser (which loads it and searches without a server round-trip).
// No imports of content or React here: the search island loads this module lazily.
//
// Readers use many words for one thing. Rather than expanding each query into every synonym, both
// sides map a word to one canonical token ("OTP", "passcode", "one-time password" → the token of
// "code"), so those queries are literally the same query. The index keeps each word's own stem too,
// so a typo of a synonym ("pascode") still finds it by fuzzy match.
import MiniSearch, { type Options, type SearchOptions } from "minisearch";

export type SearchDocument = {
  id: string;
  title: string;
  summary: string;
  headings: string;
  body: string;
  tags: string;
  category: string;
};

export type SearchHit = {
  slug: string;
  title: string;
  summary: string;
  category: string;
  score: number;
  /** Index terms that matched, for highlighting. */
  terms: string[];
};

const STOP_WORDS = new Set(
  (
    "a an and are as at be been but by can could did do does for from had has have how i if in into is it its " +
    "me my of on or our so than that the their them then there they this to us was we were what when where " +
    "which who why will with would you your im ive id youre"
  ).split(" "),
);

/**
 * A deliberately small suffix stripper (plural, -ing, -ed, final e, doubled last letter). It only
 * has to be consistent, since the index and the query both go through it: "sharing", "shared" and
 * "share" all become "shar".
 */
export function stemWord(word: string): string {
  let w = word;
  if (w.length <= 3 || /^\d/.test(w)) return w;
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith("ing") && w.length >= 6) w = w.slice(0, -3);
  else if (w.endsWith("ed") && w.length >= 5) w = w.slice(0, -2);
  if (w.endsWith("e") && w.length > 3) w = w.slice(0, -1);
  if (w.length > 3 && w.at(-1) === w.at(-2)) w = w.slice(0, -1);
  return w;
}

/** Words readers use interchangeably; the first word of each group names it. */
export const SYNONYM_GROUPS: string[][] = [
  ["code", "codes", "otp", "otps", "passcode", "passcodes", "totp", "onetimecode"],
  ["text", "texts", "texted", "texting", "sms", "txt", "textmessage"],
  ["call", "calls", "called", "calling", "caller", "callers", "phoned", "rang", "phonecall"],
  ["2fa", "mfa", "2sv", "twostep", "twofactor"],
  [
    "scam",
    "scams",
    "scammer",
    "scammers",
    "scammed",
    "fraud",
    "fraudster",
    "fraudsters",
    "phishing",
    "vishing",
    "smishing",
  ],
  ["hacked", "hack", "hacker", "hackers", "compromised", "breached"],
  ["expired", "expire", "expires", "expiry", "expiring", "timed"],
  ["authenticator", "authenticators", "authentication app"],
  ["email", "emails", "mail", "e-mail"],
  ["phone", "phones", "mobile", "cellphone", "cell", "smartphone"],
  ["representative", "representatives", "rep", "agent", "agents"],
  ["delivery", "deliveries", "parcel", "parcels", "courier", "couriers"],
  ["giftcard", "giftcards", "voucher", "vouchers"],
  ["locked", "lockout", "lock", "locked-out"],
];

const CANONICAL = new Map<string, string>();
for (const group of SYNONYM_GROUPS) {
  const token = stemWord(group[0] ?? "");
  for (const word of group) CANONICAL.set(word, token);
}

/** Phrases that mean one thing; each becomes one word before the text is split. */
const PHRASES: [RegExp, string][] = [
  [/\bone[\s-]?time[\s-]?(?:pass[\s-]?codes?|passwords?|codes?|pins?)\b/g, "onetimecode"],
  [/\bverification codes?\b/g, "code"],
  [/\btext messages?\b/g, "textmessage"],
  [/\bphone calls?\b/g, "phonecall"],
  [/\btwo[\s-]?(?:step|factor)(?:\s+(?:verification|authentication))?\b/g, "twostep"],
  [/\bgift[\s-]?cards?\b/g, "giftcard"],
  [/\bauthentication app\b/g, "authenticator"],
];

function normalize(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "");
}

const SPLIT = /[^a-z0-9]+/;

/** Index side: a phrase keeps its words and gains its canonical word. */
export function tokenizeForIndex(text: string): string[] {
  let normal = normalize(text);
  for (const [pattern, word] of PHRASES) normal = normal.replace(pattern, (match) => `${match} ${word}`);
  return normal.split(SPLIT).filter(Boolean);
}

/** Query side: a phrase is replaced by its canonical word ("one-time password" is not about passwords). */
export function tokenizeForQuery(text: string): string[] {
  let normal = normalize(text);
  for (const [pattern, word] of PHRASES) normal = normal.replace(pattern, word);
  return normal.split(SPLIT).filter(Boolean);
}

/** The single token a word stands for in the index, or null for stop words. */
export function processQueryTerm(term: string): string | null {
  const word = normalize(term);
  if (!word || STOP_WORDS.has(word)) return null;
  return CANONICAL.get(word) ?? stemWord(word);
}

function processIndexTerm(term: string): string[] | null {
  const word = normalize(term);
  if (!word || STOP_WORDS.has(word)) return null;
  const canonical = CANONICAL.get(word);
  const stem = stemWord(word);
  return canonical && canonical !== stem ? [stem, canonical] : [stem];
}

const SEARCH_FIELDS = ["title", "summary", "headings", "body", "tags"] as const;

export const SEARCH_OPTIONS: SearchOptions = {
  boost: { title: 5, tags: 3, summary: 2.5, headings: 2, body: 1 },
  fuzzy: (term) => (term.length > 4 ? 0.2 : false),
  prefix: (term) => term.length >= 3,
  combineWith: "OR",
  tokenize: tokenizeForQuery,
  processTerm: processQueryTerm,
};

export const INDEX_OPTIONS: Options<SearchDocument> = {
  fields: [...SEARCH_FIELDS],
  storeFields: ["title", "summary", "category"],
  tokenize: tokenizeForIndex,
  processTerm: processIndexTerm,
  searchOptions: SEARCH_OPTIONS,
};

export function createSearchIndex(documents: SearchDocument[]): MiniSearch<SearchDocument> {
  const index = new MiniSearch<SearchDocument>(INDEX_OPTIONS);
  index.addAll(documents);
  return index;
}

export function loadSearchIndex(json: string): MiniSearch<SearchDocument> {
  return MiniSearch.loadJSON<SearchDocument>(json, INDEX_OPTIONS);
}

/**
 * The relevance cut-off. MiniSearch scores every document that shares one word with the query, so
 * a plain list answers "20 articles match" for almost anything. A result is shown only when it
 * scores at least `minShare` of the best result's score: the long tail of one-shared-word matches
 * drops off, while close seconds stay. Tuned on lib/content/search-corpus.ts (see its test).
 */
export const RELEVANCE_CUT_OFF = { minShare: 0.3, max: 8 } as const;

export function searchArticles(
  index: MiniSearch<SearchDocument>,
  query: string,
  limit: number = RELEVANCE_CUT_OFF.max,
): SearchHit[] {
  if (!query.trim()) return [];
  const results = index.search(query);
  const best = results[0]?.score ?? 0;
  return results
    .filter((result) => result.score >= best * RELEVANCE_CUT_OFF.minShare)
    .slice(0, limit)
    .map((result) => ({
      slug: String(result.id),
      title: String(result.title),
      summary: String(result.summary),
      category: String(result.category),
      score: result.score,
      terms: result.terms,
    }));
}

export type HighlightSegment = { text: string; match: boolean };

/** Splits text into plain and matching runs: a word matches when it processes to a matched term. */
export function highlightTerms(text: string, terms: string[]): HighlightSegment[] {
  const wanted = new Set(terms);
  const segments: HighlightSegment[] = [];
  const push = (piece: string, match: boolean) => {
    const last = segments.at(-1);
    if (last && last.match === match) last.text += piece;
    else segments.push({ text: piece, match });
  };
  for (const piece of text.split(/([A-Za-z0-9À-ɏ'’]+)/)) {
    if (!piece) continue;
    const isWord = /[A-Za-z0-9]/.test(piece);
    const processed = isWord ? processIndexTerm(piece) : null;
    push(piece, Boolean(processed?.some((term) => wanted.has(term))));
  }
  return segments;
}
