// Phone numbers in a message that are not the company's support number. Order and reference
// numbers are told apart from phone numbers by the words in front of them.
import type { CheckBrand } from "./check-brand";
import { unique } from "./message-text";

function digitsOf(value: string): string {
  return value.replace(/\D/g, "");
}

/** The last nine or more significant digits, so "+44 20 7946 0321" and "020 7946 0321" compare equal. */
function phoneKey(value: string): string {
  const digits = digitsOf(value).replace(/^00/, "");
  return digits.slice(-9);
}

export function unofficialPhones(text: string, brand: CheckBrand): string[] {
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
