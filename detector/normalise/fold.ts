/**
 * Stage 1 of normalisation: per-character folding (NFKC, case, Arabic-script letters, digits,
 * invisible controls, emoji → concept tokens), keeping for every output code unit the original
 * span it came from.
 *
 * Done per grapheme-ish cluster (base + combining marks) rather than on the whole string, because
 * whole-string NFKC loses the link between output and input offsets that reviewers need for
 * highlighting evidence.
 */
import { ARABIC_UNIFY, DESTINATION_FLAGS, EMOJI_TOKENS, easternDigit, isDropped } from './tables.ts';
import { MARK, charClass } from './chars.ts';
import { MappedBuilder } from './builder.ts';

/** Output of a folding stage: text plus per-code-unit original [start, end). */
export interface Mapped {
  text: string;
  start: Int32Array;
  end: Int32Array;
  /** Count of emoji turned into concept tokens. */
  emoji: number;
}

const clusterCache = new Map<string, string>();
const CLUSTER_CACHE_MAX = 50_000;

/** NFKC + lowercase + Arabic unification + digit folding for one cluster. */
function foldCluster(cluster: string): string {
  const cached = clusterCache.get(cluster);
  if (cached !== undefined) return cached;
  // Turkish: İ/I/ı all fold to plain i. Posters type Turkish on any keyboard; exact dotting is noise.
  let s = cluster.normalize('NFKC').replace(/[İı]/g, 'i').toLowerCase();
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (isDropped(cp)) continue;
    const d = easternDigit(cp);
    if (d >= 0) {
      out += String.fromCharCode(48 + d);
      continue;
    }
    out += ARABIC_UNIFY.get(cp) ?? ch;
  }
  s = out;
  if (clusterCache.size < CLUSTER_CACHE_MAX) clusterCache.set(cluster, s);
  return s;
}

function isRegionalIndicator(cp: number): boolean {
  return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}

export function foldChars(text: string): Mapped {
  const n = text.length;
  const b = new MappedBuilder(n + 16);
  let emoji = 0;
  let i = 0;
  while (i < n) {
    // ASCII run fast path; the last ASCII char joins the cluster path if a combining mark follows.
    let j = i;
    while (j < n && text.charCodeAt(j) < 0x80) j++;
    if (j > i) {
      if (j < n) {
        const m = text.charCodeAt(j);
        if (m >= 0x300 && charClass(m) === MARK) j--;
      }
      if (j > i) {
        b.pushIdentity(text.slice(i, j).toLowerCase(), i);
        i = j;
        continue;
      }
    }
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;

    if (isRegionalIndicator(cp)) {
      const cp2 = i + len < n ? text.codePointAt(i + len)! : 0;
      if (isRegionalIndicator(cp2)) {
        const cc = String.fromCharCode(97 + cp - 0x1f1e6, 97 + cp2 - 0x1f1e6);
        b.pushSpan(DESTINATION_FLAGS.has(cc) ? ` dest_${cc} ` : ` flag_${cc} `, i, i + 4);
        emoji++;
        i += 4;
        continue;
      }
    }
    const token = EMOJI_TOKENS.get(cp);
    if (token !== undefined) {
      b.pushSpan(` ${token} `, i, i + len);
      emoji++;
      i += len;
      continue;
    }
    if (isDropped(cp)) {
      i += len;
      continue;
    }
    const d = easternDigit(cp);
    if (d >= 0) {
      b.pushUnit(String.fromCharCode(48 + d), i, i + 1);
      i++;
      continue;
    }
    // Gather the cluster: this code point plus any following combining marks.
    j = i + len;
    while (j < n) {
      const m = text.codePointAt(j)!;
      if (m < 0x300 || charClass(m) !== MARK) break;
      j += m > 0xffff ? 2 : 1;
    }
    b.pushSpan(foldCluster(text.slice(i, j)), i, j);
    i = j;
  }
  return { text: b.text, start: b.start.subarray(0, b.length), end: b.end.subarray(0, b.length), emoji };
}
