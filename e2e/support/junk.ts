// Seeded random junk for the bad-input attack: a small PRNG (mulberry32) so a failing run can be
// replayed with ATTACK_SEED, and pools of values that no schema should accept as they stand.
export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
export const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

/** A random string: printable, unicode, control characters, or a known nasty one. */
export function junkString(rng: Rng, maxLength = 300): string {
  const nasty = ["", " ", "\u0000", "null", "undefined", "NaN", "💥🔥", "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "%00", "%E0%A4%A", "\\u0000", "$undefined", "$@1", "$K1", "\r\n\r\n", "a".repeat(5000), "__proto__", "constructor", "x/y/z"];
  if (rng() < 0.4) return pick(rng, nasty);
  const length = int(rng, 1, maxLength);
  let s = "";
  for (let i = 0; i < length; i++) {
    const r = rng();
    s += r < 0.7 ? String.fromCharCode(int(rng, 32, 126)) : r < 0.9 ? String.fromCharCode(int(rng, 0xa0, 0x2fff)) : String.fromCharCode(int(rng, 0, 31));
  }
  return s;
}

/**
 * A value of any type. Never an integer 1-4 (a valid grade or a plausible version) or 0-2, so
 * that a corrupted field stays invalid for every schema it lands in.
 */
export function junkValue(rng: Rng, depth = 0): unknown {
  const r = rng();
  if (r < 0.3) return junkString(rng);
  if (r < 0.55) return pick(rng, [-1, -0, 1.5, 3.5, 99, 9999, 1e308, -1e308, 2 ** 53 + 1, NaN, Infinity, -Infinity, 0.1, -4]);
  if (r < 0.65) return pick(rng, [null, undefined, true, false]);
  if (r < 0.7) return 10n ** 30n;
  if (r < 0.75) return new Date(pick(rng, [0, 8.64e15, -8.64e15]));
  if (depth > 2) return {};
  if (r < 0.87) return Array.from({ length: int(rng, 0, 4) }, () => junkValue(rng, depth + 1));
  return Object.fromEntries(Array.from({ length: int(rng, 0, 4) }, () => [junkString(rng, 20), junkValue(rng, depth + 1)]));
}

/** A junk value that is not a string (for fields that must be strings). */
export function junkNonString(rng: Rng): unknown {
  for (;;) {
    const v = junkValue(rng);
    if (typeof v !== "string") return v;
  }
}

/** A form field value that is not a number in any sane range. */
export function junkNumberText(rng: Rng): string {
  return pick(rng, ["", " ", "abc", "-1", "-0.5", "NaN", "Infinity", "-Infinity", "99999999999999999999", "1,5", "１２", "12abc", "\u0000", "[]", "{}", junkString(rng, 12).replace(/\d/g, "x") || "x"]);
}

/** Hex of a given length, for made-up action ids. */
export const hex = (rng: Rng, length: number) => Array.from({ length }, () => "0123456789abcdef"[int(rng, 0, 15)]).join("");
