// A small seeded pseudo-random generator for the demo data's hot loops.
//
// Faker draws names and words; this generator draws the tens of millions of numbers that a large
// seed needs (times, choices, outcomes). Faker's own generator is several times slower per draw,
// and the 1,000,000-customer run makes about a hundred million of them. The algorithm is SFC32
// (Chris Doty-Humphrey's "small fast counting" generator): 128 bits of state, good statistical
// quality, only 32-bit integer operations.

/** Mixes any number of 32-bit inputs into one well-spread 32-bit value (for deriving seeds). */
export function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    // Split so that numbers above 2^32 (chunk offsets, big indices) still change every bit.
    const low = part >>> 0;
    const high = Math.floor(part / 0x1_0000_0000) >>> 0;
    for (const word of [low, high]) {
      h = Math.imul(h ^ word, 0x01000193);
      h ^= h >>> 15;
      h = Math.imul(h, 0x2c1b3c6d);
      h ^= h >>> 12;
    }
  }
  return h >>> 0;
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = mixSeed(seed, 1);
    this.b = mixSeed(seed, 2);
    this.c = mixSeed(seed, 3);
    this.d = 1;
    // The first outputs of a freshly seeded SFC32 are correlated with the seed: discard them.
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.nextUint32() / 0x1_0000_0000;
  }

  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** Uniform real in [min, max). */
  between(min: number, max: number): number {
    return min + this.float() * (max - min);
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.float() * items.length)];
    if (item === undefined) throw new Error("pick() from an empty list");
    return item;
  }

  /** Picks by relative weight: `[[value, weight], ...]`. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of items) total += weight;
    let roll = this.float() * total;
    for (const [value, weight] of items) {
      roll -= weight;
      if (roll < 0) return value;
    }
    const last = items[items.length - 1];
    if (last === undefined) throw new Error("weighted() from an empty list");
    return last[0];
  }

  /** Approximately normal (sum of three uniforms): cheap, bounded, good enough for durations. */
  normalish(mean: number, spread: number): number {
    return mean + (this.float() + this.float() + this.float() - 1.5) * spread;
  }
}
