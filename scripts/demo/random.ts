/**
 * Deterministic, random-access pseudo-randomness: every value is a pure function of a seed, a key
 * and a position, so the backfill and the live exporter compute the same number for the same
 * moment without replaying a sequential generator.
 */

/** 32-bit FNV-1a hash of a string. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The mulberry32 output function: mixes one 32-bit state into a uniform number in [0, 1). */
function mix(state: number): number {
  let t = (state + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A seeded source of uniform numbers in [0, 1) addressed by an integer position. */
export type RandomStream = (position: number) => number;

/** One independent stream per (seed, key). */
export function randomStream(seed: number, key: string): RandomStream {
  const base = hashString(`${seed}:${key}`);
  return (position) => mix(base ^ Math.imul(position | 0, 0x9e3779b1) ^ ((position / 4294967296) | 0));
}

/**
 * Smooth noise in [-1, 1]: random values at knots `periodSeconds` apart, joined by cosine
 * interpolation, so a series wanders instead of jittering.
 */
export function smoothNoise(stream: RandomStream, timeSeconds: number, periodSeconds: number): number {
  const position = timeSeconds / periodSeconds;
  const knot = Math.floor(position);
  const fraction = position - knot;
  const weight = (1 - Math.cos(Math.PI * fraction)) / 2;
  const from = stream(knot) * 2 - 1;
  const to = stream(knot + 1) * 2 - 1;
  return from * (1 - weight) + to * weight;
}

/** Rounds `value` up or down with probability given by its fraction, so sums stay unbiased. */
export function stochasticRound(value: number, uniform: number): number {
  const floor = Math.floor(value);
  return floor + (uniform < value - floor ? 1 : 0);
}
