"""Writing results like a careful Unix tool: checked targets, atomic replacement, nothing left.

``check_output`` validates a target before any work is done (so no model request is paid for a
brief that cannot be written); ``write_atomic`` writes through a temporary file in the target's
own folder and renames it into place, so the old file stays whole until the new one is complete.
A symlink is written through: the file it points to is replaced and the link keeps pointing to
it. Temporaries of writes in progress are registered, so a run ended by a signal removes them.
"""

from __future__ import annotations

import os
import stat
import tempfile
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import OutputError

#: Temporary files of writes in progress (removed by abandon_temporaries on a signal exit).
_PENDING: set[str] = set()
_PENDING_LOCK = threading.Lock()


@dataclass(frozen=True)
class OutputTarget:
    """A checked output file: the regular file to replace and the permission bits it gets."""

    path: Path
    mode: int
    name: str


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _input_files(inputs: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """The files a run reads: the inputs themselves, and the report files of input folders."""
    files: list[Path] = []
    for item in inputs:
        name = os.fspath(item)
        if name == "-":
            continue
        path = Path(name)
        if path.is_dir():
            from briefing.errors import SourceError
            from briefing.io.formats import report_files

            try:
                files.extend(report_files(path))
            except SourceError:
                continue
        else:
            files.append(path)
    return files


def file_identity(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    """(device, inode) of an existing file, following symlinks; None when there is none."""
    try:
        found = os.stat(path)
    except (OSError, ValueError):
        return None
    return found.st_dev, found.st_ino


def check_output(path: str | os.PathLike[str],
                 inputs: Sequence[str | os.PathLike[str]] = ()) -> OutputTarget:
    """Check that ``path`` can be replaced by a new file, before any work is done.

    Refuses (with OutputError) a directory, device, FIFO or socket, one of the ``inputs`` (or a
    report file inside an input folder), a missing or unwritable folder and a read-only file.
    """
    name = os.fspath(path)
    given = Path(name)
    target = Path(os.path.realpath(given)) if given.is_symlink() else given
    try:
        existing: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        existing = None
    except OSError as exc:
        raise OutputError(f"cannot write {name}: {exc.strerror or exc}") from exc
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        raise OutputError(f"refusing to write {name}: it is {_kind(existing.st_mode)}, "
                          "not a regular file (use -o - or a redirection for standard output)")
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(f"cannot write {name}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write {name}: the folder {folder} is not writable")
    if existing is not None:
        if not os.access(target, os.W_OK):
            raise OutputError(f"refusing to write {name}: the file is read-only")
        for source in _input_files(inputs):
            if file_identity(source) == (existing.st_dev, existing.st_ino):
                raise OutputError(f"refusing to write {name}: it is the input report {source}")
    mode = stat.S_IMODE(existing.st_mode) if existing is not None else 0o666 & ~_umask()
    return OutputTarget(target, mode, name)


def write_atomic(path: str | os.PathLike[str] | OutputTarget, content: str | Iterable[str],
                 inputs: Sequence[str | os.PathLike[str]] = ()) -> None:
    """Replace a file with ``content`` (text or chunks of text) atomically.

    The text goes to a temporary file in the target's folder, is flushed to disk and renamed
    over the target; on any failure (a full disk included) or interruption the temporary file
    is removed and the old file is left as it was. Raises OutputError when it cannot write.
    """
    target = path if isinstance(path, OutputTarget) else check_output(path, inputs)
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{target.path.name}.", suffix=".tmp",
                                         dir=target.path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write {target.name}: {exc.strerror or exc}") from exc
    with _PENDING_LOCK:
        _PENDING.add(temporary)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            os.fchmod(handle.fileno(), target.mode)
            for chunk in [content] if isinstance(content, str) else content:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target.path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"cannot write {target.name}: {exc.strerror or exc}") from exc
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    finally:
        with _PENDING_LOCK:
            _PENDING.discard(temporary)


def abandon_temporaries() -> None:
    """Remove the temporary files of writes still in progress (before a forced exit)."""
    with _PENDING_LOCK:
        pending = list(_PENDING)
        _PENDING.clear()
    for temporary in pending:
        try:
            os.unlink(temporary)
        except OSError:
            continue
