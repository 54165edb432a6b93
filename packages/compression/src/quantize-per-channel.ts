/** Round half to even, as onnxruntime's QuantizeLinear. */
export function roundEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Symmetric int8 quantization per output channel (zero point 0, so pruned zeros stay exactly 0):
 * scale_c = max|w_c| / 127, q = round(w / scale_c) in [-127, 127]. A channel of zeros gets scale 1.
 * `axis` 0: channel = leading index; axis 1 of a 2-D [K, N] tensor: channel = column. O(n).
 *
 * @example
 * const { q, scales } = quantizePerChannel(Float32Array.from([1, -0.5, 0, 0, 0, 2]), [2, 3], 0);
 * [Array.from(q), Array.from(scales)] // => [[127, -64, 0, 0, 0, 127], [Math.fround(1 / 127), Math.fround(2 / 127)]]
 */
export function quantizePerChannel(
  values: Float32Array,
  dims: readonly number[],
  axis: 0 | 1,
): { q: Int8Array; scales: Float32Array } {
  const channels = dims[axis]!;
  const scales = new Float32Array(channels);
  const q = new Int8Array(values.length);
  const inner = axis === 0 ? values.length / channels : 1;
  const stride = axis === 0 ? 1 : channels;
  const count = values.length / channels;
  const at = (c: number, j: number) => (axis === 0 ? c * inner + j : j * stride + c);
  for (let c = 0; c < channels; c++) {
    let max = 0;
    for (let j = 0; j < count; j++) max = Math.max(max, Math.abs(values[at(c, j)]!));
    const scale = max > 0 ? Math.fround(max / 127) : 1;
    scales[c] = scale;
    for (let j = 0; j < count; j++) {
      const i = at(c, j);
      q[i] = Math.max(-127, Math.min(127, roundEven(values[i]! / scale)));
    }
  }
  return { q, scales };
}
