/**
 * A small seeded pseudo-random generator for the Thirty Five planner.
 *
 * The domain must be reproducible (the same seed gives the same deal) and pure, so it never
 * touches `Math.random`. A seed string is hashed into four 32-bit words, which start a
 * xoshiro128** generator. Not for cryptography: the deal only has to be varied and repeatable.
 */

const rotl = (x: number, k: number): number => ((x << k) | (x >>> (32 - k))) >>> 0;

/** Murmur-style 32-bit finaliser: spreads every input bit over the whole word. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash a string into four well-mixed 32-bit words (never all zero). */
export function hashSeed(text: string): [number, number, number, number] {
  let a = 0x243f6a88 ^ text.length;
  let b = 0x85a308d3;
  let c = 0x13198a2e;
  let d = 0x03707344;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    a = Math.imul(a ^ ch, 0x01000193);
    b = Math.imul(rotl(b, 5) ^ ch, 0x5bd1e995);
    c = Math.imul(c ^ (ch + i), 0x27d4eb2f);
    d = rotl(d ^ Math.imul(ch, 0x9e3779b1), 13);
  }
  a = mix32(a ^ d);
  b = mix32(b ^ a);
  c = mix32(c ^ b);
  d = mix32(d ^ c);
  if ((a | b | c | d) === 0) a = 0x9e3779b9;
  return [a, b, c, d];
}

/** A seeded stream of pseudo-random numbers (xoshiro128**). */
export class SeededRandom {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: string) {
    [this.s0, this.s1, this.s2, this.s3] = hashSeed(seed);
    // Discard a few outputs so that similar seeds diverge at once.
    for (let i = 0; i < 8; i++) this.nextUint32();
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.s1 << 9) >>> 0;
    this.s2 = (this.s2 ^ this.s0) >>> 0;
    this.s3 = (this.s3 ^ this.s1) >>> 0;
    this.s1 = (this.s1 ^ this.s2) >>> 0;
    this.s0 = (this.s0 ^ this.s3) >>> 0;
    this.s2 = (this.s2 ^ t) >>> 0;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A float in [0, 1). */
  nextFloat(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [0, bound). `bound` must be a positive integer. */
  nextInt(bound: number): number {
    return Math.floor(this.nextFloat() * bound);
  }

  /** Shuffle `items` in place (Fisher–Yates) and return it. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.nextInt(i + 1);
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }
}
