"""Batch runs: one brief per report, progress on stderr, a bad file fails alone."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import cli
from briefing.schema import Brief
from briefing.tools.batch import BatchError, run_batch

from .conftest import FIXED_TIME, FIXTURES

MULTI = FIXTURES / "multi"
TEMPLATE = """---
title: Harbour report {n}
publisher: Outlet {outlet}
published: 2026-11-{day:02d}
---
Marovian patrol boats entered the port of Veska {n} times on Thursday.

The Kestrian Joint Staff said {n} fishing vessels had been searched.

Officials may close the harbour if the patrols continue.
"""


def _reports(folder: Path, count: int) -> None:
    folder.mkdir()
    for n in range(1, count + 1):
        text = TEMPLATE.format(n=n, outlet=n % 7, day=1 + n % 28)
        (folder / f"report-{n:03d}.md").write_text(text, encoding="utf-8")


def test_two_hundred_reports_and_a_bad_one_fails_alone(tmp_path: Path) -> None:
    folder, out = tmp_path / "reports", tmp_path / "briefs"
    _reports(folder, 200)
    (folder / "report-bad.txt").write_bytes(b"\xff\xfeH\x00i\x00!")
    (folder / "README.csv").write_text("not a report\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["generate", "--each", str(folder), "-o", str(out),
                                      "--format", "json", "--generated-at",
                                      "2026-11-24T12:00:00Z"])
    assert result.exit_code == 1
    written = sorted(out.iterdir())
    assert len(written) == 200
    assert [p.name for p in written][:2] == ["report-001.json", "report-002.json"]
    brief = Brief.model_validate(json.loads((out / "report-017.json").read_text("utf-8")))
    assert brief.sources[0].title == "Harbour report 17"
    assert brief.timeline[0].resolved == "2026-11-12"  # Thursday before Wed 2026-11-18
    assert "Failed: " in result.stderr and "report-bad.txt" in result.stderr
    assert "Wrote 200 briefs" in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("Error: 1 of 201 reports failed:") and "report-bad.txt" in last


def test_batch_api_writes_each_report_of_a_jsonl_file(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(MULTI / "calloway-strike.jsonl", folder / "strike.jsonl")
    shutil.copy(MULTI / "veska-page.html", folder / "veska.html")
    shutil.copy(MULTI / "three-outlets" / "northgate-ledger.md", folder / "veska.md")
    result = run_batch(folder, tmp_path / "out", generated_at=FIXED_TIME, progress=False,
                       ratings={"Northgate Ledger": "B"})
    names = [p.name for p in result.written]
    assert names == [*(f"strike-{n}.md" for n in range(1, 6)), "veska.html.md", "veska.md.md"]
    assert result.failed == []
    result.check()
    assert "· **B6**" in (tmp_path / "out" / "veska.md.md").read_text(encoding="utf-8")


def test_progress_bar_goes_to_stderr(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "reports"
    _reports(folder, 3)
    messages: list[str] = []
    result = run_batch(folder, tmp_path / "out", progress=True, echo=messages.append)
    captured = capfd.readouterr()
    assert captured.out == ""
    assert "3/3" in captured.err
    assert len(result.written) == 3 and messages == []


def test_failures_raise_batch_error_naming_them(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    _reports(folder, 2)
    (folder / "broken.jsonl").write_text('{"text": "ok report here."}\n{oops\n', "utf-8")
    messages: list[str] = []
    result = run_batch(folder, tmp_path / "out", progress=False, echo=messages.append)
    assert len(result.written) == 2
    assert [f.name for f in result.failed] == [str(folder / "broken.jsonl")]
    assert messages == [f"Failed: {folder / 'broken.jsonl'} line 2 is not valid JSON: "
                        + messages[0].split("not valid JSON: ", 1)[1]]
    with pytest.raises(BatchError, match=r"1 of 3 reports failed: .*broken\.jsonl"):
        result.check()


def test_each_is_a_usage_error_without_outdir_or_with_reports(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["generate", "--each", str(tmp_path)]).exit_code == 2
    assert runner.invoke(cli, ["generate", "x.txt", "--each", str(tmp_path), "-o",
                               str(tmp_path)]).exit_code == 2
    assert runner.invoke(cli, ["generate"]).exit_code == 2


@pytest.mark.parametrize("fmt", ["json", "markdown", "html"])
def test_each_brief_of_a_batch_is_what_generate_writes_for_its_report(tmp_path: Path,
                                                                      fmt: str) -> None:
    """A batch writes its briefs in pieces as one generate does (JSON made as it is written,
    a template's data taking the claims out of the brief): the same text."""
    from briefing.brief.assembly import build_brief
    from briefing.io.formats import load_source
    from briefing.rendering import render

    folder = tmp_path / "in"
    shutil.copytree(MULTI / "harbour-fire", folder)
    result = run_batch(folder, tmp_path / "out", fmt=fmt, generated_at=FIXED_TIME,
                       progress=False)
    assert len(result.written) == len(list(folder.iterdir())) > 1
    for path in result.written:
        report = folder / f"{path.name.split('.')[0]}.md"  # a-wire.md gives a-wire.json
        expected = render(build_brief([load_source(report)], generated_at=FIXED_TIME), fmt)
        assert path.read_text(encoding="utf-8") == expected
