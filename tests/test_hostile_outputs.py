"""Output files like a careful Unix tool: `-o` refuses what is not a regular file or is an input,
writes atomically with the mode a new file gets, and a failure leaves the old file and nothing
else; standard output that is closed or full is one `Error:` line.

Every case runs `briefing` as a real child process on real files.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import SEED
from .hostile import child_env, error_line, leftovers, run_cli
from .llm_server import ScriptedServer

REPORT = ("The Kestrian Joint Staff said patrol boats entered the port of Veska on Thursday.\n\n"
          "Officials may close the harbour if the patrols continue.\n")
OLD = "the previous brief\n"


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def test_a_device_is_refused(report: Path, tmp_path: Path) -> None:
    # As root, a tool that replaced its target would replace /dev/null itself (it did, before
    # this was refused): use a null device of our own. Others cannot replace /dev/null.
    device = Path(os.devnull)
    if os.geteuid() == 0:
        device = tmp_path / "null"
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    line = error_line(run_cli("generate", str(report), "-o", str(device)))
    assert str(device) in line and "a device" in line
    assert stat.S_ISCHR(device.stat().st_mode)


def test_a_fifo_is_refused_without_blocking(report: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    line = error_line(run_cli("generate", str(report), "-o", str(fifo), timeout=60))
    assert "FIFO" in line
    assert stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.parametrize("how", ["same path", "through a symlink"])
def test_the_input_report_is_never_replaced(report: Path, tmp_path: Path, how: str) -> None:
    target = report
    if how == "through a symlink":
        target = tmp_path / "brief.md"
        target.symlink_to(report)
    line = error_line(run_cli("generate", str(report), "-o", str(target)))
    assert "input report" in line
    assert report.read_text(encoding="utf-8") == REPORT
    assert leftovers(tmp_path) == []


def test_a_report_inside_an_input_folder_is_never_replaced(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT, encoding="utf-8")
    line = error_line(run_cli("generate", str(folder), "-o", str(folder / "a.txt")))
    assert "input report" in line
    assert (folder / "a.txt").read_text(encoding="utf-8") == REPORT


def test_diff_refuses_to_write_over_its_inputs(tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    brief = run_cli("generate", str(SEED), "--format", "json", "-o", str(old))
    assert brief.returncode == 0, brief.stderr
    before = old.read_bytes()
    line = error_line(run_cli("diff", str(old), str(old), "-o", str(old)))
    assert "input report" in line and old.read_bytes() == before


def test_a_missing_folder_is_one_error_line(report: Path, tmp_path: Path) -> None:
    line = error_line(run_cli("generate", str(report), "-o", str(tmp_path / "no" / "b.md")))
    assert "does not exist" in line
    assert not (tmp_path / "no").exists()


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody may write to: mode 0555, or a read-only mount when running as root
    (root writes through permission bits)."""
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "brief.md").write_text(OLD, encoding="utf-8")
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    mounted = subprocess.run(["mount", "--bind", "-o", "ro", str(folder), str(folder)],
                             capture_output=True, check=False)
    if mounted.returncode != 0:
        mounted = subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)],
                                 capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip("running as root without a way to mount a read-only folder")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], capture_output=True, check=False)


def test_a_read_only_folder_is_one_error_line(report: Path, read_only_folder: Path) -> None:
    line = error_line(run_cli("generate", str(report), "-o", str(read_only_folder / "brief.md")))
    assert "not writable" in line
    assert (read_only_folder / "brief.md").read_text(encoding="utf-8") == OLD
    assert leftovers(read_only_folder) == []


def _file_size_limit() -> None:
    """A child that may write at most 100 bytes to a file: writes fail like on a full disk."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (100, 100))


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(report: Path,
                                                                   tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    out.write_text(OLD, encoding="utf-8")
    line = error_line(run_cli("generate", str(report), "-o", str(out), preexec=_file_size_limit))
    assert line.startswith(f"Error: cannot write {out}: ")
    assert out.read_text(encoding="utf-8") == OLD
    assert leftovers(tmp_path) == []


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 64 KiB filesystem (tmpfs), filled up; needs the right to mount (root)."""
    folder = tmp_path / "small"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
                             capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip("no right to mount a small filesystem (ENOSPC is covered by the size limit)")
    try:
        (folder / "brief.md").write_text(OLD, encoding="utf-8")
        filler = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
        try:
            while os.write(filler, b"\0" * 4096):
                pass
        except OSError:
            pass
        finally:
            os.close(filler)
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], capture_output=True, check=False)


def test_a_full_disk_is_one_error_line(full_disk: Path) -> None:
    out = full_disk / "brief.md"
    line = error_line(run_cli("generate", str(SEED), "-o", str(out)))
    assert "No space left on device" in line
    assert out.read_text(encoding="utf-8") == OLD
    assert leftovers(full_disk) == []


