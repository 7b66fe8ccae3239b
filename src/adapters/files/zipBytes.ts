/**
 * The zip reads an .xlsx needs, over plain bytes (Uint8Array, no Node Buffer) so the task pane can use them: the
 * central directory, then each XML part inflated through an InflateRaw (inflate.ts). The command line's zip.ts
 * does the same over Node's Buffer and zlib. ZIP layout: PKWARE APPNOTE.TXT 4.3.7 (local header), 4.3.12
 * (central directory), 4.3.16 (end of central directory).
 */
import { InflateError, InflateRaw } from "./inflate";

export class ZipFormatError extends Error {}

export interface ZipBytesEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** What one part may inflate to in the pane: a workbook brought in by hand is far smaller (cap against zip bombs). */
export const PANE_PART_LIMIT = 256 * 1024 * 1024;

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;

export function isZipBytes(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && u32(bytes, 0) === 0x04034b50;
}

export function zipDirectory(bytes: Uint8Array): Map<string, ZipBytesEntry> {
  const min = Math.max(0, bytes.length - 65557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError("not a zip file");
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  if (at === 0xffffffff || count === 0xffff) throw new ZipFormatError("zip64 archives are not supported");
  const names = new TextDecoder("utf-8");
  const entries = new Map<string, ZipBytesEntry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw new ZipFormatError("damaged zip directory");
    const nameLength = u16(bytes, at + 28);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name.replace(/^\//, ""), { name, method: u16(bytes, at + 10), compressedSize: u32(bytes, at + 20), localOffset: u32(bytes, at + 42) });
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}

async function entryBytes(bytes: Uint8Array, entry: ZipBytesEntry, inflate: InflateRaw, maxBytes: number): Promise<Uint8Array> {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) throw new ZipFormatError("damaged zip entry");
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const raw = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return raw;
  if (entry.method !== 8) throw new ZipFormatError(`unsupported zip compression ${entry.method}`);
  try {
    return await inflate(raw, maxBytes);
  } catch (error) {
    if (error instanceof InflateError && error.kind === "tooLarge") throw new ZipFormatError(`its part ${entry.name} is too large to read (${error.message})`);
    if (error instanceof InflateError && error.kind === "unsupported") throw error;
    throw new ZipFormatError(`its part ${entry.name} is damaged`);
  }
}

/** Every XML part of the zip (.xml and .rels; pictures and the like are left alone), inflated. */
export async function xmlParts(bytes: Uint8Array, inflate: InflateRaw, maxBytes = PANE_PART_LIMIT): Promise<Map<string, Uint8Array>> {
  const parts = new Map<string, Uint8Array>();
  for (const [path, entry] of zipDirectory(bytes)) {
    if (!/\.(xml|rels)$/i.test(path)) continue;
    parts.set(path, await entryBytes(bytes, entry, inflate, maxBytes));
  }
  return parts;
}
