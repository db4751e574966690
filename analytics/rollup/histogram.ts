/**
 * Hours from sending to removal, as a log-bucketed histogram (the DDSketch layout, Masson et al.
 * 2019): bin i ≥ 1 holds (H0·γ^(i−1), H0·γ^i] and reads as 2·H0·γ^i/(γ+1), so every value is read
 * within α = 0.5 % of itself; bin 0 holds everything up to H0 = 0.0001 h (0.36 s) and reads as 0.
 * Percentiles interpolate between the k-th values as PostgreSQL's percentile_cont does, so a
 * median or p90 from the histogram is within 0.5 % (plus rounding to 4 decimals) of the exact one.
 * Bins are computed in SQL (`HOURS_BIN`) and stored with each fact.
 */
import { raw } from '../../core/db/index.ts';

export const ALPHA = 0.005;
const GAMMA = (1 + ALPHA) / (1 - ALPHA);
const H0 = 0.0001;

/** The bin of `hours` (a float8 column or expression named `hours`), as SQL. */
export const HOURS_BIN = raw(`CASE WHEN hours <= ${H0} THEN 0 ELSE ceil(ln(hours / ${H0}) / ln(${GAMMA}))::int END`);

/** What a bin reads as. */
export const binValue = (bin: number) => (bin <= 0 ? 0 : (2 * H0 * GAMMA ** bin) / (GAMMA + 1));

/** bin → count. */
export type Histogram = Map<number, number>;

/** Adds `other` (a histogram, or as stored: `{ "bin": count }`) into `h`, `sign` times. */
export function addHistogram(h: Histogram, other: Histogram | Record<string, number> | null | undefined, sign = 1): void {
  if (!other) return;
  for (const [bin, n] of other instanceof Map ? other : Object.entries(other)) {
    const b = Number(bin);
    const next = (h.get(b) ?? 0) + sign * n;
    if (next === 0) h.delete(b);
    else h.set(b, next);
  }
}

export const toJson = (h: Histogram): Record<string, number> | null =>
  h.size ? Object.fromEntries([...h].sort((a, b) => a[0] - b[0])) : null;

/** percentile_cont(q) over the histogram's values (null when empty). */
export function percentile(h: Histogram, q: number): number | null {
  const bins = [...h].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const n = bins.reduce((s, [, c]) => s + c, 0);
  if (n === 0) return null;
  const pos = q * (n - 1);
  const lo = Math.floor(pos);
  const valueAt = (k: number) => {
    let seen = 0;
    for (const [bin, c] of bins) {
      seen += c;
      if (k < seen) return binValue(bin);
    }
    return binValue(bins[bins.length - 1]![0]);
  };
  const a = valueAt(lo);
  return lo === pos ? a : a + (pos - lo) * (valueAt(lo + 1) - a);
}
