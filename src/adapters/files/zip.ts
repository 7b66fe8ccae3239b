import { inflateRawSync } from "zlib";

/**
 * The few zip reads an .xlsx needs: the central directory and one entry's bytes, inflated with a stated cap.
 * Hand-written over Node's zlib rather than a zip library: it is 80 lines, and reading stays dependency-free.
 */

export class XlsxFormatError extends Error {}

/**
 * Caps on what one part of the zip may inflate to, so a crafted file (a zip bomb) is refused instead of filling memory.
 * Mutable only so tests can use a small cap.
 */
export const readLimits = {
  /**
   * 2 GiB of XML for one part. openpyxl and pandas write about 1,200 bytes of sheet XML per Diagnostics row
   * (300,000 rows are 357 MB), so a sheet at Excel's own limit of 1,048,576 rows stays under it.
   */
  maxPartBytes: 2 * 1024 * 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

export function zipEntries(buffer: Buffer): Map<string, ZipEntry> {
  const min = Math.max(0, buffer.length - 65557);
  let eocd = -1;
  for (let i = buffer.length - 22; i >= min; i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new XlsxFormatError("not a zip file");
  const count = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  if (at === 0xffffffff || count === 0xffff) throw new XlsxFormatError("zip64 archives are not supported");
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== 0x02014b50) throw new XlsxFormatError("damaged zip directory");
    const method = buffer.readUInt16LE(at + 10);
    const compressedSize = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const localOffset = buffer.readUInt32LE(at + 42);
    const name = buffer.toString("utf8", at + 46, at + 46 + nameLength);
    entries.set(name.replace(/^\//, ""), { name, method, compressedSize, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export function entryData(buffer: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localOffset;
  if (buffer.readUInt32LE(at) !== 0x04034b50) throw new XlsxFormatError("damaged zip entry");
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  const raw = buffer.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return raw;
  if (entry.method === 8) {
    // A cap, so a crafted file (a zip bomb) fails instead of filling memory; 100,000 visits inflate to ~60 MB.
    try {
      return inflateRawSync(raw, { maxOutputLength: readLimits.maxPartBytes });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError) {
        throw new XlsxFormatError(
          `its part ${entry.name} is too large to read (over ${Math.round(readLimits.maxPartBytes / 1048576)} MB when unpacked)`,
        );
      }
      throw new XlsxFormatError(`its part ${entry.name} is damaged`);
    }
  }
  throw new XlsxFormatError(`unsupported zip compression ${entry.method}`);
}
