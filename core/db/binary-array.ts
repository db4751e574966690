/**
 * One-dimensional PostgreSQL arrays sent as binary parameters (`${pgArray.uuid(ids)}::uuid[]`).
 *
 * Why: the pipeline's statements bind one array per column for a whole batch (1,000 posts). As
 * text literals, the client escapes and concatenates every element into one large string and the
 * server scans it back character by character (`array_in`, then each element's input function);
 * in binary, each element is length-prefixed (no quoting or escaping) and UUIDs, numbers and
 * timestamps travel as their fixed-size binary values. node-postgres sends a Buffer parameter in
 * binary format, so {@link PgArray.toPostgres} hands it the encoded array.
 *
 * Through Prisma (the fallback where a client has no pg pool of ours) a PgArray goes as its text
 * literal instead: Prisma's raw-query layer JSON-serialises parameters, and {@link PgArray.toJSON}
 * gives {@link PgArray.literal}, which the same SQL cast accepts.
 */
import { plainArray, textArray, timestampText } from './array-literal.ts';

/** Element types and their OIDs (`pg_type`), which binary array input checks against the cast. */
const OID = { uuid: 2950, int4: 23, float8: 701, text: 25, json: 114, timestamp: 1114, bytea: 17 } as const;
export type ElementType = keyof typeof OID;

type Values = {
  uuid: readonly string[];
  int4: ArrayLike<number>;
  float8: ArrayLike<number>;
  text: readonly (string | null)[];
  /** JSON documents, already serialised. */
  json: readonly string[];
  /** Stored as the UTC wall time (Prisma's convention for `timestamp` columns). */
  timestamp: readonly (Date | null)[];
  bytea: readonly Uint8Array[];
};

/** Microseconds from 1970-01-01 to PostgreSQL's epoch, 2000-01-01. */
const PG_EPOCH_MS = 946_684_800_000;
const TWO_32 = 2 ** 32;
/** Dimensions, has-nulls flag, element OID, then the one dimension's length and lower bound: five int32s. */
const HEADER = 20;

export class PgArray<T extends ElementType = ElementType> {
  constructor(
    readonly type: T,
    readonly values: Values[T],
  ) {}

  /** node-postgres calls this to serialise the parameter: a Buffer goes in binary format. */
  toPostgres(): Buffer {
    return encode(this.type, this.values);
  }

  /**
   * Prisma's raw-query layer serialises parameters with JSON.stringify: there the array goes as
   * its text literal, a text parameter that the SQL cast parses.
   */
  toJSON(): string {
    return this.literal();
  }

  /** The same array as a text literal (for drivers that send text parameters only). */
  literal(): string {
    const v = this.values;
    switch (this.type) {
      case 'text':
      case 'json':
        return textArray(v as readonly (string | null)[]);
      case 'bytea':
        return textArray((v as readonly Uint8Array[]).map((b) => `\\x${Buffer.from(b.buffer, b.byteOffset, b.length).toString('hex')}`));
      case 'timestamp':
        return textArray((v as readonly (Date | null)[]).map((d) => (d ? timestampText(d) : null)));
      default:
        return plainArray(v as readonly string[]);
    }
  }
}

/** Typed constructors: `pgArray.uuid(ids)`, `pgArray.text(names)`, … */
export const pgArray = {
  uuid: (values: Values['uuid']) => new PgArray('uuid', values),
  int4: (values: Values['int4']) => new PgArray('int4', values),
  float8: (values: Values['float8']) => new PgArray('float8', values),
  text: (values: Values['text']) => new PgArray('text', values),
  json: (values: Values['json']) => new PgArray('json', values),
  timestamp: (values: Values['timestamp']) => new PgArray('timestamp', values),
  bytea: (values: Values['bytea']) => new PgArray('bytea', values),
};

function header(buf: Buffer, n: number, hasNull: boolean, oid: number): void {
  buf.writeInt32BE(1, 0); // dimensions
  buf.writeInt32BE(hasNull ? 1 : 0, 4);
  buf.writeInt32BE(oid, 8);
  buf.writeInt32BE(n, 12); // length of the dimension
  buf.writeInt32BE(1, 16); // lower bound
}

function encode(type: ElementType, values: Values[ElementType]): Buffer {
  const n = values.length;
  if (n === 0) {
    // Zero dimensions: PostgreSQL's empty array.
    const buf = Buffer.alloc(12);
    buf.writeInt32BE(OID[type], 8);
    return buf;
  }
  switch (type) {
    case 'uuid':
      return uuids(values as Values['uuid']);
    case 'int4':
      return int4s(values as Values['int4']);
    case 'float8':
      return float8s(values as Values['float8']);
    case 'timestamp':
      return timestamps(values as Values['timestamp']);
    case 'bytea':
      return byteas(values as Values['bytea']);
    default:
      return texts(OID[type], values as readonly (string | null)[]);
  }
}

// Numbers go through a DataView (big-endian by default, and inlined by V8). One function per
// element type: a shared one saw integer arrays, float arrays and Int32Arrays at one site and was
// deoptimised and recompiled again and again (`--trace-deopt`: "wrong map").

