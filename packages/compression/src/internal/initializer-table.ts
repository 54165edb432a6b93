import type { GraphProto, TensorProto } from '../onnx-types.js';
import { readFloat32, shapeSize, tensorDims, withFloat32 } from './tensors.js';

/** A graph's float initializers by name, read as Float32Array and replaced in place. */
export class InitializerTable {
  private readonly index = new Map<string, number>();
  constructor(private readonly graph: GraphProto) {
    graph.initializer ??= [];
    graph.initializer.forEach((t, i) => {
      this.index.set(t.name ?? '', i);
    });
  }
  /** The tensor of that name (it must exist). */
  get(name: string): TensorProto {
    return this.graph.initializer![this.index.get(name)!]!;
  }
  /** Its values (a copy) and dims. */
  read(name: string): { values: Float32Array; dims: number[] } {
    const t = this.get(name);
    return { values: readFloat32(t), dims: tensorDims(t) };
  }
  /** Replaces (or adds) a float initializer. */
  set(name: string, values: Float32Array, dims: readonly number[]): void {
    const at = this.index.get(name);
    if (at === undefined) {
      this.index.set(name, this.graph.initializer!.length);
      this.graph.initializer!.push({ ...withFloat32({ name }, values), dims: [...dims] });
    } else {
      this.graph.initializer![at] = { ...withFloat32(this.get(name), values), dims: [...dims] };
    }
  }
}

/** Keeps the `keep` slices of `axis` (0 or 1) of a tensor of shape `dims`. O(kept values). */
export function sliceAxis(
  values: Float32Array,
  dims: readonly number[],
  axis: 0 | 1,
  keep: Int32Array,
): Float32Array {
  const outer = axis === 0 ? 1 : dims[0]!;
  const inner = shapeSize(dims.slice(axis + 1));
  const n = dims[axis]!;
  const out = new Float32Array(outer * keep.length * inner);
  let o = 0;
  for (let a = 0; a < outer; a++) {
    for (let j = 0; j < keep.length; j++) {
      const from = (a * n + keep[j]!) * inner;
      if (inner >= 64) {
        out.set(values.subarray(from, from + inner), o);
        o += inner;
      } else {
        for (let i = 0; i < inner; i++) out[o++] = values[from + i]!;
      }
    }
  }
  return out;
}
