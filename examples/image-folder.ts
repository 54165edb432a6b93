// Your own images instead of a MedMNIST file: a folder laid out as torchvision's ImageFolder
// (root/{train,test}/<class>/*.png, here without val/) is written from a slice of the RetinaMNIST
// file shipped in assets/retinamnist, then loaded back resized to the model's input. With no val/
// folder a stratified, seeded val split is drawn from train; loadDataset takes a folder or a .npz
// alike (the CLI's `paretokit datasets pack` turns such a folder into one .npz).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDataset, loadImageFolder, loadMedMNIST, writeImageFolder } from '@paretokit/compression';

const retina = await loadMedMNIST(
  fileURLToPath(new URL('../assets/retinamnist/retinamnist.npz', import.meta.url)),
);
const pixels = retina.height * retina.width * retina.channels;
const slice = (split: typeof retina.train, n: number) => ({
  count: n,
  images: split.images.subarray(0, n * pixels),
  labels: split.labels.subarray(0, n),
});
const root = join(mkdtempSync(join(tmpdir(), 'paretokit-example-')), 'fundus');
try {
  const written = await writeImageFolder(
    { ...retina, train: slice(retina.train, 200), val: slice(retina.val, 0), test: slice(retina.test, 50) },
    root,
    { classNames: ['0-none', '1-mild', '2-moderate', '3-severe', '4-proliferative'] },
  );
  console.log(`wrote ${written.train.length + written.test.length} PNGs, e.g. ${written.train[0]}`);

  const ds = await loadImageFolder(root, { height: 32, width: 32, channels: 1, seed: 1 });
  console.log(`classes: ${ds.classNames.join(', ')}`);
  console.log(
    `train/val/test ${ds.train.count}/${ds.val.count}/${ds.test.count}, ${ds.height}x${ds.width}x${ds.channels}`,
  );
  for (const note of ds.notes) console.log(`note: ${note}`);
  const perClass = ds.classNames.map((_, c) => ds.val.labels.filter((l) => l === c).length);
  console.log(`val images per class: ${perClass.join(' ')}`);

  // Same seed, same draw: loadDataset reads the folder the same way.
  const again = await loadDataset(root, { height: 32, width: 32, channels: 1, seed: 1 });
  const same = again.format === 'image-folder' && again.files.val.join() === ds.files.val.join();
  console.log(`loadDataset: ${again.format}, the same val files: ${same}`);
} finally {
  rmSync(join(root, '..'), { recursive: true, force: true });
}
