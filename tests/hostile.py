"""Helpers of the hostile tests: run `briefing` as a real child process and check its failure."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .conftest import ROOT

#: Variables a developer's shell may hold that would change which backend runs.
_MODEL_VARIABLES = ("BRIEFING_API_KEY", "OPENAI_API_KEY", "BRIEFING_BASE_URL", "OPENAI_BASE_URL",
                    "BRIEFING_MODEL", "BRIEFING_BACKEND")


def child_env(env: Mapping[str, str] | None = None, cache: Path | None = None) -> dict[str, str]:
    """The environment of a child run: no model settings unless given, a private cache."""
    base = {k: v for k, v in os.environ.items() if k not in _MODEL_VARIABLES}
    base["PYTHONPATH"] = str(ROOT)
    if cache is not None:
        base["BRIEFING_CACHE_DIR"] = str(cache)
    base.update(env or {})
    return base


def run_cli(*args: str, env: Mapping[str, str] | None = None, input: bytes | None = None,
            cwd: Path | None = None, timeout: float = 120,
            preexec: Callable[[], None] | None = None, stdout: Any = subprocess.PIPE,
            ) -> subprocess.CompletedProcess[str]:
    """`python -m briefing ARGS` in a child process, its output decoded as UTF-8 (replacing).

    ``preexec`` runs in the child before Python starts (a umask, a file size limit);
    ``stdout`` may be a file object or descriptor instead of a pipe.
    """
    done = subprocess.run([sys.executable, "-m", "briefing", *args], input=input,
                          stdout=stdout, stderr=subprocess.PIPE, timeout=timeout, check=False,
                          cwd=cwd, env=child_env(env), preexec_fn=preexec)
    return subprocess.CompletedProcess(
        done.args, done.returncode, (done.stdout or b"").decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"))


def error_line(result: subprocess.CompletedProcess[str], code: int = 1) -> str:
    """The one `Error: ...` line of a failed run; asserts the exit code and no traceback."""
    assert result.returncode == code, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(lines) == 1, result.stderr
    return lines[0]


def leftovers(folder: Path) -> list[str]:
    """Temporary files a write left behind in a folder (names starting with a dot)."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))
