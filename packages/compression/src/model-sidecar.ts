import { readFile } from 'node:fs/promises';
import { InvalidArgumentError } from '@paretokit/problem';
import { UnsupportedModelError } from './errors/unsupported-model-error.js';
import { PREPROCESS_PRESETS, preprocessText } from './preprocess-presets.js';

/** How raw uint8 pixels become model input: `((x * scale) - mean[c]) / std[c]`, grey repeated to 3 channels if asked. */
export interface Preprocessing {
  readonly scale: number;
  /** One value per channel, or one for all. */
  readonly mean: readonly number[];
  readonly std: readonly number[];
  /** Repeat a single grey channel to fill the model's channels. */
  readonly repeatGray: boolean;
}

/** The JSON file beside a trained model: input name, layout and shape, preprocessing, classes, accuracies. */
export interface ModelSidecar {
  readonly classes: number;
  readonly input: {
    readonly name: string;
    /** `NCHW` (channels first) or `NHWC`. */
    readonly layout: 'NCHW' | 'NHWC';
    /** Shape of one example, without the batch axis. */
    readonly shape: readonly number[];
    readonly dtype: 'float32';
    /** Free text such as "x/255, then (x-0.5)/0.5 per channel; grayscale repeated to 3 channels". */
    readonly preprocess: string;
  };
  readonly output: { readonly name: string };
  /** Accuracies measured when the model was trained, if recorded. */
  readonly test_acc?: number;
  readonly val_acc?: number;
  readonly train_acc?: number;
  readonly dataset?: string;
  readonly [field: string]: unknown;
}

const NUMBER = String.raw`[-+]?\d*\.?\d+(?:e[-+]?\d+)?`;
const LIST = String.raw`\[\s*${NUMBER}(?:\s*,\s*${NUMBER})*\s*\]`;

function numbers(text: string): number[] {
  return text
    .replace(/[[\]]/g, '')
    .split(',')
    .map((s) => Number(s.trim()));
}

/**
 * Reads the preprocessing a sidecar describes in words: `x/255` (or any divisor), then
 * `(x-m)/s` with numbers or per-channel lists `[a, b, c]`, and "grayscale repeated to 3
 * channels"; or the name of one of {@link PREPROCESS_PRESETS}. O(text length).
 *
 * @throws UnsupportedModelError when the text names none of these steps.
 * @example
 * parsePreprocess('x/255, then (x-0.5)/0.5 per channel; grayscale repeated to 3 channels') // => { scale: 1 / 255, mean: [0.5], std: [0.5], repeatGray: true }
 * parsePreprocess('imagenet').std // => [0.229, 0.224, 0.225]
 */
export function parsePreprocess(text: string): Preprocessing {
  const t = preprocessText(text).replace(/\s+/g, ' ');
  const divide = new RegExp(String.raw`\bx\s*/\s*(${NUMBER})`, 'i').exec(t);
  const normalize = new RegExp(
    String.raw`\(\s*x\s*-\s*(${NUMBER}|${LIST})\s*\)\s*/\s*(${NUMBER}|${LIST})`,
    'i',
  ).exec(t);
  const repeatGray = /gr[ae]y(scale)?[^.;]*repeat/i.test(t);
  if (divide === null && normalize === null && !repeatGray) {
    throw new UnsupportedModelError({
      model: 'preprocess',
      expected: `steps like "x/255", "(x-0.5)/0.5" or "grayscale repeated to 3 channels", or a preset (${Object.keys(PREPROCESS_PRESETS).join(', ')})`,
      actual: JSON.stringify(text),
      hint: 'Or give evaluateModel / compressionProblem an explicit `preprocessing`.',
    });
  }
  return {
    scale: divide === null ? 1 : 1 / Number(divide[1]),
    mean: normalize === null ? [0] : numbers(normalize[1]!),
    std: normalize === null ? [1] : numbers(normalize[2]!),
    repeatGray,
  };
}

/**
 * Where a model's sidecar is looked for: the model's path with `.json` in place of `.onnx` (or
 * `.json` added when it has no such extension).
 *
 * @example
 * sidecarPathOf('models/m.onnx') // => 'models/m.json'
 * sidecarPathOf('models/m') // => 'models/m.json'
 */
export function sidecarPathOf(model: string): string {
  return model.replace(/(\.onnx)?$/i, '.json');
}

/** The parsed JSON of a sidecar file; a missing or malformed file is a typed error naming it. */
async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UnsupportedModelError({
      model: path,
      expected: 'a readable JSON sidecar file',
      actual: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error),
      hint: 'Without a sidecar, leave it out and give the preprocessing (`preprocess`; CLI: --preprocess): the rest is read from the graph.',
      cause: error,
    });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidArgumentError({ argument: path, expected: 'JSON', actual: String(error) });
  }
}

/**
 * Reads and checks a model's JSON sidecar from a path or an already parsed object.
 *
 * @throws InvalidArgumentError naming the missing or malformed field.
 * @example
 * const sidecar = await readSidecar({ classes: 3, input: { name: 'input', layout: 'NCHW', shape: [3, 8, 8], dtype: 'float32', preprocess: 'x/255' }, output: { name: 'logits' } });
 * sidecar.input.shape // => [3, 8, 8]
 */
export async function readSidecar(source: string | object): Promise<ModelSidecar> {
  const where = typeof source === 'string' ? source : 'sidecar';
  const json: unknown = typeof source === 'string' ? await readJson(source) : source;
  const bad = (field: string, expected: string, actual: unknown) =>
    new InvalidArgumentError({ argument: `${where}: ${field}`, expected, actual });
  const s = json as Partial<ModelSidecar>;
  if (typeof s !== 'object' || s === null) throw bad('', 'a JSON object', json);
  if (!Number.isSafeInteger(s.classes) || (s.classes as number) < 2)
    throw bad('classes', 'an integer >= 2', s.classes);
  const input = s.input;
  if (typeof input !== 'object' || input === null) throw bad('input', 'an object', input);
  if (typeof input.name !== 'string') throw bad('input.name', 'a string', input.name);
  if (input.layout !== 'NCHW' && input.layout !== 'NHWC')
    throw bad('input.layout', '"NCHW" or "NHWC"', input.layout);
  if (
    !Array.isArray(input.shape) ||
    input.shape.length !== 3 ||
    !input.shape.every((d) => Number.isSafeInteger(d) && d > 0)
  ) {
    throw bad('input.shape', 'three positive integers (one example, no batch axis)', input.shape);
  }
  if ((input.dtype ?? 'float32') !== 'float32') throw bad('input.dtype', '"float32"', input.dtype);
  if (typeof input.preprocess !== 'string') throw bad('input.preprocess', 'a string', input.preprocess);
  if (typeof s.output?.name !== 'string') throw bad('output.name', 'a string', s.output?.name);
  return s as ModelSidecar;
}
