/** One array read from a `.npy` file. */
export interface NpyArray {
  /** numpy dtype string, e.g. `|u1`, `<i8`, `<f4`. */
  readonly dtype: string;
  /** Shape in C order (Fortran-ordered data is transposed on read). */
  readonly shape: readonly number[];
  /** The values in C order: Uint8Array, Int8Array, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, or BigInt64Array / BigUint64Array. */
  readonly data: ArrayLike<number | bigint> & { readonly length: number };
}

const TYPES: Record<string, { size: number; make: (b: ArrayBuffer) => NpyArray['data'] }> = {
  u1: { size: 1, make: (b) => new Uint8Array(b) },
  i1: { size: 1, make: (b) => new Int8Array(b) },
  b1: { size: 1, make: (b) => new Uint8Array(b) },
  u2: { size: 2, make: (b) => new Uint16Array(b) },
  i2: { size: 2, make: (b) => new Int16Array(b) },
  u4: { size: 4, make: (b) => new Uint32Array(b) },
  i4: { size: 4, make: (b) => new Int32Array(b) },
  f4: { size: 4, make: (b) => new Float32Array(b) },
  f8: { size: 8, make: (b) => new Float64Array(b) },
  i8: { size: 8, make: (b) => new BigInt64Array(b) },
  u8: { size: 8, make: (b) => new BigUint64Array(b) },
};

/**
 * Parses a `.npy` file (format versions 1-3): magic, header dict (`descr`, `fortran_order`,
 * `shape`), then the data, copied into an aligned typed array. Fortran-ordered arrays are
 * transposed to C order. Throws an Error naming what is wrong; callers wrap it. O(size).
 */
export function parseNpy(bytes: Uint8Array): NpyArray {
  const magic = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
  if (bytes.length < 10 || magic.some((m, i) => bytes[i] !== m))
    throw new Error('not a .npy array (bad magic)');
  const major = bytes[6]!;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = major === 1 ? 10 : 12;
  if (start + headerLength > bytes.length) throw new Error('truncated .npy header');
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(
    bytes.subarray(start, start + headerLength),
  );
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(header)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) {
    throw new Error(`unreadable .npy header ${JSON.stringify(header.trim())}`);
  }
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map(Number);
  const order = descr[0];
  const type = TYPES[descr.slice(1)];
  if (type === undefined || (type.size > 1 && order === '>')) throw new Error(`unsupported dtype ${descr}`);
  const count = shape.reduce((a, b) => a * b, 1);
  const offset = start + headerLength;
  if (offset + count * type.size > bytes.length) {
    throw new Error(
      `truncated .npy data: shape (${shape.join(', ')}) needs ${count * type.size} bytes, found ${bytes.length - offset}`,
    );
  }
  const buffer = new ArrayBuffer(count * type.size);
  new Uint8Array(buffer).set(bytes.subarray(offset, offset + count * type.size));
  const data = type.make(buffer);
  if (fortran === 'False' || shape.length < 2) return { dtype: descr, shape, data };
  return { dtype: descr, shape, data: fortranToC(data, shape, type.make) };
}

/** Fortran (column-major) to C (row-major) order: element (i0..ik) sits at sum i_j * prod(shape[<j]). O(n·d). */
function fortranToC(
  data: NpyArray['data'],
  shape: readonly number[],
  make: (b: ArrayBuffer) => NpyArray['data'],
): NpyArray['data'] {
  const d = shape.length;
  const n = data.length;
  const bytesPer = (data as unknown as ArrayBufferView).byteLength / Math.max(1, n);
  const out = make(new ArrayBuffer(n * bytesPer)) as unknown as { [i: number]: number | bigint };
  const fStride = new Array<number>(d);
  let s = 1;
  for (let j = 0; j < d; j++) {
    fStride[j] = s;
    s *= shape[j]!;
  }
  const index = new Array<number>(d).fill(0);
  for (let c = 0; c < n; c++) {
    let f = 0;
    for (let j = 0; j < d; j++) f += index[j]! * fStride[j]!;
    out[c] = data[f]!;
    for (let j = d - 1; j >= 0; j--) {
      if (++index[j]! < shape[j]!) break;
      index[j] = 0;
    }
  }
  return out as unknown as NpyArray['data'];
}

/** Encodes a `.npy` (version 1.0) file, for tests and tools. O(size). */
export function encodeNpy(
  dtype: string,
  shape: readonly number[],
  data: ArrayBufferView,
  fortranOrder = false,
): Uint8Array {
  const dims = shape.length === 1 ? `${shape[0]},` : shape.join(', ');
  let header = `{'descr': '${dtype}', 'fortran_order': ${fortranOrder ? 'True' : 'False'}, 'shape': (${dims}), }`;
  const pad = 64 - ((10 + header.length + 1) % 64);
  header = `${header}${' '.repeat(pad % 64)}\n`;
  const out = new Uint8Array(10 + header.length + data.byteLength);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  new DataView(out.buffer).setUint16(8, header.length, true);
  out.set(new TextEncoder().encode(header), 10);
  out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), 10 + header.length);
  return out;
}
