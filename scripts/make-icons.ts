// Generates the add-in icons in assets/ (icon-16/32/64/80/128.png).
// Design: a rounded square in dark teal (#0F6C74) with a white tick. PNGs come from the report's encoder,
// compressed with Node's zlib; no network.
//
//   npm run icons

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { encodePng } from "../src/report/png";

const SIZES = [16, 32, 64, 80, 128];
const TEAL = [0x0f, 0x6c, 0x74];
const WHITE = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 8; // samples per axis per pixel, for anti-aliasing

const outDir = join(__dirname, "..", "assets");

// ---- Drawing (in a unit square, 0..1) ----------------------------------

function insideRoundedSquare(x: number, y: number, inset: number, radius: number): boolean {
  const lo = inset;
  const hi = 1 - inset;
  if (x < lo || x > hi || y < lo || y > hi) return false;
  const cx = Math.min(Math.max(x, lo + radius), hi - radius);
  const cy = Math.min(Math.max(y, lo + radius), hi - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// Tick: two strokes with round caps, meeting at the bottom point.
const TICK = [
  [0.27, 0.52],
  [0.43, 0.68],
  [0.74, 0.35],
];

function insideTick(x: number, y: number, halfWidth: number): boolean {
  for (let i = 0; i < TICK.length - 1; i++) {
    const [ax, ay] = TICK[i];
    const [bx, by] = TICK[i + 1];
    if (distanceToSegment(x, y, ax, ay, bx, by) <= halfWidth) return true;
  }
  return false;
}

function render(size: number): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  // Small icons get a relatively thicker tick and less inset so they stay legible.
  const inset = size <= 16 ? 0.0 : 0.03;
  const radius = 0.2;
  const halfWidth = size <= 16 ? 0.085 : size <= 32 ? 0.07 : 0.06;
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          if (insideRoundedSquare(x, y, inset, radius)) {
            if (insideTick(x, y, halfWidth)) fg++;
            else bg++;
          }
        }
      }
      const total = n * n;
      const coverage = (bg + fg) / total;
      const i = (py * size + px) * 4;
      if (coverage > 0) {
        // Colour inside the shape is a blend of teal and white by sample count.
        const w = fg / (bg + fg);
        for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(TEAL[c] * (1 - w) + WHITE[c] * w);
      }
      rgba[i + 3] = Math.round(coverage * 255);
    }
  }
  return rgba;
}

mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = join(outDir, `icon-${size}.png`);
  writeFileSync(file, encodePng(size, size, render(size), (raw) => deflateSync(raw, { level: 9 })));
  console.log(`wrote ${file}`);
}
