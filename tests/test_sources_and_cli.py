"""Reading reports and the CLI contract: front matter, stdin, bad input, exit codes, help."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing import load_source
from briefing.cli import cli
from briefing.errors import SourceError

from .conftest import SEED


def run(*args: str, input: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "briefing", *args], input=input,
                          capture_output=True, timeout=120, check=False)


def test_front_matter_is_metadata_and_offsets_skip_it(tmp_path: Path) -> None:
    report = tmp_path / "r.md"
    report.write_text("---\ntitle: Port closure\npublisher: Meridian Wire\npublished: 2026-11-20\n"
                      "reliability: B\n---\nThe port of Ostrin closed on Thursday.\n")
    source = load_source(report)
    assert (source.title, source.publisher, source.published, source.reliability) == (
        "Port closure", "Meridian Wire", "2026-11-20", "B")
    assert source.text.startswith("The port of Ostrin")


def test_text_in_other_encodings_is_decoded(tmp_path: Path) -> None:
    report = tmp_path / "latin.txt"
    report.write_bytes("Le ministre Héctor Muñoz a déclaré que la frontière était fermée. "
                       "Les autorités à Córdoba ont confirmé l'arrestation.".encode("cp1252"))
    source = load_source(report)
    assert "Héctor Muñoz" in source.text


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b"   \n\n", "is empty"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ("bad-front.md", b"---\ntitle: [unclosed\n---\nBody text here.\n", "front matter"),
])
def test_bad_files_raise_source_errors(tmp_path: Path, name: str, content: bytes,
                                       message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SourceError, match=message):
        load_source(path)


@pytest.mark.parametrize("case", ["missing", "directory", "empty", "binary", "undecodable"])
def test_cli_bad_input_gives_one_error_line_and_exit_1(tmp_path: Path, case: str) -> None:
    path = tmp_path / f"{case}.txt"
    if case == "directory":
        path.mkdir()
    elif case == "empty":
        path.write_bytes(b"")
    elif case == "binary":
        path.write_bytes(bytes(range(256)) * 8)
    elif case == "undecodable":
        import random

        rng = random.Random(1)  # high bytes in no encoding's order: not valid UTF-8, no charset
        path.write_bytes(bytes(rng.randrange(128, 256) for _ in range(400)))
    out = tmp_path / "brief.md"
    result = run("generate", str(path), "-o", str(out))
    lines = result.stderr.decode().strip().splitlines()
    assert result.returncode == 1, result.stderr
    assert lines[-1].startswith("Error: ") and str(path) in lines[-1]
    assert "Traceback" not in result.stderr.decode()
    assert not out.exists()


def test_stdin_report_to_json(tmp_path: Path) -> None:
    result = run("generate", "-", "--format", "json", "--title", "Stdin brief",
                 input=SEED.read_bytes())
    assert result.returncode == 0, result.stderr
    brief = json.loads(result.stdout)
    assert brief["title"] == "Stdin brief"
    assert brief["sources"][0]["path"] == "-"
    assert brief["generator"]["backend"] == "offline"
    assert "Using the offline backend" in result.stderr.decode()


def test_output_file_is_written_and_stdout_stays_empty(tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    result = run("generate", str(SEED), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == b""
    assert out.read_text(encoding="utf-8").startswith("# North Korea's missile tests")
    assert not list(tmp_path.glob(".*.tmp"))


def test_failed_run_keeps_the_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    out.write_text("previous brief\n")
    result = run("generate", str(tmp_path / "missing.txt"), "-o", str(out))
    assert result.returncode == 1
    assert out.read_text() == "previous brief\n"


def test_usage_error_exits_2() -> None:
    assert run("generate", str(SEED), "--format", "pdf").returncode == 2
    assert run("generate").returncode == 2


def test_schema_command_prints_the_brief_schema() -> None:
    result = run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    claim = schema["$defs"]["Claim"]["properties"]
    for field in ("span", "grounding", "attributed_to", "attribution_cue", "cue", "likelihood",
                  "probability"):
        assert field in claim
    for field in ("dropped", "usage", "generator", "schema_version", "bluf", "timeline"):
        assert field in schema["properties"]


def _commands(group: object, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    import click

    assert isinstance(group, click.Group)
    found: list[tuple[str, ...]] = []
    for name, command in group.commands.items():
        found.append((*prefix, name))
        if isinstance(command, click.Group):
            found.extend(_commands(command, (*prefix, name)))
    return found


@pytest.mark.parametrize("command", _commands(cli))
def test_every_command_has_help_with_an_example(command: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0
    assert len(result.output) > 100
    if command != ("eval",):
        assert "briefing " in result.output, f"{command} help has no example"
