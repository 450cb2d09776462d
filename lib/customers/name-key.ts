// The key customer names are searched by (customers.name_key): lower case, no accents, single
// spaces, and the few letters that do not decompose spelled out, so "Jürgen Weiß" is found by
// typing "jurgen weiss". Everything that writes customers (demo data, ingest) uses this function.
const SPECIAL_LETTERS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ı: "i",
  þ: "th",
};

export function toNameKey(fullName: string): string {
  return fullName
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[ßæœøłđıþ]/g, (letter) => SPECIAL_LETTERS[letter] ?? letter)
    .replace(/\s+/g, " ")
    .trim();
}
