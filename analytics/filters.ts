/**
 * What a stats request selects: a UTC date range, the series bucket, and optional platform,
 * language and category. Shared by the SQL (`facts.ts`), the API route and the page.
 */
import { utcDay, utcMonday } from 'd3-time';

export const BUCKETS = ['day', 'week'] as const;
export type Bucket = (typeof BUCKETS)[number];

/** Longest range one request may cover (about three years of daily buckets). */
export const MAX_RANGE_DAYS = 1_100;

export interface StatsFilters {
  /** First day included, 00:00 UTC. */
  from: Date;
  /** The day after the last day included, 00:00 UTC (exclusive bound). */
  to: Date;
  /** Series granularity: UTC days, or ISO weeks starting Monday 00:00 UTC. Default `day`. */
  bucket: Bucket;
  /** Platform id (callers resolve names; an unknown name is the caller's 400). */
  platformId?: number | undefined;
  /** Post language code; posts without one are `und`. */
  language?: string | undefined;
  /** Category of the latest classification; unclassified posts are `unclassified`. */
  category?: string | undefined;
  /** Action-day batch: only posts with a referral in it. */
  batchId?: string | undefined;
}

/** `YYYY-MM-DD` → that day at 00:00 UTC, or undefined when it is not a real calendar date. */
export function parseDay(s: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return undefined;
  const d = new Date(`${s}T00:00:00.000Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s ? undefined : d;
}

export const dayString = (d: Date) => d.toISOString().slice(0, 10);

export interface SeriesBucket {
  /** The bucket's own start (`date_trunc`), the key the SQL groups by. */
  key: string;
  /** First day of the bucket inside the range (the range's first day when the bucket began earlier). */
  start: string;
  /** Last day of the bucket inside the range. */
  end: string;
  /** Days of the bucket inside the range. */
  days: number;
  /** True when the range cuts the bucket (a week the range starts or ends in the middle of). */
  partial: boolean;
}

const DAY_MS = 86_400_000;

/**
 * Every bucket of the range, clipped to it, so days or weeks without events still appear (as
 * zeros) and a week the range cuts is labelled by the days it really covers and marked partial.
 */
export function seriesBuckets(f: Pick<StatsFilters, 'from' | 'to' | 'bucket'>): SeriesBucket[] {
  const interval = f.bucket === 'week' ? utcMonday : utcDay;
  return interval.range(interval.floor(f.from), f.to).map((b) => {
    const start = b < f.from ? f.from : b;
    const next = interval.offset(b, 1);
    const end = next > f.to ? f.to : next;
    const days = Math.round((end.getTime() - start.getTime()) / DAY_MS);
    const full = Math.round((next.getTime() - b.getTime()) / DAY_MS);
    return { key: dayString(b), start: dayString(start), end: dayString(new Date(end.getTime() - DAY_MS)), days, partial: days < full };
  });
}
