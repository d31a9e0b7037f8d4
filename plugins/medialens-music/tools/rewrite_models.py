"""Make the shipped musicnn models from the float models in ``models/``, deterministically.

    pip install onnx  # only this script needs it, not the plugin
    python plugins/medialens-music/tools/rewrite_models.py [--check] [--media DIR]

It writes two pairs: ``*_pooled.onnx`` (float, the same maths) and ``*_int8.onnx`` (the
pooled models with the timbral convs in int8, calibrated on the real music under
``--media``, default ``<repo>/.media/music``; see :func:`int8_timbral`).

Each of musicnn's five front-end branches is ``Conv -> Relu -> BatchNorm -> MaxPool`` over
the whole frequency axis. onnxruntime runs the batch norm as a channel-wise conv on the
large ``[C, 187, W]`` map, then reorders that map out of its blocked layout to pool it,
because 204 and 51 filters are not a multiple of its 16-channel blocks: 40 % of a run.
The rewrite keeps the same maths and moves the work to the pooled ``[C, 187]`` rows:

* pool first: a batch norm is ``s * x + b`` per channel. Where ``s > 0`` it is increasing,
  so ``max(s * relu(z) + b) = s * relu(max z) + b``; where ``s < 0``,
  ``max(s * relu(z) + b) = s * relu(min z) + b`` and ``min z = -max(-z)``. So the conv's
  filters (and biases) with ``s < 0`` are negated, the pool comes straight after the conv,
  and ``sign * pooled -> Relu -> BatchNorm`` follow on the pooled rows.
* whole blocks: each front-end conv gets zero filters up to a multiple of 16, sliced off
  after the pool, so the conv and the pool stay in onnxruntime's blocked layout.

The pooled outputs equal the float models' to ~1e-6 (``--check`` prints the largest difference on
random patches and fails above 1e-4). The same input files and onnx version give the same
bytes; ``MODEL_LICENSE.txt`` records the SHA-256 of inputs and outputs.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import helper, numpy_helper

HERE = Path(__file__).resolve().parents[1]
SOURCES = HERE / "models"
TARGET = HERE / "src" / "medialens_music"
NAMES = {
    "MTT_musicnn.onnx": "MTT_musicnn_pooled.onnx",
    "MSD_musicnn.onnx": "MSD_musicnn_pooled.onnx",
}
INT8 = {"MTT_musicnn.onnx": "MTT_musicnn_int8.onnx", "MSD_musicnn.onnx": "MSD_musicnn_int8.onnx"}
TIMBRAL = ("Conv__136", "Conv__125")  # the [7, 38] and [7, 67] convs: 80 % of a run's CPU
BLOCK = 16  # onnxruntime's NCHWc block on AVX-512 (8 on AVX2: a multiple of 16 is one of 8 too)


def _producers(graph: onnx.GraphProto) -> dict[str, onnx.NodeProto]:
    return {out: node for node in graph.node for out in node.output}


def _consumers(graph: onnx.GraphProto, name: str) -> list[onnx.NodeProto]:
    return [node for node in graph.node if name in node.input]


def pool_first(model: onnx.ModelProto) -> int:
    """``Conv -> Relu -> BatchNorm -> MaxPool`` becomes
    ``Conv(signed filters) -> MaxPool -> Mul(sign) -> Relu -> BatchNorm``; returns how many."""
    graph = model.graph
    inits = {i.name: i for i in graph.initializer}
    producer = _producers(graph)
    done = 0
    for pool in [n for n in graph.node if n.op_type == "MaxPool"]:
        bn = producer[pool.input[0]]
        relu = producer[bn.input[0]]
        conv = producer[relu.input[0]]
        assert (bn.op_type, relu.op_type, conv.op_type) == ("BatchNormalization", "Relu", "Conv")
        for node in (conv, relu, bn):  # nothing else reads the unpooled maps
            assert len(_consumers(graph, node.output[0])) == 1
        gamma, _, _, var = (numpy_helper.to_array(inits[i]) for i in bn.input[1:5])
        eps = next(a.f for a in bn.attribute if a.name == "epsilon")
        sign = np.where(gamma / np.sqrt(var + eps) < 0, -1.0, 1.0).astype(np.float32)
        w = numpy_helper.to_array(inits[conv.input[1]])
        b = numpy_helper.to_array(inits[conv.input[2]])
        inits[conv.input[1]].CopyFrom(
            numpy_helper.from_array(
                (w * sign[:, None, None, None]).astype(np.float32), conv.input[1]
            )
        )
        inits[conv.input[2]].CopyFrom(
            numpy_helper.from_array((b * sign).astype(np.float32), conv.input[2])
        )
        z = conv.output[0]
        sign_name = z + "_sign"
        graph.initializer.append(numpy_helper.from_array(sign.reshape(1, -1, 1, 1), sign_name))
        pooled_out = pool.output[0]
        pool.input[0] = z
        pool.output[0] = z + "_pooled"
        graph.node.remove(relu)
        graph.node.remove(bn)
        mul = helper.make_node(
            "Mul", [z + "_pooled", sign_name], [z + "_signed"], name=z + "_sign_mul"
        )
        relu.input[0], relu.output[0] = z + "_signed", z + "_relu"
        bn.input[0], bn.output[0] = z + "_relu", pooled_out
        at = list(graph.node).index(pool) + 1
        for k, node in enumerate((mul, relu, bn)):
            graph.node.insert(at + k, node)
        done += 1
    return done


def whole_blocks(model: onnx.ModelProto, block: int = BLOCK) -> int:
    """Zero filters up to a multiple of ``block`` for each conv that feeds a pool, sliced off
    after the pool; returns how many convs grew."""
    graph = model.graph
    inits = {i.name: i for i in graph.initializer}
    producer = _producers(graph)
    done = 0
    for pool in [n for n in graph.node if n.op_type == "MaxPool"]:
        conv = producer[pool.input[0]]
        w = numpy_helper.to_array(inits[conv.input[1]])
        b = numpy_helper.to_array(inits[conv.input[2]])
        c = w.shape[0]
        padded = -(-c // block) * block
        if padded == c:
            continue
        w2 = np.zeros((padded, *w.shape[1:]), np.float32)
        w2[:c] = w
        b2 = np.zeros(padded, np.float32)
        b2[:c] = b
        inits[conv.input[1]].CopyFrom(numpy_helper.from_array(w2, conv.input[1]))
        inits[conv.input[2]].CopyFrom(numpy_helper.from_array(b2, conv.input[2]))
        out = pool.output[0]
        pool.output[0] = out + "_padded"
        bounds = [out + "_start", out + "_end", out + "_axis"]
        for name, value in zip(bounds, ([0], [c], [1]), strict=True):
            graph.initializer.append(numpy_helper.from_array(np.array(value, np.int64), name))
        cut = helper.make_node("Slice", [out + "_padded", *bounds], [out], name=out + "_slice")
        graph.node.insert(list(graph.node).index(pool) + 1, cut)
        done += 1
    return done


def _i64(graph: onnx.GraphProto, name: str, value: list[int]) -> str:
    graph.initializer.append(numpy_helper.from_array(np.array(value, np.int64), name))
    return name


def _shifted(
    graph: onnx.GraphProto, source: str, prefix: str, count: int, length: int, axis: int, out: str
) -> list[onnx.NodeProto]:
    """Nodes that stack ``count`` copies of ``source`` along channels, copy ``k`` starting
    ``k`` steps along ``axis`` and ``length`` long: one axis of an im2col."""
    nodes, parts = [], []
    for k in range(count):
        o = f"{prefix}{k}"
        ends = [
            _i64(graph, o + "_s", [k]),
            _i64(graph, o + "_e", [k + length]),
            _i64(graph, o + "_a", [axis]),
        ]
        nodes.append(helper.make_node("Slice", [source, *ends], [o]))
        parts.append(o)
    nodes.append(helper.make_node("Concat", parts, [out], axis=1))
    return nodes


def timbral_as_matmuls(model: onnx.ModelProto) -> int:
    """Each timbral conv (one input channel, a [7, kf] kernel over the 96 mel bands, no
    padding in frequency) becomes an explicit im2col (a time pad, 7 time slices, kf
    frequency slices) and a 1x1 conv over the 7 * kf columns: a plain GEMM, which int8
    runs ~3x faster than the float direct conv."""
    graph = model.graph
    inits = {i.name: i for i in graph.initializer}
    done = 0
    for conv in [n for n in graph.node if n.name in TIMBRAL]:
        w = numpy_helper.to_array(inits[conv.input[1]])
        c, cin, kt, kf = w.shape
        assert cin == 1 and kt == 7
        x, z, frames, width = conv.input[0], conv.output[0], 187, 96 - kf + 1
        new = [
            helper.make_node(
                "Pad", [x, _i64(graph, z + "_tpad", [0, 0, 3, 0, 0, 0, 3, 0])], [z + "_xp"]
            )
        ]
        new += _shifted(graph, z + "_xp", f"{z}_t", kt, frames, 2, z + "_rows")
        new += _shifted(graph, z + "_rows", f"{z}_f", kf, width, 3, z + "_cols")
        at = list(graph.node).index(conv)
        for k, node in enumerate(new):
            node.name = node.output[0]
            graph.node.insert(at + k, node)
        conv.input[0] = z + "_cols"
        # column df * 7 + dt holds x[t + dt, f + df]
        w2 = w[:, 0].transpose(0, 2, 1).reshape(c, kt * kf, 1, 1).astype(np.float32)
        inits[conv.input[1]].CopyFrom(
            numpy_helper.from_array(np.ascontiguousarray(w2), conv.input[1])
        )
        for a in conv.attribute:
            if a.name == "kernel_shape":
                a.ints[:] = [1, 1]
            if a.name == "pads":
                a.ints[:] = [0, 0, 0, 0]
        done += 1
    return done


def calibration_patches(media: Path) -> list[np.ndarray]:
    """The 6 patches the extractor feeds the models, of every other music track under
    ``media`` (sorted by path; the others are held out for measuring)."""
    import tempfile

    from medialens_music import EXCERPT_SECONDS, model

    from medialens.testing import open_file_context

    tracks = sorted(p for p in media.rglob("*") if p.is_file())[::2]
    batches: list[np.ndarray] = []
    real = model._analyse
    model._analyse = lambda batch, starts: batches.append(batch.copy())  # type: ignore[assignment]
    try:
        with tempfile.TemporaryDirectory() as cache:
            for path in tracks:
                ctx = open_file_context(path, Path(cache))
                excerpts = [
                    (e.start, np.asarray(e.samples, np.float32))
                    for e in ctx.audio_excerpts(16000, EXCERPT_SECONDS)
                ]
                ctx.close()
                model.tag_excerpts(excerpts)
    finally:
        model._analyse = real
    return [p[None] for b in batches for p in b]


def int8_timbral(pooled: bytes, patches: list[np.ndarray]) -> bytes:
    """The pooled model with its timbral convs (their im2col, conv and pool) in int8:
    static QDQ, weights int8 per channel, activations uint8 from min/max over ``patches``."""
    import tempfile

    from onnxruntime.quantization import (
        CalibrationDataReader,
        CalibrationMethod,
        QuantFormat,
        QuantType,
        quantize_static,
    )

    model = onnx.load_from_string(pooled)
    assert timbral_as_matmuls(model) == 2
    keep = {
        n.name
        for n in model.graph.node
        if n.name in TIMBRAL or n.name.startswith(tuple(t + ":0_" for t in TIMBRAL))
    }
    keep |= {
        n.name
        for n in model.graph.node
        if n.op_type == "MaxPool" and n.input[0] in {t + ":0" for t in TIMBRAL}
    }
    exclude = [n.name for n in model.graph.node if n.name not in keep]

    class Reader(CalibrationDataReader):
        def __init__(self) -> None:
            self.it = iter({"model/spec:0": p} for p in patches)

        def get_next(self):  # type: ignore[no-untyped-def]
            return next(self.it, None)

    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "in.onnx", Path(tmp) / "out.onnx"
        onnx.save(model, str(src))
        quantize_static(
            str(src), str(dst), Reader(), quant_format=QuantFormat.QDQ, per_channel=True,
            activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8,
            calibrate_method=CalibrationMethod.MinMax, nodes_to_exclude=exclude,
            op_types_to_quantize=["Conv", "Pad", "Slice", "Concat", "MaxPool"],
        )  # fmt: skip
        out = onnx.load(str(dst))
    out.producer_name = "medialens-music tools/rewrite_models.py"
    return out.SerializeToString()


def rewrite(source: Path) -> bytes:
    model = onnx.load(str(source))
    assert pool_first(model) == 5 and whole_blocks(model) == 5
    del model.graph.value_info[:]  # shapes of the moved tensors changed; onnxruntime infers them
    model.producer_name = "medialens-music tools/rewrite_models.py"
    onnx.checker.check_model(model, full_check=True)
    return model.SerializeToString()


def largest_difference(before: bytes, after: bytes, n: int = 8) -> float:
    import onnxruntime as ort

    rng = np.random.default_rng(0)
    x = (rng.random((n, 187, 96)) * 3).astype(np.float32)  # log-mel values are 0 .. ~4
    outs = []
    for data in (before, after):
        sess = ort.InferenceSession(data, providers=["CPUExecutionProvider"])
        outs.append(sess.run(["model/tags:0", "model/embedding:0"], {"model/spec:0": x}))
    return max(float(np.abs(a - b).max()) for a, b in zip(*outs, strict=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare outputs, write nothing")
    parser.add_argument("--media", type=Path, default=HERE.parents[1] / ".media" / "music",
                        help="the real music tracks that calibrate the int8 models")  # fmt: skip
    args = parser.parse_args()
    patches = calibration_patches(args.media)
    print(f"calibration: {len(patches)} patches of {args.media}")
    worst = 0.0
    for src_name, dst_name in NAMES.items():
        source = SOURCES / src_name
        data = rewrite(source)
        diff = largest_difference(source.read_bytes(), data)
        worst = max(worst, diff)
        sha_in = hashlib.sha256(source.read_bytes()).hexdigest()
        sha_out = hashlib.sha256(data).hexdigest()
        print(
            f"{src_name} {sha_in}\n  -> {dst_name} {sha_out}  largest output difference {diff:.2e}"
        )
        int8 = int8_timbral(data, patches)
        print(f"  -> {INT8[src_name]} {hashlib.sha256(int8).hexdigest()}")
        if not args.check:
            (TARGET / dst_name).write_bytes(data)
            (TARGET / INT8[src_name]).write_bytes(int8)
    if worst > 1e-4:
        sys.exit(f"outputs moved by {worst:.2e}: not the same maths")


if __name__ == "__main__":
    main()
