"""Sanity checks of train.py; most need numpy only.

The checks of the resnet18-narrow network (its cost, and a 1-epoch run on 64
images that exports ONNX) need PyTorch and are skipped without it; the ONNX
file is also run when the Python onnxruntime is installed.

Run from examples/medmnist-train:  python3 -m unittest discover -s test
"""

import contextlib
import io
import json
import os
import sys
import tempfile
import unittest

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..'))
import train  # noqa: E402

try:
    import torch
    import torchvision
except ImportError:
    torch = torchvision = None


def arrays(**override):
    a = {
        'train_images': np.zeros((4, 8, 8, 3), np.uint8),
        'train_labels': np.array([[0], [1], [2], [1]], np.uint8),
        'val_images': np.zeros((2, 8, 8, 3), np.uint8),
        'val_labels': np.array([[0], [1]], np.uint8),
        'test_images': np.zeros((2, 8, 8, 3), np.uint8),
        'test_labels': np.array([[1], [0]], np.uint8),
    }
    a.update(override)
    return {k: v for k, v in a.items() if v is not None}


class LoadNpzTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)

    def load(self, **override):
        path = os.path.join(self.dir.name, 'd.npz')
        np.savez(path, **arrays(**override))
        return train.load_npz(path, np)

    def error(self, **override):
        with self.assertRaises(train.UsageError) as caught:
            self.load(**override)
        return str(caught.exception)

    def test_reads_the_official_layout(self):
        data, classes = self.load()
        self.assertEqual(classes, 3)
        self.assertEqual(data['train'][0].shape, (4, 8, 8, 3))
        self.assertEqual(data['test'][1].tolist(), [1, 0])

    def test_grey_images_get_a_channel_axis(self):
        grey = np.zeros((2, 8, 8), np.uint8)
        data, _ = self.load(val_images=grey, test_images=grey,
                            train_images=np.zeros((4, 8, 8), np.uint8))
        self.assertEqual(data['val'][0].shape, (2, 8, 8, 1))

    def test_names_what_is_wrong(self):
        self.assertIn('missing array(s) val_labels',
                      self.error(val_labels=None))
        self.assertIn('expected uint8',
                      self.error(val_images=np.zeros((2, 8, 8, 3))))
        self.assertIn('multi-label', self.error(
            test_labels=np.zeros((2, 14), np.uint8)))
        self.assertIn('train has (8, 8, 3)', self.error(
            test_images=np.zeros((2, 9, 8, 3), np.uint8)))


class PreprocessTest(unittest.TestCase):
    def test_matches_the_sidecar_text(self):
        pixels = np.array([0, 51, 255], np.uint8).reshape(1, 1, 3, 1)
        x = train.preprocess(pixels, np)
        self.assertEqual(x.shape, (1, 3, 1, 3))  # grey repeated to 3
        self.assertEqual(x.dtype, np.float32)
        expected = np.float32([-1, 51 / 255 * 2 - 1, 1])
        for channel in range(3):
            np.testing.assert_allclose(x[0, channel, 0], expected, rtol=1e-7)

    def test_numbers_are_written_as_in_the_study(self):
        self.assertEqual(train.short_number(1e-3), '1e-3')
        self.assertEqual(train.short_number(0.01), '0.01')
        self.assertEqual(train.short_number(5e-4), '5e-4')
        self.assertEqual(train.short_number(0.0003), '3e-4')
        self.assertEqual(train.short_number(0.00025), '0.00025')


class ArgsTest(unittest.TestCase):
    def test_resnet50_stays_the_default(self):
        args = train.parse_args(['--data', 'd.npz', '--out', 'm.onnx'])
        self.assertEqual(args.arch, 'resnet50')
        self.assertFalse(args.flip)

    def test_resnet18_narrow_has_width_16_by_default(self):
        args = train.parse_args(['--data', 'd.npz', '--out', 'm.onnx',
                                 '--arch', 'resnet18-narrow', '--flip'])
        self.assertEqual((args.arch, args.width, args.flip),
                         ('resnet18-narrow', 16, True))

    def test_opset_13_by_default_and_the_corpus_archs(self):
        base = ['--data', 'd.npz', '--out', 'm.onnx']
        self.assertEqual(train.parse_args(base).opset, 13)
        for arch in ('mobilenetv2-small', 'vgg-small', 'keras-nhwc'):
            args = train.parse_args(base + ['--arch', arch, '--opset', '17'])
            self.assertEqual((args.arch, args.opset), (arch, 17))

    def test_keras_nhwc_is_channels_last_with_keras_names(self):
        self.assertEqual(train.input_layout('keras-nhwc'), 'NHWC')
        self.assertEqual(train.io_names('keras-nhwc'), ('input_1', 'dense_1'))
        self.assertEqual(train.input_layout('resnet18-narrow'), 'NCHW')
        self.assertEqual(train.io_names('small'), ('input', 'logits'))


