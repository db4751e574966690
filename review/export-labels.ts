/**
 * Reviewer decisions as training data: confirmed items are label 1, rejected ones label 0, one
 * JSON object per line (`{id, text, label, lang}`), the format `tidewatch train --extra` reads.
 * A post whose decision a lead ever reversed is left out, whatever it was decided since: its
 * label was disputed once, and a wrong label taught to the model is worse than one label fewer.
 * Read in keyset batches so a large history does not sit in memory.
 */
import type { PoolDb } from '../core/db/index.ts';

export interface LabelRow {
  id: string;
  text: string;
  label: 0 | 1;
  lang: string;
}

const BATCH = 1_000;

export async function* labelledPosts(db: PoolDb, opts: { since?: Date | undefined } = {}): AsyncGenerator<LabelRow> {
  let after: string | undefined;
  for (;;) {
    const rows = await db.prisma.reviewItem.findMany({
      where: {
        status: { in: ['confirmed', 'rejected'] },
        decisions: { none: { action: 'reverse' } },
        ...(opts.since ? { decidedAt: { gte: opts.since } } : {}),
        ...(after ? { id: { gt: after } } : {}),
      },
      orderBy: { id: 'asc' },
      take: BATCH,
      select: { id: true, status: true, language: true, post: { select: { id: true, text: true, language: true } } },
    });
    for (const r of rows) {
      yield { id: r.post.id, text: r.post.text, label: r.status === 'confirmed' ? 1 : 0, lang: r.post.language ?? r.language };
    }
    if (rows.length < BATCH) return;
    after = rows.at(-1)!.id;
  }
}

/** Decided items left out of {@link labelledPosts} because a decision on them was reversed. */
export async function reversedDecidedItems(db: PoolDb, opts: { since?: Date | undefined } = {}): Promise<number> {
  return db.prisma.reviewItem.count({
    where: {
      status: { in: ['confirmed', 'rejected'] },
      decisions: { some: { action: 'reverse' } },
      ...(opts.since ? { decidedAt: { gte: opts.since } } : {}),
    },
  });
}
