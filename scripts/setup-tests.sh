#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine that has Rust, Python 3 with pip and
# Node with npm: the ONNX Runtime library (scripts/fetch-onnxruntime.sh), Debian's Chromium
# for the review page's browser test (when neither `chromium` nor $CHROMIUM is there),
# LibreOffice without its GUI for the Word tests (when neither `soffice` nor $SOFFICE is
# there; both with sudo only when not root), playwright-core, and the training environment
# (training/requirements.txt in training/work/venv, unless $TRAINING_PYTHON names one) for the
# test that fine-tunes the tiny model on reviews. Rerunning it does little.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/fetch-onnxruntime.sh
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
missing=()
if [ -z "${CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  missing+=(chromium chromium-driver)
fi
if [ -z "${SOFFICE:-}" ] && ! command -v soffice >/dev/null 2>&1; then
  missing+=(libreoffice-writer-nogui)
fi
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
npm ci --prefix tests/e2e --no-audit --no-fund
if [ -z "${TRAINING_PYTHON:-}" ]; then
  venv=training/work/venv
  if ! "$venv/bin/python" -c "import torch, transformers, tokenizers, safetensors, onnx, onnxruntime" 2>/dev/null; then
    echo "setup-tests: installing training/requirements.txt into $venv (PyTorch from PyPI, about 3 GB)"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q -r training/requirements.txt
  fi
fi