def multiply_adds(model, shape):
    """Multiply-adds of the convolutions and linear layers for one input."""
    total = [0]

    def count(module, _inputs, output):
        if isinstance(module, torch.nn.Conv2d):
            kernel = module.kernel_size[0] * module.kernel_size[1]
            total[0] += output.numel() * kernel * (
                module.in_channels // module.groups)
        else:
            total[0] += module.in_features * module.out_features

    for module in model.modules():
        if isinstance(module, (torch.nn.Conv2d, torch.nn.Linear)):
            module.register_forward_hook(count)
    with torch.no_grad():
        model.eval()(torch.zeros(1, *shape))
    return total[0]


@unittest.skipIf(torch is None, 'needs PyTorch and torchvision')
class NarrowResNetTest(unittest.TestCase):
    def test_cost_at_width_16(self):
        model = train.build_model('resnet18-narrow', 5, torch, torchvision)
        self.assertEqual(sum(p.numel() for p in model.parameters()), 700821)
        self.assertEqual(multiply_adds(model, (3, 28, 28)), 7691584)
        with torch.no_grad():
            logits = model.eval()(torch.zeros(2, 3, 28, 28))
        self.assertEqual(tuple(logits.shape), (2, 5))

    def test_one_epoch_on_64_images_exports_a_small_onnx(self):
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        rng = np.random.default_rng(0)

        def split(n):
            return (rng.integers(0, 256, (n, 28, 28, 3), dtype=np.uint8),
                    (np.arange(n) % 5).astype(np.uint8).reshape(n, 1))

        data = os.path.join(folder.name, 'random.npz')
        arrays = {}
        for name, n in (('train', 80), ('val', 10), ('test', 10)):
            arrays[f'{name}_images'], arrays[f'{name}_labels'] = split(n)
        np.savez(data, **arrays)
        out = os.path.join(folder.name, 'narrow.onnx')
        with contextlib.redirect_stdout(io.StringIO()) as printed:
            status = train.main([
                '--data', data, '--out', out, '--arch', 'resnet18-narrow',
                '--epochs', '1', '--max-train', '64', '--threads', '1',
                '--quiet'])
        self.assertEqual(status, 0)
        self.assertIn('64 train / 10 val / 10 test', printed.getvalue())
        self.assertLess(os.path.getsize(out), 5e6)
        with open(os.path.join(folder.name, 'narrow.json'),
                  encoding='utf-8') as f:
            sidecar = json.load(f)
        self.assertEqual((sidecar['arch'], sidecar['width']),
                         ('resnet18-narrow', 16))
        self.assertNotIn('augmentation', sidecar)
        try:
            import onnxruntime
        except ImportError:
            return  # test/train.test.ts runs the model in onnxruntime-node
        session = onnxruntime.InferenceSession(
            out, providers=['CPUExecutionProvider'])
        x = train.preprocess(arrays['test_images'], np)
        logits = session.run(['logits'], {'input': x})[0]
        self.assertEqual(logits.shape, (10, 5))
        accuracy = float((logits.argmax(1) ==
                          arrays['test_labels'].reshape(10)).mean())
        self.assertAlmostEqual(accuracy, sidecar['test_acc'], places=9)


@unittest.skipIf(torch is None, 'needs PyTorch and torchvision')
class CorpusArchTest(unittest.TestCase):
    def forward(self, arch, shape):
        torch.manual_seed(0)
        model = train.build_model(arch, 5, torch, torchvision).eval()
        with torch.no_grad():
            return model, model(torch.zeros(2, *shape))

    def test_mobilenetv2_small_has_depthwise_convs_relu6_and_adds(self):
        model, logits = self.forward('mobilenetv2-small', (3, 28, 28))
        self.assertEqual(tuple(logits.shape), (2, 5))
        convs = [m for m in model.modules()
                 if isinstance(m, torch.nn.Conv2d)]
        depthwise = [m for m in convs if m.groups == m.in_channels > 1]
        self.assertEqual(len(depthwise), 6)
        self.assertTrue(any(isinstance(m, torch.nn.ReLU6)
                            for m in model.modules()))
        residual = [m for m in model.modules()
                    if getattr(m, 'residual', False)]
        self.assertEqual(len(residual), 2)

    def test_vgg_small_is_a_plain_chain(self):
        model, logits = self.forward('vgg-small', (3, 28, 28))
        self.assertEqual(tuple(logits.shape), (2, 5))
        linear = [m for m in model.modules()
                  if isinstance(m, torch.nn.Linear)]
        self.assertEqual([m.in_features for m in linear], [576, 64])

    def test_keras_nhwc_takes_channels_last_and_ends_in_softmax(self):
        model, logits = self.forward('keras-nhwc', (28, 28, 3))
        self.assertEqual(tuple(logits.shape), (2, 5))
        model.softmax = True
        with torch.no_grad():
            probabilities = model(torch.rand(2, 28, 28, 3))
        self.assertTrue(torch.allclose(probabilities.sum(1),
                                       torch.ones(2)))
        self.assertFalse(any(isinstance(m, torch.nn.Linear)
                             for m in model.modules()))


if __name__ == '__main__':
    unittest.main()
