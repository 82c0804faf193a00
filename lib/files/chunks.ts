/**
 * The size of one StoredFileChunk row (docs/decisions/0070): large enough that a 10 MB PDF is 40
 * rows, small enough that a write, a download or a backup holds one chunk, never a whole file.
 */
export const CHUNK_BYTES = 256 * 1024;

/**
 * Re-cuts a byte stream into pieces of exactly `size` bytes (the last may be shorter), whatever
 * sizes the network or the disk delivered: only the piece being filled is held.
 */
export async function* rechunk(source: AsyncIterable<Uint8Array>, size = CHUNK_BYTES): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  let piece = new Uint8Array(size);
  let filled = 0;
  for await (const part of source) {
    for (let offset = 0; offset < part.length;) {
      const n = Math.min(size - filled, part.length - offset);
      piece.set(part.subarray(offset, offset + n), filled);
      filled += n;
      offset += n;
      if (filled === size) {
        yield piece;
        piece = new Uint8Array(size);
        filled = 0;
      }
    }
  }
  if (filled) yield piece.slice(0, filled);
}

/** Bytes already in memory (a release file built by the publisher) as a source. */
export async function* bytesSource(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}
