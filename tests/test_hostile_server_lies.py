"""A model server that lies in the parts of an answer around the text: token counts that are
negative, not numbers or past belief, model lists whose ids are not names, and answers with no
text at all. Each case runs the real `briefing` command against a real HTTP server on 127.0.0.1.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from .conftest import SEED
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


class LyingServer:
    """Answers GET /models with ``models`` and every completion with ``answer``."""

    def __init__(self, answer: dict[str, Any], models: list[Any] | None = None) -> None:
        listing = {"object": "list", "data": [{"id": "m", "object": "model", "owned_by": "x"}]
                   if models is None else models}

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:  # http.server's naming
                self.rfile.read(int(self.headers.get("content-length") or 0))
                body = json.dumps(listing if self.path.endswith("/models") else answer).encode()
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST  # http.server's naming

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def __enter__(self) -> LyingServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _brief(server: LyingServer, tmp_path: Path, *args: str) -> dict[str, Any]:
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
    with LyingServer(completion(usage=usage)) as server:
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
    with LyingServer(completion(usage={"prompt_tokens": 5, "completion_tokens": 5,
                                       "total_tokens": 10}), models=listed) as server:
        brief = _brief(server, tmp_path)
    assert brief["generator"]["model"] == "local-model"


def test_a_listed_model_name_that_is_plain_text_is_used(tmp_path: Path) -> None:
    listed = [{"id": "\x00bad"}, {"id": "qwen-local", "object": "model", "owned_by": "x"}]
    with LyingServer(completion(usage={"prompt_tokens": 5, "completion_tokens": 5,
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
    with LyingServer(answer) as server:
        result = run_cli("generate", str(SEED), "--backend", "llm", "--model", "m",
                         "--base-url", server.url, "--no-cache", "-o", str(tmp_path / "b.md"),
                         env=FAST, timeout=90)
    line = error_line(result)
    assert says in line, line
    assert not (tmp_path / "b.md").exists()