function int4s(values: ArrayLike<number>): Buffer {
  const n = values.length;
  const buf = Buffer.allocUnsafe(HEADER + n * 8);
  header(buf, n, false, OID.int4);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.length);
  for (let i = 0, at = HEADER; i < n; i++, at += 8) {
    view.setInt32(at, 4);
    view.setInt32(at + 4, values[i]!);
  }
  return buf;
}

function float8s(values: ArrayLike<number>): Buffer {
  const n = values.length;
  const buf = Buffer.allocUnsafe(HEADER + n * 12);
  header(buf, n, false, OID.float8);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.length);
  for (let i = 0, at = HEADER; i < n; i++, at += 12) {
    view.setInt32(at, 8);
    view.setFloat64(at + 4, values[i]!);
  }
  return buf;
}

function uuids(values: readonly string[]): Buffer {
  const n = values.length;
  const buf = Buffer.allocUnsafe(HEADER + n * 20);
  header(buf, n, false, OID.uuid);
  let at = HEADER;
  for (let i = 0; i < n; i++) {
    buf[at] = 0;
    buf[at + 1] = 0;
    buf[at + 2] = 0;
    buf[at + 3] = 16;
    // A run of one id (a post's ten band keys) is parsed once, then copied.
    if (i > 0 && values[i] === values[i - 1]) buf.copyWithin(at + 4, at - 16, at);
    else writeUuid(buf, at + 4, values[i]!);
    at += 20;
  }
  return buf;
}

function texts(oid: number, values: readonly (string | null)[]): Buffer {
  let size = HEADER;
  let hasNull = false;
  for (const v of values) {
    if (v === null || v === undefined) hasNull = true;
    else size += Buffer.byteLength(v, 'utf8');
    size += 4;
  }
  const buf = Buffer.allocUnsafe(size);
  header(buf, values.length, hasNull, oid);
  let at = HEADER;
  for (const v of values) {
    if (v === null || v === undefined) {
      buf.writeInt32BE(-1, at);
      at += 4;
    } else {
      const len = buf.write(v, at + 4, 'utf8');
      buf.writeInt32BE(len, at);
      at += 4 + len;
    }
  }
  return buf;
}

function byteas(values: readonly Uint8Array[]): Buffer {
  let size = HEADER;
  for (const v of values) size += 4 + v.length;
  const buf = Buffer.allocUnsafe(size);
  header(buf, values.length, false, OID.bytea);
  let at = HEADER;
  for (const v of values) {
    buf.writeInt32BE(v.length, at);
    buf.set(v, at + 4);
    at += 4 + v.length;
  }
  return buf;
}

function timestamps(values: readonly (Date | null)[]): Buffer {
  let nulls = 0;
  for (const d of values) if (d === null || d === undefined) nulls++;
  const buf = Buffer.allocUnsafe(HEADER + values.length * 4 + (values.length - nulls) * 8);
  header(buf, values.length, nulls > 0, OID.timestamp);
  let at = HEADER;
  for (const d of values) {
    if (d === null || d === undefined) {
      buf.writeInt32BE(-1, at);
      at += 4;
      continue;
    }
    const ms = d.getTime();
    if (!Number.isFinite(ms)) throw new RangeError('timestamp array: invalid Date');
    // int64 microseconds since 2000-01-01, as two 32-bit halves (exact: |µs| < 2^53 for any Date).
    const us = (ms - PG_EPOCH_MS) * 1000;
    const hi = Math.floor(us / TWO_32);
    buf.writeInt32BE(8, at);
    buf.writeInt32BE(hi, at + 4);
    buf.writeUInt32BE(us - hi * TWO_32, at + 8);
    at += 12;
  }
  return buf;
}

/** Hex digit values by character code; 0x100 marks a non-digit (any code ≥ 128 is one too). */
const HEX = new Uint16Array(65536).fill(0x100);
for (let i = 0; i < 10; i++) HEX[48 + i] = i;
for (let i = 0; i < 6; i++) HEX[97 + i] = HEX[65 + i] = 10 + i;
/** Where each of the 16 bytes' two hex digits start in 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx'. */
const DIGITS = Uint8Array.from([0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34]);

/** A UUID in its canonical 36-character form (any case, hyphens where they belong) as 16 bytes. */
function writeUuid(buf: Buffer, at: number, uuid: string): void {
  let bad =
    uuid.length !== 36 ||
    uuid.charCodeAt(8) !== 45 ||
    uuid.charCodeAt(13) !== 45 ||
    uuid.charCodeAt(18) !== 45 ||
    uuid.charCodeAt(23) !== 45
      ? 0x100
      : 0;
  if (!bad) {
    for (let k = 0; k < 16; k++) {
      const hi = HEX[uuid.charCodeAt(DIGITS[k]!)]!;
      const lo = HEX[uuid.charCodeAt(DIGITS[k]! + 1)]!;
      bad |= hi | lo;
      buf[at + k] = (hi << 4) | lo;
    }
  }
  if (bad & 0x100) throw new TypeError(`uuid array: "${uuid}" is not a UUID`);
}
