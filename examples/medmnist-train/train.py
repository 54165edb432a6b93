#!/usr/bin/env python3
"""Train a model on a MedMNIST .npz; export ONNX and sidecar.

--arch resnet50 (the default) is the study's setting: torchvision ResNet50,
no pretrained weights, stock stem (7x7 stride-2 convolution and max-pool) on
3x28x28 input, trained from scratch with Adam (lr 1e-3, weight decay 1e-3),
batch 128, cross-entropy, 100 epochs, learning rate x0.1 at 50 % and 75 % of
the epochs (as MedMNIST v2), no augmentation; the epoch with the best
validation accuracy is kept.

--arch resnet18-narrow is a small ResNet-18-style network for 28x28 input
(4 stages of 2 basic blocks, channels 16/32/64/128 with --width 16, a 3x3
stride-2 stem without max-pool, global average pool, linear): 0.70 M
parameters, 7.7 M multiply-adds per image, a 2.8 MB ONNX file. Same training
settings; --flip adds random horizontal flips of the training images.
--arch small is a tiny 2-convolution CNN for tests.

Three more small networks stand for the graphs users bring (the model corpus
of the tests, see build_corpus.py): --arch mobilenetv2-small (inverted
residual blocks: 1x1 expand, 3x3 depthwise, 1x1 project, ReLU6, residual adds
where shapes match), --arch vgg-small (a plain Conv-BatchNorm-ReLU chain with
max-pools, Flatten and two linear layers) and --arch keras-nhwc (the graph of
a converted Keras model: input "input_1" (batch, H, W, 3) channels-last, a
Transpose to NCHW, convolutions with biases, a Transpose back and a Reshape
(Keras flattens channels-last), dense layers as MatMul + Add, and a Softmax
output "dense_1").

Writes three files:
  OUT.onnx      opset 13 (--opset), input "input" (batch, 3, H, W) float32,
                output "logits" (batch, classes), dynamic batch axis,
                BatchNorm folded into the convolutions.
  OUT.json      the sidecar @paretokit/compression reads (classes, input
                layout and preprocessing, accuracies, training settings).
  OUT.log.json  loss, validation accuracy and seconds of each epoch.

Works with PyTorch 1.13 / torchvision 0.14 (Debian python3-torch) and with
PyTorch 2.x. Run with --help for the options.
"""

import argparse
import copy
import inspect
import json
import os
import sys
import time

KEYS = ('train_images', 'train_labels', 'val_images', 'val_labels',
        'test_images', 'test_labels')
SPLITS = ('train', 'val', 'test')

# Preprocessing, as the sidecar states it for @paretokit/compression:
# ((x * SCALE) - MEAN) / STD per channel, grey repeated to 3 channels, NCHW.
SCALE = 1 / 255
MEAN = 0.5
STD = 0.5
PREPROCESS_TEXT = ('x/255, then (x-0.5)/0.5 per channel; '
                   'grayscale repeated to 3 channels')
INPUT_NAME = 'input'
OUTPUT_NAME = 'logits'
ARCHS = ('resnet50', 'resnet18-narrow', 'small', 'mobilenetv2-small',
         'vgg-small', 'keras-nhwc')
OPSET = 13
# keras-nhwc: names and layout as a Keras-to-ONNX converter writes them.
KERAS_INPUT_NAME = 'input_1'
KERAS_OUTPUT_NAME = 'dense_1'

INSTALL_HINT = (
    'PyTorch and torchvision are needed. Install them with one of:\n'
    '  Debian/Ubuntu: sudo apt-get install python3-torch python3-torchvision'
    '  (then run this script with /usr/bin/python3)\n'
    '  pip:           pip install torch torchvision\n'
    'or point PARETOKIT_TORCH_PYTHON at a python that has them.')


class UsageError(Exception):
    """A problem the user can fix; printed without a traceback."""


