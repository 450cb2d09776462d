// Report references like "SR-4KX9-2M7Q": what a reporter quotes when they call back. Crockford's
// base32 alphabet (no I, L, O or U) so a reference read out over the phone cannot be misheard as
// another; 40 random bits, so references cannot be guessed or enumerated.
//
// Web Crypto rather than node:crypto: the report forms import this module's pattern and
// normaliser in the browser, and node:crypto there pulls a 580 kB polyfill that calls eval.

export const REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const REFERENCE_PATTERN = /^SR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** An unbiased integer in [0, max) from the platform's CSPRNG (max ≤ 256). */
function secureRandomBelow(max: number): number {
  const limit = 256 - (256 % max);
  const byte = new Uint8Array(1);
  do crypto.getRandomValues(byte);
  while ((byte[0] ?? 255) >= limit);
  return (byte[0] ?? 0) % max;
}

export function generateReference(random: (max: number) => number = secureRandomBelow): string {
  let chars = "";
  for (let index = 0; index < 8; index++) chars += REFERENCE_ALPHABET[random(REFERENCE_ALPHABET.length)];
  return `SR-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/**
 * A reference as a person might type it ("sr 4kx9 2m7q", "SR-4KX9-2M7O"), in canonical form, or
 * null. Letters that Crockford's alphabet leaves out are read as the digits they look like.
 */
export function normaliseReference(raw: string): string | null {
  const compact = raw
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/^SR/, "")
    .replace(/[IL]/g, "1")
    .replace(/O/g, "0");
  if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(compact)) return null;
  return `SR-${compact.slice(0, 4)}-${compact.slice(4)}`;
}
