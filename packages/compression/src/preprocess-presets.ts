/**
 * Named preprocessings a user can give instead of a sidecar's text (`--preprocess imagenet`), each
 * as the text `parsePreprocess` reads. Every preset repeats a grey image to the model's channels
 * when the model takes 3 and the data has 1 (nothing changes for RGB data).
 *
 * - `imagenet`: x/255, then the ImageNet per-channel mean and standard deviation (torchvision's
 *   pretrained models, Keras applications in "torch" mode).
 * - `minus-one-to-one`: x/255, then (x - 0.5) / 0.5 (Keras's `tf` mode, MedMNIST's own training).
 * - `zero-to-one`: x/255.
 * - `raw`: the pixel values 0..255 as they are (models with their own scaling inside the graph).
 *
 * @example
 * Object.keys(PREPROCESS_PRESETS) // => ['imagenet', 'minus-one-to-one', 'zero-to-one', 'raw']
 */
export const PREPROCESS_PRESETS: Readonly<Record<string, string>> = Object.freeze({
  imagenet:
    'x/255, then (x-[0.485, 0.456, 0.406])/[0.229, 0.224, 0.225] per channel; grayscale repeated to 3 channels',
  'minus-one-to-one': 'x/255, then (x-0.5)/0.5 per channel; grayscale repeated to 3 channels',
  'zero-to-one': 'x/255; grayscale repeated to 3 channels',
  raw: 'x/1; grayscale repeated to 3 channels',
});

/**
 * The preprocessing text of a preset name, or the text itself when it names none.
 *
 * @example
 * preprocessText('zero-to-one') // => 'x/255; grayscale repeated to 3 channels'
 * preprocessText('x/255') // => 'x/255'
 */
export function preprocessText(nameOrText: string): string {
  return Object.hasOwn(PREPROCESS_PRESETS, nameOrText) ? PREPROCESS_PRESETS[nameOrText]! : nameOrText;
}