def positive_int(text):
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f'expected an integer >= 1: {text}')
    return value


def positive_float(text):
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f'expected a number > 0: {text}')
    return value


def non_negative_float(text):
    value = float(text)
    if not value >= 0:
        raise argparse.ArgumentTypeError(f'expected a number >= 0: {text}')
    return value


def parse_args(argv):
    p = argparse.ArgumentParser(description=(
        "Train ResNet50 (the study's base model), a small ResNet-18-style "
        'network, a tiny CNN or a network of the test corpus on a MedMNIST '
        '.npz and export ONNX plus the JSON sidecar that '
        '@paretokit/compression reads.'))
    p.add_argument('--data', required=True,
                   help='MedMNIST .npz (keys train_images, train_labels, '
                        'val_*, test_*)')
    p.add_argument('--out', required=True,
                   help='ONNX file to write; the sidecar goes to the same '
                        'name with .json, the epoch log with .log.json')
    p.add_argument('--arch', choices=ARCHS, default='resnet50',
                   help='resnet50 (the study), resnet18-narrow (a small '
                        'ResNet-18-style network for 28x28 input: the '
                        'embedded default of `pnpm start`), small (a tiny '
                        'CNN for tests), or the test corpus\'s '
                        'mobilenetv2-small, vgg-small and keras-nhwc '
                        '(channels-last input, MatMul + Add dense layers, '
                        'Softmax output)')
    p.add_argument('--opset', type=positive_int, default=OPSET,
                   help='ONNX opset of the export (default 13; 17 works '
                        'with PyTorch 1.13)')
    p.add_argument('--width', type=positive_int, default=16,
                   help='resnet18-narrow: channels of the first stage '
                        '(doubled at each of the 4 stages; default 16)')
    p.add_argument('--flip', action='store_true',
                   help='augment the training images with random '
                        'horizontal flips (default: no augmentation)')
    p.add_argument('--epochs', type=positive_int, default=100)
    p.add_argument('--batch-size', type=positive_int, default=128)
    p.add_argument('--lr', type=positive_float, default=1e-3)
    p.add_argument('--weight-decay', type=non_negative_float, default=1e-3)
    p.add_argument('--no-lr-decay', action='store_true',
                   help='keep the learning rate constant (default: x0.1 at '
                        '50%% and 75%% of the epochs)')
    p.add_argument('--classes', type=positive_int, default=None,
                   help='number of classes (default: 1 + the largest label)')
    p.add_argument('--seed', type=int, default=0)
    p.add_argument('--threads', type=positive_int, default=None,
                   help="PyTorch intra-op threads (default: PyTorch's "
                        'choice)')
    p.add_argument('--max-train', type=positive_int, default=None,
                   help='use only the first N training images (quick runs)')
    p.add_argument('--quiet', action='store_true', help='no per-epoch lines')
    return p.parse_args(argv)


def short_number(value):
    """1e-3 for 0.001 (as the study's sidecars write it), else %g."""
    mantissa, exponent = f'{value:.0e}'.split('e')
    if float(f'{mantissa}e{exponent}') == value and abs(int(exponent)) >= 3:
        return f'{mantissa}e{int(exponent)}'
    return f'{value:g}'


def read_arrays(path, np):
    if not os.path.isfile(path):
        raise UsageError(f'{path}: no such file')
    try:
        npz = np.load(path, allow_pickle=False)
    except Exception as error:  # numpy raises several types for bad files
        raise UsageError(
            f'{path}: not a readable .npz file ({error})') from error
    with npz:
        missing = [k for k in KEYS if k not in npz.files]
        if missing:
            raise UsageError(
                f'{path}: missing array(s) {", ".join(missing)} '
                f'(found: {", ".join(npz.files) or "none"}). A MedMNIST '
                f'.npz has the keys {", ".join(KEYS)}.')
        return {k: npz[k] for k in KEYS}


