/**
 * LIVENESS_SCHEDULE: when to re-check a referred URL, as delays after the notice was sent, each
 * measured from the previous check. `1h,6h,24h,72h,1d*14` means after 1 h, then 6 h later, ...,
 * then daily for two weeks — frequent early (when platforms act) and sparse later (to catch
 * re-uploads of the same URL). `N*K` repeats a delay K times; `off` schedules no checks.
 */
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export function parseSchedule(spec: string): number[] {
  const out: number[] = [];
  if (spec.trim() === 'off') return out;
  for (const raw of spec.split(',')) {
    const m = /^\s*(\d+)([smhd])(?:\*(\d+))?\s*$/.exec(raw);
    if (!m) throw new Error(`LIVENESS_SCHEDULE: "${raw.trim()}" is not a duration like 6h or 1d*14`);
    const ms = Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
    const times = m[3] === undefined ? 1 : Number(m[3]);
    if (times < 1 || times > 1_000) throw new Error(`LIVENESS_SCHEDULE: repeat count in "${raw.trim()}" must be 1–1000`);
    for (let i = 0; i < times; i++) out.push(ms);
  }
  return out;
}
