"""A model server that lies in the parts of an answer around the text: token counts that are
negative, not numbers or past belief, model lists whose ids are not names, and answers with no
text at all. Each case runs the real `briefing` command against a real HTTP server on 127.0.0.1.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest

from .conftest import SEED
from .fault_server import FaultyServer
from .hostile import error_line, run_cli

EMPTY_ANSWER = json.dumps({"claims": [], "entities": [], "bluf": []})
FAST = {"BRIEFING_MAX_ATTEMPTS": "2", "BRIEFING_RETRY_WAIT": "0.05"}


def completion(content: str | None = EMPTY_ANSWER, *, usage: Any = None,
               choices: list[Any] | None = None) -> dict[str, Any]:
    return {"id": "lie", "object": "chat.completion", "created": 1, "model": "m",
            "choices": choices if choices is not None else [{
                "index": 0, "message": {"role": "assistant", "content": content},
                "finish_reason": "stop"}],
            "usage": usage}


def lying(answer: dict[str, Any], models: list[Any] | None = None) -> FaultyServer:
    """A server that answers GET /models with ``models`` and every completion with ``answer``."""
    listing = {"object": "list", "data": [{"id": "m", "object": "model", "owned_by": "x"}]
               if models is None else models}

    def write(handler: BaseHTTPRequestHandler, stop: threading.Event) -> None:
        body = json.dumps(listing if handler.path.endswith("/models") else answer).encode()
        handler.send_response(200)
        handler.send_header("content-type", "application/json")
        handler.send_header("content-length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return FaultyServer(write)


def _brief(server: FaultyServer, tmp_path: Path, *args: str) -> dict[str, Any]:
    result = run_cli("generate", str(SEED), "--backend", "llm", "--base-url", server.url,
                     "--format", "json", "--no-cache", *args, env=FAST, timeout=90)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    brief: dict[str, Any] = json.loads(result.stdout)
    return brief


@pytest.mark.parametrize("usage", [
    {"prompt_tokens": -5, "completion_tokens": -10**30, "total_tokens": 0},
    {"prompt_tokens": "lots", "completion_tokens": None, "total_tokens": 0},
    {"prompt_tokens": 10**15, "completion_tokens": 3, "total_tokens": 10**15},
    {"prompt_tokens": True, "completion_tokens": 2.5, "total_tokens": 3},
])
def test_token_counts_that_are_no_counts_are_estimated(usage: Any, tmp_path: Path) -> None:
    with lying(completion(usage=usage)) as server:
        brief = _brief(server, tmp_path, "--model", "m")
    counted = brief["usage"]
    assert counted["calls"] == 1
    # estimated from the request and the answer: the seed's prompt is about a thousand tokens
    assert 100 < counted["prompt_tokens"] < 100_000
    assert 0 < counted["completion_tokens"] < 1_000


@pytest.mark.parametrize("listed", [
    [{"id": 12345}],
    [{"id": ""}, {"id": "   "}],
    [{"id": "m" * 5000}],
    [{"id": "\x1b[31mred\x1b[0m"}],
    [{"name": "no id at all"}],
])
def test_a_model_list_without_a_usable_name_falls_back_to_the_placeholder(
        listed: list[Any], tmp_path: Path) -> None:
    with lying(completion(usage={"prompt_tokens": 5, "completion_tokens": 5,
                                       "total_tokens": 10}), models=listed) as server:
        brief = _brief(server, tmp_path)
    assert brief["generator"]["model"] == "local-model"


def test_a_listed_model_name_that_is_plain_text_is_used(tmp_path: Path) -> None:
    listed = [{"id": "\x00bad"}, {"id": "qwen-local", "object": "model", "owned_by": "x"}]
    with lying(completion(usage={"prompt_tokens": 5, "completion_tokens": 5,
                                       "total_tokens": 10}), models=listed) as server:
        brief = _brief(server, tmp_path)
    assert brief["generator"]["model"] == "qwen-local"


@pytest.mark.parametrize(("answer", "says"), [
    (completion(choices=[]), "no text in the answer (no choices)"),
    (completion(content=None), "no text in the answer (finish_reason stop)"),
    (completion(content="   "), "no text in the answer (finish_reason stop)"),
])
def test_an_answer_without_text_is_one_error_line(answer: dict[str, Any], says: str,
                                                  tmp_path: Path) -> None:
    with lying(answer) as server:
        result = run_cli("generate", str(SEED), "--backend", "llm", "--model", "m",
                         "--base-url", server.url, "--no-cache", "-o", str(tmp_path / "b.md"),
                         env=FAST, timeout=90)
    line = error_line(result)
    assert says in line, line
    assert not (tmp_path / "b.md").exists()
