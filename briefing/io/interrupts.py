"""Ending a run on a signal: SIGINT and SIGTERM unwind it, and a watchdog ends it within 2 s.

The first signal raises KeyboardInterrupt (Terminated for SIGTERM) in the main thread, so
``finally`` blocks run and queued work is cancelled. Work that cannot be interrupted (a model
request in flight in a worker thread) must not hold the process: a watchdog removes the
temporary files of writes in progress and ends the process after a short grace period; a second
signal ends it at once.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from types import FrameType
from typing import Final

from briefing.errors import Terminated
from briefing.io.output import abandon_temporaries

#: Seconds a run has to unwind after a signal before the watchdog ends it.
GRACE_SECONDS: Final = 1.0
#: Exit status after each signal (128 + its number, as shells report it).
EXIT_STATUS: Final[dict[int, int]] = {signal.SIGINT: 130, signal.SIGTERM: 143}

_state: dict[str, object] = {"signal": None, "reported": False, "installed": False}
_lock = threading.Lock()


def exit_status() -> int:
    """The exit status for the signal that interrupted the run (130 when none was seen)."""
    received = _state["signal"]
    return EXIT_STATUS.get(received, 130) if isinstance(received, int) else 130


def mark_reported() -> None:
    """The command has printed its own `Error:` line; the watchdog prints none."""
    _state["reported"] = True


def end_now(status: int) -> None:
    """Remove temporaries of writes in progress and end the process without waiting for threads."""
    abandon_temporaries()
    with _lock:
        if not _state["reported"]:
            _state["reported"] = True
            with contextlib.suppress(OSError):
                os.write(2, b"Error: interrupted\n")
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(status)


def finish(status: int) -> None:
    """End the command after a signal, once it has said so: at once, without waiting for worker
    threads still blocked in a request, when the handlers are installed (the real command);
    by SystemExit otherwise (the command run in-process, as tests do)."""
    if _state["installed"]:
        end_now(status)
    sys.exit(status)


def _watchdog(status: int) -> None:
    threading.Event().wait(GRACE_SECONDS)
    end_now(status)


def _handle(signum: int, frame: FrameType | None) -> None:
    status = EXIT_STATUS.get(signum, 128 + signum)
    if _state["signal"] is not None:
        end_now(status)
    _state["signal"] = signum
    threading.Thread(target=_watchdog, args=(status,), name="briefing-watchdog",
                     daemon=True).start()
    if signum == signal.SIGTERM:
        raise Terminated()
    raise KeyboardInterrupt()


def install() -> None:
    """Handle SIGINT and SIGTERM as above (call once, from the main thread of the command)."""
    for received in EXIT_STATUS:
        signal.signal(received, _handle)
    _state["installed"] = True
