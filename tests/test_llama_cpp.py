"""The llm backend against a real local model: llama-cpp-python's server with
Qwen2.5-Coder-0.5B-Instruct (GGUF Q4_K_M), both installed by .ci/install-llm-test-deps.sh.

Skipped when they are missing, unless BRIEFING_REQUIRE_LLM_TEST=1 (CI sets it): then a
missing server or model is a failure, so CI cannot pass by skipping.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.backends.llm.verification import ReportFacts, occurs, statement_problem
from briefing.text.entities import extract_entities

from .conftest import ROOT, SEED
from .llama_server import MODEL_05B, serve_model

#: The seed's four speculations: never shown as facts, whatever the model says.
SPECULATIONS = (
    "does not rule out Pyongyang testing missiles intended for export",
    "may be related to arms exports",
    "may be related to Donald Trump's potential return",
    "might have flown on an \"irregular trajectory\"",
)


def _missing() -> str | None:
    if importlib.util.find_spec("llama_cpp") is None:
        return "llama-cpp-python[server] is not installed (run .ci/install-llm-test-deps.sh)"
    if not MODEL_05B.is_file():
        return f"{MODEL_05B} is missing (run .ci/install-llm-test-deps.sh)"
    return None


if (_why := _missing()) is not None:
    if os.environ.get("BRIEFING_REQUIRE_LLM_TEST") == "1":
        raise RuntimeError(f"BRIEFING_REQUIRE_LLM_TEST=1 but {_why}")
    pytest.skip(_why, allow_module_level=True)


@pytest.fixture(scope="module")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve_model(MODEL_05B, tmp_path_factory.mktemp("llama") / "server.log") as url:
        yield url


@pytest.mark.slow
def test_seed_against_qwen_05b(llama_server: str, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "BRIEFING_CACHE_DIR": str(cache),
        "BRIEFING_MAX_OUTPUT_TOKENS": "1500",
        "BRIEFING_TIMEOUT": "1500",
        "BRIEFING_MAX_ATTEMPTS": "2",
    }
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "generate", "--backend", "llm",
         "--base-url", llama_server, str(SEED), "--format", "json"],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=2400, check=False,
    )
    assert result.returncode == 0, result.stderr
    brief = json.loads(result.stdout)
    assert brief["generator"]["backend"] == "llm" and brief["usage"]["calls"] >= 1
    text = SEED.read_text(encoding="utf-8")
    facts = ReportFacts.of(text, extract_entities(text))
    for claim in brief["claims"]:
        # Every shown field is the report's or verified against it.
        assert text[claim["span"][0]:claim["span"][1]] == claim["quote"], claim
        assert claim["checks"] is not None, claim
        if claim["cue"] and claim["cue"] != "?":
            assert occurs(claim["cue"], claim["quote"]), claim
        if claim["attributed_to"]:
            assert occurs(claim["attributed_to"].split("'")[0], text), claim
        if claim["checks"]["paraphrase"]:
            assert statement_problem(claim["statement"], claim["quote"], facts) is None, claim
        else:
            said = " ".join(claim["statement"].split()).rstrip(".").lower()
            assert said in " ".join(claim["quote"].split()).lower(), claim
    for phrase in SPECULATIONS:
        holding = [c for c in brief["claims"] if phrase in c["quote"]]
        assert holding, phrase
        assert all(c["kind"] != "fact" for c in holding), (phrase, holding)
    # llama-cpp-python answers json_schema with HTTP 500: the backend fell back to a mode the
    # server accepts and remembered it.
    with sqlite3.connect(cache / "llm-cache.sqlite3") as db:
        modes = [row[0] for row in db.execute("SELECT mode FROM modes")]
    assert modes == ["json_object"]
    print(f"\nqwen 0.5B: {len(brief['claims'])} claims, verification {brief['verification']}, "
          f"usage {brief['usage']}")
