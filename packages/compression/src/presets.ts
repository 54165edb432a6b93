/**
 * `@paretokit/compression/presets`: what a command line needs to know about compression before it
 * loads a model: the preprocessing presets, the official MedMNIST files and where a model's
 * sidecar sits. It loads neither onnxruntime-node nor sharp nor the ONNX reader, so a program can
 * list the presets or check a study file without paying for them; the main entry exports the same
 * values.
 *
 * @example
 * import { MEDMNIST_FILES, PREPROCESS_PRESETS, sidecarPathOf } from '@paretokit/compression/presets';
 * Object.keys(PREPROCESS_PRESETS) // ['imagenet', 'minus-one-to-one', 'zero-to-one', 'raw']
 */
export type { MedMNISTFile, MedMNISTName } from './medmnist-files.js';
export { MEDMNIST_FILES } from './medmnist-files.js';
export { sidecarPathOf } from './model-sidecar.js';
export { PREPROCESS_PRESETS, preprocessText } from './preprocess-presets.js';
