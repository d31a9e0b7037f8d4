"""Make the shipped musicnn models from the float models in ``models/``, deterministically.

    pip install onnx  # only this script needs it, not the plugin
    python plugins/medialens-music/tools/rewrite_models.py [--check]

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

The outputs equal the float models' to ~1e-6 (``--check`` prints the largest difference on
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
    args = parser.parse_args()
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
        if not args.check:
            (TARGET / dst_name).write_bytes(data)
    if worst > 1e-4:
        sys.exit(f"outputs moved by {worst:.2e}: not the same maths")


if __name__ == "__main__":
    main()
