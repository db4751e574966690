/**
 * Bump allocation of small per-post typed arrays (offset maps, feature vectors) as views into
 * shared chunks. A typed array over 64 bytes gets its own off-heap backing store, which costs far
 * more to allocate and collect than the few hundred bytes it holds; a view into a chunk is one
 * small on-heap object. Chunk memory is never handed out twice: a chunk is freed by the GC once no
 * view into it is alive, so views behave like fresh zero-filled arrays.
 */
const CHUNK_BYTES = 1 << 18;
/** Larger requests get their own array: they are rare and would waste a chunk. */
const MAX_POOLED_BYTES = 1 << 14;

let chunk = new ArrayBuffer(CHUNK_BYTES);
let offset = 0;

function take(bytes: number): number {
  if (offset + bytes > CHUNK_BYTES) {
    chunk = new ArrayBuffer(CHUNK_BYTES);
    offset = 0;
  }
  const at = offset;
  offset += bytes;
  return at;
}

/** A zero-filled Int32Array of length `n`. */
export function allocInt32(n: number): Int32Array {
  const bytes = n * 4;
  if (bytes > MAX_POOLED_BYTES) return new Int32Array(n);
  return new Int32Array(chunk, take(bytes), n);
}

/** A zero-filled Float32Array of length `n`. */
export function allocFloat32(n: number): Float32Array {
  const bytes = n * 4;
  if (bytes > MAX_POOLED_BYTES) return new Float32Array(n);
  return new Float32Array(chunk, take(bytes), n);
}
