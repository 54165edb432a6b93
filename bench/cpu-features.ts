// What the CPU offers the kernels measured here, for the "This run" header and results.json: the
// int8 figures (onnxruntime's QLinearConv and QGemm) depend on whether the CPU has dot-product
// instructions for 8-bit integers (AVX-VNNI, AVX512-VNNI, AMX), and "AMD EPYC" alone does not say.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** The CPU's model, family and SIMD features that matter to the benchmarks. */
export interface CpuFeatures {
  readonly model: string;
  /** `family 23 model 49` from /proc/cpuinfo (Linux), else undefined. */
  readonly familyModel: string | undefined;
  /** Of avx2, fma, avx512f, avx512_vnni, avx_vnni, amx_int8: those the CPU reports (Linux only). */
  readonly simd: readonly string[] | undefined;
}

const INTERESTING = ['avx2', 'fma', 'avx512f', 'avx512_vnni', 'avx_vnni', 'amx_int8'] as const;

/** Reads the CPU's model and, on Linux, family, model number and SIMD flags from /proc/cpuinfo. */
export function cpuFeatures(): CpuFeatures {
  const model = cpus()[0]?.model.trim() ?? 'unknown';
  let info: string;
  try {
    info = readFileSync('/proc/cpuinfo', 'utf8');
  } catch {
    return { model, familyModel: undefined, simd: undefined };
  }
  const field = (name: string) => new RegExp(`^${name}\\s*:\\s*(.*)$`, 'm').exec(info)?.[1]?.trim();
  const family = field('cpu family');
  const number = field('model');
  const flags = new Set((field('flags') ?? '').split(/\s+/));
  return {
    model,
    familyModel:
      family !== undefined && number !== undefined ? `family ${family} model ${number}` : undefined,
    simd: INTERESTING.filter((f) => flags.has(f)),
  };
}

/** One line for the report: model, family and model number, SIMD flags, and whether int8 has dot products. */
export function describeCpu(c: CpuFeatures): string {
  const parts = [c.model];
  if (c.familyModel !== undefined) parts.push(`(${c.familyModel})`);
  if (c.simd !== undefined) {
    const vnni = c.simd.some((f) => f.includes('vnni') || f.startsWith('amx'));
    parts.push(
      `SIMD ${c.simd.join(', ') || 'none of avx2, avx512f'}; int8 dot-product instructions (VNNI/AMX): ${vnni ? 'yes' : 'no'}`,
    );
  }
  return parts.join(' ');
}
