/** Round half to even, as onnxruntime's QuantizeLinear. */
export function roundEven(x: number): number {
  // Math.round sends ties up, so a tie shows as r - x === 0.5; an odd r then steps down to even.
  const r = Math.round(x);
  return r - x === 0.5 && (r & 1) !== 0 ? r - 1 : r;
}

/**
 * Symmetric int8 quantization per output channel (zero point 0, so pruned zeros stay exactly 0):
 * scale_c = max|w_c| / levels, q = round(w / scale_c) in [-levels, levels] (`levels` 127, or 63
 * for 7-bit weights). A channel of zeros gets scale 1. `axis` 0: channel = leading index; axis 1
 * of a 2-D [K, N] tensor: channel = column. O(n).
 *
 * @example
 * const { q, scales } = quantizePerChannel(Float32Array.from([1, -0.5, 0, 0, 0, 2]), [2, 3], 0);
 * [Array.from(q), Array.from(scales)] // => [[127, -64, 0, 0, 0, 127], [Math.fround(1 / 127), Math.fround(2 / 127)]]
 */
export function quantizePerChannel(
  values: Float32Array,
  dims: readonly number[],
  axis: 0 | 1,
  levels = 127,
): { q: Int8Array; scales: Float32Array } {
  const channels = dims[axis]!;
  const scales = new Float32Array(channels);
  const q = new Int8Array(values.length);
  const count = values.length / channels;
  // Channel c holds entries c * count + j (axis 0) or j * channels + c (axis 1, columns).
  const stride = axis === 0 ? 1 : channels;
  for (let c = 0; c < channels; c++) {
    const first = axis === 0 ? c * count : c;
    const end = first + count * stride;
    let max = 0;
    for (let i = first; i < end; i += stride) {
      const a = Math.abs(values[i]!);
      if (a > max) max = a;
    }
    const scale = max > 0 ? Math.fround(max / levels) : 1;
    scales[c] = scale;
    for (let i = first; i < end; i += stride) {
      const v = roundEven(values[i]! / scale);
      q[i] = Math.min(levels, Math.max(-levels, v));
    }
  }
  return { q, scales };
}
