/**
 * A tiny PNG encoder with no dependencies, so it runs in Node and in the task pane alike.
 * The image data is stored, not compressed: a zlib stream made of "stored" deflate blocks is a
 * valid PNG and needs no zlib. Fine for the small figures in a report.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length; i++) {
    a = (a + bytes[i]) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** A zlib stream holding the data in stored (uncompressed) deflate blocks. */
export function zlibStored(data: Uint8Array): Uint8Array {
  const MAX = 65535;
  const blocks = Math.max(1, Math.ceil(data.length / MAX));
  const out = new Uint8Array(2 + blocks * 5 + data.length + 4);
  out[0] = 0x78; // deflate, 32K window
  out[1] = 0x01; // no dictionary, fastest; (0x78 << 8 | 0x01) % 31 === 0
  let at = 2;
  for (let i = 0; i < blocks; i++) {
    const start = i * MAX;
    const len = Math.min(MAX, data.length - start);
    out[at++] = i === blocks - 1 ? 1 : 0; // BFINAL, BTYPE 00
    out[at++] = len & 0xff;
    out[at++] = len >>> 8;
    out[at++] = ~len & 0xff;
    out[at++] = (~len >>> 8) & 0xff;
    out.set(data.subarray(start, start + len), at);
    at += len;
  }
  const adler = adler32(data);
  out[at++] = adler >>> 24;
  out[at++] = (adler >>> 16) & 0xff;
  out[at++] = (adler >>> 8) & 0xff;
  out[at++] = adler & 0xff;
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * Encodes 8-bit RGBA pixels (width × height × 4 bytes, rows top to bottom) as a PNG file. `compress` makes the zlib
 * stream: stored blocks by default, which need no zlib and so run in the pane; Node's deflate where it is at hand.
 */
export function encodePng(width: number, height: number, rgba: Uint8Array, compress: (raw: Uint8Array) => Uint8Array = zlibStored): Uint8Array {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new Error(`A PNG needs a positive whole-number size, not ${width} × ${height}.`);
  }
  if (rgba.length !== width * height * 4) throw new Error("The pixel data does not match the image size.");
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  // compression, filter and interlace methods are all 0
  const stride = width * 4;
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", compress(raw)),
    chunk("IEND", new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export interface BarSegment {
  count: number;
  /** Hex colour without "#". */
  colour: string;
}

/**
 * One horizontal stacked bar: segments left to right, each as long as its count, on a scale where
 * `scaleMax` fills the whole width. The rest of the image is transparent. A thin gap separates
 * segments so neighbouring colours stay apart.
 */
export function stackedBarPng(segments: readonly BarSegment[], scaleMax: number, width: number, height: number): Uint8Array {
  const pixels = new Uint8Array(width * height * 4);
  const total = segments.reduce((n, s) => n + Math.max(0, s.count), 0);
  const max = Math.max(scaleMax, total, 1);
  let done = 0;
  for (const segment of segments) {
    if (segment.count <= 0) continue;
    const from = Math.round((done / max) * width);
    done += segment.count;
    const to = Math.round((done / max) * width);
    const gap = to - from > 3 ? 1 : 0;
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(segment.colour.slice(i, i + 2), 16));
    for (let y = 0; y < height; y++) {
      for (let x = from; x < to - gap; x++) {
        const p = (y * width + x) * 4;
        pixels[p] = r;
        pixels[p + 1] = g;
        pixels[p + 2] = b;
        pixels[p + 3] = 255;
      }
    }
  }
  return encodePng(width, height, pixels);
}