def test_stdout_to_a_full_device_is_one_error_line(report: Path) -> None:
    with open("/dev/full", "wb") as full:
        line = error_line(run_cli("generate", str(report), stdout=full))
    assert "standard output" in line and "No space left on device" in line


def test_a_closed_stdout_pipe_is_one_error_line(report: Path) -> None:
    read, write = os.pipe()
    os.close(read)
    try:
        line = error_line(run_cli("generate", str(report), stdout=write))
    finally:
        os.close(write)
    assert "broken pipe" in line


def test_a_new_file_gets_the_umask_mode_and_an_old_one_keeps_its_mode(report: Path,
                                                                     tmp_path: Path) -> None:
    new, kept = tmp_path / "new.md", tmp_path / "kept.md"
    kept.write_text(OLD, encoding="utf-8")
    kept.chmod(0o604)
    for out in (new, kept):
        done = run_cli("generate", str(report), "-o", str(out), preexec=lambda: os.umask(0o027))
        assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(new.stat().st_mode) == 0o640
    assert stat.S_IMODE(kept.stat().st_mode) == 0o604
    assert kept.read_text(encoding="utf-8") != OLD


def test_a_symlink_is_written_through(report: Path, tmp_path: Path) -> None:
    real, link = tmp_path / "real.md", tmp_path / "link.md"
    real.write_text(OLD, encoding="utf-8")
    link.symlink_to(real)
    done = run_cli("generate", str(report), "-o", str(link))
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and "Veska" in real.read_text(encoding="utf-8")


def test_sigterm_while_writing_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    out.write_text(OLD, encoding="utf-8")
    # A slow disk: fsync of the new file takes a minute, so SIGTERM arrives mid-write.
    script = ("import os, sys, time\n"
              "os.fsync = lambda fd: time.sleep(60)\n"
              "from briefing.cli import main\n"
              f"sys.argv = ['briefing', 'generate', {str(SEED)!r}, '-o', {str(out)!r}]\n"
              "main()\n")
    child = subprocess.Popen([sys.executable, "-c", script], env=child_env(),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not leftovers(tmp_path) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert leftovers(tmp_path), "the temporary file never appeared"
        child.send_signal(signal.SIGTERM)
        _, stderr = child.communicate(timeout=10)
    finally:
        child.kill()
    result = subprocess.CompletedProcess(child.args, child.returncode, "", stderr.decode())
    assert error_line(result, code=143) == "Error: terminated"
    assert out.read_text(encoding="utf-8") == OLD
    assert leftovers(tmp_path) == []


def test_outputs_are_checked_before_any_model_request(report: Path, tmp_path: Path) -> None:
    with ScriptedServer() as server:
        line = error_line(run_cli("generate", str(report), "--backend", "llm", "--base-url",
                                  server.url, "-o", str(tmp_path / "missing" / "b.md")))
        assert server.requests == []
        templates = error_line(run_cli("generate", str(report), "--backend", "llm",
                                       "--base-url", server.url, "--templates",
                                       str(tmp_path / "no-templates")))
        assert server.requests == []
    assert "does not exist" in line and "not a folder" in templates


def test_a_broken_template_is_found_before_any_model_request(report: Path,
                                                              tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "brief.md.j2").write_text("{% for claim in claims %}never closed\n",
                                        encoding="utf-8")
    with ScriptedServer() as server:
        line = error_line(run_cli("generate", str(report), "--backend", "llm", "--base-url",
                                  server.url, "--templates", str(folder)))
        assert server.requests == []
    assert "brief.md.j2" in line


# --- --each -----------------------------------------------------------------------------------


def _folder(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_each_never_writes_over_an_input(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"a.md": REPORT, "b.txt": REPORT})
    line = error_line(run_cli("generate", "--each", str(folder), "-o", str(folder)))
    assert "a.md" in line and "input report" in line
    assert sorted(p.name for p in folder.iterdir()) == ["a.md", "b.txt"]
    assert (folder / "a.md").read_text(encoding="utf-8") == REPORT


def test_each_gives_every_report_its_own_output(tmp_path: Path) -> None:
    lines = [json.dumps({"text": REPORT.replace("Veska", town)}) for town in ("Veska", "Ostrin")]
    folder = _folder(tmp_path, {"a.jsonl": "\n".join(lines) + "\n", "a-1.txt": REPORT,
                                "A-2.md": REPORT})
    out = tmp_path / "briefs"
    done = run_cli("generate", "--each", str(folder), "-o", str(out))
    assert done.returncode == 0, done.stderr
    written = sorted(p.name for p in out.iterdir())
    assert len(written) == 4, written
    assert len({name.casefold() for name in written}) == 4
    assert f"Wrote 4 briefs to {out}" in done.stderr
