/**
 * Draws Guildhall's icons (a hall: roof, three pillars, a step) and writes them beside this file:
 * color.png 192×192 on the accent colour, outline.png 32×32 white on transparent.
 * Run: npx tsx appPackage/make-icons.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodePng, type Rgba } from './png';

/** Is (u, v) in the unit square part of the hall glyph? */
function inHall(u: number, v: number): boolean {
  const roof = v >= 0.14 && v <= 0.34 && Math.abs(u - 0.5) <= (v - 0.14) * 2.0 + 0.02 && Math.abs(u - 0.5) <= 0.42;
  const beam = v > 0.34 && v <= 0.4 && u >= 0.1 && u <= 0.9;
  const pillar = v > 0.4 && v <= 0.76 && [0.2, 0.5, 0.8].some((c) => Math.abs(u - c) <= 0.07);
  const step = v > 0.76 && v <= 0.86 && u >= 0.06 && u <= 0.94;
  return roof || beam || pillar || step;
}

const ACCENT: Rgba = [0x5b, 0x5f, 0xc7, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

const colour = encodePng(192, 192, (x, y) => (inHall((x + 0.5) / 192, (y + 0.5) / 192) ? WHITE : ACCENT));
const outline = encodePng(32, 32, (x, y) => (inHall((x + 0.5) / 32, (y + 0.5) / 32) ? WHITE : CLEAR));

writeFileSync(path.join(__dirname, 'color.png'), colour);
writeFileSync(path.join(__dirname, 'outline.png'), outline);
console.log('wrote appPackage/color.png (192×192) and appPackage/outline.png (32×32)');
