import { constants } from 'node:fs';
import { copyFile, rename, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InvalidArgumentError } from '@paretokit/problem';
import { modelProtoType } from './internal/onnx-schema.js';
import type { OnnxModel } from './onnx-types.js';

/** Options of {@link saveOnnx}. */
export interface SaveOnnxOptions {
  /** Replace an existing file (never the file the model was loaded from). Default false. */
  readonly overwrite?: boolean;
}

/**
 * Encodes a model to ONNX bytes. O(model size). A model loaded and saved unchanged gives back the
 * same bytes as the original file when that file was written in canonical field order (as
 * PyTorch and the `onnx` package write it).
 *
 * @example
 * const bytes = saveOnnxSync(tinyCnn());
 * saveOnnxSync(await loadOnnx(bytes)).length === bytes.length // => true
 */
export function saveOnnxSync(model: OnnxModel): Uint8Array {
  if (typeof model !== 'object' || model === null || typeof model.proto !== 'object') {
    throw new InvalidArgumentError({
      argument: 'saveOnnx(model)',
      expected: 'an OnnxModel ({ proto }) from loadOnnx',
      actual: model,
    });
  }
  return modelProtoType().encode(model.proto).finish();
}

/**
 * Encodes a model to ONNX bytes and writes them to `path` (through a temporary file and a rename,
 * so a crash leaves no half-written model). Refuses to write over the file the model was loaded
 * from, and over any existing file unless `overwrite` is set. O(model size).
 *
 * @returns the bytes written.
 * @throws InvalidArgumentError if `path` is the model's own source file, or exists without `overwrite`.
 * @example
 * const path = join(tmpdir(), `tiny-${process.pid}.onnx`);
 * (await saveOnnx(tinyCnn(), path, { overwrite: true })).length > 0 // => true
 */
export async function saveOnnx(
  model: OnnxModel,
  path: string,
  options: SaveOnnxOptions = {},
): Promise<Uint8Array> {
  const bytes = saveOnnxSync(model);
  const target = resolve(path);
  if (model.sourcePath !== undefined && resolve(model.sourcePath) === target) {
    throw new InvalidArgumentError({
      argument: 'saveOnnx(model, path)',
      expected: 'a path other than the file the model was loaded from',
      actual: path,
      hint: 'ParetoKit never writes over the original model; choose a new file name.',
    });
  }
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, bytes);
  try {
    if (options.overwrite !== true) {
      // COPYFILE_EXCL fails if the target exists, atomically; the copy is then replaced by rename.
      await copyFile(temporary, target, constants.COPYFILE_EXCL);
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new InvalidArgumentError({
        argument: 'saveOnnx(model, path)',
        expected: 'a path that does not exist yet',
        actual: path,
        hint: 'Pass { overwrite: true } to replace it.',
      });
    }
    throw error;
  }
  return bytes;
}
