// Draws the app's icons (web/public/icons/*.png): the favicon's yellow star on the app's blue, as
// PNG files a manifest can name. Pure Node (zlib for PNG's deflate), so anyone can redraw them
// without an image editor; the PNGs are committed, this only documents and repeats how they were made.
//   node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const OUT = fileURLToPath(new URL('../web/public/icons/', import.meta.url));
const BLUE = [0x0b, 0x53, 0x94];
const YELLOW = [0xff, 0xd3, 0x4d];

// The favicon's star (index.html), in its 32×32 box.
const STAR = [
  [16, 6],
  [18.9, 12.3],
  [25.8, 13],
  [20.6, 17.6],
  [22.1, 24.4],
  [16, 21],
  [9.9, 24.4],
  [11.4, 17.6],
  [6.2, 13],
  [13.1, 12.3],
];

function inPolygon(x, y, poly) {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inRoundedSquare(x, y, size, radius) {
  const cx = Math.min(Math.max(x, radius), size - radius);
  const cy = Math.min(Math.max(y, radius), size - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/**
 * One icon. `maskable`: the background fills the whole square (the platform cuts its own shape)
 * and the star shrinks into the central safe zone (a circle of 80% of the size).
 */
function draw(size, maskable) {
  const SS = 4; // 4×4 samples a pixel: smooth edges
  const scale = maskable ? 0.62 : 1;
  const radius = maskable ? 0 : size * (6 / 32);
  const px = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0;
      let star = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const fx = x + (sx + 0.5) / SS;
          const fy = y + (sy + 0.5) / SS;
          if (!inRoundedSquare(fx, fy, size, radius)) continue;
          bg++;
          // Star coordinates: the 32-unit box, centred and scaled.
          const u = ((fx / size - 0.5) / scale + 0.5) * 32;
          const v = ((fy / size - 0.5) / scale + 0.5) * 32 + (maskable ? 0.6 : 0);
          if (inPolygon(u, v, STAR)) star++;
        }
      }
      const n = SS * SS;
      const a = bg / n;
      const t = bg ? star / bg : 0;
      const o = (y * size + x) * 4;
      for (let k = 0; k < 3; k++) px[o + k] = Math.round(BLUE[k] * (1 - t) + YELLOW[k] * t);
      px[o + 3] = Math.round(a * 255);
    }
  }
  return png(size, px);
}

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(buf) {
  let c = -1;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
  ['apple-touch-icon-180.png', 180, true],
]) {
  writeFileSync(OUT + name, draw(size, maskable));
  console.log(`web/public/icons/${name}`);
}
