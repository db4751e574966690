/**
 * Open-loop pacing for latency benchmarks: `fire(i)` is called at t0 + i / rate whatever became
 * of the earlier calls, so a slow answer does not hold back the next request (a closed loop would
 * slow down with the system and hide its latency: "coordinated omission").
 */

export interface PacedResult {
  /** Calls made. */
  fired: number;
  /** Seconds from the first call to the last. */
  seconds: number;
  /** How late the calls were on their schedule (driver's own lag), ms: mean and max. */
  lagMeanMs: number;
  lagMaxMs: number;
}

/** Calls `fire(0 … count-1)` at `perSecond`; resolves once every promise `fire` returned has settled. */
export async function paced(perSecond: number, count: number, fire: (i: number) => Promise<void>): Promise<PacedResult> {
  const t0 = performance.now();
  const pending: Promise<void>[] = [];
  let lagSum = 0;
  let lagMax = 0;
  for (let i = 0; i < count; i++) {
    const due = t0 + (i * 1_000) / perSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const lag = Math.max(0, performance.now() - due);
    lagSum += lag;
    lagMax = Math.max(lagMax, lag);
    pending.push(fire(i));
  }
  const seconds = (performance.now() - t0) / 1_000;
  await Promise.allSettled(pending);
  return { fired: count, seconds, lagMeanMs: lagSum / Math.max(count, 1), lagMaxMs: lagMax };
}

/** The p-th percentile (0–100) of `values` by nearest rank; undefined when empty. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
