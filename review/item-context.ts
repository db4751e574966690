/**
 * What the item page shows around a post beyond the item itself: who is who (key names instead of
 * key ids), the author's other posts on the platform, the referral that carries the content and its
 * history, and the item's last decision (for undo and reverse). Read-only; one statement each.
 */
import type { Db } from '../core/db/index.ts';
import type { ReviewItemView } from './review-list.ts';
import {
  selectAuthorPosts,
  selectKeyNames,
  selectLastDecision,
  selectPostReferral,
  selectReferralEvents,
  type AuthorPostRow,
  type LastDecisionRow,
  type ReferralEventRow,
  type ReferralStateRow,
} from './sql.ts';
import { undoRefusal, UNDO_WINDOW_MS } from './undo.ts';

/** How many of the author's other posts the page lists. */
export const AUTHOR_POSTS_SHOWN = 5;

export interface ReferralState extends ReferralStateRow {
  events: ReferralEventRow[];
  /** The evidence screenshot was captured and stored (a file to show). */
  hasScreenshot: boolean;
}

export interface ItemContext {
  /** Key id → key name, for every actor the page mentions. */
  names: ReadonlyMap<string, string>;
  authorPosts: AuthorPostRow[];
  referral: ReferralState | null;
  lastDecision: LastDecisionRow | null;
  /** Milliseconds left to undo the viewer's own last decision; 0 when they cannot. */
  undoLeftMs: number;
}

function screenshotOf(evidence: unknown): string | undefined {
  const files = (evidence as { files?: { screenshot?: unknown } | null } | null)?.files;
  return typeof files?.screenshot === 'string' ? files.screenshot : undefined;
}

export async function getItemContext(db: Db, item: ReviewItemView, viewer: string, undoMs = UNDO_WINDOW_MS): Promise<ItemContext> {
  const [authorPosts, referralRow, lastDecision] = await Promise.all([
    selectAuthorPosts(db, item.post.id, AUTHOR_POSTS_SHOWN),
    selectPostReferral(db, item.post.id),
    selectLastDecision(db, item.id),
  ]);
  const events = referralRow ? await selectReferralEvents(db, referralRow.id) : [];
  const actors = new Set<string>([viewer]);
  if (item.claim) actors.add(item.claim.holder);
  if (lastDecision) actors.add(lastDecision.actor);
  if (item.nearDuplicateOf?.decision) actors.add(item.nearDuplicateOf.decision.actor);
  for (const e of events) actors.add(e.actor);
  const names = await selectKeyNames(db, [...actors]);
  // A confirmation whose referral has gone out cannot be undone (undoDecision refuses): no button for it.
  const sent = lastDecision?.action === 'confirm' && referralRow !== undefined && referralRow.status !== 'queued';
  const canUndo = lastDecision !== undefined && !sent && undoRefusal(lastDecision, viewer, undoMs) === undefined;
  return {
    names,
    authorPosts,
    referral: referralRow ? { ...referralRow, events, hasScreenshot: screenshotOf(referralRow.evidence) !== undefined } : null,
    lastDecision: lastDecision ?? null,
    undoLeftMs: canUndo ? Math.max(0, undoMs - lastDecision.ageMs) : 0,
  };
}

/** The stored path of a referral's evidence screenshot, if one was captured. */
export async function evidenceScreenshot(db: Db, item: ReviewItemView): Promise<{ referralId: string; path: string } | undefined> {
  const r = await selectPostReferral(db, item.post.id);
  const path = r ? screenshotOf(r.evidence) : undefined;
  return r && path ? { referralId: r.id, path } : undefined;
}
