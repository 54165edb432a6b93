#!/usr/bin/env python3
"""Build the model corpus of the tests: small classifiers of several shapes.

Users bring their own ONNX classifiers, exported from PyTorch or converted
from Keras; @paretokit/compression is tested on a corpus standing for them
(packages/compression/src/model-corpus.test.ts), built here with train.py
on the committed RetinaMNIST file (assets/retinamnist/retinamnist.npz: 28x28
RGB, 5 classes), briefly (12 epochs, batches of 64, one thread, seed 0):

  resnet18-narrow      opset 13   residual blocks, BatchNorm folded
  mobilenetv2-small    opset 13   depthwise convs, ReLU6 (Clip), residual adds
  mobilenetv2-small    opset 17
  vgg-small            opset 13   plain Conv-ReLU chain, Flatten, two Gemms
  keras-nhwc           opset 13   NHWC input + Transpose, MatMul + Add, Softmax
  keras-nhwc           opset 17

Writes NAME.onnx, NAME.json (sidecar) and NAME.log.json per model, and
manifest.json, to .cache/model-corpus/ at the repository root (or --out).
A model is built again only when its key changes: a SHA-256 of train.py,
the data file and the model's arguments. The whole corpus takes about 75 s
on one busy core. Needs numpy, and PyTorch + torchvision when a model must
be built (Debian: /usr/bin/python3 with python3-torch); without PyTorch it
exits with status 3 and says so.

Usage: build_corpus.py [--out DIR] [--force]
"""

import argparse
import hashlib
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join('assets', 'retinamnist', 'retinamnist.npz')
OUT = os.path.join('.cache', 'model-corpus')
EPOCHS = 12
BATCH = 64
# (arch, opset): every model of the corpus.
CORPUS = (
    ('resnet18-narrow', 13),
    ('mobilenetv2-small', 13),
    ('mobilenetv2-small', 17),
    ('vgg-small', 13),
    ('keras-nhwc', 13),
    ('keras-nhwc', 17),
)
NO_TORCH = 3


def sha256_of(*parts):
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode())
        digest.update(b'\0')
    return digest.hexdigest()


def file_bytes(path):
    with open(path, 'rb') as f:
        return f.read()


def train_args(arch, opset, data, out):
    """(settings, full argv) of train.py for one corpus model; the key hashes
    the settings, not the paths."""
    settings = ['--arch', arch, '--opset', str(opset), '--epochs', str(EPOCHS),
                '--batch-size', str(BATCH), '--threads', '1', '--seed', '0',
                '--quiet']
    return settings, ['--data', data, '--out', out, *settings]


def read_manifest(path):
    try:
        with open(path, encoding='utf-8') as f:
            return {m['name']: m for m in json.load(f)['models']}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def write_manifest(path, entries):
    models = [entries[name] for name in sorted(entries)]
    tmp = path + '.tmp'
    with open(tmp, 'w', encoding='utf-8') as f:
        json.dump({'data': DATA.replace(os.sep, '/'), 'epochs': EPOCHS,
                   'batch_size': BATCH, 'models': models}, f, indent=2)
    os.replace(tmp, path)


def is_built(folder, entry, key):
    return (entry is not None and entry.get('key') == key and
            all(os.path.isfile(os.path.join(folder, entry[f]))
                for f in ('model', 'sidecar')))


def torch_available():
    try:
        import torch  # noqa: F401
        import torchvision  # noqa: F401
    except ImportError as error:
        return str(error)
    return None


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--out', default=os.path.join(ROOT, OUT),
                   help='folder of the corpus (default: .cache/model-corpus '
                        'at the repository root)')
    p.add_argument('--force', action='store_true',
                   help='build every model again')
    args = p.parse_args(argv)
    sys.path.insert(0, HERE)
    import train

    folder = os.path.abspath(args.out)
    os.makedirs(folder, exist_ok=True)
    manifest = os.path.join(folder, 'manifest.json')
    data = os.path.join(ROOT, DATA)
    if not os.path.isfile(data):
        print(f'build_corpus.py: {DATA} not found in the repository',
              file=sys.stderr)
        return 2
    script_hash = sha256_of(file_bytes(os.path.join(HERE, 'train.py')))
    data_hash = sha256_of(file_bytes(data))
    entries = read_manifest(manifest)
    wanted = {}
    started = time.time()
    for arch, opset in CORPUS:
        name = f'{arch}_opset{opset}'
        out = os.path.join(folder, name + '.onnx')
        settings, argv_train = train_args(arch, opset, data, out)
        key = sha256_of(script_hash, data_hash, *settings)
        if not args.force and is_built(folder, entries.get(name), key):
            print(f'{name}: up to date', flush=True)
            wanted[name] = entries[name]
            continue
        missing = torch_available()
        if missing is not None:
            print(f'build_corpus.py: cannot build {name}: {missing}.\n'
                  f'{train.INSTALL_HINT}', file=sys.stderr)
            return NO_TORCH
        t0 = time.time()
        if train.main(argv_train) != 0:
            print(f'build_corpus.py: train.py failed for {name}',
                  file=sys.stderr)
            return 1
        with open(os.path.join(folder, name + '.json'), encoding='utf-8') as f:
            test_acc = json.load(f)['test_acc']
        wanted[name] = {'name': name, 'arch': arch, 'opset': opset,
                        'model': name + '.onnx', 'sidecar': name + '.json',
                        'key': key, 'seconds': round(time.time() - t0, 1),
                        'test_acc': test_acc}
        entries[name] = wanted[name]
        write_manifest(manifest, entries)  # progress survives an interruption
    write_manifest(manifest, wanted)
    print(f'model corpus: {len(wanted)} models in {folder} '
          f'({time.time() - started:.1f} s)', flush=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
