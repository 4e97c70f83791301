// Makes public/'s raster icons from public/icon.svg, drawn by Chromium:
// favicon.ico (16 and 32 px, PNG inside) for browsers and tools that ask for
// /favicon.ico or cannot show an SVG icon, and apple-touch-icon.png (180 px)
// for a phone's home screen. Run after changing icon.svg:
//   npx tsx scripts/make-icons.ts
import { readFileSync, writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";

const svg = readFileSync("public/icon.svg", "utf8");
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
/** The icon at `size` px; `square` without its rounded corners (a phone rounds its home-screen icons itself, and fills transparent corners with black). */
async function png(size: number, square = false): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const drawn = svg.replace("<svg ", `<svg width="${size}" height="${size}" `);
  await page.setContent(`<body style="margin:0">${square ? drawn.replace(/ rx="[^"]*"/, "") : drawn}</body>`);
  const shot = await page.screenshot({ omitBackground: true });
  await page.close();
  return shot;
}

/** An .ico holding PNG images (the format's header and directory, then the PNGs as they are). */
function ico(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1: an icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size % 256, entry); // 0 means 256
    header.writeUInt8(size % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

writeFileSync("public/favicon.ico", ico([{ size: 16, png: await png(16) }, { size: 32, png: await png(32) }]));
writeFileSync("public/apple-touch-icon.png", await png(180, true));
await browser.close();
