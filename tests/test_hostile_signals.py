"""Every wait has an end: Ctrl-C (SIGINT) ends any run within 2 s with exit 130, and a dead
model server fails a batch fast.

Each case is a real `briefing` child process talking to a scripted server on 127.0.0.1; the
signal is sent once the server has received the request the run is waiting on.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from .conftest import SEED
from .hostile import child_env, error_line, leftovers, run_cli
from .llm_server import Reply, ScriptedServer, error

REPORT = ("The Kestrian Joint Staff said {n} patrol boats entered the port of Veska on "
          "Thursday.\n\nOfficials may close the harbour if the patrols continue.\n")
#: Seconds within which a run must end after Ctrl-C (the issue's bound).
BOUND = 2.0


def _interrupt(args: list[str], ready: Callable[[], bool], env: dict[str, str] | None = None,
               ) -> tuple[subprocess.CompletedProcess[str], float]:
    """Start `briefing ARGS`, wait until ``ready()``, send SIGINT; the result and the seconds
    the process took to end after the signal."""
    child = subprocess.Popen([sys.executable, "-m", "briefing", *args], env=child_env(env),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not ready() and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.02)
        assert child.poll() is None, child.communicate()
        assert ready(), "the run never reached the point to interrupt"
        sent = time.monotonic()
        child.send_signal(signal.SIGINT)
        stdout, stderr = child.communicate(timeout=30)
        took = time.monotonic() - sent
    finally:
        child.kill()
        child.wait()
    return subprocess.CompletedProcess(child.args, child.returncode, stdout.decode(),
                                       stderr.decode()), took


def test_ctrl_c_during_retries_ends_the_run(tmp_path: Path) -> None:
    # Every answer is a 503 asking to come back in 30 s: the run sits in its retry wait.
    with ScriptedServer(default=lambda request: error(503, "busy", Retry_After="30")) as server:
        result, took = _interrupt(
            ["generate", str(SEED), "--backend", "llm", "--model", "m", "--base-url", server.url,
             "-o", str(tmp_path / "brief.md")],
            lambda: bool(server.completions))
    assert error_line(result, code=130) == "Error: interrupted"
    assert took < BOUND, took
    assert not (tmp_path / "brief.md").exists() and leftovers(tmp_path) == []


def test_ctrl_c_during_mode_probing_ends_the_run() -> None:
    # The first request (the probe of json_schema mode) is answered only after 30 s.
    with ScriptedServer() as server:
        server.push(Reply(content="{}", delay=30))
        result, took = _interrupt(
            ["generate", str(SEED), "--backend", "llm", "--model", "m", "--base-url", server.url],
            lambda: bool(server.completions))
    assert error_line(result, code=130) == "Error: interrupted"
    assert took < BOUND, took


def test_ctrl_c_cancels_queued_reports_and_keeps_finished_briefs(tmp_path: Path) -> None:
    folder, out = tmp_path / "reports", tmp_path / "briefs"
    folder.mkdir()
    for n in range(1, 13):
        (folder / f"r{n:02d}.txt").write_text(REPORT.format(n=n), encoding="utf-8")
    with ScriptedServer(delay=1.0) as server:
        result, took = _interrupt(
            ["generate", "--each", str(folder), "-o", str(out), "--backend", "llm", "--model",
             "m", "--base-url", server.url, "--concurrency", "2"],
            lambda: out.is_dir() and len(list(out.glob("*.md"))) >= 2)
        asked = len(server.completions)
    line = error_line(result, code=130)
    assert took < BOUND, took
    written = sorted(out.glob("*.md"))
    assert line == (f"Error: interrupted (wrote {len(written)} briefs to {out}; "
                    f"{12 - len(written)} of 12 reports not briefed)")
    assert asked < 12  # queued reports were never sent
    assert leftovers(out) == []
    for brief in written:
        assert "Veska" in brief.read_text(encoding="utf-8")


def _closed_port() -> str:
    """A loopback URL nothing listens on (connections are refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"


def test_a_dead_server_fails_the_whole_batch_fast(tmp_path: Path) -> None:
    folder, out = tmp_path / "reports", tmp_path / "briefs"
    folder.mkdir()
    for n in range(1, 21):
        (folder / f"r{n:02d}.txt").write_text(REPORT.format(n=n), encoding="utf-8")
    url = _closed_port()
    started = time.monotonic()
    result = run_cli("generate", "--each", str(folder), "-o", str(out), "--backend", "llm",
                     "--model", "m", "--base-url", url, "--concurrency", "1",
                     env={"BRIEFING_MAX_ATTEMPTS": "3", "BRIEFING_RETRY_WAIT": "0.5"})
    took = time.monotonic() - started
    line = error_line(result)
    assert line.startswith("Error: 20 of 20 reports failed")
    failures = [x for x in result.stderr.splitlines() if x.startswith("Failed: ")]
    assert len(failures) == 20
    assert len({failure.split(": ", 2)[2] for failure in failures}) == 1  # the same error
    # One report's retries (about 0.5 + 1 s of waits), not twenty reports' (about 30 s).
    assert took < 15, took
