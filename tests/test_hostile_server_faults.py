"""Model server faults: a 200 answer that is an HTML page, not UTF-8 or not a chat completion,
and a server that trickles bytes. Each is one `Error:` line from a real `briefing` child process
talking to a real HTTP server on 127.0.0.1, in bounded time.
"""

from __future__ import annotations

import socket
import sqlite3
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from briefing.backends.llm.cache import CACHE_FILE

from .conftest import SEED
from .fault_server import Fault, FaultyServer
from .hostile import error_line, run_cli
from .llm_server import ScriptedServer


def _trickle(handler: BaseHTTPRequestHandler, stop: threading.Event) -> None:
    """A 200 whose body comes one byte every 0.2 s and never ends (up to 60 s)."""
    handler.send_response(200)
    handler.send_header("content-type", "application/json")
    handler.send_header("content-length", "100000")
    handler.end_headers()
    for _ in range(300):
        if stop.wait(0.2):
            return
        try:
            handler.wfile.write(b" ")
            handler.wfile.flush()
        except OSError:
            return


FAULTS: dict[str, Fault] = {
    "html page": ("text/html", b"<html><body><h1>Welcome to nginx!</h1></body></html>"),
    "html labelled json": ("application/json", b"<!DOCTYPE html><html><body>Gateway</body></html>"),
    "not utf-8": ("application/json; charset=utf-8",
                  b'{"id": "x", "object": "chat.completion", "choices": [{"index": 0, '
                  b'"message": {"role": "assistant", "content": "caf\xe9 \xff"}, '
                  b'"finish_reason": "stop"}]}'),
    "not a completion": ("application/json", b'{"hello": "world"}'),
    "a list": ("application/json", b"[1, 2, 3]"),
}


FAST = {"BRIEFING_MAX_ATTEMPTS": "2", "BRIEFING_RETRY_WAIT": "0.05"}


@pytest.mark.parametrize("name", list(FAULTS))
def test_a_200_that_is_not_a_chat_completion_is_one_error_line(name: str, tmp_path: Path) -> None:
    with FaultyServer(FAULTS[name]) as server:
        result = run_cli("generate", str(SEED), "--backend", "llm", "--model", "m",
                         "--base-url", server.url, "-o", str(tmp_path / "brief.md"),
                         env={**FAST, "BRIEFING_CACHE_DIR": str(tmp_path / "cache")}, timeout=90)
    line = error_line(result)
    assert server.url in line, line
    assert not (tmp_path / "brief.md").exists()


def test_a_server_that_trickles_bytes_meets_one_total_deadline(tmp_path: Path) -> None:
    with FaultyServer(_trickle) as server:
        started = time.monotonic()
        result = run_cli("generate", str(SEED), "--backend", "llm", "--model", "m",
                         "--base-url", server.url, "--timeout", "2",
                         env={"BRIEFING_MAX_ATTEMPTS": "2", "BRIEFING_RETRY_WAIT": "0.05",
                              "BRIEFING_CACHE_DIR": str(tmp_path / "cache")}, timeout=90)
        took = time.monotonic() - started
    line = error_line(result)
    assert "did not answer within 2 s" in line
    assert took < 15, took  # two attempts of 2 s each (and start-up), not 60 s of trickle


def test_a_server_that_drops_connections_is_tried_once_for_a_whole_batch(tmp_path: Path) -> None:
    folder, out = tmp_path / "reports", tmp_path / "briefs"
    folder.mkdir()
    for n in range(1, 11):
        (folder / f"r{n:02d}.txt").write_text(
            f"The Kestrian Joint Staff said {n} patrol boats entered Veska.\n", encoding="utf-8")
    accepted = 0
    stop = threading.Event()
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.settimeout(0.1)

        def drop() -> None:  # accept and close at once: the client sees a broken connection
            nonlocal accepted
            while not stop.is_set():
                try:
                    connection, _ = listener.accept()
                except TimeoutError:
                    continue
                accepted += 1
                connection.close()

        thread = threading.Thread(target=drop, daemon=True)
        thread.start()
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/v1"
        result = run_cli("generate", "--each", str(folder), "-o", str(out), "--backend", "llm",
                         "--model", "m", "--base-url", url, "--concurrency", "1",
                         env={**FAST, "BRIEFING_MAX_ATTEMPTS": "3",
                              "BRIEFING_CACHE_DIR": str(tmp_path / "cache")}, timeout=90)
        stop.set()
        thread.join(timeout=5)
    line = error_line(result)
    assert line.startswith("Error: 10 of 10 reports failed")
    assert accepted == 3, accepted  # one report's three attempts; the nine others sent nothing


# --- the response cache ---------------------------------------------------------------------


def _cached_run(server_url: str, cache: Path, report: Path = SEED, **env: str,
                ) -> subprocess.CompletedProcess[str]:
    return run_cli("generate", str(report), "--backend", "llm", "--model", "m", "--base-url",
                   server_url, "--generated-at", "2026-11-24T12:00:00Z",
                   env={**FAST, "BRIEFING_CACHE_DIR": str(cache), **env}, timeout=90)


@pytest.mark.parametrize("damage", ["{not json", '{"answer": {"claims": "none"}}', "[1, 2]"])
def test_a_damaged_cache_row_is_a_miss_and_says_so(tmp_path: Path, damage: str) -> None:
    cache = tmp_path / "cache"
    with ScriptedServer() as server:
        first = _cached_run(server.url, cache)
        assert first.returncode == 0, first.stderr
        asked = len(server.completions)
        with sqlite3.connect(cache / CACHE_FILE) as db:
            db.execute("UPDATE responses SET value = ?", (damage,))
        again = _cached_run(server.url, cache)
        assert len(server.completions) == 2 * asked  # every answer asked for again
    assert again.returncode == 0, again.stderr
    assert "Traceback" not in again.stderr
    assert "Warning: the response cache" in again.stderr and "damaged" in again.stderr
    assert again.stdout == first.stdout


def test_a_cache_locked_too_long_is_a_warning_and_the_run_goes_on(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    with ScriptedServer() as server:
        assert _cached_run(server.url, cache).returncode == 0
        holder = sqlite3.connect(cache / CACHE_FILE, isolation_level=None)
        try:
            holder.execute("BEGIN EXCLUSIVE")
            started = time.monotonic()
            other = tmp_path / "other.txt"  # not in the cache: its answer must be stored
            other.write_text("The Kestrian Joint Staff said 9 patrol boats entered Veska.\n",
                             encoding="utf-8")
            result = _cached_run(server.url, cache, other, BRIEFING_CACHE_LOCK_SECONDS="0.5")
            took = time.monotonic() - started
        finally:
            holder.execute("ROLLBACK")
            holder.close()
    assert "Traceback" not in result.stderr
    assert result.returncode == 0, result.stderr
    assert "locked by another process" in result.stderr
    assert took < 20, took
