/**
 * Append-only text builder that records, per output UTF-16 unit, the original [start, end).
 *
 * Normalisation runs on every post at pipeline rate (≥20k posts/s on one core), so the text and
 * its offsets live in growable typed arrays (no string concatenation per unit); the string is
 * built once, when `text` is read.
 */
import { allocInt32 } from './pool.ts';
import { unitsToString } from './units.ts';

export class MappedBuilder {
  start: Int32Array;
  end: Int32Array;
  length = 0;
  private units: Uint16Array;
  private built = '';
  private builtLength = -1;

  constructor(capacity: number) {
    const cap = Math.max(16, capacity);
    this.start = allocInt32(cap);
    this.end = allocInt32(cap);
    this.units = new Uint16Array(cap);
  }

  /** The text built so far. */
  get text(): string {
    if (this.builtLength !== this.length) {
      this.built = unitsToString(this.units, this.length);
      this.builtLength = this.length;
    }
    return this.built;
  }

  private reserve(extra: number): void {
    const need = this.length + extra;
    if (need <= this.start.length) return;
    let cap = this.start.length * 2;
    while (cap < need) cap *= 2;
    const s = new Int32Array(cap);
    const e = new Int32Array(cap);
    const u = new Uint16Array(cap);
    s.set(this.start.subarray(0, this.length));
    e.set(this.end.subarray(0, this.length));
    u.set(this.units.subarray(0, this.length));
    this.start = s;
    this.end = e;
    this.units = u;
  }

  /** Every unit of `s` maps to the same original span [a, b). */
  pushSpan(s: string, a: number, b: number): void {
    const k = s.length;
    this.reserve(k);
    for (let q = 0; q < k; q++) {
      this.units[this.length] = s.charCodeAt(q);
      this.start[this.length] = a;
      this.end[this.length++] = b;
    }
  }

  /** Unit q of `s` maps to [a + q, a + q + 1): a one-to-one copy of original text. */
  pushIdentity(s: string, a: number): void {
    const k = s.length;
    this.reserve(k);
    for (let q = 0; q < k; q++) {
      this.units[this.length] = s.charCodeAt(q);
      this.start[this.length] = a + q;
      this.end[this.length++] = a + q + 1;
    }
  }

  /** Copy `s`, whose units map to the given source spans [from, from + s.length). */
  pushMapped(s: string, srcStart: Int32Array, srcEnd: Int32Array, from: number): void {
    const k = s.length;
    this.reserve(k);
    for (let q = 0; q < k; q++) this.units[this.length + q] = s.charCodeAt(q);
    this.start.set(srcStart.subarray(from, from + k), this.length);
    this.end.set(srcEnd.subarray(from, from + k), this.length);
    this.length += k;
  }

  /** Append one unit (`ch` is one UTF-16 unit) with an explicit span. */
  pushUnit(ch: string, a: number, b: number): void {
    this.reserve(1);
    this.units[this.length] = ch.charCodeAt(0);
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
    this.length--;
  }
}
