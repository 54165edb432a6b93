import { InvalidArgumentError } from './errors/invalid-argument-error.js';

const MASK64 = (1n << 64n) - 1n;
// Jump polynomial of xoshiro128** for 2^64 steps (Blackman & Vigna, "Scrambled linear
// pseudorandom number generators", 2021, reference code xoshiro128starstar.c).
const JUMP = [0x8764000b, 0xf542d2d3, 0x6fa035c3, 0x77f2db5b] as const;

function splitmix64(state: { x: bigint }): bigint {
  state.x = (state.x + 0x9e3779b97f4a7c15n) & MASK64;
  let z = state.x;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return z ^ (z >> 31n);
}

/**
 * Checks a user seed (a non-negative safe integer) and returns it; throws an InvalidArgumentError otherwise.
 *
 * @example
 * checkSeed(42) // => 42
 */
export function checkSeed(seed: unknown, argument = 'seed'): number {
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0) {
    throw new InvalidArgumentError({ argument, expected: 'a non-negative safe integer', actual: seed });
  }
  return seed;
}

/**
 * A seeded pseudorandom generator: xoshiro128** (Blackman & Vigna), 128 bits of state, period
 * 2^128 - 1, seeded through SplitMix64 as its authors recommend. Fast in JavaScript because all
 * its arithmetic is 32-bit. {@link Random.split} hands out independent streams (non-overlapping
 * blocks of 2^64 outputs). There is no global instance: every consumer takes a seed or a `Random`.
 *
 * @example
 * const a = Random.fromSeed(42);
 * const b = Random.fromSeed(42);
 * a.next() === b.next() // => true
 */
export class Random {
  // State in a typed array: plain number fields would hold most 32-bit words as heap numbers and
  // allocate on every draw.
  private readonly s: Uint32Array;

  private constructor(s0: number, s1: number, s2: number, s3: number) {
    this.s = Uint32Array.of(s0, s1, s2, s3);
    if ((this.s[0]! | this.s[1]! | this.s[2]! | this.s[3]!) === 0) {
      throw new InvalidArgumentError({
        argument: 'Random state',
        expected: 'four 32-bit words, not all zero',
        actual: [0, 0, 0, 0],
      });
    }
  }

  /** A generator seeded from a non-negative safe integer. O(1). */
  static fromSeed(seed: number): Random {
    const state = { x: BigInt(checkSeed(seed)) };
    const a = splitmix64(state);
    const b = splitmix64(state);
    return new Random(Number(a & 0xffffffffn), Number(a >> 32n), Number(b & 0xffffffffn), Number(b >> 32n));
  }

  /** A generator continuing from a state returned by {@link Random.state}. O(1). */
  static fromState(state: ArrayLike<number>): Random {
    if (state.length !== 4) {
      throw new InvalidArgumentError({
        argument: 'Random.fromState(state)',
        expected: 'four 32-bit words',
        actual: state,
      });
    }
    return new Random(state[0]!, state[1]!, state[2]!, state[3]!);
  }

  /** The four state words, to save and later resume with {@link Random.fromState}. */
  state(): Uint32Array {
    return this.s.slice();
  }

  /** An independent copy with the same state (it will produce the same numbers). */
  clone(): Random {
    const s = this.s;
    return new Random(s[0]!, s[1]!, s[2]!, s[3]!);
  }

  /** The next 32 random bits as an unsigned integer in [0, 2^32). O(1). */
  nextUint32(): number {
    const s = this.s;
    const s0 = s[0]!;
    const s1 = s[1]!;
    const r = Math.imul(s1, 5);
    const result = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
    const s2 = s[2]! ^ s0;
    const s3 = s[3]! ^ s1;
    s[1] = s1 ^ s2;
    s[0] = s0 ^ s3;
    s[2] = s2 ^ (s1 << 9);
    s[3] = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  /** A uniform double in [0, 1) with 53 random bits. O(1). */
  next(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** A uniform double in [lower, upper). O(1). */
  uniform(lower: number, upper: number): number {
    return lower + (upper - lower) * this.next();
  }

  /**
   * A uniform integer in [0, n), without modulo bias, for 1 <= n <= 2^32. O(1) expected.
   *
   * @example
   * Random.fromSeed(1).int(6) < 6 // => true
   */
  int(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 4294967296) {
      throw new InvalidArgumentError({
        argument: 'Random.int(n)',
        expected: 'an integer in [1, 2^32]',
        actual: n,
      });
    }
    // Reject the top partial block so every residue is equally likely.
    const limit = 4294967296 - (4294967296 % n);
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return x % n;
  }

  /** A standard normal deviate scaled to `mean` and `sd` (Box-Muller, no cached pair). O(1). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next(); // (0, 1]: log stays finite
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Shuffles `array` in place (Fisher-Yates) and returns it. O(n). */
  shuffle<T extends { length: number; [i: number]: unknown }>(array: T): T {
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = array[i];
      array[i] = array[j];
      array[j] = tmp;
    }
    return array;
  }

  /** A uniformly random permutation of 0 .. n-1. O(n). */
  permutation(n: number): Int32Array {
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    return this.shuffle(p);
  }

  /** Advances the state by 2^64 outputs in O(128) steps. */
  jump(): void {
    const s = this.s;
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    for (const word of JUMP) {
      for (let bit = 0; bit < 32; bit++) {
        if ((word >>> bit) & 1) {
          a ^= s[0]!;
          b ^= s[1]!;
          c ^= s[2]!;
          d ^= s[3]!;
        }
        this.nextUint32();
      }
    }
    s[0] = a;
    s[1] = b;
    s[2] = c;
    s[3] = d;
  }

  /**
   * An independent stream: the child continues this generator's current block of 2^64 outputs,
   * and this generator jumps to the next block, so the two never overlap. O(128).
   *
   * @example
   * const root = Random.fromSeed(7);
   * const [a, b] = [root.split(), root.split()]; // two non-overlapping streams
   */
  split(): Random {
    const child = this.clone();
    this.jump();
    return child;
  }
}

/**
 * A generator from a seed, or the given generator itself.
 *
 * @example
 * toRandom(5).next() === Random.fromSeed(5).next() // => true
 */
export function toRandom(source: number | Random, argument = 'seed'): Random {
  if (source instanceof Random) return source;
  return Random.fromSeed(checkSeed(source, argument));
}
