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

/** A piece of post text: plain, or a number/handle/link shown as its own left-to-right isolate. */
export type Piece = { text: string; kind: 'text' | 'phone' | 'handle' | 'url' };

const DIGIT = '[0-9\\u0660-\\u0669\\u06F0-\\u06F9]';
// Links, e-mail addresses, @handles and phone-like digit runs (ASCII, Arabic-Indic and Persian digits, 7+ characters).
const LTR_ISLANDS = new RegExp(
  [
    String.raw`(?<url>(?:https?://|www\.|t\.me/)[^\s<>"«»]+[^\s<>"«».,;:!?؟،)\]])`,
    String.raw`(?<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)`,
    String.raw`(?<handle>@[A-Za-z0-9_][A-Za-z0-9_.]*[A-Za-z0-9_])`,
    `(?<phone>\\+?${DIGIT}(?:[\\s\\-().]?${DIGIT}){5,})`,
  ].join('|'),
  'gu',
);

/**
 * Splits text into plain pieces and the pieces that must read left to right whatever surrounds
 * them: inside a right-to-left post "+44 7911 123456" would otherwise come out "123456 7911 44+".
 * Joining the pieces' text gives back the input exactly.
 */
export function ltrIslands(text: string): Piece[] {
  const pieces: Piece[] = [];
  let pos = 0;
  for (const m of text.matchAll(LTR_ISLANDS)) {
    const kind = m.groups!.url || m.groups!.email ? 'url' : m.groups!.handle ? 'handle' : 'phone';
    if (m.index > pos) pieces.push({ text: text.slice(pos, m.index), kind: 'text' });
    pieces.push({ text: m[0], kind });
    pos = m.index + m[0].length;
  }
  if (pos < text.length) pieces.push({ text: text.slice(pos), kind: 'text' });
  return pieces;
}
