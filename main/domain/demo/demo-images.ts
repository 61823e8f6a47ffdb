import { createCanvas } from '@napi-rs/canvas';

// A product picture for the demo shop, drawn rather than shipped as files: Shopee refuses a listing without
// an image, so the demo's "Đăng lên Shopee" works out of the box. 300 px square of flat shapes, so the PNG's
// data: URL fits the catalogue's 2,000-character image field.

const SIZE = 300;
const HUES = [204, 152, 28, 340, 262, 96, 12, 188];

/** A PNG data: URL of a parcel tinted by `index`; the same index gives the same bytes. */
export function demoProductImage(index: number): string {
  const hue = HUES[index % HUES.length]!;
  const canvas = createCanvas(SIZE, SIZE);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = `hsl(${hue} 45% 92%)`;
  ctx.fillRect(0, 0, SIZE, SIZE);
  // A parcel with its tape, in the product's tint (pixel-aligned flat shapes compress to almost nothing).
  ctx.fillStyle = `hsl(${hue} 40% 70%)`;
  ctx.fillRect(70, 75, 160, 160);
  ctx.fillStyle = `hsl(${hue} 45% 30%)`;
  ctx.fillRect(138, 75, 24, 160);
  return `data:image/png;base64,${canvas.toBuffer('image/png').toString('base64')}`;
}

