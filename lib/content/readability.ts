// Flesch–Kincaid grade level: 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59.
// The content brief asks for grade 8 or lower; lib/content/content.test.ts holds every article to it.

/** Vowel-group syllable estimate, with the usual English corrections (silent e, -le, -ed). */
export function countSyllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, "");
  if (!w) return 0;
  if (w.length <= 3) return 1;
  const trimmed = w
    .replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, (m) => m.slice(0, 1))
    .replace(/^y/, "");
  const groups = trimmed.match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups?.length ?? 1);
}

export type ReadabilityStats = { words: number; sentences: number; syllables: number; grade: number };

export function fleschKincaid(text: string): ReadabilityStats {
  const sentences = text
    .split(/[.!?]+(?:["”’)]+)?(?:\s+|$)|\n+/)
    .map((s) => s.trim())
    .filter((s) => /[A-Za-z0-9]/.test(s));
  // Numbers, times and codes ("10", "7726") are read as one word of one or two syllables.
  const words = text.match(/[A-Za-z0-9][A-Za-z0-9'’-]*/g) ?? [];
  const syllables = words.reduce((sum, word) => sum + (/^\d/.test(word) ? 1 : countSyllables(word)), 0);
  const wordCount = words.length;
  const sentenceCount = Math.max(1, sentences.length);
  const grade =
    wordCount === 0 ? 0 : 0.39 * (wordCount / sentenceCount) + 11.8 * (syllables / wordCount) - 15.59;
  return { words: wordCount, sentences: sentenceCount, syllables, grade: Math.round(grade * 10) / 10 };
}
