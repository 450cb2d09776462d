// Identifiers in the identity system's style ("cus_…", "evt_…", "flw_…", "dev_…"), unique by
// construction, so no run can produce a duplicate and trip a unique index halfway through a
// million-customer seed. Random-looking ones are a keyed permutation (a 4-round Feistel network)
// of a counter: distinct counters give distinct ids, and the key (from the seed) varies them by seed.

import { mixSeed } from "./random";

// Crockford's base32 alphabet: no I, L, O or U, so ids read aloud or typed back are unambiguous.
export const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

function roundFunction(value: number, key: number, mask: number): number {
  let h = Math.imul(value ^ key, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return (h & mask) >>> 0;
}

/** A bijection on [0, 2^(2 * halfBits)) (halfBits ≤ 25, so results stay exact doubles). */
export function permute(value: number, halfBits: number, key: number): number {
  const half = 2 ** halfBits;
  if (!Number.isSafeInteger(value) || value < 0 || value >= half * half) {
    throw new RangeError(`permute: ${value} is outside [0, 2^${2 * halfBits})`);
  }
  const mask = half - 1;
  let left = Math.floor(value / half);
  let right = value % half;
  for (let round = 0; round < 4; round++) {
    const next = (left ^ roundFunction(right, mixSeed(key, round), mask)) >>> 0;
    left = right;
    right = next;
  }
  return left * half + right;
}

/** Fixed-width Crockford base32 (5 bits per character). */
export function toBase32(value: number, width: number): string {
  let out = "";
  let rest = value;
  for (let i = 0; i < width; i++) {
    out = CROCKFORD.charAt(rest % 32) + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

/**
 * Ids of one kind (prefix) for one seed.
 * - `id(counter)`: random-looking, for customers and devices;
 * - `sequentialId(block, counter)`: sortable like a ULID (block, then counter, then four characters
 *   of noise), for events and flows. The identity system hands them out in order, and so does the
 *   seed: each insert lands at the right edge of the unique index on event_id, where PostgreSQL's
 *   B-tree takes its fast path, instead of on a random leaf page (a measurable share of the cost of
 *   writing ten million attempts).
 */
export class IdMaker {
  private readonly key: number;

  constructor(
    private readonly prefix: string,
    seed: number,
  ) {
    this.key = mixSeed(seed, ...Array.from(prefix, (ch) => ch.charCodeAt(0)));
  }

  /** `prefix_` + 10 characters, unique for counters below 2^50. */
  id(counter: number): string {
    return `${this.prefix}_${toBase32(permute(counter, 25, this.key), 10)}`;
  }

  /** `prefix_` + 14 characters, unique and increasing for block < 2^20 and counter < 2^30. */
  sequentialId(block: number, counter: number): string {
    // The noise only has to look random (the block and counter already make the id unique).
    const noise = (Math.imul(counter ^ this.key, 0x9e3779b1) ^ block) >>> 12;
    return `${this.prefix}_${toBase32(block, 4)}${toBase32(counter, 6)}${toBase32(noise, 4)}`;
  }
}
