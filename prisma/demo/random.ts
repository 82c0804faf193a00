/** A tiny seeded PRNG (mulberry32) and helpers, so the demo data is the same on every run. */
export type Random = () => number;

export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable 32-bit seed from a string (FNV-1a), to give each part of the data its own stream. */
export function seedOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export const rng = (key: string) => mulberry32(seedOf(key));

export const int = (r: Random, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
export const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
export const chance = (r: Random, p: number) => r() < p;

export function shuffle<T>(r: Random, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A calendar date (UTC midnight, as Prisma stores @db.Date) within [fromYear, toYear]. */
export function dateIn(r: Random, fromYear: number, toYear: number): Date {
  const y = int(r, fromYear, toYear);
  return new Date(Date.UTC(y, int(r, 0, 11), int(r, 1, 28)));
}

export const ymd = (d: Date) => d.toISOString().slice(0, 10);
