"""Hostile metadata: YAML aliases, impossible dates, deep nesting and titles that are not text,
in front matter, JSON records and `--sources` tables. Each case is a real file briefed by a
real `briefing` child process.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .hostile import error_line, run_cli

BODY = "The Kestrian Joint Staff said patrol boats entered the port of Veska on Thursday.\n"
#: Ten aliases deep, each a list of ten of the one before: 10**10 values if expanded.
LAUGHS = "".join(
    [f"l0: &l0 [{', '.join(['laugh'] * 10)}]\n"]
    + [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 10)}]\n" for n in range(1, 10)]
)


def _report(tmp_path: Path, front: str, name: str = "report.md") -> Path:
    path = tmp_path / name
    path.write_text(f"---\n{front}---\n{BODY}", encoding="utf-8")
    return path


def test_front_matter_aliases_are_refused(tmp_path: Path) -> None:
    report = _report(tmp_path, LAUGHS + "title: *l9\n")
    line = error_line(run_cli("generate", str(report), timeout=60))
    assert str(report) in line and "alias" in line


def test_a_sources_table_with_aliases_is_refused(tmp_path: Path) -> None:
    report = _report(tmp_path, "publisher: Meridian Wire\n")
    table = tmp_path / "ratings.yaml"
    table.write_text(LAUGHS + "Meridian Wire: B\n", encoding="utf-8")
    line = error_line(run_cli("generate", str(report), "--sources", str(table), timeout=60))
    assert str(table) in line and "alias" in line


@pytest.mark.parametrize("front", ["[" * 3000 + "\n", "{a: " * 3000 + "\n"])
def test_front_matter_nested_too_deeply_is_one_error_line(tmp_path: Path, front: str) -> None:
    report = _report(tmp_path, "title: " + front)
    line = error_line(run_cli("generate", str(report)))
    assert str(report) in line


@pytest.mark.parametrize("published", ["2026-02-30", "2026-13-01", "2026-11-20T25:00:00"])
def test_an_impossible_front_matter_date_names_the_file_and_field(tmp_path: Path,
                                                                  published: str) -> None:
    report = _report(tmp_path, f"title: Harbour\npublished: {published}\n")
    line = error_line(run_cli("generate", str(report)))
    assert str(report) in line and "published" in line and published in line


def test_an_impossible_date_in_a_json_record_names_the_file_and_field(tmp_path: Path) -> None:
    report = tmp_path / "reports.jsonl"
    report.write_text(json.dumps({"text": BODY, "published": "2026-04-31"}) + "\n",
                      encoding="utf-8")
    line = error_line(run_cli("generate", str(report)))
    assert str(report) in line and "published" in line and "2026-04-31" in line


def test_a_number_title_is_converted_with_a_warning(tmp_path: Path) -> None:
    report = _report(tmp_path, "title: 2026\npublisher: 7\n")
    done = run_cli("generate", str(report), "--format", "json")
    assert done.returncode == 0, done.stderr
    source = json.loads(done.stdout)["sources"][0]
    assert (source["title"], source["publisher"]) == ("2026", "7")
    warnings = [line for line in done.stderr.splitlines() if line.startswith("Warning: ")]
    assert len(warnings) == 2 and "title 2026 is not text" in warnings[0]


@pytest.mark.parametrize("title", ["[Harbour, report]", "{name: Harbour}"])
def test_a_title_that_is_a_list_or_mapping_is_refused(tmp_path: Path, title: str) -> None:
    report = _report(tmp_path, f"title: {title}\n")
    line = error_line(run_cli("generate", str(report)))
    assert str(report) in line and "title must be text" in line
