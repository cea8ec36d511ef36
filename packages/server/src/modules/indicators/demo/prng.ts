/**
 * Deterministic randomness for the demo data. Every draw is keyed (element, unit, period…) rather than taken from one
 * shared stream, so a value does not change when another element is added or the window moves by a month.
 */

/** mulberry32: a tiny 32-bit generator, good enough for demo noise. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a over the key, mixed with the seed. */
function hash(seed: number, key: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export interface Random {
  /** A stream of uniforms in [0, 1) for one key. */
  stream(key: string): () => number;
  uniform(key: string): number;
  /** Standard normal (Box–Muller). */
  normal(key: string): number;
  /**
   * A factor with mean 1 and relative spread `sd`, the normal draw clipped at ±2.5: demo noise stays noise, and the
   * only values far from their history are the planted anomalies.
   */
  factor(key: string, sd: number): number;
  /** Log-normal factor with mean about 1 (clipped likewise), for lumpy flows and for spreading sizes over units. */
  lognormal(key: string, sigma: number): number;
  /** Poisson count with the given mean (normal approximation above 50). */
  poisson(key: string, mean: number): number;
}

export function random(seed: number): Random {
  const stream = (key: string) => mulberry32(hash(seed, key));
  const normalOf = (next: () => number) => {
    const u = Math.max(next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  const clipped = (next: () => number) => Math.max(-2.5, Math.min(2.5, normalOf(next)));
  return {
    stream,
    uniform: (key) => stream(key)(),
    normal: (key) => normalOf(stream(key)),
    factor: (key, sd) => Math.max(0.05, 1 + sd * clipped(stream(key))),
    lognormal: (key, sigma) => Math.exp(sigma * clipped(stream(key)) - (sigma * sigma) / 2),
    poisson: (key, mean) => {
      if (mean <= 0) return 0;
      const next = stream(key);
      if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normalOf(next)));
      // Knuth: multiply uniforms until the product drops below e^-mean.
      const limit = Math.exp(-mean);
      let k = 0;
      for (let p = next(); p > limit; p *= next()) k++;
      return k;
    },
  };
}
