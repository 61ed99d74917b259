"""Serving a local GGUF model with llama-cpp-python's OpenAI-compatible server on 127.0.0.1,
for the real-model test and benchmark (models installed by .ci/install-llm-test-deps.sh)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

#: Where .ci/install-llm-test-deps.sh puts the models.
MODELS_DIR = Path(os.environ.get("BRIEFING_MODELS_DIR",
                                 Path.home() / ".cache" / "briefing-models"))
MODEL_05B = MODELS_DIR / "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf"
MODEL_15B = MODELS_DIR / "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
#: Server settings that make a CPU server answer sooner without changing what it answers:
#: llama-cpp-python's server keeps the logits of every prompt token by default (logits_all),
#: which computes the vocabulary layer (151,936 rows for Qwen2.5) for every prompt token and
#: copies them into an n_ctx x vocabulary array; only logprobs need them.
SPEED_SETTINGS: tuple[str, ...] = ("--logits_all", "false")
#: Seconds to wait for the server to load the model and listen.
STARTUP_SECONDS = 300


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def serve_model(model: Path, log: Path, threads: int | None = None,
                context: int = 8192, extra: Sequence[str] = SPEED_SETTINGS) -> Iterator[str]:
    """A llama_cpp.server for model on a free 127.0.0.1 port; yields its /v1 URL.

    Threads default to BRIEFING_LLAMA_THREADS, else 2. OMP_WAIT_POLICY=PASSIVE: on a machine
    whose cores are shared, spinning OpenMP threads slow every token many times over.
    ``extra``: more server settings (default SPEED_SETTINGS).
    """
    port = free_port()
    threads = threads or int(os.environ.get("BRIEFING_LLAMA_THREADS", "2"))
    env = {**os.environ, "OMP_WAIT_POLICY": "PASSIVE"}
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--model", str(model),
             "--host", "127.0.0.1", "--port", str(port), "--n_ctx", str(context),
             "--n_threads", str(threads), "--n_threads_batch", str(threads), *extra],
            stdout=sink, stderr=subprocess.STDOUT, env=env,
        )
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"llama_cpp.server exited with {process.returncode}:\n"
                                   f"{log.read_text(errors='replace')[-3000:]}")
            try:
                with urllib.request.urlopen(f"{url}/models", timeout=2) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"llama_cpp.server did not listen within {STARTUP_SECONDS} s")
            time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
