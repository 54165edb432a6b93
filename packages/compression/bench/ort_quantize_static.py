"""Quantizes an ONNX model to int8 with ONNX Runtime's own static quantizer, as its documentation
recommends: `onnxruntime.quantization.shape_inference.quant_pre_process` (symbolic shape
inference, onnxruntime's graph optimisation, ONNX shape inference), then `quantize_static` in QDQ
format, per channel, activations QUInt8 and weights QInt8 (u8s8), calibrated on the images of a
.npy file (float32 NCHW, already preprocessed: ort-quantizer-peer.ts writes the calibration
images ParetoKit's own quantizer uses). Everything else is quantize_static's default.

    python3 bench/ort_quantize_static.py <base.onnx> <calibration.npy> <output.onnx>
        [--calibrate-method MinMax|Entropy|Percentile|Distribution] [--batch 50]

Prints one JSON line: versions, the calibration array's shape and SHA-256 (of its little-endian
float32 bytes in C order, as fed), and the wall seconds of the two steps (inside this process,
without interpreter start-up and imports).
"""

import argparse
import hashlib
import json
import os
import platform
import tempfile
import time

import numpy as np
import onnx
import onnxruntime
from onnxruntime.quantization import (
    CalibrationDataReader,
    CalibrationMethod,
    QuantFormat,
    QuantType,
    quantize_static,
)
from onnxruntime.quantization.shape_inference import quant_pre_process


class ArrayReader(CalibrationDataReader):
    """Feeds the calibration images in batches of `batch` to the model's first input."""

    def __init__(self, images, input_name, batch):
        self.batches = iter(
            [{input_name: images[s : s + batch]} for s in range(0, len(images), batch)]
        )

    def get_next(self):
        return next(self.batches, None)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", help="the float32 base model (.onnx)")
    parser.add_argument("calibration", help="calibration images, float32 NCHW (.npy)")
    parser.add_argument("output", help="where to write the int8 QDQ model (.onnx)")
    parser.add_argument(
        "--calibrate-method",
        default="MinMax",
        choices=[m.name for m in CalibrationMethod],
    )
    parser.add_argument("--batch", type=int, default=50, help="calibration images per run")
    args = parser.parse_args()

    images = np.ascontiguousarray(np.load(args.calibration), dtype="<f4")
    sha256 = hashlib.sha256(images.tobytes()).hexdigest()
    input_name = onnx.load(args.model, load_external_data=False).graph.input[0].name
    with tempfile.TemporaryDirectory(prefix="ort-quantize-") as tmp:
        prepared = os.path.join(tmp, "prepared.onnx")
        t0 = time.perf_counter()
        quant_pre_process(args.model, prepared)
        t1 = time.perf_counter()
        quantize_static(
            prepared,
            args.output,
            ArrayReader(images, input_name, args.batch),
            quant_format=QuantFormat.QDQ,
            per_channel=True,
            activation_type=QuantType.QUInt8,
            weight_type=QuantType.QInt8,
            calibrate_method=CalibrationMethod[args.calibrate_method],
        )
        t2 = time.perf_counter()
    print(
        json.dumps(
            {
                "onnxruntime": onnxruntime.__version__,
                "onnx": onnx.__version__,
                "numpy": np.__version__,
                "python": platform.python_version(),
                "calibrateMethod": args.calibrate_method,
                "shape": list(images.shape),
                "sha256": sha256,
                "preProcessSeconds": t1 - t0,
                "quantizeSeconds": t2 - t1,
            }
        )
    )


if __name__ == "__main__":
    main()
