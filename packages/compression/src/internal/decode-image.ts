import { readFile } from 'node:fs/promises';

/** sharp's default export (loaded on first use, so importing the package does not load it). */
export type Sharp = typeof import('sharp').default;

/** Decodes one file to `height x width x channels` uint8 pixels. */
export async function decodeImage(
  sharp: Sharp,
  path: string,
  height: number,
  width: number,
  channels: 1 | 3,
): Promise<Uint8Array> {
  const bytes = await readFile(path);
  // sharp skips the resize when the image already has the target size, so such pixels stay exact.
  const { data, info } = await sharp(bytes)
    .removeAlpha()
    .toColourspace('srgb')
    .resize(width, height, { fit: 'fill', kernel: 'linear' })
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3 || info.width !== width || info.height !== height) {
    throw new Error(`decoded to ${info.width}x${info.height}x${info.channels}, not ${width}x${height}x3`);
  }
  if (channels === 3) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  // PIL's convert('L') weights (ITU-R 601-2 luma in 16-bit fixed point; they sum to 65536, so grey stays exact).
  const grey = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < grey.length; i++, j += 3) {
    grey[i] = (data[j]! * 19595 + data[j + 1]! * 38470 + data[j + 2]! * 7471 + 0x8000) >> 16;
  }
  return grey;
}