def check_split(path, split, images, labels, np):
    """Returns images as N x H x W x C uint8 and labels as N int64."""
    where = f'{path}: {split}'
    if images.dtype != np.uint8:
        raise UsageError(f'{where}_images has dtype {images.dtype}; '
                         'expected uint8 pixels 0..255')
    shape = images.shape
    if images.ndim == 3:
        images = images[..., None]
    if images.ndim != 4 or images.shape[3] not in (1, 3):
        raise UsageError(f'{where}_images has shape {shape}; expected '
                         '(N, H, W) for grey or (N, H, W, 3) for colour')
    n = images.shape[0]
    if n == 0:
        raise UsageError(f'{where}_images is empty')
    if labels.dtype.kind not in 'iu':
        raise UsageError(f'{where}_labels has dtype {labels.dtype}; '
                         'expected integer class indices')
    if labels.shape not in ((n,), (n, 1)):
        multi = labels.ndim == 2 and labels.shape[1] > 1
        hint = (' (multi-label datasets such as ChestMNIST are not '
                'supported)' if multi else '')
        raise UsageError(f'{where}_labels has shape {labels.shape}; '
                         f'expected ({n}, 1), one label per image{hint}')
    labels = labels.reshape(n).astype(np.int64)
    if labels.min() < 0:
        raise UsageError(f'{where}_labels has a negative label '
                         f'{labels.min()}')
    return images, labels


def load_npz(path, np, classes=None):
    """Reads and checks a MedMNIST .npz.

    Returns ({split: (images N x H x W x C uint8, labels int64)}, classes).
    """
    arrays = read_arrays(path, np)
    data = {}
    for split in SPLITS:
        images, labels = check_split(path, split, arrays[f'{split}_images'],
                                     arrays[f'{split}_labels'], np)
        first = data.get('train')
        if first is not None and images.shape[1:] != first[0].shape[1:]:
            raise UsageError(
                f'{path}: {split}_images holds images of shape '
                f'{images.shape[1:]}; train has {first[0].shape[1:]}')
        data[split] = (images, labels)
    largest = int(max(data[s][1].max() for s in SPLITS))
    if classes is None:
        classes = largest + 1
        if classes < 2:
            raise UsageError(f'{path}: all labels are 0; need at least 2 '
                             'classes (or give --classes)')
    elif classes < 2 or largest >= classes:
        raise UsageError(f'{path}: --classes {classes}, but the largest '
                         f'label is {largest}')
    return data, classes


def preprocess(images, np):
    """uint8 N x H x W x C -> float32 N x 3 x H x W, as the sidecar says.

    The affine step is computed in float64 as x * (SCALE / STD) - MEAN / STD
    and rounded once to float32: the arithmetic of prepareInputs in
    @paretokit/compression, so PyTorch and onnxruntime see identical inputs.
    """
    x = images.astype(np.float64) * (SCALE / STD) + (-MEAN / STD)
    x = x.astype(np.float32).transpose(0, 3, 1, 2)
    if x.shape[1] == 1:
        x = np.repeat(x, 3, axis=1)
    return np.ascontiguousarray(x)


def to_layout(x, nhwc):
    """N x C x H x W as it is, or as a contiguous N x H x W x C."""
    return x.permute(0, 2, 3, 1).contiguous() if nhwc else x


def import_torch():
    try:
        import torch
        import torchvision
    except ImportError as error:
        raise UsageError(
            f'cannot import PyTorch ({error}).\n{INSTALL_HINT}') from error
    return torch, torchvision


