/** One official MedMNIST 28x28 file: its URL, MD5, class count and channels. */
export interface MedMNISTFile {
  readonly url: string;
  readonly md5: string;
  readonly classes: number;
  readonly channels: 1 | 3;
  /** Official split sizes. */
  readonly samples: { readonly train: number; readonly val: number; readonly test: number };
  readonly license: string;
}

const zenodo = (name: string) => `https://zenodo.org/records/10519652/files/${name}.npz?download=1`;
const file = (
  name: string,
  md5: string,
  classes: number,
  channels: 1 | 3,
  train: number,
  val: number,
  test: number,
  license = 'CC BY 4.0',
): MedMNISTFile => ({ url: zenodo(name), md5, classes, channels, samples: { train, val, test }, license });

/**
 * The official 2D MedMNIST (v3, 28x28) single-label files: URL on Zenodo record 10519652, MD5,
 * classes, channels and split sizes, as listed in MedMNIST's `medmnist/info.py` (v3.0). ChestMNIST
 * is multi-label and not listed.
 *
 * @example
 * MEDMNIST_FILES.retinamnist.md5 // => 'bd4c0672f1bba3e3a89f0e4e876791e4'
 * MEDMNIST_FILES.bloodmnist.samples // => { train: 11959, val: 1712, test: 3421 }
 */
export const MEDMNIST_FILES = {
  pathmnist: file('pathmnist', 'a8b06965200029087d5bd730944a56c1', 9, 3, 89996, 10004, 7180),
  dermamnist: file('dermamnist', '0744692d530f8e62ec473284d019b0c7', 7, 3, 7007, 1003, 2005, 'CC BY-NC 4.0'),
  octmnist: file('octmnist', 'c68d92d5b585d8d81f7112f81e2d0842', 4, 1, 97477, 10832, 1000),
  pneumoniamnist: file('pneumoniamnist', '28209eda62fecd6e6a2d98b1501bb15f', 2, 1, 4708, 524, 624),
  retinamnist: file('retinamnist', 'bd4c0672f1bba3e3a89f0e4e876791e4', 5, 3, 1080, 120, 400),
  breastmnist: file('breastmnist', '750601b1f35ba3300ea97c75c52ff8f6', 2, 1, 546, 78, 156),
  bloodmnist: file('bloodmnist', '7053d0359d879ad8a5505303e11de1dc', 8, 3, 11959, 1712, 3421),
  tissuemnist: file('tissuemnist', 'ebe78ee8b05294063de985d821c1c34b', 8, 1, 165466, 23640, 47280),
  organamnist: file('organamnist', '68e3f8846a6bd62f0c9bf841c0d9eacc', 11, 1, 34561, 6491, 17778),
  organcmnist: file('organcmnist', 'b9ceb9546e10131b32923c5bbeaea2b1', 11, 1, 12975, 2392, 8216),
  organsmnist: file('organsmnist', '9ab87b696fb54e2a387ebe992d6ed5f1', 11, 1, 13932, 2452, 8827),
} as const satisfies Record<string, MedMNISTFile>;

/** Name of an official MedMNIST 2D single-label dataset. */
export type MedMNISTName = keyof typeof MEDMNIST_FILES;
