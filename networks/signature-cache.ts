import type { Signature } from './near-duplicate.ts';

/**
 * Post id → MinHash signature, bounded: the oldest entry goes first once `capacity` is reached
 * (a Map iterates in insertion order). At 20,000 entries about 8 MB, small beside a worker's heap;
 * near-duplicates are mostly re-uploads of recent posts, which is what stays.
 */
export class SignatureCache {
  private readonly entries = new Map<string, Signature>();

  /** @param capacity Entries kept. Default 20,000. */
  constructor(readonly capacity = 20_000) {}

  get size(): number {
    return this.entries.size;
  }

  get(postId: string): Signature | undefined {
    return this.entries.get(postId);
  }

  set(postId: string, signature: Signature): void {
    this.entries.delete(postId);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(postId, signature);
  }

  /** Whether the cached signature of `postId` carries every one of `bands` (stored band keys). */
  matches(postId: string, bands: ArrayLike<number>): boolean {
    const sig = this.entries.get(postId);
    if (!sig) return false;
    for (let i = 0; i < bands.length; i++) if (!sig.bands.includes(bands[i]!)) return false;
    return true;
  }
}
