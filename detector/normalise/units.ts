/**
 * UTF-16 code units (a typed-array scratch buffer) → string, exactly.
 *
 * The normaliser and the entity fold build every post's text in a Uint16Array and turn it into a
 * string once. `String.fromCharCode.apply` copies the units into an argument list first; a
 * TextDecoder reads the buffer directly and is about twice as fast at post lengths. The decoder
 * would replace a lone surrogate by U+FFFD (and, by default, drop a leading BOM), so: BOM kept,
 * and a result containing U+FFFD is rebuilt the exact way. Big-endian hosts always take that way.
 */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const decoder = new TextDecoder('utf-16le', { ignoreBOM: true });
/** Below this length the argument-list copy is as fast as the decoder call. */
const DECODER_MIN = 48;

export function unitsToString(units: Uint16Array, len: number): string {
  if (LITTLE_ENDIAN && len >= DECODER_MIN) {
    const s = decoder.decode(units.subarray(0, len));
    if (s.indexOf('\ufffd') === -1) return s;
  }
  let s = '';
  for (let p = 0; p < len; p += 4096) {
    s += String.fromCharCode.apply(null, units.subarray(p, Math.min(len, p + 4096)) as unknown as number[]);
  }
  return s;
}
