import type { PoolDb } from '../core/db/index.ts';
import type { Signal } from '../detector/types.ts';

function table(title: string, rows: [string, number][]): string {
  const width = Math.max(...rows.map(([k]) => k.length), 8);
  return [`${title}:`, ...rows.sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${k.padEnd(width)}  ${String(n).padStart(5)}`)].join('\n');
}

function count<T>(items: T[], key: (t: T) => string): [string, number][] {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return [...m];
}

/** Counts per outcome, language and platform, and the top referral candidates with their signals. */
export async function demoSummary(db: PoolDb, postIds: string[]): Promise<string> {
  const posts = await db.prisma.post.findMany({
    where: { id: { in: postIds } },
    select: { id: true, outcome: true, language: true, platform: { select: { name: true } } },
  });
  const top = await db.prisma.reviewItem.findMany({
    where: { postId: { in: postIds }, referralCandidate: true },
    orderBy: { score: 'desc' },
    take: 5,
    include: { post: { select: { text: true, url: true, classifications: { orderBy: { createdAt: 'desc' }, take: 1 } } }, platform: true },
  });
  const out = [
    `${posts.length} posts`,
    table(
      'by outcome',
      count(posts, (p) => p.outcome),
    ),
    table(
      'by language',
      count(posts, (p) => p.language ?? 'und'),
    ),
    table(
      'by platform',
      count(posts, (p) => p.platform.name),
    ),
    'top referral candidates:',
  ];
  top.forEach((item, i) => {
    const signals = ((item.post.classifications[0]?.signals ?? []) as unknown as Signal[])
      .slice(0, 8)
      .map(
        (s) =>
          `${s.type.replace(/^concept:/, '')}=${JSON.stringify(s.value)}${typeof s.gloss === 'string' && s.gloss ? ` (${s.gloss})` : ''}`,
      );
    const text = item.post.text.replace(/\s+/g, ' ');
    out.push(
      `  ${i + 1}. score ${item.score.toFixed(3)}  ${item.platform.name}/${item.language}/${item.category}  ${item.post.url}`,
      `     "${text.length > 110 ? `${text.slice(0, 107)}...` : text}"`,
      `     signals: ${signals.join(', ') || '(none)'}`,
    );
  });
  if (!top.length) out.push('  (none)');
  return out.join('\n');
}
