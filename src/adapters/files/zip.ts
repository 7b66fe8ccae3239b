import { inflateRawSync } from "zlib";
import { XlsxFormatError } from "./xlsxStructure";

/**
 * The few zip reads an .xlsx needs: the central directory and one entry's bytes, inflated with a stated cap.
 * Hand-written over Node's zlib rather than a zip library: it is about 100 lines (with zipFile.ts for reading from disk),
 * and reading stays dependency-free.
 */

export { XlsxFormatError } from "./xlsxStructure";

/**
 * Caps on what one part of the zip may inflate to, so a crafted file (a zip bomb) is refused instead of running
 * for ever or filling memory. Mutable only so tests can use a small cap.
 */
export const readLimits = {
  /**
   * 2 GiB of XML for one part. openpyxl and pandas write about 1,200 bytes of sheet XML per Diagnostics row
   * (300,000 rows are 357 MB), so a sheet at Excel's own limit of 1,048,576 rows stays under it.
   */
  maxPartBytes: 2 * 1024 * 1024 * 1024,
  /**
   * A sheet part is read from the file and inflated in pieces of this size (zipFile.ts), and scanned as each
   * piece arrives: memory follows the cells kept, not the XML's size. 4 MB rather than 1 MB: each piece is a round
   * trip to zlib's thread, which a loaded machine makes slow (1 MB pieces were slower in every one of 3 rounds on
   * the shared 2-core machine). Tests make it tiny to cut every element.
   */
  pieceBytes: 4 * 1024 * 1024,
  /**
   * A sheet part that unpacks to no more than this is inflated whole in one call (inflateRawSync) and scanned in one
   * piece: a 100,000-row sheet (60 MB of XML) then costs one inflate and one scan, with none of the streaming's round
   * trips and copies. Bounds memory at this many bytes plus the rows kept; a larger part is streamed in pieces.
   */
  wholePartBytes: 64 * 1024 * 1024,
  /**
   * The largest worksheet part, when it unpacks to at least this many bytes (and at most wholePartBytes), starts
   * inflating on zlib's thread as soon as the file is opened (xlsxFile.ts): while this thread reads the small parts
   * (the shared strings of a 100,000-row sheet take about 60 ms), the data sheet is inflated (about 120 ms). A smaller
   * part is not worth the round trip to zlib's thread. Tests make it small to take that path with small files.
   */
  earlyPartBytes: 4 * 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** The size unpacked, as the directory states it (a crafted file may lie: every inflate is capped all the same). */
  size: number;
  localOffset: number;
}

/** Where the central directory is, from the end-of-central-directory record in the file's last bytes. */
export function directoryPlace(tail: Buffer): { count: number; offset: number; size: number } {
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new XlsxFormatError("not a zip file");
  const count = tail.readUInt16LE(eocd + 10);
  const size = tail.readUInt32LE(eocd + 12);
  const offset = tail.readUInt32LE(eocd + 16);
  if (offset === 0xffffffff || count === 0xffff) throw new XlsxFormatError("zip64 archives are not supported");
  return { count, offset, size };
}

/** The entries of a central directory; `buffer` holds it from `at` on. */
export function directoryEntries(buffer: Buffer, at: number, count: number): Map<string, ZipEntry> {
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== 0x02014b50) throw new XlsxFormatError("damaged zip directory");
    const method = buffer.readUInt16LE(at + 10);
    const compressedSize = buffer.readUInt32LE(at + 20);
    const size = buffer.readUInt32LE(at + 24);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const localOffset = buffer.readUInt32LE(at + 42);
    const name = buffer.toString("utf8", at + 46, at + 46 + nameLength);
    entries.set(name.replace(/^\//, ""), { name, method, compressedSize, size, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The last bytes of a zip that can hold its end-of-central-directory record (22 bytes and a comment of up to 64 KiB). */
export const TAIL_BYTES = 65557;

export function zipEntries(buffer: Buffer): Map<string, ZipEntry> {
  const { count, offset } = directoryPlace(buffer.subarray(Math.max(0, buffer.length - TAIL_BYTES)));
  return directoryEntries(buffer, offset, count);
}

/** Where an entry's stored bytes start, from its local header (30 bytes, then the name and extra field). */
export function dataStart(localHeader: Buffer, entry: ZipEntry): number {
  if (localHeader.length < 30 || localHeader.readUInt32LE(0) !== 0x04034b50) {
    throw new XlsxFormatError(`its part ${entry.name} is damaged (its zip entry cannot be read)`, `is damaged (part ${entry.name}: its zip entry cannot be read)`);
  }
  return entry.localOffset + 30 + localHeader.readUInt16LE(26) + localHeader.readUInt16LE(28);
}

export function entryData(buffer: Buffer, entry: ZipEntry): Buffer {
  const start = dataStart(buffer.subarray(entry.localOffset, entry.localOffset + 30), entry);
  return inflateEntry(buffer.subarray(start, start + entry.compressedSize), entry);
}

/** An entry's stored bytes, inflated whole (the small parts); a sheet is inflated as a stream (zipFile.ts). */
export function inflateEntry(raw: Buffer, entry: ZipEntry): Buffer {
  if (entry.method === 0) return raw;
  if (entry.method === 8) {
    // A cap, so a crafted file (a zip bomb) fails instead of filling memory.
    try {
      return inflateRawSync(raw, { maxOutputLength: readLimits.maxPartBytes });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError) throw tooLarge(entry);
      throw damaged(entry);
    }
  }
  throw unsupported(entry);
}

export const tooLarge = (entry: ZipEntry) => {
  const over = `over ${Math.round(readLimits.maxPartBytes / 1048576)} MB when unpacked`;
  return new XlsxFormatError(`its part ${entry.name} is too large to read (${over})`, `is too large to read (part ${entry.name}, ${over})`);
};
export const damaged = (entry: ZipEntry) => new XlsxFormatError(`its part ${entry.name} is damaged`, `is damaged (part ${entry.name})`);
export const unsupported = (entry: ZipEntry) =>
  new XlsxFormatError(`its part ${entry.name} uses zip compression ${entry.method}, which cannot be read`, `uses zip compression ${entry.method}, which cannot be read (part ${entry.name})`);
