/**
 * Splits a post's text into plain and highlighted runs from the detector's signal spans.
 * Overlapping signals merge into one run that lists every type and English gloss, so nothing is hidden.
 */
export interface Span {
  type: string;
  start: number;
  end: number;
  /** English gloss of a lexicon cue; stored rows from before glosses have none, bad rows anything. */
  gloss?: unknown;
}

export type Run = { text: string; types: string[]; glosses: string[] };

/** The signal's English gloss when it has a usable one (old or malformed rows: none). */
export function glossOf(s: { gloss?: unknown }): string | undefined {
  return typeof s.gloss === 'string' && s.gloss.trim() !== '' ? s.gloss : undefined;
}

export function highlightRuns(text: string, signals: readonly Span[]): Run[] {
  const valid = signals
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const runs: Run[] = [];
  let pos = 0;
  let i = 0;
  while (i < valid.length) {
    const first = valid[i]!;
    let end = first.end;
    const types = new Set<string>([first.type]);
    const glosses = new Set<string>();
    const g = glossOf(first);
    if (g !== undefined) glosses.add(g);
    i += 1;
    while (i < valid.length && valid[i]!.start < end) {
      end = Math.max(end, valid[i]!.end);
      types.add(valid[i]!.type);
      const more = glossOf(valid[i]!);
      if (more !== undefined) glosses.add(more);
      i += 1;
    }
    if (first.start > pos) runs.push({ text: text.slice(pos, first.start), types: [], glosses: [] });
    runs.push({ text: text.slice(Math.max(first.start, pos), end), types: [...types], glosses: [...glosses] });
    pos = Math.max(pos, end);
  }
  if (pos < text.length) runs.push({ text: text.slice(pos), types: [], glosses: [] });
  return runs;
}

/** "concept:transport" → "transport", "counter:news" → "against: news". */
export function signalLabel(type: string): string {
  if (type.startsWith('concept:')) return type.slice('concept:'.length);
  if (type.startsWith('counter:')) return `against: ${type.slice('counter:'.length)}`;
  if (type === 'known_contact') return 'known contact';
  return type;
}
