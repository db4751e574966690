import type { PoolDb } from './index.ts';

/** Platforms every install knows about; more are added with `tidewatch platforms add`. */
export const DEFAULT_PLATFORMS: ReadonlyArray<{ name: string; displayName: string }> = [
  { name: 'facebook', displayName: 'Facebook' },
  { name: 'instagram', displayName: 'Instagram' },
  { name: 'tiktok', displayName: 'TikTok' },
  { name: 'telegram', displayName: 'Telegram' },
  { name: 'x', displayName: 'X' },
  { name: 'youtube', displayName: 'YouTube' },
  { name: 'snapchat', displayName: 'Snapchat' },
];

/** Idempotent: inserts missing platforms, leaves existing ones (and their settings) alone. */
export async function seedPlatforms(db: PoolDb): Promise<void> {
  await db.prisma.platform.createMany({ data: [...DEFAULT_PLATFORMS], skipDuplicates: true });
}
