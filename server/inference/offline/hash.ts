/** Small, dependency-free deterministic hashing helpers shared by the offline engine. */

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a 32-bit over the UTF-8 bytes of `text`, returned as an unsigned 32-bit integer. */
export function fnv1a32(text: string, seed: number = FNV_OFFSET_BASIS): number {
  let hash = seed >>> 0;
  const bytes = new TextEncoder().encode(text);
  for (const byte of bytes) {
    hash ^= byte;
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return hash >>> 0;
}

/** MurmurHash3 `fmix32` finaliser: spreads FNV's weaker low bits across the whole word. */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** Deterministic 32-bit hash used for template choice and feature hashing. */
export function stableHash(text: string): number {
  return fmix32(fnv1a32(text));
}

/** 8-hex-digit rendering of {@link stableHash}. */
export function hashHex(text: string): string {
  return stableHash(text).toString(16).padStart(8, "0");
}
