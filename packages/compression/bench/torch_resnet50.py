"""Times PyTorch eager-mode inference of a torchvision ResNet50 (num_classes from argv, random
weights: the architecture of the RetinaMNIST model, for timing only) on the inputs that
resnet50.ts writes: raw little-endian float32 NCHW images. One thread, eval mode, no_grad,
batches of `batch` images as evaluateModel runs them. Run with the Debian interpreter that has
python3-torch and python3-torchvision (/usr/bin/python3).

    /usr/bin/python3 bench/torch_resnet50.py <inputs.f32> <count> <channels> <height> <width> <classes> <repeats> [batch]

One untimed pass over all images, then `repeats` timed passes; prints {"torch", "torchvision",
"python", "threads", "seconds"} as one JSON line.
"""

import json
import platform
import sys
import time

import numpy as np
import torch
import torchvision
from torchvision.models import resnet50

path = sys.argv[1]
count, channels, height, width, classes, repeats = (int(v) for v in sys.argv[2:8])
batch = int(sys.argv[8]) if len(sys.argv) > 8 else 100
torch.set_num_threads(1)
torch.manual_seed(0)
try:
    model = resnet50(weights=None, num_classes=classes)
except TypeError:  # torchvision < 0.13
    model = resnet50(pretrained=False, num_classes=classes)
model.eval()
x = torch.from_numpy(np.fromfile(path, dtype="<f4").reshape(count, channels, height, width))


def run():
    with torch.no_grad():
        for start in range(0, count, batch):
            model(x[start : start + batch]).argmax(1)


run()
seconds = []
for _ in range(repeats):
    t = time.perf_counter()
    run()
    seconds.append(time.perf_counter() - t)
print(
    json.dumps(
        {
            "torch": torch.__version__,
            "torchvision": torchvision.__version__,
            "python": platform.python_version(),
            "threads": torch.get_num_threads(),
            "seconds": seconds,
        }
    )
)
