/**
 * Append-only text builder that records, per output UTF-16 unit, the original [start, end).
 *
 * Normalisation runs on every post at pipeline rate (≥20k posts/s on one core), so offsets live in
 * growable typed arrays and text is appended by slices instead of per character.
 */
export class MappedBuilder {
  text = '';
  start: Int32Array;
  end: Int32Array;
  length = 0;

  constructor(capacity: number) {
    const cap = Math.max(16, capacity);
    this.start = new Int32Array(cap);
    this.end = new Int32Array(cap);
  }

  private reserve(extra: number): void {
    const need = this.length + extra;
    if (need <= this.start.length) return;
    let cap = this.start.length * 2;
    while (cap < need) cap *= 2;
    const s = new Int32Array(cap);
    const e = new Int32Array(cap);
    s.set(this.start.subarray(0, this.length));
    e.set(this.end.subarray(0, this.length));
    this.start = s;
    this.end = e;
  }

  /** Every unit of `s` maps to the same original span [a, b). */
  pushSpan(s: string, a: number, b: number): void {
    const k = s.length;
    this.reserve(k);
    this.text += s;
    for (let q = 0; q < k; q++) {
      this.start[this.length] = a;
      this.end[this.length++] = b;
    }
  }

  /** Unit q of `s` maps to [a + q, a + q + 1): a one-to-one copy of original text. */
  pushIdentity(s: string, a: number): void {
    const k = s.length;
    this.reserve(k);
    this.text += s;
    for (let q = 0; q < k; q++) {
      this.start[this.length] = a + q;
      this.end[this.length++] = a + q + 1;
    }
  }

  /** Copy `s`, whose units map to the given source spans [from, from + s.length). */
  pushMapped(s: string, srcStart: Int32Array, srcEnd: Int32Array, from: number): void {
    const k = s.length;
    this.reserve(k);
    this.text += s;
    this.start.set(srcStart.subarray(from, from + k), this.length);
    this.end.set(srcEnd.subarray(from, from + k), this.length);
    this.length += k;
  }

  /** Append one unit with an explicit span. */
  pushUnit(ch: string, a: number, b: number): void {
    this.reserve(1);
    this.text += ch;
    this.start[this.length] = a;
    this.end[this.length++] = b;
  }

  /** Extend the original end of the last unit (used when collapsing repeated letters). */
  extendLast(b: number): void {
    if (this.length > 0) this.end[this.length - 1] = b;
  }

  /** Remove the last unit (used when collapsing repeated letters). */
  dropLast(): void {
    if (this.length === 0) return;
    this.text = this.text.slice(0, -1);
    this.length--;
  }
}
