#!/usr/bin/env python3
"""Turn the shipped int8 ONNX model back into a PyTorch checkpoint that train_ner.py can
continue from (`--init-from WORK/best.pt --keep-layers 0,1,2,3,4,5`), for a fine-tune on
reviewed rulings when the original training checkpoint is not at hand.

Usage: training/work/venv/bin/python training/onnx_to_checkpoint.py \
           models/schuilnaam-ner training/work/base training/work/shipped

Every int8 weight is dequantised ((q - zero point) × scale, per tensor, as
onnxruntime's dynamic quantisation stored it); a MatMul weight is stored as [in, out] and is
transposed back into the Linear layer's [out, in]. Its module comes from the name of the
MatMulInteger's output (`/bert/encoder/layer.0/attention/self/query/MatMul_output_0…`).
Biases and layer norms are stored in float and copied. The checkpoint is the shipped model
up to int8 rounding; `train_ner.py --minutes 0` re-exports it unchanged, which checks the
conversion through `schuilnaam eval`.

Written beside it: `kept_ids.json` (the base vocabulary id of every piece of the shipped
tokenizer, matched by piece) and the shipped `tokenizer.json`, as train_ner.py expects.
"""
import json
import re
import sys
from pathlib import Path

import numpy as np
import onnx
import torch
from onnx import numpy_helper


def dequantised(initialisers, stem):
    q = numpy_helper.to_array(initialisers[f"{stem}_quantized"]).astype(np.float32)
    scale = numpy_helper.to_array(initialisers[f"{stem}_scale"]).astype(np.float32)
    zero = numpy_helper.to_array(initialisers[f"{stem}_zero_point"]).astype(np.float32)
    return (q - zero) * scale


def main():
    model_dir, base_dir, out_dir = (Path(a) for a in sys.argv[1:4])
    out_dir.mkdir(parents=True, exist_ok=True)
    graph = onnx.load(str(model_dir / "model.onnx")).graph
    initialisers = {i.name: i for i in graph.initializer}
    state = {}
    for name, tensor in initialisers.items():
        if tensor.data_type == onnx.TensorProto.FLOAT and not name.endswith("_scale") and "." in name:
            state[name] = torch.from_numpy(numpy_helper.to_array(tensor).copy())
    for table in ["word_embeddings", "position_embeddings", "token_type_embeddings"]:
        stem = f"bert.embeddings.{table}.weight"
        state[stem] = torch.from_numpy(dequantised(initialisers, stem))
    module = re.compile(r"^/(.+)/MatMul_output_0_output_quantized$")
    for node in graph.node:
        if node.op_type != "MatMulInteger":
            continue
        found = module.match(node.output[0])
        if not found:
            sys.exit(f"cannot tell the module of {node.output[0]}")
        name = found.group(1).replace("/", ".") + ".weight"
        stem = node.input[1][: -len("_quantized")]
        state[name] = torch.from_numpy(dequantised(initialisers, stem).T.copy())
    torch.save(state, out_dir / "best.pt")
    shipped = json.loads((model_dir / "tokenizer.json").read_text(encoding="utf-8"))
    base = json.loads((base_dir / "tokenizer.json").read_text(encoding="utf-8"))
    base_ids = {piece: i for i, (piece, _) in enumerate(base["model"]["vocab"])}
    kept = [base_ids[piece] for piece, _ in shipped["model"]["vocab"]]
    (out_dir / "kept_ids.json").write_text(json.dumps(kept))
    (out_dir / "tokenizer.json").write_text((model_dir / "tokenizer.json").read_text(encoding="utf-8"),
                                            encoding="utf-8")
    print(f"{len(state)} tensors, vocabulary {len(kept)}: {out_dir / 'best.pt'}")


if __name__ == "__main__":
    main()
