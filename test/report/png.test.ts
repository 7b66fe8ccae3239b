import { inflateSync } from "node:zlib";
import { adler32, crc32, encodePng, stackedBarPng, zlibStored } from "../../src/report/png";

function idat(png: Uint8Array): Buffer {
  const buf = Buffer.from(png);
  const at = buf.indexOf("IDAT");
  return buf.subarray(at + 4, at + 4 + buf.readUInt32BE(at - 4));
}

describe("png", () => {
  it("computes the standard check values", () => {
    const digits = new TextEncoder().encode("123456789");
    expect(crc32(digits)).toBe(0xcbf43926);
    expect(adler32(new TextEncoder().encode("Wikipedia"))).toBe(0x11e60398);
  });

  it("writes zlib streams that zlib reads, across several stored blocks", () => {
    const data = new Uint8Array(150_000).map((_, i) => (i * 31) % 251);
    expect(Buffer.compare(inflateSync(Buffer.from(zlibStored(data))), Buffer.from(data))).toBe(0);
    expect(inflateSync(Buffer.from(zlibStored(new Uint8Array(0)))).length).toBe(0);
  });

  it("encodes RGBA pixels with correct chunk CRCs", () => {
    const png = encodePng(2, 1, new Uint8Array([255, 0, 0, 255, 0, 0, 255, 128]));
    const buf = Buffer.from(png);
    expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(buf.readUInt32BE(16)).toBe(2);
    expect(buf.readUInt32BE(20)).toBe(1);
    // IHDR CRC covers type and data.
    expect(buf.readUInt32BE(29)).toBe(crc32(png.subarray(12, 29)));
    expect([...inflateSync(idat(png))]).toEqual([0, 255, 0, 0, 255, 0, 0, 255, 128]);
    expect(() => encodePng(0, 1, new Uint8Array(0))).toThrow();
  });

  it("draws a stacked bar left to right in proportion, the rest transparent", () => {
    const png = stackedBarPng([{ count: 1, colour: "00703C" }, { count: 0, colour: "FFFFFF" }, { count: 1, colour: "D4351C" }], 4, 40, 2);
    const raw = inflateSync(idat(png));
    const pixel = (x: number) => [...raw.subarray(1 + x * 4, 1 + x * 4 + 4)];
    expect(pixel(0)).toEqual([0x00, 0x70, 0x3c, 255]);
    expect(pixel(9)).toEqual([0, 0, 0, 0]); // the gap between segments
    expect(pixel(10)).toEqual([0xd4, 0x35, 0x1c, 255]);
    expect(pixel(25)).toEqual([0, 0, 0, 0]); // beyond this group's visits
  });
});
