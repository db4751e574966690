/**
 * Words for the analytics page: stage and category codes as people read them. The API, the
 * exports and the filters keep the codes; only what the page shows changes.
 */
import type { Stage } from '../../../analytics/facts.ts';

export const STAGE_LABELS: Record<Stage, string> = {
  flagged: 'flagged',
  classified: 'classified',
  sentToReview: 'sent to review',
  confirmed: 'confirmed',
  confirmedReferred: 'confirmed, referred',
  awaitingDelivery: 'awaiting delivery',
  deliveryFailed: 'delivery failed',
  notReferable: 'not referable',
  referred: 'referred (sent)',
  acknowledged: 'acknowledged',
  removed: 'removed',
  declined: 'declined',
};

/** Categories whose code says nothing to a reader. */
const CATEGORY_LABELS: Record<string, string> = {
  none: 'no category cue',
  unclassified: 'not classified yet',
};

/** "no category cue" for `none`; other codes with spaces ("boat crossing"). */
export const categoryLabel = (code: string) => CATEGORY_LABELS[code] ?? code.replace(/_/g, ' ');
