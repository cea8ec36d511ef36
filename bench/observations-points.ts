/** The observations of bench/observations-ingest.ts, shared by the bench and its sender process. */
export const START = Date.UTC(2026, 0, 1);

/** Every stream sends a point each 10 s, as a busy network of gauges would; streams interleave as they would. */
export function pointAt(i: number, streams: number): { stream: number; t: number; value: number } {
  const stream = i % streams;
  const step = Math.floor(i / streams);
  return { stream, t: START + step * 10_000, value: Math.round(Math.sin(step / 50 + stream) * 1000) / 100 };
}
