import { closeSync, createReadStream, fstatSync, openSync, readSync } from "fs";
import { createInflateRaw, inflateRaw, inflateRawSync } from "zlib";
import {
  TAIL_BYTES,
  XlsxFormatError,
  ZipEntry,
  damaged,
  dataStart,
  directoryEntries,
  directoryPlace,
  inflateEntry,
  readLimits,
  tooLarge,
  unsupported,
} from "./zip";

/**
 * A zip read from its file without loading it: the central directory from the file's end, a small part (workbook,
 * relationships, shared strings, styles, tables) read and inflated whole, and a sheet part streamed: its bytes read
 * in pieces (readLimits.pieceBytes) through node:zlib's streaming inflate (createInflateRaw), each inflated piece
 * handed on as it comes. Output past readLimits.maxPartBytes (a zip bomb) or bad deflate data is an XlsxFormatError.
 * https://nodejs.org/api/zlib.html#class-zlibinflateraw
 */
export class ZipFile {
  readonly entries: Map<string, ZipEntry>;

  private constructor(
    private readonly fd: number,
    readonly file: string,
  ) {
    const size = fstatSync(fd).size;
    const tailStart = Math.max(0, size - TAIL_BYTES);
    const place = directoryPlace(this.bytes(tailStart, size - tailStart));
    if (place.offset + place.size > size) throw new XlsxFormatError("damaged zip directory");
    this.entries = directoryEntries(this.bytes(place.offset, place.size), 0, place.count);
  }

  static open(file: string): ZipFile {
    const fd = openSync(file, "r");
    try {
      return new ZipFile(fd, file);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  close(): void {
    closeSync(this.fd);
  }

  private bytes(position: number, length: number): Buffer {
    const out = Buffer.alloc(length);
    let done = 0;
    while (done < length) {
      const read = readSync(this.fd, out, done, length - done, position + done);
      if (read === 0) break;
      done += read;
    }
    return out.subarray(0, done);
  }

  private start(entry: ZipEntry): number {
    return dataStart(this.bytes(entry.localOffset, 30), entry);
  }

  /** A small part's bytes, inflated whole. */
  data(entry: ZipEntry): Buffer {
    return inflateEntry(this.bytes(this.start(entry), entry.compressedSize), entry);
  }

  /**
   * A part inflated whole when the directory says it unpacks to no more than `limit` bytes, else null (stream it).
   * If it unpacks to more than it said, the inflate stops at `limit` and the answer is null too: streaming, with its
   * own cap, then decides.
   */
  whole(entry: ZipEntry, limit: number): Buffer | null {
    const cap = Math.min(limit, readLimits.maxPartBytes);
    if (entry.method !== 8 || entry.size > cap || cap < 1) return null;
    const raw = this.bytes(this.start(entry), entry.compressedSize);
    try {
      // One output buffer of the stated size (and a little over, so that zlib never opens a second one): node:zlib
      // otherwise inflates into 16 KB chunks and copies them all into one buffer at the end.
      return inflateRawSync(raw, { maxOutputLength: cap, chunkSize: Math.max(64, entry.size + 64) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError) return null;
      throw damaged(entry);
    }
  }

  /**
   * As whole, but inflated on zlib's own thread (node:zlib's asynchronous inflateRaw), so this thread can go on with
   * other work meanwhile: the same bytes, the same null and the same damaged error. The part's compressed bytes are
   * read now, so the file may be closed before the promise settles.
   * https://nodejs.org/api/zlib.html#zlibinflaterawbuffer-options-callback
   */
  wholeLater(entry: ZipEntry, limit: number): Promise<Buffer | null> {
    const cap = Math.min(limit, readLimits.maxPartBytes);
    if (entry.method !== 8 || entry.size > cap || cap < 1) return Promise.resolve(null);
    const raw = this.bytes(this.start(entry), entry.compressedSize);
    return new Promise((resolve, reject) => {
      inflateRaw(raw, { maxOutputLength: cap, chunkSize: Math.max(64, entry.size + 64) }, (error, bytes) => {
        if (!error) resolve(bytes);
        else if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError) resolve(null);
        else reject(damaged(entry));
      });
    });
  }

  /**
   * Streams a part: `take` gets each inflated piece in order and returns false to stop early (the rest is neither
   * read nor inflated). `pieceBytes` is the size of the pieces read and inflated (readLimits.pieceBytes unless said).
   */
  async stream(entry: ZipEntry, take: (piece: Buffer) => boolean, pieceBytes = readLimits.pieceBytes): Promise<void> {
    if (entry.method !== 0 && entry.method !== 8) throw unsupported(entry);
    const start = this.start(entry);
    if (entry.compressedSize === 0) return;
    const piece = Math.max(1, pieceBytes);
    const source = createReadStream(this.file, { start, end: start + entry.compressedSize - 1, highWaterMark: piece });
    // zlib's smallest output chunk is 64 bytes.
    const inflate = entry.method === 8 ? createInflateRaw({ chunkSize: Math.max(64, piece) }) : null;
    if (inflate) {
      source.on("error", (error) => inflate.destroy(error));
      source.pipe(inflate);
    }
    let total = 0;
    try {
      for await (const chunk of (inflate ?? source) as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > readLimits.maxPartBytes) throw tooLarge(entry);
        if (!take(chunk)) break;
      }
    } catch (error) {
      if (error instanceof XlsxFormatError || !(error as NodeJS.ErrnoException).code?.startsWith("Z_")) throw error;
      throw damaged(entry);
    } finally {
      source.destroy();
      inflate?.destroy();
    }
  }
}
