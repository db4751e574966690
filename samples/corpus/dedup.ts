// Token-set normalisation and near-duplicate detection shared by the corpus builder and self-check.

export const NEAR_DUP = 0.7;

/** normalised letter tokens (digits, emoji, punctuation, zero-width dropped) */
export function tokens(text: string): Set<string> {
  const norm = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u200b-\u200f\u0640]/g, '');
  return new Set(norm.split(/[^\p{L}]+/u).filter((t) => t.length > 1));
}
export const dedupKey = (text: string): string => [...tokens(text)].sort().join(' ') || text;
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  return inter / (a.size + b.size - inter);
}

/** per-language near-duplicate index */
export class NearDupIndex {
  private sets: Array<Set<string>> = [];
  private keys = new Set<string>();
  constructor(private threshold = NEAR_DUP) {}
  has(text: string): boolean {
    if (this.keys.has(dedupKey(text))) return true;
    const t = tokens(text);
    return this.sets.some((s) => jaccard(s, t) >= this.threshold);
  }
  add(text: string): void {
    this.sets.push(tokens(text));
    this.keys.add(dedupKey(text));
  }
}