def narrow_resnet18(classes, width, nn):
    """ResNet-18's layout (4 stages of 2 basic blocks) for 28x28 input.

    Channels width, 2x, 4x, 8x; a 3x3 stride-2 stem without max-pool, so the
    stages run at 14x14, 7x7, 4x4 and 2x2; projection shortcuts (1x1 conv +
    BatchNorm) where a block changes shape. At width 16 and 28x28 input:
    7,691,584 multiply-adds per image (convolutions and the linear layer)
    and 700,821 parameters (BatchNorm included).
    """

    class Block(nn.Module):
        def __init__(self, cin, cout, stride):
            super().__init__()
            self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
            self.bn1 = nn.BatchNorm2d(cout)
            self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
            self.bn2 = nn.BatchNorm2d(cout)
            self.relu = nn.ReLU()
            self.shortcut = nn.Sequential()
            if stride != 1 or cin != cout:
                self.shortcut = nn.Sequential(
                    nn.Conv2d(cin, cout, 1, stride, bias=False),
                    nn.BatchNorm2d(cout))

        def forward(self, x):
            y = self.relu(self.bn1(self.conv1(x)))
            return self.relu(self.bn2(self.conv2(y)) + self.shortcut(x))

    layers = [nn.Conv2d(3, width, 3, 2, 1, bias=False),
              nn.BatchNorm2d(width), nn.ReLU()]
    cin = width
    for stage in range(4):
        cout = width * 2 ** stage
        for block in range(2):
            stride = 2 if stage > 0 and block == 0 else 1
            layers.append(Block(cin, cout, stride))
            cin = cout
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(cin, classes)]
    return nn.Sequential(*layers)


def mobilenet_v2_small(classes, nn):
    """MobileNetV2's inverted residual blocks, small, for 28x28 input.

    A 3x3 stride-2 stem (16 channels), then blocks of 1x1 expand (x4, none
    in the first block), 3x3 depthwise (groups = channels) and 1x1 linear
    project, BatchNorm after each convolution and ReLU6 (exported as Clip)
    after the expand and depthwise ones; a residual add where a block keeps
    the shape. Stages (expansion, channels, blocks, stride): (1, 8, 1, 1),
    (4, 16, 2, 2), (4, 32, 2, 2), (4, 48, 1, 1); a 1x1 head to 192 channels,
    global average pool, linear.
    """

    class InvertedResidual(nn.Module):
        def __init__(self, cin, cout, stride, expansion):
            super().__init__()
            hidden = cin * expansion
            layers = []
            if expansion != 1:
                layers += [nn.Conv2d(cin, hidden, 1, bias=False),
                           nn.BatchNorm2d(hidden), nn.ReLU6()]
            layers += [nn.Conv2d(hidden, hidden, 3, stride, 1, groups=hidden,
                                 bias=False),
                       nn.BatchNorm2d(hidden), nn.ReLU6(),
                       nn.Conv2d(hidden, cout, 1, bias=False),
                       nn.BatchNorm2d(cout)]
            self.body = nn.Sequential(*layers)
            self.residual = stride == 1 and cin == cout

        def forward(self, x):
            y = self.body(x)
            return x + y if self.residual else y

    layers = [nn.Conv2d(3, 16, 3, 2, 1, bias=False), nn.BatchNorm2d(16),
              nn.ReLU6()]
    cin = 16
    for expansion, cout, blocks, stride in ((1, 8, 1, 1), (4, 16, 2, 2),
                                            (4, 32, 2, 2), (4, 48, 1, 1)):
        for block in range(blocks):
            layers.append(InvertedResidual(cin, cout,
                                           stride if block == 0 else 1,
                                           expansion))
            cin = cout
    layers += [nn.Conv2d(cin, 192, 1, bias=False), nn.BatchNorm2d(192),
               nn.ReLU6(), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
               nn.Linear(192, classes)]
    return nn.Sequential(*layers)


