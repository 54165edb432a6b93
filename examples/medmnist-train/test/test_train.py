"""Sanity checks of train.py that need numpy but not PyTorch.

Run from examples/medmnist-train:  python3 -m unittest discover -s test
"""

import os
import sys
import tempfile
import unittest

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..'))
import train  # noqa: E402


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


if __name__ == '__main__':
    unittest.main()
