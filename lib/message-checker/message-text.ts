// The message as the rules read it: one sentence at a time, with the typography phones add undone.

export function normalizeText(text: string): string {
  // Curly quotes and odd spaces that phones insert.
  return text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[\u00a0\u2000-\u200b]/g, " ");
}

export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

export function unique(values: string[]): string[] {
  return [...new Set(values.map((value) => value.trim()).filter(Boolean))];
}