def vgg_small(classes, nn):
    """A plain VGG-style chain: Conv3x3-BatchNorm-ReLU at 16, 16, max-pool,
    32, 32, max-pool, 64, max-pool (28 -> 14 -> 7 -> 3), Flatten, Linear to
    64, ReLU, Linear."""
    layers, cin = [], 3
    for item in (16, 16, 'pool', 32, 32, 'pool', 64, 'pool'):
        if item == 'pool':
            layers.append(nn.MaxPool2d(2))
            continue
        layers += [nn.Conv2d(cin, item, 3, padding=1, bias=False),
                   nn.BatchNorm2d(item), nn.ReLU()]
        cin = item
    layers += [nn.Flatten(), nn.Linear(cin * 3 * 3, 64), nn.ReLU(),
               nn.Linear(64, classes)]
    return nn.Sequential(*layers)


def keras_nhwc(classes, torch):
    """The graph a Keras model converted to ONNX has, trained in PyTorch.

    Input channels-last (batch, H, W, 3), a Transpose to NCHW, two 3x3
    convolutions with biases (16 and 32 channels, ReLU, 2x2 max-pool each),
    a Transpose back to channels-last and a Reshape to (-1, features), as
    Keras flattens; dense layers as MatMul with an explicit weight plus Add
    of an explicit bias (Glorot-uniform weights, zero biases, as Keras
    initialises them), and, once `softmax` is set (for the export), a
    Softmax output.
    """
    nn = torch.nn

    class KerasStyle(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(3, 16, 3, padding=1)
            self.conv2 = nn.Conv2d(16, 32, 3, padding=1)
            self.features = 7 * 7 * 32
            self.w1 = nn.Parameter(torch.empty(self.features, 64))
            self.b1 = nn.Parameter(torch.zeros(64))
            self.w2 = nn.Parameter(torch.empty(64, classes))
            self.b2 = nn.Parameter(torch.zeros(classes))
            nn.init.xavier_uniform_(self.w1)
            nn.init.xavier_uniform_(self.w2)
            self.softmax = False

        def forward(self, x):
            relu, pool = torch.relu, torch.nn.functional.max_pool2d
            x = x.permute(0, 3, 1, 2)
            x = pool(relu(self.conv1(x)), 2)
            x = pool(relu(self.conv2(x)), 2)
            x = x.permute(0, 2, 3, 1).reshape(-1, self.features)
            x = relu(x @ self.w1 + self.b1)
            x = x @ self.w2 + self.b2
            return torch.softmax(x, -1) if self.softmax else x

    return KerasStyle()


def input_layout(arch):
    """NHWC for keras-nhwc, else NCHW."""
    return 'NHWC' if arch == 'keras-nhwc' else 'NCHW'


def io_names(arch):
    """(input name, output name) of the exported graph."""
    if arch == 'keras-nhwc':
        return KERAS_INPUT_NAME, KERAS_OUTPUT_NAME
    return INPUT_NAME, OUTPUT_NAME


def build_model(arch, classes, torch, torchvision, width=16):
    nn = torch.nn
    if arch == 'resnet50':
        # The stock torchvision ResNet50, stem unchanged, as in the study and
        # the base models of the project (7x7 stride-2 conv + max-pool).
        resnet50 = torchvision.models.resnet50
        try:
            return resnet50(weights=None, num_classes=classes)
        except TypeError:  # torchvision < 0.13
            return resnet50(pretrained=False, num_classes=classes)
    if arch == 'resnet18-narrow':
        return narrow_resnet18(classes, width, nn)
    if arch == 'mobilenetv2-small':
        return mobilenet_v2_small(classes, nn)
    if arch == 'vgg-small':
        return vgg_small(classes, nn)
    if arch == 'keras-nhwc':
        return keras_nhwc(classes, torch)
    return nn.Sequential(
        nn.Conv2d(3, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(),
        nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(32, classes))


def accuracy(model, x, y, torch, batch_size=256):
    model.eval()
    correct = 0
    with torch.no_grad():
        for start in range(0, len(x), batch_size):
            end = start + batch_size
            predicted = model(x[start:end]).argmax(1)
            correct += int((predicted == y[start:end]).sum())
    return correct / len(x)


def fit(model, tensors, args, torch):
    """Trains; returns the per-epoch log, leaves the best epoch's weights."""
    x_train, y_train = tensors['train']
    x_val, y_val = tensors['val']
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr,
                                 weight_decay=args.weight_decay)
    scheduler = None
    if not args.no_lr_decay:
        milestones = [int(0.5 * args.epochs), int(0.75 * args.epochs)]
        scheduler = torch.optim.lr_scheduler.MultiStepLR(
            optimizer, milestones, gamma=0.1)
    loss_fn = torch.nn.CrossEntropyLoss()
    order = torch.Generator().manual_seed(args.seed)  # data order
    width_axis = 2 if input_layout(args.arch) == 'NHWC' else 3
    n = len(x_train)
    log = []
    best_acc, best_state = -1.0, None
    for epoch in range(args.epochs):
        started = time.time()
        model.train()
        perm = torch.randperm(n, generator=order)
        total, seen = 0.0, 0
        for start in range(0, n, args.batch_size):
            idx = perm[start:start + args.batch_size]
            if len(idx) < 2 and seen > 0:
                break  # BatchNorm cannot train on a batch of one example
            batch = x_train[idx]
            if args.flip:
                flip = torch.rand(len(idx), generator=order) < 0.5
                batch = torch.where(flip[:, None, None, None],
                                    batch.flip(width_axis), batch)
            optimizer.zero_grad()
            loss = loss_fn(model(batch), y_train[idx])
            loss.backward()
            optimizer.step()
            total += float(loss) * len(idx)
            seen += len(idx)
        if scheduler is not None:
            scheduler.step()
        val_acc = accuracy(model, x_val, y_val, torch)
        seconds = time.time() - started
        log.append({'epoch': epoch, 'loss': total / seen,
                    'val_acc': val_acc, 's': seconds})
        if val_acc > best_acc:
            best_acc = val_acc
            best_state = copy.deepcopy(model.state_dict())
        if not args.quiet:
            print(f'epoch {epoch}: loss {total / seen:.4f}, val acc '
                  f'{val_acc:.4f}, {seconds:.1f} s', flush=True)
    model.load_state_dict(best_state)
    return log


def export_onnx(model, shape, path, torch, opset=OPSET,
                names=(INPUT_NAME, OUTPUT_NAME)):
    model.eval()
    name_in, name_out = names
    options = dict(
        input_names=[name_in], output_names=[name_out],
        dynamic_axes={name_in: {0: 'batch'}, name_out: {0: 'batch'}},
        opset_version=opset, do_constant_folding=True)
    if 'dynamo' in inspect.signature(torch.onnx.export).parameters:
        # torch >= 2.9 defaults to the dynamo exporter; use the TorchScript
        # one, as torch 1.13 does.
        options['dynamo'] = False
    torch.onnx.export(model, torch.zeros(1, *shape), path, **options)


def onnxruntime_accuracy(path, x, y, names=(INPUT_NAME, OUTPUT_NAME)):
    """Accuracy in the Python onnxruntime, or None if it is not installed."""
    try:
        import onnxruntime
    except ImportError:
        return None
    session = onnxruntime.InferenceSession(
        path, providers=['CPUExecutionProvider'])
    logits = session.run([names[1]], {names[0]: x})[0]
    return float((logits.argmax(1) == y).mean())


def sidecar_of(args, classes, shape, best_epoch, accs, torch):
    decay = '' if args.no_lr_decay else ', MultiStepLR 50%/75% x0.1'
    name_in, name_out = io_names(args.arch)
    return {
        'arch': args.arch,
        'dataset': os.path.basename(args.data),
        'classes': classes,
        'epochs': args.epochs,
        'best_epoch': best_epoch,
        'val_acc': accs['val'],
        'train_acc': accs['train'],
        'test_acc': accs['test'],
        'input': {
            'name': name_in,
            'layout': input_layout(args.arch),
            'shape': list(shape),
            'dtype': 'float32',
            'preprocess': PREPROCESS_TEXT,
        },
        'output': {'name': name_out},
        'torch': torch.__version__,
        'seed': args.seed,
        'optimizer': (f'Adam lr {short_number(args.lr)} wd '
                      f'{short_number(args.weight_decay)} batch '
                      f'{args.batch_size}{decay}'),
        # Only where they apply, so the study's sidecars keep their keys.
        **({'width': args.width} if args.arch == 'resnet18-narrow' else {}),
        **({'augmentation': 'random horizontal flips'} if args.flip else {}),
        **({'opset': args.opset} if args.opset != OPSET else {}),
    }


def run(args):
    try:
        import numpy as np
    except ImportError as error:
        raise UsageError(
            f'cannot import numpy ({error}).\n{INSTALL_HINT}') from error
    out = os.path.abspath(args.out)
    stem = out[:-len('.onnx')] if out.endswith('.onnx') else out
    sidecar_path, log_path = stem + '.json', stem + '.log.json'
    data, classes = load_npz(args.data, np, args.classes)
    torch, torchvision = import_torch()

    torch.manual_seed(args.seed)
    if hasattr(torch, 'use_deterministic_algorithms'):
        torch.use_deterministic_algorithms(True, warn_only=True)
    if args.threads is not None:
        torch.set_num_threads(args.threads)
    if args.max_train is not None:
        images, labels = data['train']
        data['train'] = (images[:args.max_train], labels[:args.max_train])
    nhwc = input_layout(args.arch) == 'NHWC'
    tensors = {split: (to_layout(torch.from_numpy(preprocess(images, np)),
                                 nhwc),
                       torch.from_numpy(labels))
               for split, (images, labels) in data.items()}
    shape = tuple(tensors['train'][0].shape[1:])
    counts = ' / '.join(f'{len(tensors[s][1])} {s}' for s in SPLITS)
    print(f'{os.path.basename(args.data)}: {counts} images {shape}, '
          f'{classes} classes; {args.arch}, {args.epochs} epoch(s), torch '
          f'{torch.__version__}, {torch.get_num_threads()} thread(s)',
          flush=True)

    started = time.time()
    model = build_model(args.arch, classes, torch, torchvision, args.width)
    log = fit(model, tensors, args, torch)
    best_epoch = max(range(len(log)), key=lambda e: (log[e]['val_acc'], -e))
    accs = {s: accuracy(model, *tensors[s], torch) for s in SPLITS}
    os.makedirs(os.path.dirname(out), exist_ok=True)
    if args.arch == 'keras-nhwc':
        model.softmax = True  # probabilities out, as Keras classifiers give
    names = io_names(args.arch)
    export_onnx(model, shape, out, torch, args.opset, names)
    sidecar = sidecar_of(args, classes, shape, best_epoch, accs, torch)
    with open(sidecar_path, 'w', encoding='utf-8') as f:
        json.dump(sidecar, f, indent=2)
    with open(log_path, 'w', encoding='utf-8') as f:
        json.dump(log, f)

    x_test, y_test = (t.numpy() for t in tensors['test'])
    ort_acc = onnxruntime_accuracy(out, x_test, y_test, names)
    if ort_acc is not None and abs(ort_acc - accs['test']) > 1e-9:
        print(f'warning: onnxruntime test accuracy {ort_acc} differs from '
              f"PyTorch's {accs['test']}", file=sys.stderr)
    print(f'best epoch {best_epoch}: train {accs["train"]:.4f}, val '
          f'{accs["val"]:.4f}, test {accs["test"]:.4f}; '
          f'{time.time() - started:.1f} s', flush=True)
    print(f'wrote {out}\n      {sidecar_path}\n      {log_path}', flush=True)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        run(args)
    except UsageError as error:
        print(f'train.py: error: {error}', file=sys.stderr)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main())
