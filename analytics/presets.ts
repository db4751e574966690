/**
 * The date-range presets of the analytics page: "this week", "last week", "last 30 days", as
 * UTC days relative to `now`. Weeks start Monday 00:00 UTC (ISO weeks), as the series buckets do.
 */
import { utcDay, utcMonday } from 'd3-time';
import { dayString } from './filters.ts';

export const PRESETS = ['this_week', 'last_week', 'last_30_days'] as const;
export type Preset = (typeof PRESETS)[number];

export const PRESET_LABELS: Record<Preset, string> = {
  this_week: 'this week',
  last_week: 'last week',
  last_30_days: 'last 30 days',
};

/** The preset's first and last day (both included, `YYYY-MM-DD`). "This week" ends today. */
export function presetRange(preset: Preset, now: Date): { from: string; to: string } {
  const today = utcDay.floor(now);
  const monday = utcMonday.floor(now);
  switch (preset) {
    case 'this_week':
      return { from: dayString(monday), to: dayString(today) };
    case 'last_week':
      return { from: dayString(utcDay.offset(monday, -7)), to: dayString(utcDay.offset(monday, -1)) };
    case 'last_30_days':
      return { from: dayString(utcDay.offset(today, -29)), to: dayString(today) };
  }
}

/** The preset a range equals today, if any (the page marks it as the current one). */
export function presetOf(range: { from: string; to: string }, now: Date): Preset | undefined {
  return PRESETS.find((p) => {
    const r = presetRange(p, now);
    return r.from === range.from && r.to === range.to;
  });
}
