/**
 * A deterministic random number source (mulberry32): tiny, fast and identical on every platform,
 * for demo data, seeded activity, generated benchmarks and corpus variations that must come out
 * the same for the same seed. Not for anything secret.
 */
export type Random = () => number;

/** Numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
