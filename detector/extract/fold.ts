/**
 * Same-length folding of the ORIGINAL text for entity regexes: ASCII lowercase, Arabic-Indic and
 * Persian digits → ASCII, Arabic thousands/decimal separators → , and . — every replacement is one
 * UTF-16 unit for one, so regex match offsets are original offsets with no mapping needed.
 */
export function foldForExtraction(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let r = -1;
    if (c >= 65 && c <= 90) r = c + 32;
    else if (c >= 0x0660 && c <= 0x0669) r = 48 + c - 0x0660;
    else if (c >= 0x06f0 && c <= 0x06f9) r = 48 + c - 0x06f0;
    else if (c === 0x066c) r = 44; // ٬ thousands separator
    else if (c === 0x066b) r = 46; // ٫ decimal separator
    else if (c === 0xff0b) r = 43; // fullwidth +
    if (r >= 0) {
      out += text.slice(from, i) + String.fromCharCode(r);
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}
