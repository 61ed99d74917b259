"""Hostile inputs: file names that are not UTF-8, deeply nested JSON and HTML, encodings; and
`diff --exit-code` as diff(1) has it. Each case is a real file and a real child process.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from .hostile import error_line, run_cli

REPORT = ("The Kestrian Joint Staff said {n} patrol boats entered the port of Veska on "
          "Thursday.\n\nOfficials may close the harbour if the patrols continue.\n")


def _not_utf8_name(folder: Path) -> Path:
    """A report whose file name is Latin-1 bytes (not UTF-8), as old archives hold them."""
    path = Path(os.fsdecode(os.fsencode(folder) + b"/caf\xe9-report.txt"))
    path.write_text(REPORT.format(n=3), encoding="utf-8")
    return path


def test_a_folder_with_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    _not_utf8_name(folder)
    (folder / "b.txt").write_text(REPORT.format(n=4), encoding="utf-8")
    out = tmp_path / "brief.json"
    done = run_cli("generate", str(folder), "--format", "json", "-o", str(out))
    assert done.returncode == 0, done.stderr
    brief = json.loads(out.read_text(encoding="utf-8"))
    assert len(brief["sources"]) == 2
    assert any("caf\ufffd-report.txt" in source["path"] for source in brief["sources"])


def test_each_goes_on_past_file_names_that_are_not_utf8(tmp_path: Path) -> None:
    folder, out = tmp_path / "reports", tmp_path / "briefs"
    folder.mkdir()
    _not_utf8_name(folder)
    Path(os.fsdecode(os.fsencode(folder) + b"/empty\xff.txt")).write_bytes(b"")
    (folder / "b.txt").write_text(REPORT.format(n=4), encoding="utf-8")
    done = run_cli("generate", "--each", str(folder), "-o", str(out))
    line = error_line(done)
    assert line.startswith("Error: 1 of 3 reports failed:") and "empty" in line
    assert len(list(out.iterdir())) == 2
    assert f"Wrote 2 briefs to {out}" in done.stderr


@pytest.mark.parametrize("name", ["deep.json", "deep"])
def test_deeply_nested_json_is_one_error_line(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text('{"text": ' + "[" * 100_000 + "\n", encoding="utf-8")
    line = error_line(run_cli("generate", str(path)))
    assert str(path) in line and "nested too deeply" in line


def test_diff_of_deeply_nested_json_is_one_error_line(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_text('{"schema_version": "1", "claims": ' + "[" * 100_000, encoding="utf-8")
    line = error_line(run_cli("diff", str(path), str(path)))
    assert "nested too deeply" in line


def _deep_page(depth: int) -> str:
    nested = ("<div>" * depth + "<p>Deep inside, officials may close the harbour of Ostrin if "
              "the patrols continue.</p>" + "</div>" * depth)
    return ("<html><head><title>Harbour</title></head><body><article>"
            "<p>The Kestrian Joint Staff said 12 patrol boats entered the port of Veska on "
            f"Thursday.</p>{nested}<p>After the nesting, the ministry said 40 vessels were "
            "searched.</p></article></body></html>")


def test_html_nested_deeper_than_the_default_parser_is_read_whole(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(_deep_page(400), encoding="utf-8")
    done = run_cli("generate", str(page), "--format", "json")
    assert done.returncode == 0, done.stderr
    quotes = " ".join(claim["quote"] for claim in json.loads(done.stdout)["claims"])
    assert "Ostrin" in quotes and "40 vessels" in quotes


def test_html_nested_deeper_than_any_parser_reads_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(_deep_page(5000), encoding="utf-8")
    line = error_line(run_cli("generate", str(page), "--format", "json"))
    assert str(page) in line and "deep" in line


def test_a_guessed_encoding_of_short_text_is_named(tmp_path: Path) -> None:
    report = tmp_path / "short.txt"
    report.write_bytes("Le ministre Héctor Muñoz a déclaré que la frontière était fermée.\n"
                       .encode("cp1252"))
    done = run_cli("generate", str(report))
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.splitlines() if line.startswith("Warning: ")]
    assert len(warnings) == 1 and str(report) in warnings[0] and "assumed" in warnings[0]


def test_encoding_forces_one(tmp_path: Path) -> None:
    report = tmp_path / "short.txt"
    report.write_bytes("Le ministre Héctor Muñoz a déclaré que Veska était fermée.\n"
                       .encode("latin-1"))
    done = run_cli("generate", str(report), "--encoding", "latin-1", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert "Warning" not in done.stderr
    source = json.loads(done.stdout)["sources"][0]
    assert source["encoding"] == "iso8859-1"
    wrong = error_line(run_cli("generate", str(report), "--encoding", "utf-8"))
    assert "cannot be decoded as utf-8" in wrong
    unknown = error_line(run_cli("generate", str(report), "--encoding", "klingon"), code=2)
    assert "unknown encoding" in unknown


def test_diff_exit_code_follows_diff(tmp_path: Path) -> None:
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text(REPORT.format(n=3), encoding="utf-8")
    two.write_text(REPORT.format(n=5), encoding="utf-8")
    same = run_cli("diff", str(one), str(one), "--exit-code")
    differ = run_cli("diff", str(one), str(two), "--exit-code")
    assert (same.returncode, differ.returncode) == (0, 1), (same.stderr, differ.stderr)
    trouble = run_cli("diff", str(one), str(tmp_path / "missing.txt"), "--exit-code")
    assert "missing.txt" in error_line(trouble, code=2)
    usage = run_cli("diff", str(one), "--exit-code")
    assert usage.returncode == 2
    assert "missing.txt" in error_line(run_cli("diff", str(one), str(tmp_path / "missing.txt")))


def test_a_link_to_an_endless_device_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    result = run_cli("generate", str(link), env={"BRIEFING_MAX_BYTES": "100000"}, timeout=60)
    line = error_line(result)
    assert "zero.txt is over the limit" in line, line


def test_standard_input_past_the_limit_is_refused() -> None:
    result = run_cli("generate", "-", input=b"The ferry left Osk. " * 10_000,
                     env={"BRIEFING_MAX_BYTES": "100000"})
    line = error_line(result)
    assert "standard input is over the limit" in line, line


def test_pipes_devices_and_dangling_links_in_a_folder_are_skipped_and_named(
        tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT.format(n=3), encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")  # reading it would wait for a writer for ever
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "gone.md").symlink_to(tmp_path / "nowhere.md")
    result = run_cli("generate", str(folder), timeout=60)
    assert result.returncode == 0, result.stderr
    assert "3 patrol boats" in result.stdout
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning: ")]
    assert warnings == [f"Warning: {folder}: 3 entries skipped, not regular files "
                        "(gone.md, pipe.txt, zero.txt)"], result.stderr
