/**
 * XXH64 with seed 0 (github.com/cespare/xxhash, which Prometheus's labels.Hash uses), on BigInt:
 * only a handful of short inputs are hashed (a group's name and file), so speed does not matter.
 */

const MASK = (1n << 64n) - 1n;
const P1 = 0x9e3779b185ebca87n;
const P2 = 0xc2b2ae3d27d4eb4fn;
const P3 = 0x165667b19e3779f9n;
const P4 = 0x85ebca77c2b2ae63n;
const P5 = 0x27d4eb2f165667c5n;

function rotl(value: bigint, bits: bigint): bigint {
  return ((value << bits) | (value >> (64n - bits))) & MASK;
}

function round(acc: bigint, lane: bigint): bigint {
  return (rotl((acc + lane * P2) & MASK, 31n) * P1) & MASK;
}

function mergeRound(acc: bigint, value: bigint): bigint {
  return ((((acc ^ round(0n, value)) * P1) & MASK) + P4) & MASK;
}

function lane64(bytes: Uint8Array, at: number): bigint {
  let value = 0n;
  for (let i = 7; i >= 0; i--) value = (value << 8n) | BigInt(bytes[at + i] as number);
  return value;
}

function lane32(bytes: Uint8Array, at: number): bigint {
  let value = 0n;
  for (let i = 3; i >= 0; i--) value = (value << 8n) | BigInt(bytes[at + i] as number);
  return value;
}

export function xxhash64(bytes: Uint8Array): bigint {
  const length = bytes.length;
  let at = 0;
  let hash: bigint;
  if (length >= 32) {
    let v1 = (P1 + P2) & MASK;
    let v2 = P2;
    let v3 = 0n;
    let v4 = (MASK + 1n - P1) & MASK;
    while (at + 32 <= length) {
      v1 = round(v1, lane64(bytes, at));
      v2 = round(v2, lane64(bytes, at + 8));
      v3 = round(v3, lane64(bytes, at + 16));
      v4 = round(v4, lane64(bytes, at + 24));
      at += 32;
    }
    hash = (rotl(v1, 1n) + rotl(v2, 7n) + rotl(v3, 12n) + rotl(v4, 18n)) & MASK;
    hash = mergeRound(hash, v1);
    hash = mergeRound(hash, v2);
    hash = mergeRound(hash, v3);
    hash = mergeRound(hash, v4);
  } else {
    hash = P5;
  }
  hash = (hash + BigInt(length)) & MASK;
  for (; at + 8 <= length; at += 8) {
    hash ^= round(0n, lane64(bytes, at));
    hash = (((rotl(hash, 27n) * P1) & MASK) + P4) & MASK;
  }
  for (; at + 4 <= length; at += 4) {
    hash ^= (lane32(bytes, at) * P1) & MASK;
    hash = (((rotl(hash, 23n) * P2) & MASK) + P3) & MASK;
  }
  for (; at < length; at++) {
    hash ^= (BigInt(bytes[at] as number) * P5) & MASK;
    hash = (rotl(hash, 11n) * P1) & MASK;
  }
  hash ^= hash >> 33n;
  hash = (hash * P2) & MASK;
  hash ^= hash >> 29n;
  hash = (hash * P3) & MASK;
  hash ^= hash >> 32n;
  return hash;
}
