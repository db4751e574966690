/**
 * Splits a post's text into plain and highlighted runs from the detector's signal spans.
 * Overlapping signals merge into one run that lists every type, so nothing is hidden.
 */
export interface Span {
  type: string;
  start: number;
  end: number;
}

export type Run = { text: string; types: string[] };

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
    i += 1;
    while (i < valid.length && valid[i]!.start < end) {
      end = Math.max(end, valid[i]!.end);
      types.add(valid[i]!.type);
      i += 1;
    }
    if (first.start > pos) runs.push({ text: text.slice(pos, first.start), types: [] });
    runs.push({ text: text.slice(Math.max(first.start, pos), end), types: [...types] });
    pos = Math.max(pos, end);
  }
  if (pos < text.length) runs.push({ text: text.slice(pos), types: [] });
  return runs;
}

/** "concept:transport" → "transport", "counter:news" → "against: news". */
export function signalLabel(type: string): string {
  if (type.startsWith('concept:')) return type.slice('concept:'.length);
  if (type.startsWith('counter:')) return `against: ${type.slice('counter:'.length)}`;
  if (type === 'known_contact') return 'known contact';
  return type;
}
