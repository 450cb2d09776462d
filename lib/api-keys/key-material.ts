// API key material: generation, parsing, hashing and comparison. Pure (no database), so scripts and
// end-to-end tests that arrange keys directly in the database use exactly the same format.
//
// Format: asd_<prefix>_<secret>
//   prefix  8 characters [a-z0-9]: public, unique, shown in the console, finds the key's row;
//   secret  43 characters base64url (32 random bytes).
// Stored: the prefix and the SHA-256 of the whole key. Keys carry 256 bits of randomness, so a fast
// hash is enough (nobody can guess their way to a preimage); no salt or slow KDF is needed.
import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

export const API_KEY_PATTERN = /^asd_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

const PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
const PREFIX_LENGTH = 8;

export type ApiKeyMaterial = {
  /** The whole key: shown to the admin once, never stored. */
  key: string;
  prefix: string;
  /** Hex SHA-256 of `key`. */
  secretHash: string;
};

export function generateApiKey(): ApiKeyMaterial {
  let prefix = "";
  for (let i = 0; i < PREFIX_LENGTH; i++) prefix += PREFIX_ALPHABET[randomInt(PREFIX_ALPHABET.length)];
  const key = `asd_${prefix}_${randomBytes(32).toString("base64url")}`;
  return { key, prefix, secretHash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** The prefix of a well-formed key, or null for anything else. */
export function parseApiKey(value: string): { key: string; prefix: string } | null {
  const match = API_KEY_PATTERN.exec(value);
  return match?.[1] ? { key: value, prefix: match[1] } : null;
}

/**
 * The key from an `Authorization: Bearer <key>` header value, or null when the header is absent or
 * not a bearer credential. The scheme is case-insensitive (RFC 9110).
 */
export function bearerToken(authorization: string | null): string | null {
  if (!authorization) return null;
  const match = /^Bearer +(\S+) *$/i.exec(authorization);
  return match?.[1] ?? null;
}

// Compared against when there is no stored hash (unknown prefix), so that path does the same work.
const UNKNOWN_KEY_HASH = hashApiKey("asd_00000000_unknown-key-placeholder-never-issued-000000000");

/**
 * Whether `key` hashes to `storedHash`, comparing the digests in constant time. Both digests have
 * the same length whatever the input, so timingSafeEqual never throws on length.
 */
export function apiKeyMatches(key: string, storedHash: string | null): boolean {
  const presented = Buffer.from(hashApiKey(key), "hex");
  const stored = Buffer.from(storedHash ?? UNKNOWN_KEY_HASH, "hex");
  if (stored.length !== presented.length) return false;
  return timingSafeEqual(presented, stored) && storedHash !== null;
}
