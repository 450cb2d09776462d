// Search keys derived from names, the way the identity system normalises them: lower case, no
// accents, single spaces. "Zoë O'Brien-Müller" becomes "zoe o'brien-muller".

// Letters that Unicode does not decompose into a base letter plus an accent.
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

/** The letters of a name as they can appear in an email address ("O'Brien-Müller" → "obrienmuller"). */
export function toEmailWord(name: string): string {
  return toNameKey(name).replace(/[^a-z]/g, "");
}
