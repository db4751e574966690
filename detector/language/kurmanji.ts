/**
 * Kurmanji (kmr, Latin script) scoring. Neither franc nor eld knows Kurmanji, and both guess
 * Slovene, Basque or "Central Kurdish" for it, so we score it ourselves from its letters
 * (ê î û ç ş, used together) and its very frequent function words.
 */

const KMR_WORDS = new Set([
  'ez', 'tu', 'em', 'hûn', 'ew', 'û', 'ji', 'bo', 'ji bo', 'li', 'di', 'de', 'ku', 'heye', 'hene', 'nîne', 'tune',
  'dikarî', 'dikarim', 'dikarin', 'bi', 're', 've', 'çi', 'kî', 'çawa', 'niha', 'vê', 'wê', 'min', 'te', 'me',
  'we', 'wan', 'jî', 'yê', 'ya', 'yên', 'bê', 'ne', 'hemû', 'ber', 'pêş', 'piştî', 'gelek', 'ser', 'nav', 'dixwazî',
  'dixwazin', 'bike', 'bikin', 'biçin', 'diçin', 'çûn', 'hatin', 'heta', 'erê', 'belê', 'rêya', 'riya', 'bihayê',
]);
/** Words that, if frequent, point to Turkish rather than Kurmanji (both use ç ş). */
const TR_WORDS = new Set(['ve', 'bir', 'bu', 'için', 'ile', 'da', 'de', 'çok', 'var', 'yok', 'ne', 'mi', 'ben', 'sen']);

const WORD = /[\p{L}]+/gu;

/** Returns a Kurmanji score in [0, 1]: share of tokens that are Kurmanji markers. */
export function kurmanjiScore(text: string): number {
  const lower = text.toLowerCase();
  let words = 0;
  let kmr = 0;
  let tr = 0;
  for (const m of lower.matchAll(WORD)) {
    const w = m[0];
    words++;
    if (KMR_WORDS.has(w)) kmr++;
    else if (/[êîû]/.test(w)) kmr += 0.7;
    if (TR_WORDS.has(w)) tr++;
    if (/[ığ]/.test(w)) tr += 1;
  }
  if (words === 0) return 0;
  return Math.max(0, (kmr - tr * 0.8) / words);
}
